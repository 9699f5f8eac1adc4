/**
 * Issue #18, the Ministry of Science and ICT's AI impact assessment guideline
 * (`ko/msit-ai-impact-assessment-guideline-2026.pdf`, pp. 28–33): its filled-in assessment forms are
 * two-column tables, a bold 10 pt label (`2. 목적 및 필요성`) left of 9 pt value lines set around its
 * baseline. Larger and bolder than the body, each label became a heading. Rebuilt in English with the
 * standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {besideTextLines} from '../../src/ingest/classify-pdf-lines.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const row = (k: number): string => `Body line ${k} of the form's notes, set in the body type of the whole guide`

describe('a table label with its values set beside it', () => {
  it('is a cell of the table, not a heading', async () => {
    const lines: TestLine[] = [{text: 'Sample assessment', x: 60, y: 80, size: 14, bold: true}]
    const labels = ['1. Overview', '2. Purpose', '3. Field of use']
    labels.forEach((label, k) => {
      const y = 130 + k * 40
      lines.push(
        {text: `Value of ${label.slice(3).toLowerCase()}, first line of the cell`, x: 200, y: y - 6, size: 9},
        {text: label, x: 60, y, size: 10, bold: true},
        {text: 'and its second line, set below the label', x: 200, y: y + 6, size: 9}
      )
    })
    lines.push({text: 'Notes', x: 60, y: 270, size: 10, bold: true})
    for (let k = 0; k < 30; k++) lines.push({text: row(k + 1), x: 60, y: 300 + k * 12, size: 9})
    const parsed = await fromPdf(writePdf([{lines}]))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['Notes'])
    const text = parsed.root.children.map((node) => toString(node)).join('\n')
    expect(text).toContain('2. Purpose')
  })

  it('needs text of a comparable size beside it: a comment balloon in the margin does not make a table', () => {
    const line = (text: string, x0: number, x1: number, y: number, size: number) => ({text, page: 1, column: 0, x0, x1, y, size})
    const heading = line('1.4 Scope of the program', 55, 180, 331, 9)
    const balloon = line('Comment added: does the rationale allow it?', 437, 560, 341, 6)
    const label = line('2. Purpose', 60, 120, 247, 10)
    const value = line('Value of purpose, first line', 200, 400, 241, 9)
    const found = besideTextLines(
      [value, label, heading, balloon],
      (l) => l.size >= 9 && l !== value,
      () => 16
    )
    expect([...found]).toEqual([label])
  })
})
