/**
 * Printed contents pages found by their geometry, before their lines can be read as body text. A
 * laid-out contents page (InDesign, Word, Hwp) sets each entry's title and its page number as two
 * runs far apart on one baseline, often in two columns; the text-only shape `parseToc` knows never
 * appears. A page is a contents page when most of its lines are such pairs with the numbers aligned
 * at a few right edges. Entry depth comes from indentation, ranked per column.
 */
import type {TocEntry} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {numberingLevels, numberingScheme} from './numbering-level.js'

/** A positioned line as the PDF adapter lays it out (page coordinates, y of the baseline from the top). */
export interface PlacedLine {
  text: string
  x0: number
  x1: number
  y: number
  size: number
}

/** Contents found on the pages: the entries in reading order, and per page which lines they used. */
export interface ContentsPages {
  entries: TocEntry[]
  /** `used[p][i]`: line i of page p belongs to a contents page (entry, page number or its `Contents` title). */
  used: boolean[][]
}

/** Runs whose baselines differ by less than this share of the font size are on one row. */
const sameBaseline = 0.4
/** Title left edges further apart than this (points) are in different columns: indents step by a few points. */
const columnGap = 40
/** Indents closer than this share of the font size are one level (InDesign tabs drift by a few points). */
const indentStep = 0.6
/** A contents page has at least this many entries: fewer pairs are a table or a figure's labels. */
const minEntries = 5
/** At least this share of a contents page's text lines belong to entries (its title and stray notes aside). */
const minShare = 0.6
/** A wrapped title line sits at most this many line heights above the line that carries its number. */
const wrapGap = 1.8
/** No contents page holds more lines than this; a longer page is body text (and skipping it keeps the search linear). */
const maxLines = 1500

const pageNumber = /^\d{1,4}$/u
const contentsTitle = /^(?:table of contents|contents|index|目\s*次|목\s*차|차\s*례|目\s*录|目\s*錄)$/iu

interface Pair {
  title: number[]
  number: number
  page: number
}

/** A title and its number close enough to be read as one line (`Testing 14`). */
const endsInNumber = /^(.*\D)\s+(\d{1,4})$/u

/** Dot leaders or a slash between a title and its page number (`Scope ......`, `추진배경 /`). */
const leaderTail = /\s*(?:(?:[.·…･]\s?){2,}|\/)\s*$/u

const titleText = (line: PlacedLine): string =>
  pageNumber.test(line.text) ? line.text : line.text.replace(endsInNumber, '$1').replace(leaderTail, '')

function pairsOf(lines: readonly PlacedLine[]): Pair[] {
  const pairs: Pair[] = []
  const taken = new Set<number>()
  lines.forEach((line, index) => {
    const joined = endsInNumber.exec(line.text)
    if (joined) {
      taken.add(index)
      pairs.push({title: [index], number: index, page: Number(joined[2])})
    }
  })
  lines.forEach((line, index) => {
    if (!pageNumber.test(line.text)) return
    let best = -1
    for (const [other, candidate] of lines.entries()) {
      if (other === index || taken.has(other) || pageNumber.test(candidate.text)) continue
      if (Math.abs(candidate.y - line.y) > sameBaseline * Math.max(line.size, candidate.size)) continue
      if (candidate.x1 > line.x0 + 1) continue
      if (best < 0 || candidate.x1 > lines[best]!.x1) best = other
    }
    if (best < 0) return
    taken.add(best)
    pairs.push({title: [best], number: index, page: Number(line.text)})
  })
  // A title wrapped over lines: unpaired lines just above an entry's title, at its left edge.
  for (const pair of pairs) {
    for (;;) {
      const head = lines[pair.title[0]!]!
      const above = lines.findIndex(
        (line, other) =>
          !taken.has(other) &&
          !pageNumber.test(line.text) &&
          !endsInNumber.test(line.text) &&
          Math.abs(line.x0 - head.x0) <= 1 &&
          head.y - line.y > 0 &&
          head.y - line.y <= wrapGap * head.size
      )
      if (above < 0) break
      taken.add(above)
      pair.title.unshift(above)
    }
  }
  return pairs
}

