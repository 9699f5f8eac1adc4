/**
 * Issue #18, the Ministry of Science and ICT's AI impact assessment guideline
 * (`ko/msit-ai-impact-assessment-guideline-2026.pdf`, p. 37): each FAQ answer opens with a bold line
 * at the text's own size (`A. 인공지능 영향평가란 … 서비스를`) that fills the measure and runs on into the
 * regular lines below at the paragraph's step. It became a heading between the questions. Rebuilt in
 * English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const body = (k: number): string => `Body line ${k} of the answers, set in regular type at the text size of the whole document`

describe('a bold line at the text size that runs on into the paragraph below', () => {
  it('opens that paragraph, and is no heading', async () => {
    const lines: TestLine[] = [
      {text: 'Q. What is an impact assessment?', x: 60, y: 80, size: 14, bold: true},
      {text: 'A. An impact assessment is the procedure by which a business offering a product', x: 60, y: 110, size: 10, bold: true},
      {text: 'weighs its effect on the rights of people before it is offered (art. 35).', x: 72, y: 122, size: 10},
      {text: 'Q. Who carries it out?', x: 60, y: 160, size: 14, bold: true},
      {text: 'Short bold title', x: 60, y: 190, size: 10, bold: true}
    ]
    for (let k = 0; k < 30; k++) lines.push({text: body(k + 1), x: 60, y: 210 + k * 12, size: 10})
    const parsed = await fromPdf(writePdf([{lines}]))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['Q. What is an impact assessment?', 'Q. Who carries it out?', 'Short bold title'])
    const text = parsed.root.children.map((node) => toString(node)).join('\n')
    expect(text).toMatch(/offering a product\s+weighs its effect/u)
  })
})
