/**
 * Issue #18: the Ministry of Science and ICT's AI impact assessment guideline
 * (`ko/msit-ai-impact-assessment-guideline-2026.pdf`, pp. 28–33) opens each worked example with a badge
 * set apart from its title, `작성 예시1` then `스마트채용 (…)`, and the SW supply-chain guideline sets
 * `제2절` a wide space before its title: that gap, over an em, read as a table's cell gap, and neither
 * title was a heading. Rebuilt in English with the standard fonts (`Part 01` a 1.2 em gap before its title).
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

describe('a badge or number set apart from its title', () => {
  it('opens a heading, not a table row', async () => {
    const lines: TestLine[] = [{text: 'Assessment guide', x: 60, y: 60, size: 18, bold: true}]
    let y = 100
    for (const [badge, title] of [
      ['Part 01', 'Smart hiring service'],
      ['Part 02', 'Face swap studio']
    ] as const) {
      // `Part 01` in 13 pt Helvetica-Bold is 43.4 pt wide: its title starts 1.2 em (15.6 pt) to its right.
      lines.push({text: badge, x: 60, y, size: 13, bold: true}, {text: title, x: 60 + 43.4 + 15.6, y, size: 13, bold: true})
      y += 24
      for (let k = 0; k < 6; k++, y += 12)
        lines.push({text: `Running text of the example, line ${k + 1}, set in the body type across the measure.`, x: 60, y, size: 9})
      y += 20
    }
    const parsed = await fromPdf(writePdf([{lines}]))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['Part 01 Smart hiring service', 'Part 02 Face swap studio'])
  })
})
