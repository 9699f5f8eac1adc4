/**
 * Page furniture: running headers and footers, and bare page numbers. A running line is one that
 * comes back near the top or bottom of many pages once its digits, its spaces and a page number at
 * either end are ignored (`[Page 5]`,
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

/**
 * A margin line as running lines are matched across pages: {@link runningKey} with the spaces
 * aside (Word sets `2020 – 자세한` on the first pages and `2020 –자세한` on the rest) and a page
 * number (not a year) at either end aside (`ii © Joint Development Foundation …` where the other pages print
 * their number on a line of its own). A reader sees one footer in all of them.
 */
export function marginKey(line: string): string {
  const words = line.trim().split(/\s+/u)
  if (words.length > 1 && endNumber(words[0]!)) words.shift()
  if (words.length > 1 && endNumber(words[words.length - 1]!)) words.pop()
  return runningKey(words.join(''))
}

/** A page number at a line's end, not a year: a cover's `2021 외교백서` is no running head `외교백서 2021` of page 2021. */
function endNumber(word: string): boolean {
  return isPageNumber(word) && !/^(?:1[89]|2[01])\d\d$/u.test(word)
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
    // The pattern reported for a key: its first line as it was printed, digits folded.
    const shown = new Map<string, string>()
    pages.forEach((page, p) => {
      for (const index of marginIndexes(page, zone)) {
        const key = marginKey(page[index]!)
        const set = pagesByKey.get(key) ?? new Set<number>()
        set.add(p)
        pagesByKey.set(key, set)
        if (!shown.has(key)) shown.set(key, runningKey(page[index]!))
      }
    })
    const needed = Math.max(2, Math.ceil(pages.length * minShare))
    const running = new Set<string>()
    for (const [key, set] of pagesByKey) {
      if (set.size >= needed && /[\p{L}\p{N}]/u.test(key)) {
        running.add(key)
        patterns.push(shown.get(key)!)
      }
    }
    pages.forEach((page, p) => {
      const margins = marginIndexes(page, zone)
      for (const index of margins) {
        const line = page[index]!
        if (running.has(marginKey(line))) mask[p]![index] = true
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
      const bySize = counts.get(marginKey(text)) ?? new Map<number, number>()
      bySize.set(sizes[p]![index]!, (bySize.get(sizes[p]![index]!) ?? 0) + 1)
      counts.set(marginKey(text), bySize)
    }
  }
  const usual = new Map([...counts].map(([key, bySize]) => [key, [...bySize].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]]))
  return texts.map((page, p) =>
    page.map(
      (text, index) =>
        mask[p]![index]! && (isPageNumber(text) || sizes[p]![index]! <= Math.max(bodySize, usual.get(marginKey(text)) ?? Infinity) + above)
    )
  )
}

/** A chapter's running head comes back at least this many times… */
const minChapterPages = 3
/** …each at most this many pages after the last: on every page of the chapter, or every other (left or right pages only). */
const maxChapterGap = 2
/** …and lies within this many of its own sizes of the margin lines the whole document's furniture takes. */
const chapterHeadReach = 2

/** A laid-out line as {@link findPlacedFurniture} reads it. */
export interface PlacedLine {
  text: string
  /** Baseline from the page top. */
  y: number
  size: number
}

/** Furniture lies in this outer share of the text's extent, top and bottom; a running line found further in (a landscape page's, turned) sets no band. */
const outerShare = 0.15

/**
 * The margin band the document's furniture takes: the innermost baselines, top and bottom, at which
 * `mask` holds furniture on several pages (a cover's year taken for a page number once sets none),
 * within the outer share ({@link outerShare}) of where the document prints text at all.
 */
