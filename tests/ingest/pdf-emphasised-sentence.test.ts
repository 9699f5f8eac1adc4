/**
 * Issue #18, OpenChain specification 2.1 in Korean (`openchain-spec/2.1.ko.pdf`, CC-BY-4.0, the
 * OpenChain Project), page 6: under `3.1.2 역량` the bold body-size sentence `조직은 다음 사항을
 * 수행해야 한다` opens the list of what an organisation shall do; it ends a sentence (a Korean
 * declarative ends in `다`, with or without a full stop), so it is no heading. Rebuilt in English with
 * the standard fonts (which cannot print Hangul): the sentence ends in a full stop.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {readsAsProse} from '../../src/ingest/classify-pdf-lines.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const body = (texts: string[], y: number): TestLine[] => texts.map((text, k) => ({text, x: 72, y: y + k * 14, size: 10}))

describe('a bold sentence in body type', () => {
  it('is a paragraph, where a bold title in body type without a number is a heading', async () => {
    const parsed = await fromPdf(
      writePdf([
        {
          lines: [
            {text: '3.1.2 Competence', x: 72, y: 80, size: 13, bold: true},
            {text: 'The organization shall do the following.', x: 72, y: 110, size: 10, bold: true},
            ...body(['Identify the roles and the responsibilities of each role that affect the', 'performance of the program.'], 130),
            {text: 'Verification material', x: 72, y: 180, size: 10, bold: true},
            ...body(['A document describing the roles and their responsibilities.'], 200),
            {text: 'Is a role still needed?', x: 72, y: 240, size: 10, bold: true},
            ...body(['Each role is reviewed once a year and kept while it serves the program.'], 260),
            {text: '3.1.3 Awareness', x: 72, y: 300, size: 13, bold: true},
            ...body(['Program participants are aware of the policy.'], 330)
          ]
        }
      ])
    )
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['3.1.2 Competence', 'Verification material', 'Is a role still needed?', '3.1.3 Awareness'])
    const paragraphs = parsed.root.children.flatMap((node) => (node.type === 'paragraph' ? [toString(node)] : []))
    expect(paragraphs[0]).toBe('The organization shall do the following.')
  })

  it('ends in a Korean declarative or a Japanese polite or copula ending, with or without a stop or colon', () => {
    expect(readsAsProse('조직은 다음 사항을 수행해야 한다')).toBe('sentence')
    expect(readsAsProse('조직은 다음 사항을 수행해야 한다:')).toBe('sentence')
    expect(readsAsProse('以下のとおりである：')).toBe('sentence')
    expect(readsAsProse('組織は次の事項を実施します')).toBe('sentence')
    expect(readsAsProse('3.1.2 역량')).toBeNull()
    expect(readsAsProse('바다')).toBeNull()
    expect(readsAsProse('오픈소스 커뮤니티 참여에 대한 이해')).toBeNull()
  })
})
