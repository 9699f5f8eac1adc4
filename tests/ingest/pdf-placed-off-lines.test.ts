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
import {labelColumnLines, type PlacedLine, placedOffLines} from '../../src/ingest/classify-pdf-lines.js'
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

describe('labelColumnLines', () => {
  const at = (text: string, y: number, column: number, size = 10) => ({text, y, column, page: 1, size, bold: true})
  const typed = (line: {text: string}): boolean => /^\d\./u.test(line.text)

  it('takes three or more labels of a left column, each beside a line of the right column, for table cells', () => {
    const lines = [
      at('1. Overview', 206, 1),
      at('2. Purpose', 231, 1),
      at('3. Field of use', 256, 1),
      at('Main functions of the service, in brief', 206, 2),
      at('What the service is for', 225, 2),
      at('The industry it serves', 256, 2)
    ]
    expect([...labelColumnLines(lines, typed, () => 13)].map((line) => line.text)).toEqual(['1. Overview', '2. Purpose', '3. Field of use'])
  })

  it('leaves headings followed by their own column text alone, and two stacked headings', () => {
    const lines = [
      at('1. Overview', 100, 1),
      at('running text of the left column', 114, 1),
      at('2. Purpose', 200, 1),
      at('3. Field of use', 214, 1),
      at('running text of the right column', 100, 2),
      at('more running text of the right column', 200, 2),
      at('and more of it', 214, 2)
    ]
    expect(labelColumnLines(lines, typed, () => 13).size).toBe(0)
  })

  it('leaves a two-line title over a heading alone, though each is beside the right column', () => {
    const lines = [
      at('1. Contributor Covenant Code', 92, 1, 18),
      at('2. of Conduct', 116, 1, 18),
      at('3. Our Pledge', 149, 1, 14.5),
      at('Scope', 100, 2, 14.5),
      at('running text of the right column', 116, 2, 10),
      at('more running text of the right column', 149, 2, 10)
    ]
    expect(labelColumnLines(lines, typed, () => 24).size).toBe(0)
  })
})

describe('a two-column table of labels and their descriptions', () => {
  it('is text, not one heading per label', async () => {
    const lines: TestLine[] = [
      {text: 'Guide', x: 60, y: 60, size: 18, bold: true},
      {text: '2. Target', x: 60, y: 100, size: 13, bold: true}
    ]
    const labels = ['1. Overview', '2. Purpose', '3. Field of use', '4. Procedure', '5. Period of use']
    labels.forEach((label, k) => {
      const y = 140 + k * 25
      lines.push({text: label, x: 67, y, size: 10, bold: true})
      lines.push({text: `Describe the ${label.slice(3).toLowerCase()} of the service briefly`, x: 300, y: y - 6, size: 9})
      lines.push({text: 'in one or two lines of the form', x: 300, y: y + 6, size: 9})
    })
    const parsed = await fromPdf(writePdf([{lines}]))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['2. Target'])
    expect(parsed.root.children.map((node) => toString(node)).join('\n')).toContain('3. Field of use')
  })
})
