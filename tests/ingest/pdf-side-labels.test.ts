/**
 * Issue #18, the SW supply-chain security guideline summary (`ko/sw-supply-chain-security-guideline-summary-2024.pdf`,
 * InDesign 19, tagged but with no heading tags): its introduction page carries `요약` as the text of a
 * tagged figure and `요약본` stacked one syllable a line down the left margin, both set larger than the
 * body. Neither names a section. Rebuilt in English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const body = (texts: string[], y: number): TestLine[] => texts.map((text, k) => ({text, x: 86, y: y + k * 17, size: 9.5, tag: 'P'}))
const paragraph = [
  'This summary helps public bodies and businesses grasp the main points of the supply-chain guideline',
  'in a short time. It does not follow the full edition chapter by chapter: the SBOM material is a chapter',
  'of its own here, with the results of the pilot and the support centres that help companies adopt it.'
]

describe('large text that names no section', () => {
  it('is not a heading when it is a figure’s text or letters stacked down the margin', async () => {
    const pdf = writePdf([
      {
        lines: [
          {text: 'S', x: 36, y: 107, size: 10.7, tag: 'Span'},
          {text: 'U', x: 36, y: 116, size: 10.7, tag: 'Span'},
          {text: 'M', x: 36, y: 125, size: 10.7, tag: 'Span'},
          ...body(paragraph, 189),
          {text: 'Summary', x: 143, y: 488, size: 12.2, tag: 'Figure'},
          ...body(paragraph, 520)
        ]
      },
      {lines: [{text: 'Chapter 1 Background', x: 86, y: 90, size: 16, bold: true, tag: 'P'}, ...body(paragraph, 130)]},
      {lines: [{text: 'Chapter 2 Managing the risk', x: 86, y: 90, size: 16, bold: true, tag: 'P'}, ...body(paragraph, 130)]}
    ])
    const parsed = await fromPdf(pdf)
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['Chapter 1 Background', 'Chapter 2 Managing the risk'])
    const text = parsed.root.children.map((node) => toString(node)).join('\n')
    expect(text).toContain('Summary')
  })
})
