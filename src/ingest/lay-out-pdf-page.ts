/**
 * One page of a PDF laid out as lines, the part of `fromPdf`'s work that needs the page alone (and
 * two figures of the whole document): runs become lines (split at column gutters, so a two-column
 * page reads left column then right), footnotes are taken out, letters set down the margin are
 * joined. It runs in the thread that read the page (`readPdfPages`), so a worker thread lays out
 * the pages it read while the main thread lays out the others; the result is the same in either.
 */
import {isSymbolBullet, type SizedRun} from './classify-pdf-lines.js'
import {joinVerticalLetters} from './join-vertical-letters.js'
import type {BadgeLine} from './merge-heading-badges.js'
import {normalizeChars} from './normalize-chars.js'
import {findFootnotes, heaviestSize, sizeWeights} from './pdf-footnotes.js'
import type {PageWork, PdfPage, PdfTextItem} from './pdf.js'

/** A line of text on a page, in reading order (its text, page, x0, x1, baseline y and size as a badge is read). */
export interface PdfLine extends BadgeLine {
  bold: boolean
  /** Font weight: a contents page may tell levels by weight alone (light chapters, thin sections). */
  weight: number
  monospace: boolean
  /** Font of most of the line's characters: a heading may differ from body text by its typeface alone. */
  font: string
  /** Column: 0 full width or single column, 1 left, 2 right. */
  column: number
  /** Widest gap between two items of the line, in units of its font size (table cells are far apart). */
  maxGap: number
  /** Another line shares this baseline in the same column (a table row). */
  inRow: boolean
  /** Starts right of its column's left edge (a list item, a quote). */
  indented: boolean
  /** Structure type of the tagged element holding most of the line (`H2`, `P`, `LBody`), or null untagged. */
  tag: string | null
}

/** Baselines closer than this are one row (subscripts, mixed fonts on one line sit a little apart). */
const sameRow = 0.35
/** A gap wider than this splits a row into fragments: no word space is that wide, a column gutter or table cell is. */
const fragmentGap = 1.5
/** A gap wider than this between two runs is a word space (letter spacing stays below it). */
const wordGap = 0.15
/** Sizes are compared in half points: the same style is set at 9.96 and 10.02 by different runs. */
const sizeStep = 0.5
/** A line starting this far right of its column's left edge is indented (a list item, a quote). */
const indentBy = 0.8
/** A column gutter lies in this middle band of the page width (a left margin note is not a column). */
const gutterBand = [0.3, 0.7] as const
/** At most this share of a page's lines may cross the gutter (full-width titles and footers do). */
const gutterCrossing = 0.15
/** Runs this many times larger or smaller than their neighbour are not one line: a display letter down the margin (`C o n t e n t s` at 48 pt) beside 10 pt text. */
const displayRatio = 2.5
const notOneLine = (a: number, b: number): boolean => a > displayRatio * b || b > displayRatio * a

/** A font size as lines are measured: to the nearest half point. */
export const roundSize = (value: number): number => Math.round(value / sizeStep) * sizeStep

/** Items on one baseline, left to right, split where the gap is wider than a word space could be. */
function fragments(items: PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x)
  const rows: PdfTextItem[][] = []
  for (const item of sorted) {
    const row = rows[rows.length - 1]
    if (row && Math.abs(row[0]!.y - item.y) <= Math.max(1, sameRow * Math.min(row[0]!.fontSize, item.fontSize))) row.push(item)
    else rows.push([item])
  }
  const out: PdfTextItem[][] = []
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x)
    let current: PdfTextItem[] = []
    let right = -Infinity
    for (const item of row) {
      const previous = current[current.length - 1]
      if (previous && (item.x - right > fragmentGap * item.fontSize || notOneLine(previous.fontSize, item.fontSize))) {
        out.push(current)
        current = []
      }
      current.push(item)
      right = Math.max(right, item.x + item.width)
    }
    if (current.length > 0) out.push(current)
  }
  return out
}

/** Fragments up to this many runs find their dominant values by pairwise comparison: cheaper than a map, and quadratic only within the bound. */
const smallFragment = 8

/**
 * The value of `pick` carrying most characters (text trimmed) over `items`, the first seen on a tie;
 * `weights` are the items' trimmed lengths. Equality is the map's (SameValueZero).
 */