function furnitureBand(pages: readonly (readonly PlacedLine[])[], mask: readonly (readonly boolean[])[]): {top: number; bottom: number} {
  let first = Infinity
  let last = -Infinity
  for (const line of pages.flat()) {
    first = Math.min(first, line.y)
    last = Math.max(last, line.y)
  }
  const reach = (last - first) * outerShare
  const pagesAt = new Map<number, number>()
  pages.forEach((lines, p) => {
    lines.forEach((line, index) => {
      if (mask[p]![index]) pagesAt.set(Math.round(line.y), (pagesAt.get(Math.round(line.y)) ?? 0) + 1)
    })
  })
  let top = -Infinity
  let bottom = Infinity
  for (const [y, count] of pagesAt) {
    if (count < minChapterPages) continue
    if (y <= first + reach) top = Math.max(top, y)
    else if (y >= last - reach) bottom = Math.min(bottom, y)
  }
  return {top, bottom}
}

/**
 * Mask the running heads of one chapter each, too rare in the whole document for the share a running
 * line needs (the kisa guide's appendix head `05. 부록2. 서식 예시` on its odd pages, a summary's
 * `SW 공급망 위험관리 방안` under `제2장` on its even pages): the outermost line left at the top or the
 * bottom of a page, in the band the document's running lines and page numbers already take (less than
 * {@link chapterHeadReach} of its size further in than the innermost of them), that comes back as such on
 * pages close after (see {@link minChapterPages}, {@link maxChapterGap}). A heading that opens many pages
 * (`관계 법규` atop each item's second page) sits inside that band; a table continued over pages
 * repeats its header row inside the running head, not outside. `pages` are in order top to bottom;
 * returns whether anything was masked, for the caller to look one line further in.
 */
function maskChapterHeads(
  pages: readonly (readonly PlacedLine[])[],
  mask: boolean[][],
  band: {top: number; bottom: number},
  zone: number,
  patterns: string[]
): boolean {
  const {top, bottom} = band
  const places = new Map<string, Array<[number, number]>>()
  pages.forEach((lines, p) => {
    const remaining = marginIndexes(
      lines.map((line) => line.text),
      zone
    ).filter((index) => !mask[p]![index])
    const first = remaining[0]
    const last = remaining[remaining.length - 1]
    const candidates = [
      first !== undefined && lines[first]!.y <= top + chapterHeadReach * lines[first]!.size ? first : undefined,
      last !== undefined && lines[last]!.y >= bottom - chapterHeadReach * lines[last]!.size ? last : undefined
    ]
    for (const index of new Set(candidates)) {
      if (index === undefined) continue
      const key = runningKey(lines[index]!.text)
      if (!/[\p{L}\p{N}]/u.test(key)) continue
      const list = places.get(key)
      if (list) list.push([p, index])
      else places.set(key, [[p, index]])
    }
  })
  let masked = false
  for (const [key, list] of places) {
    // Runs of pages each close after the last; a run long enough is one chapter's.
    let run: Array<[number, number]> = []
    const flush = (): void => {
      if (run.length < minChapterPages) return
      for (const [p, index] of run) mask[p]![index] = true
      if (!patterns.includes(key)) patterns.push(key)
      masked = true
    }
    for (const place of list) {
      if (run.length > 0 && place[0] - run[run.length - 1]![0] > maxChapterGap) {
        flush()
        run = []
      }
      run.push(place)
    }
    flush()
  }
  return masked
}

/** A reworded running line sits within this share of its size of the running line's baseline… */
const sameBaseline = 0.25
/** …in type within this many points of the running line's… */
const sameSize = 0.5
/** …and opens with the same characters (spaces aside, digits folded) as it does, at least this many… */
const minSharedOpening = 12
/** …and at least this share of the shorter of the two. */
const minSharedShare = 1 / 3

/** How many characters `a` and `b` share from their start. */
function sharedOpening(a: string, b: string): number {
  const chars = [...a]
  const other = [...b]
  let n = 0
  while (n < chars.length && n < other.length && chars[n] === other[n]) n++
  return n
}

