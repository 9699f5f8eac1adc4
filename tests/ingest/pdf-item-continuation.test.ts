/**
 * Issue #18, the Ministry of Science and ICT's AI impact assessment guideline
 * (`ko/msit-ai-impact-assessment-guideline-2026.pdf`, pp. 7, 28, 31, 33): a list item or a long
 * sentence set at 11 pt on a page filled with 9 pt boxes wraps onto a short second line, which is in
 * heading type and short enough for a title, and became a heading of its own (`보유한 제3자에 의뢰하여
 * 수행할 수 있음`). Rebuilt in English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const boxRow = (page: number, k: number): string =>
  `Box ${page}.${k}: the operator, the people affected, the risk found on page ${page} and the measure taken against it`

/** A page with a 13 pt heading, an 11 pt item wrapped over two lines, and a box of 9 pt rows below. */
function page(n: number, item: [string, string] | null): {lines: TestLine[]} {
  const lines: TestLine[] = [{text: `${n}. Section ${['one', 'two', 'three'][n - 1]}`, x: 60, y: 80, size: 13, bold: true}]
  if (item) lines.push({text: item[0], x: 60, y: 110, size: 11}, {text: item[1], x: 72, y: 126, size: 11})
  for (let k = 0; k < 30; k++) lines.push({text: boxRow(n, k + 1), x: 60, y: 160 + k * 14, size: 9})
  return {lines}
}

describe('the second line of an item in heading type', () => {
  it('carries the item on, and is no heading of its own', async () => {
    const parsed = await fromPdf(
      writePdf([
        page(1, [
          '- A business that offers a high-impact product assesses it itself, or may give the assessment to a',
          'third party with the expertise'
        ]),
        page(2, null),
        page(3, null)
      ])
    )
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['1. Section one', '2. Section two', '3. Section three'])
    const text = parsed.root.children.map((node) => toString(node)).join('\n')
    expect(text).toMatch(/to a\s+third party with the expertise/u)
  })

  it('goes by the leading measured for its size, looser than the body text', async () => {
    // The guide sets its 11 pt prose at 180 % leading (a 19.8 pt step on p. 7) and its 9 pt boxes on a
    // 12 pt step: the box step scaled to 11 pt (19.1 pt with its slack) is too tight for the prose.
    const items: [string, string][] = [
      [
        '- A business may assess the product again when it thinks fit, and is advised to when its core function',
        'or the people it affects change a great deal'
      ],
      [
        '- A business that offers a high-impact product assesses it itself, or may give the assessment to a',
        'third party with the expertise'
      ],
      [
        '- The ministry lays down the rules and, through the agency it names, gives expert support and the',
        'practical help the assessment needs'
      ]
    ]
    const loose = (n: number): {lines: TestLine[]} => {
      const lines: TestLine[] = [{text: `${n}. Section ${['one', 'two', 'three'][n - 1]}`, x: 60, y: 80, size: 13, bold: true}]
      const [first, second] = items[n - 1]!
      lines.push({text: first, x: 60, y: 110, size: 11}, {text: second, x: 72, y: 129.8, size: 11})
      for (let k = 0; k < 30; k++) lines.push({text: boxRow(n, k + 1), x: 60, y: 160 + k * 12, size: 9})
      return {lines}
    }
    const parsed = await fromPdf(writePdf([loose(1), loose(2), loose(3)]))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['1. Section one', '2. Section two', '3. Section three'])
    const text = parsed.root.children.map((node) => toString(node)).join('\n')
    expect(text).toMatch(/core function\s+or the people it affects/u)
  })

  it('ends at a line opening with a bullet in any font, however close below', async () => {
    // Hancom's guides open items with `⚫` and `·` (and notes with `※`), none of them a bullet in a symbol font.
    const lines: TestLine[] = [{text: '1. Section one', x: 60, y: 80, size: 13, bold: true}]
    lines.push(
      {text: 'The operator assesses the product before it is offered, and again when it changes', x: 60, y: 110, size: 9},
      {text: '· A product offered before the act took effect may be assessed as it is offered now', x: 60, y: 122, size: 9},
      {text: '· The assessment covers the people affected, directly or not', x: 60, y: 134, size: 9}
    )
    for (let k = 0; k < 30; k++) lines.push({text: boxRow(1, k + 1), x: 60, y: 160 + k * 12, size: 9})
    const parsed = await fromPdf(writePdf([{lines}]))
    const blocks = parsed.root.children.map((node) => toString(node))
    expect(blocks).toContain('The operator assesses the product before it is offered, and again when it changes')
    expect(blocks).toContain('· A product offered before the act took effect may be assessed as it is offered now')
    expect(blocks).toContain('· The assessment covers the people affected, directly or not')
  })
})
