/**
 * Issue #18, the Ministry of Science and ICT's AI impact assessment guideline
 * (`ko/msit-ai-impact-assessment-guideline-2026.pdf`): its prose is set at 11 pt, its form appendix
 * at 9 pt over more pages, so 9 pt carries most characters. Rebuilt in English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {pageBodySizes} from '../../src/ingest/classify-pdf-lines.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const prose = [
  'The assessment looks at how a product or service that uses artificial intelligence may affect',
  'the basic rights of the people who use it or are affected by it, before it is offered to them.',
  'A business that offers such a product should assess it, and may ask an expert body to do so;',
  'public bodies are to prefer products whose assessment has been carried out and made available.',
  'The results feed the measures the business takes after the assessment, and are kept on file.',
  'This guideline explains each step of the assessment and gives an example of a completed form.'
]
const formRow = (k: number): string =>
  `Row ${k}: describe the purpose of the system, the people it affects, the risk found and the measure taken against it`

describe('a page of running text set larger than the document’s commonest size', () => {
  it('is read against its own body size: its lines are not headings', async () => {
    const prosePage = (title: string): {lines: TestLine[]} => ({
      // Each page's lines worded its own way: one line atop or at the foot of two of five pages is a running line.
      lines: [
        {text: title, x: 60, y: 90, size: 13, bold: true},
        ...prose.map((text, k) => ({text: `${text} (${title})`, x: 60, y: 120 + k * 20, size: 11}))
      ]
    })
    const formPage = (title: string): {lines: TestLine[]} => ({
      lines: [
        {text: title, x: 60, y: 90, size: 13, bold: true},
        ...Array.from({length: 30}, (_, k) => ({text: formRow(k + 1), x: 60, y: 120 + k * 14, size: 9}))
      ]
    })
    const parsed = await fromPdf(
      writePdf([prosePage('1. Purpose'), prosePage('2. Scope'), formPage('Form A'), formPage('Form B'), formPage('Form C')])
    )
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['1. Purpose', '2. Scope', 'Form A', 'Form B', 'Form C'])
    expect(parsed.root.children.filter((node) => node.type === 'paragraph').length).toBeGreaterThanOrEqual(5)
  })

  it('reads a page whose prose shares it with more text in smaller type (boxed quotations) against its prose; leaves short pages and pages of smaller type to the document’s body size', () => {
    const line = (page: number, size: number, length: number): {text: string; page: number; size: number} => ({
      text: 'x'.repeat(length),
      page,
      size
    })
    const sizes = pageBodySizes(
      [
        ...[line(1, 11, 500), line(1, 13, 20), line(2, 20, 30), line(3, 8, 600), line(4, 11, 300), line(4, 9, 400)],
        // msit-ai-impact p. 5: 476 characters of prose at 11 pt beside 1128 of boxed quotations at 9 pt.
        ...[line(5, 11, 476), line(5, 9, 1128), line(5, 13, 20)],
        // A few lines in larger type on a page of smaller text are headings.
        ...[line(6, 11, 100), line(6, 9, 900)]
      ],
      9
    )
    expect([...sizes]).toEqual([
      [1, 11],
      [4, 11],
      [5, 11]
    ])
  })

  it('reads a page too short to measure, that ends the running text of the page before, against that page’s body', () => {
    const line = (page: number, size: number, length: number): {text: string; page: number; size: number} => ({
      text: 'x'.repeat(length),
      page,
      size
    })
    // msit-ai-impact pp. 38–39: a FAQ at 13 pt over a 9 pt document; its last answer fills a few lines of p. 39.
    const sizes = pageBodySizes([line(38, 13, 900), line(38, 15, 60), line(39, 13, 300), line(39, 15, 20), line(40, 15, 30)], 9)
    expect(sizes.get(38)).toBe(13)
    expect(sizes.get(39)).toBe(13)
    // A short page in other type (a chapter opener) stays with the document's body.
    expect(sizes.has(40)).toBe(false)
  })
})
