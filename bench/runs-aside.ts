/**
 * The runs of a real PDF's pages that no reader counts as its text, for `npm run eval:pdf`'s `words`
 * (the pages' letters less these) and `furn`: running heads, feet and page numbers found by place and
 * repetition in the margin bands, Word's markup balloons, and bullets that are pictures (symbol fonts,
 * Word's Courier `o`). Found on the pages' runs by place, repetition and type, not by the ingest's own
 * furniture rules, so that the eval checks those (the balloons alone by the ingest's test, on runs).
 */
import {findMarkupBalloons} from '../src/ingest/find-markup-balloons.js'
import type {PdfContent} from '../src/ingest/pdf.js'

type Page = PdfContent['pages'][number]
type Item = Page['items'][number]

/** The runs of `content` set aside: margin furniture, markup balloons, symbol-font and Courier `o` bullets. */
export function runsAside(content: PdfContent): Set<Item> {
  const out = new Set<Item>([...marginFurniture(content), ...markupBalloonRuns(content), ...letterBulletRuns(content)])
  for (const page of content.pages) for (const item of page.items) if (symbolFont.test(item.fontName)) out.add(item)
  return out
}

/**
 * Word's second-level bullets: a run of a lone `o` in a monospaced font (Courier New) whose next run
 * on its baseline is in another font, half an em or more beyond it — a hollow bullet, not the letter.
 */
function letterBulletRuns(content: PdfContent): Set<Item> {
  const out = new Set<Item>()
  for (const page of content.pages) {
    const rows = new Map<number, Item[]>()
    for (const item of page.items) rows.set(Math.round(item.y), [...(rows.get(Math.round(item.y)) ?? []), item])
    for (const row of rows.values()) {
      const sorted = [...row].sort((a, b) => a.x - b.x)
      sorted.forEach((mark, index) => {
        const next = sorted[index + 1]
        if (next && mark.monospace && !next.monospace && mark.text.trim() === 'o' && next.x - (mark.x + mark.width) >= 0.5 * mark.fontSize)
          out.add(mark)
      })
    }
  }
  return out
}

/** Fonts whose glyphs are pictures (bullets, arrows), whatever letter code they map to. */
const symbolFont = /wingdings|webdings|dingbats|zapf|symbol/iu

/**
 * The runs that are page furniture by place and repetition alone: in a page's top or bottom band
 * ({@link marginBand}), a bare page number, or a run or row of runs whose text (spaces aside, and a
 * row's page number at either end) is printed in that band on three pages or more. The same test as the `furn` column's, on the page's runs.
 */
function marginFurniture(content: PdfContent): Set<Item> {
  const banded: Array<{page: number; texts: string[]; items: Item[]}> = []
  const inBand = marginBands(content)
  const pagesOf = new Map<string, Set<number>>()
  const seen = (text: string, page: number): void => {
    pagesOf.set(text, (pagesOf.get(text) ?? new Set<number>()).add(page))
  }
  for (const page of content.pages) {
    const rows = new Map<number, Item[]>()
    for (const item of page.items) {
      if (!inBand(page, item)) continue
      const key = Math.round(item.y)
      const row = rows.get(key)
      if (row) row.push(item)
      else rows.set(key, [item])
    }
    for (const row of rows.values()) {
      const items = row.sort((a, b) => a.x - b.x)
      // The row again without a page number at either end: a running foot that carries the page's
      // number (`© … 참조 i`, `ii © … 참조`) is split into other runs on some pages.
      let first = 0
      let last = items.length
      while (first < last && pageNumber(squeezed(items[first]!.text))) first++
      while (last > first && pageNumber(squeezed(items[last - 1]!.text))) last--
      const texts = [
        squeezed(items.map((item) => item.text).join('')),
        squeezed(
          items
            .slice(first, last)
            .map((item) => item.text)
            .join('')
        ),
        ...items.map((item) => squeezed(item.text))
      ]
      for (const text of new Set(texts)) seen(text, page.number)
      banded.push({page: page.number, texts, items})
    }
  }
  const furniture = (text: string): boolean => text !== '' && (pageNumber(text) || (pagesOf.get(text)?.size ?? 0) >= 3)
  // A running line reworded on a page (OpenChain 2.1 ja's footer in English on p. 2, in Japanese on
  // the rest): a row on the baseline of a repeated row, in its size, opening with the same characters.
  const running = banded.filter((row) => !pageNumber(row.texts[1]!) && furniture(row.texts[1]!))
  const opening = (a: string, b: string): number => {
    const [x, y] = [[...a], [...b]]
    let n = 0
    while (n < x.length && n < y.length && x[n] === y[n]) n++
    return n >= 12 && n >= Math.min(x.length, y.length) / 3 ? n : 0
  }
  const reworded = (row: (typeof banded)[number]): boolean =>
    running.some(
      (other) =>
        Math.abs(other.items[0]!.y - row.items[0]!.y) <= row.items[0]!.fontSize / 4 &&
        Math.abs(other.items[0]!.fontSize - row.items[0]!.fontSize) <= 0.5 &&
        opening(other.texts[1]!, row.texts[1]!) > 0
    )
  const out = new Set<Item>()
  for (const row of banded) {
    if (furniture(row.texts[0]!) || furniture(row.texts[1]!) || reworded(row)) for (const item of row.items) out.add(item)
    else for (const [index, item] of row.items.entries()) if (furniture(row.texts[index + 2]!)) out.add(item)
  }
  return out
}

