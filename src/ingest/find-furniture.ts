/**
 * Page furniture: running headers and footers, and bare page numbers. A running line is one that
 * comes back near the top or bottom of many pages once its digits are ignored (`[Page 5]`,
 * `January 1999`, a printing date); a page number is a number alone on a top or bottom line.
 * Nothing else is furniture: body text that happens to repeat stays.
 */

/** Options of {@link findFurniture}. */
export interface FurnitureOptions {
  /** How many non-blank lines at the top and at the bottom of a page count as its margins. Default 3. */
  zone?: number
  /** Share of pages a line must recur on to be a running line. Default 0.3 (and never fewer than 2 pages). */
  minShare?: number
}

/** What {@link findFurniture} found. */
export interface Furniture {
  /** `mask[page][line]` is true for a furniture line. Same shape as the input. */
  mask: boolean[][]
  /** The running-line patterns found (digits shown as `#`), in first-seen order. */
  patterns: string[]
}

const pageNumberPatterns: RegExp[] = [
  /^[-–—]?\s*\d{1,4}\s*[-–—]?$/u,
  /^\d{1,4}\s*(?:\/|of)\s*\d{1,4}$/iu,
  /^\[?(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\]?$/iu,
  /^(?=[ivxlc]+$)(?:x{0,3})(?:ix|iv|v?i{0,3})$/u,
  /^\d{1,4}\s*(?:쪽|페이지|頁|页|ページ)$/u
]

/** `true` when `line` is nothing but a page number in one of the usual shapes. */
export function isPageNumber(line: string): boolean {
  const text = line.trim()
  return text !== '' && pageNumberPatterns.some((pattern) => pattern.test(text))
}

/** The line with digits folded, so that running lines with a changing page number compare equal. */
export function runningKey(line: string): string {
  return line.trim().replace(/\s+/gu, ' ').replace(/\d+/gu, '#')
}

function marginIndexes(page: readonly string[], zone: number): number[] {
  const filled: number[] = []
  page.forEach((line, index) => {
    if (line.trim() !== '') filled.push(index)
  })
  if (filled.length <= zone * 2) return filled
  return [...filled.slice(0, zone), ...filled.slice(-zone)]
}

// A line led or ended by a bare page number: `36 General Assembly - Forty-eighth session`,
// `Forty-eighth session - 29 September 1993 35`.
const leadingNumber = /^(\d{1,4})\s+(\S.*)$/u
const trailingNumber = /^(.*\S)\s+(\d{1,4})$/u

/**
 * Running lines of a text without page breaks that carry their page number at one end: the same
 * words (at least three) on two or more lines, each time with a higher number. Headings do not
 * repeat their words that way, and `3.1 Scope` has no bare number.
 */
function numberedRunningLines(page: readonly string[]): string[] {
  const groups = new Map<string, number[]>()
  for (const raw of page) {
    const line = raw.trim().replace(/\s+/gu, ' ')
    const lead = leadingNumber.exec(line)
    const trail = lead ? null : trailingNumber.exec(line)
    const number = lead ? lead[1] : trail?.[2]
    const words = lead ? lead[2] : trail?.[1]
    if (number === undefined || words === undefined || words.split(' ').length < 3 || !/\p{L}/u.test(words)) continue
    const key = runningKey(line)
    const list = groups.get(key) ?? []
    list.push(Number(number))
    groups.set(key, list)
  }
  const found: string[] = []
  for (const [key, numbers] of groups) {
    if (numbers.length >= 2 && numbers.every((n, i) => i === 0 || n > numbers[i - 1]!)) found.push(key)
  }
  return found
}

/** Find the furniture lines of `pages` (each an array of lines). */
export function findFurniture(pages: readonly (readonly string[])[], options: FurnitureOptions = {}): Furniture {
  const zone = options.zone ?? 3
  const minShare = options.minShare ?? 0.3
  const mask = pages.map((page) => page.map(() => false))
  const patterns: string[] = []
  if (pages.length >= 2) {
    const pagesByKey = new Map<string, Set<number>>()
    pages.forEach((page, p) => {
      for (const index of marginIndexes(page, zone)) {
        const key = runningKey(page[index]!)
        const set = pagesByKey.get(key) ?? new Set<number>()
        set.add(p)
        pagesByKey.set(key, set)
      }
    })
    const needed = Math.max(2, Math.ceil(pages.length * minShare))
    const running = new Set<string>()
    for (const [key, set] of pagesByKey) {
      if (set.size >= needed && /[\p{L}\p{N}]/u.test(key)) {
        running.add(key)
        patterns.push(key)
      }
    }
    pages.forEach((page, p) => {
      const margins = marginIndexes(page, zone)
      for (const index of margins) {
        const line = page[index]!
        if (running.has(runningKey(line))) mask[p]![index] = true
      }
      // Page numbers only on the outermost remaining lines, so a numbered list item stays.
      const remaining = margins.filter((index) => !mask[p]![index])
      const outer = [remaining[0], remaining[remaining.length - 1]]
      for (const index of outer) {
        if (index !== undefined && isPageNumber(page[index]!)) mask[p]![index] = true
      }
    })
  } else if (pages.length === 1) {
    // No page breaks: running lines can still be told by shape — recurring, with a number in them,
    // and set out in wide-spaced columns like `Dierks & Allen      Standards Track      [Page 5]`.
    const page = pages[0]!
    const counts = new Map<string, number>()
    for (const line of page) {
      if (/\S\s{3,}\S/u.test(line.trim()) && /\d/u.test(line)) counts.set(runningKey(line), (counts.get(runningKey(line)) ?? 0) + 1)
    }
    for (const [key, count] of counts) if (count >= 3) patterns.push(key)
    patterns.push(...numberedRunningLines(page))
    const running = new Set(patterns)
    page.forEach((line, index) => {
      if (running.has(runningKey(line))) mask[0]![index] = true
    })
  }
  return {mask, patterns}
}

/**
 * The furniture mask without the copies of a running line set larger than that line usually is: a
 * title on the first page under a running head of the same words stays a title. The yardstick is
 * the running line's own commonest size, not the body's: Hancom sets its running head
 * `한글 문서 파일 형식 5.0` bold at the prose size, above a body size its 9 pt tables set, and measured
 * against the body it stayed on every page as a heading. `sizes[page][line]` matches `texts`;
 * `above` is how much larger (in points) a copy must be, than those copies and than `bodySize` (a chapter opener
 * repeating the running head in body type is no title); page numbers are furniture at any size.
 */
export function keepLargerCopies(
  texts: readonly (readonly string[])[],
  sizes: readonly (readonly number[])[],
  mask: readonly (readonly boolean[])[],
  above: number,
  bodySize: number
): boolean[][] {
  const counts = new Map<string, Map<number, number>>()
  for (const [p, page] of texts.entries()) {
    for (const [index, text] of page.entries()) {
      if (!mask[p]![index]) continue
      const bySize = counts.get(runningKey(text)) ?? new Map<number, number>()
      bySize.set(sizes[p]![index]!, (bySize.get(sizes[p]![index]!) ?? 0) + 1)
      counts.set(runningKey(text), bySize)
    }
  }
  const usual = new Map([...counts].map(([key, bySize]) => [key, [...bySize].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]]))
  return texts.map((page, p) =>
    page.map(
      (text, index) =>
        mask[p]![index]! && (isPageNumber(text) || sizes[p]![index]! <= Math.max(bodySize, usual.get(runningKey(text)) ?? Infinity) + above)
    )
  )
}

/**
 * {@link findFurniture} on laid-out lines, with each page's margins taken by position (top to bottom)
 * rather than in reading order: on a page read as two columns, a running head set over the right
 * column comes after the whole left column and would miss the top margin (Hancom's spec puts it right
 * on even pages). The mask is in the lines' own order.
 */
export function findPlacedFurniture(
  pages: ReadonlyArray<ReadonlyArray<{text: string; y: number}>>,
  options: FurnitureOptions = {}
): Furniture {
  const orders = pages.map((lines) => lines.map((_, index) => index).sort((a, b) => lines[a]!.y - lines[b]!.y || a - b))
  const found = findFurniture(
    orders.map((order, p) => order.map((index) => pages[p]![index]!.text)),
    options
  )
  const mask = orders.map((order, p) => {
    const out = new Array<boolean>(order.length).fill(false)
    order.forEach((index, k) => {
      out[index] = found.mask[p]![k]!
    })
    return out
  })
  return {mask, patterns: found.patterns}
}