/** Cluster sorted values: a new cluster starts where the gap exceeds `gap(value)`. */
function clusterRanks(values: readonly number[], gap: (value: number) => number): Map<number, number> {
  const sorted = [...new Set(values)].sort((a, b) => a - b)
  const ranks = new Map<number, number>()
  let rank = 0
  sorted.forEach((value, index) => {
    if (index > 0 && value - sorted[index - 1]! > gap(value)) rank++
    ranks.set(value, rank)
  })
  return ranks
}

/**
 * Numbered entries (`3.1.2`, `제2절`) carry their depth: when most entries are numbered, numbering
 * decides and indentation only places the unnumbered ones (a contents page set flush left).
 */
function withNumberingLevels(entries: TocEntry[]): TocEntry[] {
  const usable = (entry: TocEntry): boolean => entry.numbering !== null && !numberingScheme(entry.numbering).scheme.startsWith('other:')
  if (entries.filter(usable).length * 2 <= entries.length) return entries
  const levels = numberingLevels(entries.map((entry) => ({numbering: usable(entry) ? entry.numbering : null, fallbackLevel: 1})))
  return entries.map((entry, index) => ({...entry, level: levels[index]!}))
}

/** Find the contents pages among `pages` (each a page's lines in reading order, page furniture removed). */
export function findContentsPages(pages: readonly (readonly PlacedLine[])[]): ContentsPages {
  const used = pages.map((lines) => lines.map(() => false))
  const entries: TocEntry[] = []
  for (const [p, lines] of pages.entries()) {
    if (lines.length > maxLines || lines.filter((line) => pageNumber.test(line.text) || endsInNumber.test(line.text)).length < minEntries)
      continue
    const pairs = pairsOf(lines)
    if (pairs.length < minEntries) continue
    const titled = lines.filter((line) => !pageNumber.test(line.text) && !contentsTitle.test(line.text.trim())).length
    const inPairs = pairs.reduce((sum, pair) => sum + pair.title.length, 0)
    if (inPairs < minShare * titled) continue
    // Columns of entries: their titles' left edges, far apart (indents step by a few points).
    const edges = clusterRanks(
      pairs.map((pair) => Math.round(lines[pair.title[0]!]!.x0)),
      () => columnGap
    )
    const columnOf = (pair: Pair): number => edges.get(Math.round(lines[pair.title[0]!]!.x0))!
    const size = Math.min(...pairs.map((pair) => lines[pair.title[0]!]!.size))
    // Indent levels per column; each column's leftmost indent is taken as the top level, so a
    // right column's entries line up with the left one's.
    const levelOf = new Map<Pair, number>()
    for (const column of new Set(pairs.map(columnOf))) {
      const inColumn = pairs.filter((pair) => columnOf(pair) === column)
      const ranks = clusterRanks(
        inColumn.map((pair) => lines[pair.title[0]!]!.x0),
        () => indentStep * size
      )
      for (const pair of inColumn) levelOf.set(pair, ranks.get(lines[pair.title[0]!]!.x0)! + 1)
    }
    const ordered = [...pairs].sort((a, b) => columnOf(a) - columnOf(b) || lines[a.title[0]!]!.y - lines[b.title[0]!]!.y)
    const pageEntries = ordered.map((pair): TocEntry => {
      const text = pair.title
        .map((index) => titleText(lines[index]!).trim())
        .join(' ')
        .replace(/\s+/gu, ' ')
      const {numbering, title} = parseNumbering(text)
      for (const index of [...pair.title, pair.number]) used[p]![index] = true
      return {level: levelOf.get(pair)!, numbering, title, page: pair.page}
    })
    entries.push(...withNumberingLevels(pageEntries))
    lines.forEach((line, index) => {
      if (contentsTitle.test(line.text.trim())) used[p]![index] = true
    })
  }
  return {entries, used}
}