function dominant<T>(items: readonly PdfTextItem[], weights: readonly number[], pick: (item: PdfTextItem) => T): T {
  let best = pick(items[0]!)
  if (items.length === 1) return best
  if (items.length <= smallFragment) {
    let bestWeight = -1
    for (let i = 0; i < items.length; i++) {
      const value = pick(items[i]!)
      let seen = false
      for (let j = 0; j < i && !seen; j++) seen = sameValue(pick(items[j]!), value)
      if (seen) continue
      let weight = weights[i]!
      for (let j = i + 1; j < items.length; j++) if (sameValue(pick(items[j]!), value)) weight += weights[j]!
      if (weight > bestWeight) {
        best = value
        bestWeight = weight
      }
    }
    return best
  }
  const totals = new Map<T, number>()
  for (let i = 0; i < items.length; i++) {
    const value = pick(items[i]!)
    totals.set(value, (totals.get(value) ?? 0) + weights[i]!)
  }
  let bestWeight = -1
  for (const [value, weight] of totals) {
    if (weight > bestWeight) {
      best = value
      bestWeight = weight
    }
  }
  return best
}

/** SameValueZero, as a `Map` compares its keys. */
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b))

const privateUse = /[\uE000-\uF8FF\u{F0000}-\u{10FFFF}]/u

/**
 * Private-use characters (a logo font's glyph, a symbol font's bullet) read as nothing in any other
 * font: a symbol-font bullet opening a line becomes `•`, the rest are dropped (and reported by font).
 */
function withoutPrivateUse(text: string): string {
  // Every line is asked, few hold such a character: the two patterns read only those that do.
  if (!privateUse.test(text)) return text
  return text.replace(/^(\s*)[\uF000-\uF0FF](?=\s)/u, '$1•').replace(/[\uE000-\uF8FF\u{F0000}-\u{10FFFF}]/gu, '')
}

/**
 * A section number or bullet alone: `1`, `3.1.2`, `A.`, `IV.`, `第1章`, `제2절`, `•`, `§`; or a badge, a
 * word or two and a number (`작성 예시1`, `Part 01`), set apart from the title it opens.
 */
const leadingMark =
  /^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVXLC]+\.|第\s*\d+\s*[章節条]|제\s*\d+\s*[장절조항관편]|\p{L}{1,8}(?:\s\p{L}{1,8})?\s?\d{1,3}|[•·▪■□◦●○§※-])\s*$/u

/**
 * Word's second-level bullet is a lone `o` in Courier New, set a tab stop apart (half an em or more
 * beyond its own space) from its item's text in another font: a hollow bullet, not the letter. A line
 * of code is Courier throughout.
 */
function isLetterBullet(fragment: readonly PdfTextItem[]): boolean {
  const [mark, next] = fragment
  return (
    mark !== undefined &&
    next !== undefined &&
    mark.monospace &&
    !next.monospace &&
    mark.text.trim() === 'o' &&
    next.x - (mark.x + mark.width) >= 0.5 * mark.fontSize
  )
}

function toLine(fragment: PdfTextItem[], page: number): PdfLine {
  let text = ''
  let right = -Infinity
  let maxGap = 0
  const weights: number[] = []
  for (let index = 0; index < fragment.length; index++) {
    const raw = fragment[index]!
    weights.push(raw.text.trim().length)
    // A soft hyphen that ends the line is the printed hyphen of a broken word; elsewhere it is invisible.
    // A symbol font's bullet reads as a letter (`l` in Wingdings): it is a bullet.
    const itemText =
      index === 0 && isSymbolBullet(raw.fontName, raw.text)
        ? '• '
        : index === 0 && isLetterBullet(fragment)
          ? '◦ '
          : normalizeChars(index === fragment.length - 1 ? raw.text.replace(/\u00AD\s*$/u, '-') : raw.text)
    const gap = raw.x - right
    // The tab stop after a leading section number or bullet (`1<tab>Scope`) is not a table cell's gap.
    if (text !== '' && !(index === 1 && leadingMark.test(text))) maxGap = Math.max(maxGap, gap / raw.fontSize)
    if (text !== '' && !/\s$/u.test(text) && !/^\s/u.test(itemText) && gap > wordGap * raw.fontSize) text += ' '
    text += itemText
    right = Math.max(right, raw.x + raw.width)
  }
  return {
    text: withoutPrivateUse(text).replace(/\s+/gu, ' ').trim(),
    page,
    x0: fragment[0]!.x,
    x1: right,
    y: dominant(fragment, weights, (item) => item.y),
    size: roundSize(dominant(fragment, weights, (item) => item.fontSize)),
    bold: dominant(fragment, weights, (item) => item.bold),
    weight: dominant(fragment, weights, (item) => item.fontWeight),
    monospace: dominant(fragment, weights, (item) => item.monospace),
    font: dominant(fragment, weights, (item) => item.fontName),
    column: 0,
    maxGap,
    inRow: false,
    indented: false,
    tag: dominant(fragment, weights, (item) => item.tag)
  }
}

