/**
 * Issue #18, Hancom's Hwp 5.0 file format spec (`ko/hwp-5.0-file-format-spec-rev1.3-2018.pdf`): its
 * running head `한글 문서 파일 형식 5.0` is set bold at the prose size (10 pt) over pages whose 9 pt tables
 * carry most characters, and right-aligned over the right half on even pages. It stayed on 62 pages
 * as a heading with body under it. Rebuilt in English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {keepLargerCopies} from '../../src/ingest/find-furniture.js'
import {type TestLine, type TestPage, writePdf} from './pdf-writer.js'

const runningHead = 'Hangul Document File Format 5.0'
/** Words differ from page to page (digits do not count), so no cell repeats as a running line. */
const pageWord = ['alpha', 'bravo', 'charlie', 'delta']
const cell = (n: number, k: number): string => `${pageWord[n - 1]} field ${k} of the record, stored as an unsigned integer`

/** A page of a spec: the running head, a section heading, two prose lines, a table of 9 pt cells and the page number. */
function specPage(n: number, headAt: number): TestPage {
  const lines: TestLine[] = [
    {text: runningHead, x: headAt, y: 44, size: 10, bold: true},
    {text: `${n}. The ${pageWord[n - 1]} record`, x: 72, y: 90, size: 12, bold: true},
    {text: `The ${pageWord[n - 1]} record holds the fields below, in the order they are stored.`, x: 72, y: 112, size: 10},
    {text: 'Every field is stored little-endian, as the table says.', x: 72, y: 126, size: 10},
    ...Array.from({length: 14}, (_, k) => ({text: cell(n, k + 1), x: 90, y: 150 + k * 12, size: 9})),
    {text: String(n), x: 290, y: 800, size: 10}
  ]
  return {lines}
}

/** Two columns of 9 pt cells under a running head set over the right one (Hancom's even pages). */
function twoColumnPage(n: number): TestPage {
  const column = (x: number, word: string): TestLine[] =>
    Array.from({length: 12}, (_, k) => ({text: `${pageWord[n - 1]} ${word} ${k + 1} of the table`, x, y: 90 + k * 14, size: 9}))
  return {
    lines: [
      {text: runningHead, x: 400, y: 44, size: 10, bold: true},
      ...column(72, 'left cell'),
      ...column(320, 'right cell'),
      {text: String(n), x: 290, y: 800, size: 10}
    ]
  }
}

const texts = (root: {children: Array<{type: string}>}): string[] => root.children.map((node) => toString(node as never))

describe('a running head set in the prose size over pages of smaller table text', () => {
  it('is page furniture on every page, not a heading', async () => {
    const parsed = await fromPdf(writePdf([1, 2, 3, 4].map((n) => specPage(n, n % 2 === 0 ? 400 : 72))))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).not.toContain(runningHead)
    expect(texts(parsed.root).filter((text) => text.includes(runningHead))).toEqual([])
    expect(headings).toEqual(expect.arrayContaining(pageWord.map((word, k) => `${k + 1}. The ${word} record`)))
  })

  it('is page furniture over the right column of a page read as two columns', async () => {
    const parsed = await fromPdf(writePdf([specPage(1, 72), twoColumnPage(2), specPage(3, 72), twoColumnPage(4)]))
    expect(texts(parsed.root).filter((text) => text.includes(runningHead))).toEqual([])
    expect(texts(parsed.root).join('\n')).toContain('delta right cell 12 of the table')
  })

  it('keeps a copy set larger than the running line’s other copies and than the body (a title under it)', () => {
    const lines = [[runningHead, 'Title page text'], [runningHead], [runningHead], [runningHead]]
    const sizes = [[24, 10], [10], [10], [10]]
    const mask = [[true, false], [true], [true], [true]]
    expect(keepLargerCopies(lines, sizes, mask, 0.9, 9)).toEqual([[false, false], [true], [true], [true]])
    // A copy only larger than the body's commonest size (a chapter opener's line in body type) is still furniture.
    expect(keepLargerCopies(lines, [[10, 10], [9], [9], [9]], mask, 0.9, 10)).toEqual(mask)
  })
})
