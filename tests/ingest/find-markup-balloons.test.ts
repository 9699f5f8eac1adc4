/**
 * Issue #18, OpenChain specification 2.0 in Japanese (`openchain-spec/2.0.ja.pdf`, CC-BY-4.0, the
 * OpenChain Project), printed from Word with its markup shown: 8.3 pt body text whose lines end at
 * x ≈ 402 and, from x ≈ 437 on, 6 pt balloons (`変更されたフィールド コード`, `コメントの追加 [FH(1]: …`,
 * `書式を変更: 蛍光ペン (なし)`) on nine pages, level with the lines they annotate. Rebuilt in English
 * with the standard fonts, with Word's English labels (`Formatted: Highlight`, `Comment [A1]: …`).
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {type BalloonLine, findMarkupBalloons} from '../../src/ingest/find-markup-balloons.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const line = (page: number, y: number, text: string, x0 = 55, x1 = 402, size = 8.5): BalloonLine => ({text, page, x0, x1, y, size})
const body = (page: number): BalloonLine[] => Array.from({length: 20}, (_, k) => line(page, 100 + k * 11, `body text ${k}`))
const balloon = (page: number, y: number, text: string): BalloonLine => line(page, y, text, 437, 520, 6)

describe('findMarkupBalloons', () => {
  it('takes small type right of the text column, at one left edge, on two pages or more', () => {
    const pages = [
      [...body(1), balloon(1, 111, 'Formatted: Highlight'), balloon(1, 160, 'Comment [A1]: check this term'), balloon(1, 168, 'again')],
      [...body(2), balloon(2, 130, 'Formatted: Highlight')]
    ]
    const found = findMarkupBalloons(pages)
    expect(found.lines).toBe(4)
    expect(found.pages).toEqual([1, 2])
    expect(found.mask[0]!.filter(Boolean)).toHaveLength(3)
    expect(found.mask[0]!.slice(0, 20).some(Boolean)).toBe(false)
  })

  it('takes none on one page alone: a single note beside a table is not a markup pane', () => {
    const found = findMarkupBalloons([[...body(1), balloon(1, 111, 'Formatted: Highlight')], body(2)])
    expect(found.lines).toBe(0)
  })

  it('keeps small type inside the column (footnotes, captions) and body-size type in the margin', () => {
    const pages = [1, 2].map((page) => [
      ...body(page),
      line(page, 400, '1 A footnote set small under the text.', 55, 300, 6),
      line(page, 120, 'Side label', 437, 480, 8.5)
    ])
    expect(findMarkupBalloons(pages).lines).toBe(0)
  })

  it('keeps small type just past the edge the text column reaches', () => {
    const pages = [1, 2].map((page) => [...body(page), line(page, 150, 'a small note', 404, 440, 6)])
    expect(findMarkupBalloons(pages).lines).toBe(0)
  })
})

describe('markup balloons in a PDF printed from Word with markup shown', () => {
  const text = (y: number, words: string): TestLine => ({text: words, x: 55, y, size: 8.5})
  const note = (y: number, words: string): TestLine => ({text: words, x: 437, y, size: 6})
  const pdf = (): Uint8Array =>
    writePdf([
      {
        lines: [
          {text: '1 Scope', x: 55, y: 80, size: 12, bold: true},
          text(100, 'This specification defines the key requirements of a quality open source license compliance'),
          note(100, 'Comment [A1]: the source has no article here.'),
          text(111, 'program, in order to build trust between organizations exchanging software solutions that'),
          note(111, 'Formatted: Highlight'),
          text(122, 'comprise open source software, and it applies to programs of any size and scope.')
        ]
      },
      {
        lines: [
          {text: '2 Requirements', x: 55, y: 80, size: 12, bold: true},
          text(100, 'A written open source policy exists that governs open source license compliance of the'),
          note(100, 'Changed field code'),
          text(111, 'supplied software, and the policy is communicated internally to all program participants.')
        ]
      }
    ])

  it('are not text: the paragraphs they stood beside read whole, and a note says how many lines went', async () => {
    const parsed = await fromPdf(pdf())
    const texts = parsed.root.children.map((node) => toString(node))
    expect(texts.join('\n')).not.toMatch(/Comment|Formatted|Changed field/u)
    expect(texts).toEqual([
      '1 Scope',
      'This specification defines the key requirements of a quality open source license compliance program, in order to build trust between organizations exchanging software solutions that comprise open source software, and it applies to programs of any size and scope.',
      '2 Requirements',
      'A written open source policy exists that governs open source license compliance of the supplied software, and the policy is communicated internally to all program participants.'
    ])
    const message = parsed.messages.find((entry) => entry.code === 'markup-balloons-removed')
    expect(message).toMatchObject({severity: 'info', page: 1})
    expect(message?.text).toContain('removed 3 lines')
  })
})