/**
 * The x of a column gutter on this page, or null for a single-column page: a vertical band in the
 * middle of the page that (almost) no line crosses, with lines on both sides and the right-hand
 * lines starting at one common left edge (a column, not stray right-aligned text). Linear in the
 * number of lines: crossings at every whole x come from one sweep over line ends.
 */
function findGutter(lines: PdfLine[], width: number): number | null {
  if (lines.length < 6) return null
  const from = Math.round(width * gutterBand[0])
  const to = Math.round(width * gutterBand[1])
  if (to < from) return null
  // crossing(x) = lines with x0 < x < x1: +1 from the first whole x right of x0, -1 from x1 on.
  const delta = new Int32Array(to - from + 2)
  for (const line of lines) {
    const first = Math.max(from, Math.floor(line.x0) + 1)
    const last = Math.min(to, Math.ceil(line.x1) - 1)
    if (first > last) continue
    delta[first - from]!++
    delta[last - from + 1]!--
  }
  let bestX = -1
  let bestCrossing = Infinity
  let bestRun = 0
  let run = 0
  let crossing = 0
  for (let x = from; x <= to; x++) {
    crossing += delta[x - from]!
    if (crossing < bestCrossing) {
      bestCrossing = crossing
      bestX = x
      bestRun = run = 1
    } else if (crossing === bestCrossing) {
      run++
      if (run > bestRun) {
        bestRun = run
        bestX = x - Math.floor(run / 2)
      }
    } else run = 0
  }
  if (bestX < 0 || bestCrossing > lines.length * gutterCrossing) return null
  const left = lines.filter((line) => line.x1 <= bestX)
  const right = lines.filter((line) => line.x0 >= bestX)
  if (left.length < 3 || right.length < 5) return null
  const edges = new Map<number, number>()
  let commonEdge = 0
  for (const line of right) {
    const count = (edges.get(Math.round(line.x0 / 2)) ?? 0) + 1
    edges.set(Math.round(line.x0 / 2), count)
    commonEdge = Math.max(commonEdge, count)
  }
  if (commonEdge * 2 < right.length) return null
  return bestX
}

/** Lines of one page in reading order: full-width lines in place, a two-column run left column first. */
function pageLines(page: PdfPage): PdfLine[] {
  const lines = fragments(page.items)
    .map((fragment) => toLine(fragment, page.number))
    .filter((line) => line.text !== '')
  const gutter = findGutter(lines, page.width)
  lines.sort((a, b) => a.y - b.y || a.x0 - b.x0)
  const side = (line: PdfLine): number => (gutter === null ? 0 : line.x1 <= gutter ? 1 : line.x0 >= gutter ? 2 : 0)
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!
    const b = lines[i]!
    if (Math.abs(a.y - b.y) < 1 && side(a) === side(b)) a.inRow = b.inRow = true
  }
  const edge = new Map<number, number>()
  for (const line of lines) edge.set(side(line), Math.min(edge.get(side(line)) ?? Infinity, line.x0))
  for (const line of lines) line.indented = line.x0 > edge.get(side(line))! + indentBy * line.size
  if (gutter === null) return lines
  const out: PdfLine[] = []
  let left: PdfLine[] = []
  let right: PdfLine[] = []
  const flush = (): void => {
    // Left-column lines below the end of the right column came after it (a short full-width line).
    let bottom = right.length > 0 ? -Infinity : Infinity
    for (const line of right) bottom = Math.max(bottom, line.y)
    out.push(...left.filter((line) => line.y <= bottom), ...right, ...left.filter((line) => line.y > bottom))
    left = []
    right = []
  }
  for (const line of lines) {
    if (line.x0 < gutter && line.x1 > gutter) {
      flush()
      out.push(line)
    } else if (line.x1 <= gutter) left.push({...line, column: 1})
    else right.push({...line, column: 2})
  }
  flush()
  return out
}

/** Fewer heading tags than this are a tagged title or two, not the document's headings: type sizes decide then. */
const minTaggedHeadings = 3
/** A tagged heading (`H`, `H1`…`H6`): its level is its number, `H` (untiered) counts as 1. */
export const headingTag = /^H([1-6])?$/u

/** What the layout needs to know of one page before the document's decision (see {@link PdfLayoutDecision}). */
export interface PdfPageFacts {
  /** Some run holds text (else the page is blank or a scan). */
  hasText: boolean
  /** Runs tagged as headings. */
  headingTags: number
  /** Characters per size (half points) of the runs printed on the page, artifacts left aside. */
  sizes: Array<[number, number]>
  /** ... and of the printed artifacts (counted only where the tagging is not trusted). */
  artifactSizes: Array<[number, number]>
}

