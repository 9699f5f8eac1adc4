/**
 * Issue #18, the Ministry of Science and ICT's AI impact assessment guideline
 * (`ko/msit-ai-impact-assessment-guideline-2026.pdf`): its sub-sections (`3.1`, `3.2`, `3.3`, bold 11 pt)
 * start at the left edge, while the same bold 11 pt, centred, captions its tables (`제품 또는 서비스 차원에서
 * 영향받을 수 있는 기본권`), and its forms inset bold labels in their cells (`직접 피영향자(영향받는 자)`).
 * Taken for headings, each caption outranked `3.3`, which sank one level. Rebuilt in English with the
 * standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {type PlacedLine, placedOffLines} from '../../src/ingest/classify-pdf-lines.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const line = (text: string, x0: number, x1: number, y: number, size = 11, bold = true, page = 1): PlacedLine => ({
  text,
  x0,
  x1,
  y,
  size,
  bold,
  page,
  column: 0
})

describe('placedOffLines', () => {
  const body = [line('Body text of the page, set across the whole measure of the column', 57, 538, 300, 9, false)]
  const heading = (l: PlacedLine): boolean => l.size >= 11

  it('takes a line centred on its column, in the style of numbered headings at the left edge, for a caption', () => {
    const numbered = line('3.2 Rights concerned', 59, 168, 100)
    const caption = line('Rights concerned by the product or service', 176, 416, 230)
    const inset = line('Persons affected directly', 141, 253, 400)
    expect([...placedOffLines([numbered, caption, inset, ...body], heading)]).toEqual([caption, inset])
  })

  it('leaves a style alone whose numbered lines are not at the left edge: centred chapter titles stay', () => {
    const chapter = line('Chapter 1 General provisions', 240, 356, 100)
    const title = line('Supplementary provisions', 250, 346, 400)
    expect(placedOffLines([chapter, title, ...body], heading).size).toBe(0)
  })
})

describe('a caption and a cell label in the type of numbered sub-sections', () => {
  it('are text, and the next sub-section stays beside its siblings', async () => {
    const lines: TestLine[] = []
    let y = 70
    const add = (text: string, x: number, size: number, bold = false, step = 14): void => {
      lines.push({text, x, y, size, bold})
      y += step
    }
    const prose = (count: number, x = 60): void => {
      for (let k = 0; k < count; k++)
        add(`Running text of the guide, line ${k + 1}, set in the body type across the measure of it.`, x, 9, false, 12)
    }
    add('Impact assessment guideline', 60, 18, true, 30)
    add('3. Impact on rights', 60, 13, true, 24)
    add('3.1 Scenarios', 60, 11, true, 18)
    prose(6)
    y += 10
    add('3.2 Rights concerned', 60, 11, true, 18)
    prose(5)
    y += 10
    // An inset label in a form's cell, its notes indented with it.
    add('Persons affected directly', 160, 11, true, 16)
    prose(3, 160)
    y += 10
    add('3.3 Judging the impact', 60, 11, true, 18)
    prose(6)
    const parsed = await fromPdf(writePdf([{lines}]))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [[toString(node), node.depth] as const] : []))
    expect(headings.map(([text]) => text)).toEqual([
      '3. Impact on rights',
      '3.1 Scenarios',
      '3.2 Rights concerned',
      '3.3 Judging the impact'
    ])
    expect(headings[3]![1]).toBe(headings[1]![1])
    expect(parsed.root.children.map((node) => toString(node)).join('\n')).toContain('Persons affected directly')
  })
})