/**
 * Mask a running line reworded on a page or two (OpenChain 2.1 ja prints its footer in English on
 * page 2 and in Japanese on every other page: `© Joint Development Foundation 2020 – Learn More …`
 * against `© Joint Development Foundation 2020 – 詳細とオンライン認証は …`): the outermost line left at
 * the top or the bottom of a page that has no running line there, set on the baseline and in the size
 * the document's running line takes on {@link minChapterPages} pages or more, and opening with the same
 * words. A reader knows the footer by its place, its type and its opening; body text neither lands on
 * the footer's baseline nor begins with its words.
 */
function maskRewordedRunningLines(pages: readonly (readonly PlacedLine[])[], mask: boolean[][], zone: number): void {
  // The places of the running lines: baseline, size and text, with the pages that print them there.
  const places: Array<{y: number; size: number; key: string; pages: Set<number>}> = []
  pages.forEach((lines, p) => {
    lines.forEach((line, index) => {
      if (!mask[p]![index] || isPageNumber(line.text)) return
      const key = marginKey(line.text)
      const place = places.find((at) => at.key === key && at.size === line.size && Math.abs(at.y - line.y) <= sameBaseline * line.size)
      if (place) place.pages.add(p)
      else places.push({y: line.y, size: line.size, key, pages: new Set([p])})
    })
  })
  const settled = places.filter((place) => place.pages.size >= minChapterPages)
  if (settled.length === 0) return
  pages.forEach((lines, p) => {
    const remaining = marginIndexes(
      lines.map((line) => line.text),
      zone
    ).filter((index) => !mask[p]![index])
    for (const index of new Set([remaining[0], remaining[remaining.length - 1]])) {
      if (index === undefined) continue
      const line = lines[index]!
      const key = marginKey(line.text)
      const at = (place: (typeof settled)[number]): boolean =>
        Math.abs(place.y - line.y) <= sameBaseline * place.size && Math.abs(place.size - line.size) <= sameSize
      // A page that prints a running line in that place already has its footer (its page number aside): this line is text.
      if (
        settled.some(
          (place) =>
            at(place) &&
            lines.some((other, o) => mask[p]![o] && !isPageNumber(other.text) && Math.abs(other.y - place.y) <= sameBaseline * place.size)
        )
      )
        continue
      const shared = (place: (typeof settled)[number]): boolean => {
        const opening = sharedOpening(key, place.key)
        return opening >= minSharedOpening && opening >= minSharedShare * Math.min([...key].length, [...place.key].length)
      }
      if (settled.some((place) => at(place) && shared(place))) mask[p]![index] = true
    }
  })
}

/**
 * {@link findFurniture} on laid-out lines, with each page's margins taken by position (top to bottom)
 * rather than in reading order: on a page read as two columns, a running head set over the right
 * column comes after the whole left column and would miss the top margin (Hancom's spec puts it right
 * on even pages). Then each chapter's own running heads, by place ({@link maskChapterHeads}), and a
 * running line reworded on a page ({@link maskRewordedRunningLines}). The mask is in the lines' own order.
 */
export function findPlacedFurniture(pages: ReadonlyArray<ReadonlyArray<PlacedLine>>, options: FurnitureOptions = {}): Furniture {
  const orders = pages.map((lines) => lines.map((_, index) => index).sort((a, b) => lines[a]!.y - lines[b]!.y || a - b))
  const placed = orders.map((order, p) => order.map((index) => pages[p]![index]!))
  const found = findFurniture(
    placed.map((lines) => lines.map((line) => line.text)),
    options
  )
  if (pages.length >= 2) {
    // The band is the one the document-wide furniture takes, measured once: a chapter's head found does not widen it.
    const band = furnitureBand(placed, found.mask)
    for (let depth = 0; depth < (options.zone ?? 3); depth++)
      if (!maskChapterHeads(placed, found.mask, band, options.zone ?? 3, found.patterns)) break
    maskRewordedRunningLines(placed, found.mask, options.zone ?? 3)
  }
  const mask = orders.map((order, p) => {
    const out = new Array<boolean>(order.length).fill(false)
    order.forEach((index, k) => {
      out[index] = found.mask[p]![k]!
    })
    return out
  })
  return {mask, patterns: found.patterns}
}