/** What the layout of every page needs to know of the whole document. */
export interface PdfLayoutDecision {
  /**
   * The PDF is tagged and tags its headings, so its artifacts are page furniture (running heads, page
   * numbers), not text. Where headings are not tagged, the tagging is too loose to trust: Hancom
   * marks a chapter opener's title an artifact.
   */
  tagged: boolean
  /** The size most of the text is set in (footnote markers and notes are told by being smaller). */
  textSize: number
}

/** A footnote of a page: its label, the baseline of its marker, and its text as lines. */
export interface LaidOutFootnote {
  label: string
  y: number
  lines: string[]
}

/** What {@link layOutPdfPage} returns. */
export interface LaidOutPdfPage {
  /** The page's lines in reading order, notes taken out. */
  lines: PdfLine[]
  notes: LaidOutFootnote[]
  /**
   * The body's runs, notes left out, as `companionSizes` reads them (a letter count, not the text, to
   * keep the copy small), packed four numbers a run (see {@link sizedRuns}): a typed array crosses
   * from the worker thread as one block, where as many small objects (~19,000 on the 332-page
   * guide) took the main thread some 15 ms to take in.
   */
  runs: Float64Array
}

/** Text whose baseline lies off the page is never printed (InDesign keeps overset frames there: CNCF 2022's `40.` below page 54). */
const printed = (item: PdfTextItem, page: PdfPage): boolean =>
  item.y >= 0 && item.y <= page.height && item.x <= page.width && item.x + item.width >= 0

/** The facts of one page (see {@link PdfPageFacts}). */
export function pdfPageFacts(page: PdfPage): PdfPageFacts {
  const shown = page.items.filter((item) => printed(item, page))
  return {
    hasText: page.items.some((item) => item.text.trim() !== ''),
    headingTags: page.items.filter((item) => headingTag.test(item.tag ?? '')).length,
    sizes: [...sizeWeights(shown.filter((item) => !item.artifact))],
    artifactSizes: [...sizeWeights(shown.filter((item) => item.artifact))]
  }
}

/** The document's decision from every page's facts (see {@link PdfLayoutDecision}); `document.tagged`: the PDF says it is tagged. */
export function decidePdfLayout(facts: readonly PdfPageFacts[], document: {tagged: boolean}): PdfLayoutDecision {
  const tagged = document.tagged && facts.reduce((sum, page) => sum + page.headingTags, 0) >= minTaggedHeadings
  const weights = new Map<number, number>()
  for (const page of facts) {
    for (const [size, weight] of tagged ? page.sizes : [...page.sizes, ...page.artifactSizes])
      weights.set(size, (weights.get(size) ?? 0) + weight)
  }
  return {tagged, textSize: heaviestSize(weights)}
}

/** One page's lines and footnotes (see the module comment). */
export function layOutPdfPage(page: PdfPage, decision: PdfLayoutDecision): LaidOutPdfPage {
  const items = page.items.filter((item) => printed(item, page) && !(decision.tagged && item.artifact))
  const {body, notes} = findFootnotes(items, decision.textSize)
  return {
    lines: joinVerticalLetters(pageLines({...page, items: body})),
    runs: packRuns(body),
    notes: notes.map((note) => ({
      label: note.label,
      y: note.y,
      lines: fragments(note.items).map((fragment) => toLine(fragment, page.number).text)
    }))
  }
}

/** Numbers a packed run takes: letters, baseline, font size, bold (1) or not (0). */
const runFields = 4

function packRuns(items: readonly PdfTextItem[]): Float64Array {
  const packed = new Float64Array(items.length * runFields)
  items.forEach((item, index) => {
    const at = index * runFields
    packed[at] = item.text.match(/\p{L}/gu)?.length ?? 0
    packed[at + 1] = item.y
    packed[at + 2] = item.fontSize
    packed[at + 3] = item.bold ? 1 : 0
  })
  return packed
}

/** The runs of {@link LaidOutPdfPage.runs}, unpacked. */
export function sizedRuns(packed: Float64Array): SizedRun[] {
  const runs: SizedRun[] = []
  for (let at = 0; at < packed.length; at += runFields)
    runs.push({letters: packed[at]!, y: packed[at + 1]!, fontSize: packed[at + 2]!, bold: packed[at + 3] === 1})
  return runs
}

/** The layout as work done by the thread that reads each page. */
export const pdfPageLayout: PageWork<PdfPageFacts, PdfLayoutDecision, LaidOutPdfPage> = {
  name: 'layout',
  facts: pdfPageFacts,
  decide: decidePdfLayout,
  finish: layOutPdfPage
}
