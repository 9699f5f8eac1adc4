/**
 * Issue #18, OpenChain specification 1.2 (`openchain-spec/1.2.{ja,ko}.pdf`, CC-BY-4.0, the OpenChain
 * Project): a requirement is one tagged `H3` whose lines wrap; the Korean edition sets its second
 * sentence in regular weight, the Japanese wraps some over four lines. Read by weight or a three-line
 * cap, each tail became a heading of its own. Rebuilt in English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const h3 = (text: string, y: number, bold = true): TestLine => ({text, x: 90, y, size: 11, bold, tag: 'H3'})
const paragraph = (text: string, y: number): TestLine => ({text, x: 90, y, size: 11, tag: 'P'})

describe('a tagged heading over several lines', () => {
  it('is one heading however its lines are weighted, up to six lines, until a numbered line', async () => {
    const parsed = await fromPdf(
      writePdf([
        {
          lines: [
            {text: 'Requirements', x: 72, y: 80, size: 14, bold: true, tag: 'H1'},
            {text: 'Goal 1: Know your open source duties', x: 72, y: 110, size: 12, bold: true, tag: 'H2'},
            h3('1.1 A written open source policy governs the licence compliance of', 140),
            h3('the software the company supplies. The policy is made known inside.', 154, false),
            paragraph('The policy is kept where every developer finds it and is read once a year.', 180),
            h3('1.2 The open source program handles the common cases the staff meet', 210),
            h3('with supplied software, among them the following ones (the list is', 224),
            h3('not complete, and not every case applies to every organisation, so', 238),
            h3('each organisation picks the ones it meets).', 252),
            h3('1.3 A process reviews the licences found.', 266),
            paragraph('The review names the duties each licence gives and the rights it grants to users.', 292),
            {text: 'Appendix: translations', x: 72, y: 330, size: 14, bold: true, tag: 'H1'},
            paragraph('This text is also published in Japanese and Korean.', 360)
          ]
        }
      ])
    )
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
    expect(headings).toEqual([
      '1 Requirements',
      '2 Goal 1: Know your open source duties',
      '3 1.1 A written open source policy governs the licence compliance of the software the company supplies. The policy is made known inside.',
      '3 1.2 The open source program handles the common cases the staff meet with supplied software, among them the following ones (the list is not complete, and not every case applies to every organisation, so each organisation picks the ones it meets).',
      '3 1.3 A process reviews the licences found.',
      '1 Appendix: translations'
    ])
  })
})