/**
 * The runs of Word's markup pane: {@link findMarkupBalloons} on the runs joined into lines — runs on
 * one baseline with no gap wider than twice their size between them (the pane is set a column's gap
 * right of the text, a balloon's words a space apart) — as the ingest joins them before it.
 */
function markupBalloonRuns(content: PdfContent): Set<Item> {
  const lines = content.pages.map((page) => {
    const rows = new Map<number, Item[]>()
    for (const item of page.items) rows.set(Math.round(item.y), [...(rows.get(Math.round(item.y)) ?? []), item])
    const out: Array<{text: string; page: number; x0: number; x1: number; y: number; size: number; items: Item[]}> = []
    for (const [y, row] of [...rows].sort((a, b) => a[0] - b[0])) {
      for (const item of row.sort((a, b) => a.x - b.x)) {
        const last = out.at(-1)
        if (last && last.y === y && item.x - last.x1 <= 2 * Math.max(item.fontSize, last.size)) {
          last.text += item.text
          last.x1 = Math.max(last.x1, item.x + item.width)
          last.size = Math.max(last.size, item.fontSize)
          last.items.push(item)
        } else out.push({text: item.text, page: page.number, x0: item.x, x1: item.x + item.width, y, size: item.fontSize, items: [item]})
      }
    }
    return out
  })
  const {mask} = findMarkupBalloons(lines)
  return new Set(lines.flatMap((page, p) => page.filter((_, index) => mask[p]![index]).flatMap((line) => line.items)))
}

/** A bare page number, arabic (`12`, `- 12 -`) or lower-case roman (`ii`), spaces squeezed out. */
export const pageNumber = (text: string): boolean => /^[-–—]*\d{1,4}[-–—]*$/u.test(text) || /^[ivxlc]{1,6}$/u.test(text)

/** A page's top and bottom band, where running heads, running feet and page numbers are printed: this share of its height each. */
const marginBand = 0.1

/** How far inside the document's usual first and last lines the bands reach at least: this share of the page's height (two lines of 8 pt type on a Letter page). */
const usualLineReach = 0.02

/**
 * Whether a run lies in its page's top or bottom band: the outer tenth of the page ({@link marginBand}),
 * or, when the document's usual first and last lines (the median over its pages) both lie further in
 * than that, as far in as those lines and a line or two beyond. A page printed scaled down (Word
 * printing its markup pane beside the text, OpenChain 2.0 ja) sets its running head and foot a sixth
 * of the page in, where a fixed tenth misses them.
 */
function marginBands(content: PdfContent): (page: Page, item: Item) => boolean {
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!
  }
  const filled = content.pages.filter((page) => page.items.length > 0)
  const firstLine = median(filled.map((page) => Math.min(...page.items.map((item) => item.y)) / page.height))
  const lastLine = median(filled.map((page) => Math.max(...page.items.map((item) => item.y)) / page.height))
  // Only a page shrunk toward its middle has both its usual first and last lines inside the bands'
  // edges; one wide margin alone (a slide deck's tall title band, a first body line just past the
  // tenth) is layout, and reaching further in there takes body lines.
  const scaled = firstLine > marginBand && lastLine < 1 - marginBand
  const top = scaled ? firstLine + usualLineReach : marginBand
  const bottom = scaled ? lastLine - usualLineReach : 1 - marginBand
  return (page, item) => item.y < page.height * top || item.y > page.height * bottom
}

export const squeezed = (text: string): string => text.normalize('NFKC').replace(/\s+/gu, '')

/** Runs grouped by baseline (rounded to the point), each row left to right, rows in first-seen order. */
export function baselineRows(items: readonly Item[]): Item[][] {
  const rows = new Map<number, Item[]>()
  for (const item of items) {
    const key = Math.round(item.y)
    const row = rows.get(key)
    if (row) row.push(item)
    else rows.set(key, [item])
  }
  return [...rows.values()].map((row) => row.sort((a, b) => a.x - b.x))
}

/** A row's text, spaces aside. */
export const rowText = (row: readonly Item[]): string => squeezed(row.map((item) => item.text).join(''))

/**
 * Per page number, the texts printed in its margin bands ({@link marginBand}), without spaces: each run
 * and each row of runs on one baseline, so that a block matches whether the PDF set it in one run or many.
 */
export function marginTexts(content: PdfContent): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>()
  const inBand = marginBands(content)
  for (const page of content.pages) {
    const texts = new Set<string>()
    for (const row of baselineRows(page.items.filter((item) => inBand(page, item)))) {
      for (const item of row) texts.add(squeezed(item.text))
      texts.add(rowText(row))
    }
    out.set(page.number, texts)
  }
  return out
}

/**
 * Per page number, how often each text is printed outside its margin bands, spaces aside: each row
 * of runs on one baseline, and each run of a row of several (a figure's labels `0 … 11` on one line).
 */
export function bodyTextCounts(content: PdfContent): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>()
  const inBand = marginBands(content)
  for (const page of content.pages) {
    const counts = new Map<string, number>()
    const add = (text: string): void => {
      counts.set(text, (counts.get(text) ?? 0) + 1)
    }
    for (const row of baselineRows(page.items.filter((item) => !inBand(page, item)))) {
      add(rowText(row))
      if (row.length > 1) for (const item of row) add(squeezed(item.text))
    }
    out.set(page.number, counts)
  }
  return out
}
