/**
 * Printed contents pages found by their geometry, before their lines can be read as body text. A
 * laid-out contents page (InDesign, Word, Hwp) sets each entry's title and its page number as two
 * runs far apart on one baseline, often in two columns; the text-only shape `parseToc` knows never
 * appears. A page is a contents page when most of its lines are such pairs with the numbers aligned
 * at a few right edges. Entry depth comes from indentation, ranked per column, corrected by type
 * style where the two disagree.
 */
import type {TocEntry} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {titleSimilarity} from './match-contents.js'
import {numberingLevels, numberingScheme} from './numbering-level.js'

/** A positioned line as the PDF adapter lays it out (page coordinates, y of the baseline from the top). */
export interface PlacedLine {
  text: string
  x0: number
  x1: number
  y: number
  size: number
  /** Font weight (400 regular, 700 bold; 0 unknown) and boldness: an entry's weight can tell its level where its indent does not. */
  weight?: number
  bold?: boolean
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
/** Runs of one entry (label, title, leader) are at most this many font sizes apart; a wider gap is the next column. */
const runGap = 3
/** Under a `Contents` title, this share of the lines in entries is enough (chapter-only lists, bullets of topics between entries). */
const minShareHeaded = 0.3
/** An unpaged entry under a `Contents` title is at most this long (characters): a longer numbered line is a sentence. */
const maxEntryChars = 80
/** A bullet line on a contents page lists a topic of the entry above: contents, not body text. */
const bulletLine = /^[•·▪◦‣●○■□-]/u
/** A wrapped title line sits at most this many line heights above the line that carries its number. */
const wrapGap = 1.8
/** No contents page holds more lines than this; a longer page is body text (and skipping it keeps the search linear). */
const maxLines = 1500

const pageNumber = /^\d{1,4}$/u
/** A page footer that ends in a number like an entry does (`Page 2 of 16`). */
const pageFooter = /^(?:page|p\.)?\s*\d+\s*(?:of|\/)\s*\d+$/iu
const contentsTitle = /^(?:table of contents|contents|index|目\s*次|목\s*차|차\s*례|目\s*录|目\s*錄)$/iu
/** The contents listing itself, with a leader to its front-matter page numbered in Roman (`目次 ....... i`). */
const selfEntry = /^(?:table of contents|contents|目\s*次|목\s*차|차\s*례|目\s*录|目\s*錄)\s*(?:[.·…･]\s?){2,}\s*[ivxlc]{1,6}$/iu
/** The contents page's title, or its entry for itself: neither is an entry nor a wrapped title's first line. */
const isContentsTitle = (text: string): boolean => contentsTitle.test(text.trim()) || selfEntry.test(text.trim())

interface Pair {
  /** A label run set apart on the title's row (`제1장`), kept out of the indents. */
  label?: number
  title: number[]
  /** The line holding the page number (the title's own line when run in), or null for an entry without one. */
  number: number | null
  page: number | null
  /** An unnumbered entry set like the chapters (`부록` above the appendices): it holds the entries after it. */
  head?: boolean
}

/** A note in parentheses closing a title (`(New in v2)`, `(informative)`). */
const closingTag = /\s*\([^()]{1,30}\)\s*$/u
/** A closing note printed after this many entries is a tag the contents uses, not words of one title. */
const minTagUses = 2

/** A title and its number close enough to be read as one line (`Testing 14`, `개요 ·······6` with the leader run in). */
const endsInNumberPattern = /^(.*\D)(?:\s+|(?<=(?:[.·…･]\s?){2,}))(\d{1,4})$/u

/**
 * Whether `text` ends in an ASCII digit, as every line the page-number patterns match does. Those
 * patterns try a title of every length before they fail; the search reads every line of the
 * document, and most end otherwise.
 */
const endsInDigit = (text: string): boolean => {
  const last = text.charCodeAt(text.length - 1)
  return last >= 0x30 && last <= 0x39
}

/** {@link endsInNumberPattern}, as `exec` and `test` and `replace` of it. */
const endsInNumber = {
  exec: (text: string): RegExpExecArray | null => (endsInDigit(text) ? endsInNumberPattern.exec(text) : null),
  test: (text: string): boolean => endsInDigit(text) && endsInNumberPattern.test(text),
  title: (text: string): string => (endsInDigit(text) ? text.replace(endsInNumberPattern, '$1') : text)
}

/** Dot leaders or a slash between a title and its page number (`Scope ......`, `추진배경 /`). */
const leaderTail = /\s*(?:(?:[.·…･]\s?){2,}|\/)\s*$/u

/** A numbering label alone (`Part 1`, `제1장`): its number is not a page number. */
const labelOnly = (text: string): boolean => parseNumbering(text).numbering !== null && parseNumbering(text).title === ''

/** A front-matter entry: a title, a dot leader or a space, and a page in small Roman numerals (`はじめに ....... iii`, `소개 iii`). */
const endsInRoman = /^(.*\S)(?:\s*(?:[.·…･]\s?){2,}\s*|\s+)[ivxlc]{1,6}$/u
// The pattern above backtracks from every character of a line before it fails. A line it matches
// ends in a numeral's letter, so it is tried only on such lines (a tenth of the contents search).
const romanTail = /[ivxlc]$/u
const hasRomanEnd = (text: string): boolean => romanTail.test(text) && endsInRoman.test(text)

const titleText = (line: PlacedLine): string =>
  pageNumber.test(line.text) || labelOnly(line.text)
    ? line.text
    : endsInNumber.title(romanTail.test(line.text) ? line.text.replace(endsInRoman, '$1') : line.text).replace(leaderTail, '')

function pairsOf(lines: readonly PlacedLine[]): Pair[] {
  const pairs: Pair[] = []
  const taken = new Set<number>()
  const pairedEnd = new Set<number>()
  lines.forEach((line, index) => {
    const joined = endsInNumber.exec(line.text)
    // `Chapter 01` atop a chapter opener is a label, not an entry for page 1.
    if (joined && !pageFooter.test(line.text.trim()) && !labelOnly(line.text)) {
      taken.add(index)
      pairedEnd.add(index)
      pairs.push({title: [index], number: index, page: Number(joined[2])})
    } else if (hasRomanEnd(line.text) && !isContentsTitle(line.text)) {
      // Its page is not one the body's page numbers count: an entry without a page.
      taken.add(index)
      pairedEnd.add(index)
      pairs.push({title: [index], number: index, page: null})
    }
  })
  const onRow = (a: PlacedLine, b: PlacedLine): boolean => Math.abs(a.y - b.y) <= sameBaseline * Math.max(a.size, b.size)
  const numbers = lines.flatMap((line, index) => (pageNumber.test(line.text) ? [index] : [])).sort((a, b) => lines[a]!.x0 - lines[b]!.x0)
  for (const index of numbers) {
    const line = lines[index]!
    // The entry's runs: every run on the row left of its number and right of the row's previous
    // number (a label, the title, a leader: `제1장` `추진배경` `/` `1`), so two columns stay apart.
    let left = -Infinity
    for (const [other, candidate] of lines.entries()) {
      if (
        other !== index &&
        onRow(candidate, line) &&
        candidate.x1 <= line.x0 + 1 &&
        (pageNumber.test(candidate.text) || pairedEnd.has(other))
      )
        left = Math.max(left, candidate.x1)
    }
    const title = [...lines.entries()]
      .filter(
        ([other, candidate]) =>
          other !== index &&
          !taken.has(other) &&
          !pageNumber.test(candidate.text) &&
          onRow(candidate, line) &&
          candidate.x1 <= line.x0 + 1 &&
          candidate.x0 >= left
      )
      .sort((a, b) => b[1].x0 - a[1].x0)
      .map(([other]) => other)
    // From the number leftwards: the title's own runs sit close together, another column's text further off.
    let keep = Math.min(title.length, 1)
    while (keep < title.length && lines[title[keep - 1]!]!.x0 - lines[title[keep]!]!.x1 <= runGap * line.size) keep++
    title.splice(keep)
    title.reverse()
    if (title.length === 0 || title.every((other) => titleText(lines[other]!).trim() === '')) continue
    for (const other of title) taken.add(other)
    pairs.push({title, number: index, page: Number(line.text)})
  }
  // A label set apart on the entry's row (`제1장`  `추진배경 / 1`): part of the entry.
  for (const pair of pairs) {
    const head = lines[pair.title[0]!]!
    const label = lines.findIndex(
      (line, other) =>
        !taken.has(other) && onRow(line, head) && line.x1 <= head.x0 && head.x0 - line.x1 <= runGap * head.size && labelOnly(line.text)
    )
    if (label < 0) continue
    taken.add(label)
    pair.label = label
  }
  // A tag that closes several entries (`Secure Defaults (New in v2)`) ends a title: a line ending in it is
  // an entry of its own (CNCF 2022 prints one without its page number), never the first line of the next.
  const tagCounts = new Map<string, number>()
  for (const pair of pairs) {
    const tag = closingTag.exec(titleText(lines[pair.title.at(-1)!]!))?.[0].trim()
    if (tag !== undefined) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1)
  }
  const endsInTag = (line: PlacedLine): boolean => (tagCounts.get(closingTag.exec(line.text)?.[0].trim() ?? '') ?? 0) >= minTagUses
  // A title wrapped over lines: unpaired lines just above an entry's title, at its left edge; a line
  // of leader and number alone (a long title's page on the next line) has no edge of its own.
  for (const pair of pairs) {
    for (;;) {
      const head = lines[pair.title[0]!]!
      const bare = titleText(head).trim() === ''
      const above = lines.findIndex(
        (line, other) =>
          !taken.has(other) &&
          !pageNumber.test(line.text) &&
          !endsInNumber.test(line.text) &&
          !endsInTag(line) &&
          !isContentsTitle(line.text) &&
          (Math.abs(line.x0 - head.x0) <= 1 || (bare && pair.title.length === 1)) &&
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

/** Type style of an entry's first line: size and weight. */
const styleKey = (line: PlacedLine): string => `${line.size}|${line.weight ?? 0}|${line.bold ? 1 : 0}`

/**
 * Levels corrected by style: an entry indented like level L whose own entries are indented two
 * levels deeper, and which is set in the style level L+1 shares (and level L does not), is at level
 * L+1. A designer who pulls a section flush left by mistake (CNCF 2020 sets `Deploy` at the
 * chapters' indent, but in the sections' weight, its subsections indented as under a section)
 * still styled and nested it as what it is. `levels` is in reading order.
 */
function styleCorrected(levels: ReadonlyArray<[Pair, number]>, styleOf: (pair: Pair) => string): Map<Pair, number> {
  const counts = new Map<number, Map<string, number>>()
  for (const [pair, level] of levels) {
    const styles = counts.get(level) ?? new Map<string, number>()
    styles.set(styleOf(pair), (styles.get(styleOf(pair)) ?? 0) + 1)
    counts.set(level, styles)
  }
  const dominant = new Map(
    [...counts].map(([level, styles]) => [level, [...styles].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]])
  )
  return new Map(
    levels.map(([pair, level], index) => {
      const own = dominant.get(level)
      const next = dominant.get(level + 1)
      const style = styleOf(pair)
      const skipped = (levels[index + 1]?.[1] ?? 0) >= level + 2
      return [pair, skipped && next !== undefined && own !== next && style !== own && style === next ? level + 1 : level]
    })
  )
}

/**
 * Unnumbered lines of a contents without page numbers that are set like its first entry, a chapter
 * (`부록` in bold among `제1장 총론`, `제2장 …` in bold and their `제N절` in regular type): entries,
 * though `parseNumbering` finds no label in them. Only where the numbered entries use two styles or
 * more, so the first entry's style marks a level and not every line of the page.
 */
function unnumberedHeads(lines: readonly PlacedLine[], pairs: readonly Pair[]): Pair[] {
  if (pairs.length === 0 || pairs.some((pair) => pair.number !== null)) return []
  const first = pairs.reduce((top, pair) => (lines[pair.title[0]!]!.y < lines[top.title[0]!]!.y ? pair : top))
  const style = styleKey(lines[first.title[0]!]!)
  if (new Set(pairs.map((pair) => styleKey(lines[pair.title[0]!]!))).size < 2) return []
  const paired = new Set(pairs.flatMap((pair) => pair.title))
  return lines.flatMap((line, index): Pair[] => {
    const text = line.text.trim()
    const entry =
      !paired.has(index) &&
      line.y > lines[first.title[0]!]!.y &&
      styleKey(line) === style &&
      text.length <= maxEntryChars &&
      !isContentsTitle(text) &&
      !bulletLine.test(text) &&
      !pageNumber.test(text)
    return entry ? [{title: [index], number: null, page: null, head: true}] : []
  })
}

/**
 * Entries after an unnumbered head, up to the next entry in its style, sit one level below it: numbering
 * alone made `1. 인공지능 영향평가서 양식…` after `부록` a top-level entry (a new scheme after an
 * unnumbered entry is its sibling), where the contents set it like the sections under a chapter.
 */
function headsHold(entries: TocEntry[], heads: ReadonlySet<number>, styles: readonly string[]): TocEntry[] {
  const levels = entries.map((entry) => entry.level)
  for (const head of heads) {
    let end = head + 1
    while (end < entries.length && styles[end] !== styles[head]) end++
    if (end === head + 1) continue
    const shift = levels[head]! + 1 - Math.min(...levels.slice(head + 1, end))
    for (let index = head + 1; index < end; index++) levels[index] = levels[index]! + Math.max(0, shift)
  }
  return entries.map((entry, index) => ({...entry, level: levels[index]!}))
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
 * decides and indentation only places the unnumbered ones.
 */
function withNumberingLevels(entries: TocEntry[]): TocEntry[] {
  const usable = (entry: TocEntry): boolean => entry.numbering !== null && !numberingScheme(entry.numbering).scheme.startsWith('other:')
  if (entries.filter(usable).length * 2 <= entries.length) return entries
  // An entry without a usable label keeps its indent (`<참고 제1호>` indented under `IV. 부록1`).
  const levels = numberingLevels(entries.map((entry) => ({numbering: usable(entry) ? entry.numbering : null, fallbackLevel: entry.level})))
  return entries.map((entry, index) => ({...entry, level: levels[index]!}))
}

/** A topic a contents page lists under an entry (`•환경변화` below `제1장 추진배경 / 1`): its lines and the entry it follows. */
interface Topic {
  lines: number[]
  /** Index in the page's entries of the entry it is listed under. */
  after: number
}

/** A topic's wrapped line starts at most this many font sizes right of its bullet (the glyph and its space). */
const topicHang = 2

/**
 * Bullet lines on a contents page list the topics of the entry above them in their column, one level
 * below it; a topic wrapped over lines continues on the lines hung just right of its bullet.
 */
function topicsOf(lines: readonly PlacedLine[], ordered: readonly Pair[], columnOf: (pair: Pair) => number, size: number): Topic[] {
  const taken = new Set(ordered.flatMap((pair) => [...pair.title, pair.number, pair.label]))
  const starts = new Map<number, number>()
  for (const pair of ordered) starts.set(columnOf(pair), Math.min(starts.get(columnOf(pair)) ?? Infinity, lines[pair.title[0]!]!.x0))
  const topics: Topic[] = []
  lines.forEach((line, index) => {
    if (taken.has(index) || !bulletLine.test(line.text.trim()) || bulletText(line.text) === '') return
    // Its column: the rightmost one starting at or left of the bullet.
    const column = [...starts].filter(([, x0]) => x0 <= line.x0 + indentStep * size).sort((a, b) => b[1] - a[1])[0]?.[0]
    if (column === undefined) return
    const after = ordered.findLastIndex((pair) => columnOf(pair) === column && lines[pair.title[0]!]!.y < line.y)
    if (after < 0) return
    const own = [index]
    taken.add(index)
    for (;;) {
      const last = lines[own.at(-1)!]!
      const next = lines.findIndex(
        (other, at) =>
          !taken.has(at) &&
          !bulletLine.test(other.text.trim()) &&
          !pageNumber.test(other.text) &&
          !isContentsTitle(other.text) &&
          other.x0 > line.x0 &&
          other.x0 - line.x0 <= topicHang * line.size &&
          other.y - last.y > 0 &&
          other.y - last.y <= wrapGap * last.size
      )
      if (next < 0) break
      taken.add(next)
      own.push(next)
    }
    topics.push({lines: own, after})
  })
  return topics
}

/** A bullet line's words without the bullet. */
const bulletText = (text: string): string => text.trim().replace(/^[•·▪◦‣●○■□-]+\s*/u, '')

/** `entries` with each topic after the entry it is listed under (and that entry's earlier topics), one level below it. */
function withTopics(entries: readonly TocEntry[], topics: readonly Topic[], lines: readonly PlacedLine[]): TocEntry[] {
  return entries.flatMap((entry, index) => [
    entry,
    ...topics
      .filter((topic) => topic.after === index)
      .sort((a, b) => lines[a.lines[0]!]!.y - lines[b.lines[0]!]!.y)
      .map((topic): TocEntry => {
        const text = topic.lines
          .map((at) => bulletText(lines[at]!.text))
          .join(' ')
          .replace(/\s+/gu, ' ')
        const {numbering, title} = parseNumbering(text)
        return {level: entry.level + 1, numbering, title, page: null}
      })
  ])
}

/**
 * A few entries atop the page after a contents page carry its list on (KISA's appendix opener lists
 * `<서식 제41호> … 322` to `제43호 … 324` on the page after `제17호` to `제40호 … 320`): every one paged,
 * their pages going on from where the previous page stopped, in order. Too few for a contents page of
 * their own, they are one by where they stand and what they number.
 */
function carriesOn(lines: readonly PlacedLine[], pairs: readonly Pair[], last: number): boolean {
  if (pairs.length === 0 || pairs.some((pair) => pair.page === null || pair.head)) return false
  const pages = [...pairs].sort((a, b) => lines[a.title[0]!]!.y - lines[b.title[0]!]!.y).map((pair) => pair.page!)
  return pages.every((page, index) => page >= (index === 0 ? last : pages[index - 1]!))
}

/** An entry's letters and digits, label and title: how a chapter opener's copy of it is recognised. */
const entryKey = (entry: TocEntry): string => `${entry.numbering ?? ''}${entry.title}`.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/** Find the contents pages among `pages` (each a page's lines in reading order, page furniture removed). */
export function findContentsPages(pages: readonly (readonly PlacedLine[])[]): ContentsPages {
  const used = pages.map((lines) => lines.map(() => false))
  const entries: TocEntry[] = []
  // The last contents page so far and the last page number it lists: the next page may carry its list on.
  let previous: {page: number; last: number} | undefined
  for (const [p, lines] of pages.entries()) {
    if (lines.length > maxLines) continue
    const headed = lines.some((line) => contentsTitle.test(line.text.trim()))
    const carried = previous?.page === p - 1 ? previous.last : null
    if (
      carried === null &&
      !headed &&
      lines.filter((line) => pageNumber.test(line.text) || endsInNumber.test(line.text)).length < minEntries
    )
      continue
    const pairs = pairsOf(lines)
    if (headed) {
      // Under its title a contents page may list chapters without page numbers (`제1장 총론`).
      const paired = new Set(pairs.flatMap((pair) => [...pair.title, pair.number, pair.label]))
      lines.forEach((line, index) => {
        const text = line.text.trim()
        if (paired.has(index) || isContentsTitle(text) || text.length > maxEntryChars) return
        if (parseNumbering(text).numbering !== null) pairs.push({title: [index], number: null, page: null})
      })
      pairs.push(...unnumberedHeads(lines, pairs))
    }
    if (pairs.length < minEntries && !(carried !== null && carriesOn(lines, pairs, carried))) continue
    const titled = lines.filter(
      (line) =>
        // Single letters are vertical or decorative titles (`C`, `o`, `n`… down the margin), not text.
        [...line.text.trim()].length > 1 &&
        !pageNumber.test(line.text) &&
        !pageFooter.test(line.text.trim()) &&
        !isContentsTitle(line.text) &&
        !bulletLine.test(line.text.trim())
    ).length
    const inPairs = pairs.reduce((sum, pair) => sum + pair.title.length, 0)
    if (inPairs < (headed ? minShareHeaded : minShare) * titled) continue
    const numbered = pairs.flatMap((pair) => (pair.page === null ? [] : [pair.page]))
    previous = {page: p, last: numbered.length > 0 ? Math.max(...numbered) : (carried ?? 0)}
    // Columns of entries: their titles' left edges, far apart (indents step by a few points).
    const edges = clusterRanks(
      pairs.map((pair) => Math.round(lines[pair.title[0]!]!.x0)),
      () => columnGap
    )
    const columnOf = (pair: Pair): number => edges.get(Math.round(lines[pair.title[0]!]!.x0))!
    const size = pairs.reduce((least, pair) => Math.min(least, lines[pair.title[0]!]!.size), Infinity)
    // Indent levels per column; each column's leftmost indent is taken as the top level, so a
    // right column's entries line up with the left one's.
    const levelOf = new Map<Pair, number>()
    for (const column of new Set(pairs.map(columnOf))) {
      const inColumn = pairs.filter((pair) => columnOf(pair) === column)
      const ranks = clusterRanks(
        inColumn.map((pair) => lines[pair.title[0]!]!.x0),
        () => indentStep * size
      )
      const byIndent = inColumn
        .sort((a, b) => lines[a.title[0]!]!.y - lines[b.title[0]!]!.y)
        .map((pair): [Pair, number] => [pair, ranks.get(lines[pair.title[0]!]!.x0)! + 1])
      for (const [pair, level] of styleCorrected(byIndent, (pair) => styleKey(lines[pair.title[0]!]!))) levelOf.set(pair, level)
    }
    const ordered = [...pairs].sort((a, b) => columnOf(a) - columnOf(b) || lines[a.title[0]!]!.y - lines[b.title[0]!]!.y)
    const pageEntries = ordered.map((pair): TocEntry => {
      const text = [...(pair.label === undefined ? [] : [pair.label]), ...pair.title]
        .map((index) => titleText(lines[index]!).trim())
        .join(' ')
        .replace(/\s+/gu, ' ')
        // A Roman numeral set as one character (`Ⅵ.` after `V.`, Hwp) is the label `VI.`.
        .replace(/^[\u2160-\u217F]/u, (numeral) => numeral.normalize('NFKC'))
      const {numbering, title} = parseNumbering(text)
      for (const index of [...pair.title, pair.number, pair.label]) if (index !== null && index !== undefined) used[p]![index] = true
      return {level: levelOf.get(pair)!, numbering, title, page: pair.page}
    })
    // A chapter opener repeats its part of the contents, and a second index below the contents (CNCF
    // 2022's `NEW IN V2 INDEX`) repeats a selection of it: their lines are contents, their entries are
    // listed already (worded a little shorter at times: `보안교육 설문지` for `보안교육 설문지 (Excel)`).
    // On its own page only a word-for-word repeat is one: `Lifecycle Processes` follows `Lifecycle` on page 9.
    const kept: TocEntry[] = []
    const listed = (entry: TocEntry): boolean =>
      entries.some((earlier) => {
        if (earlier.page !== entry.page) return false
        const [a, b] = [entryKey(earlier), entryKey(entry)]
        return a.startsWith(b) || b.startsWith(a)
      }) || kept.some((earlier) => earlier.page === entry.page && entryKey(earlier) === entryKey(entry))
    const heads = new Set(ordered.flatMap((pair, index) => (pair.head ? [index] : [])))
    const styles = ordered.map((pair) => styleKey(lines[pair.title[0]!]!))
    const topics = topicsOf(lines, ordered, columnOf, size)
    const leveled = withTopics(headsHold(withNumberingLevels(pageEntries), heads, styles), topics, lines)
    for (const entry of leveled) if (!listed(entry)) kept.push(entry)
    entries.push(...kept)
    // Lines among a column's entries that are no entry (a second index's title, an entry printed without
    // its page number) are contents too, never body text.
    const spans = new Map<number, {x0: number; top: number; bottom: number}>()
    for (const pair of pairs) {
      const head = lines[pair.title[0]!]!
      const span = spans.get(columnOf(pair)) ?? {x0: Infinity, top: Infinity, bottom: -Infinity}
      spans.set(columnOf(pair), {x0: Math.min(span.x0, head.x0), top: Math.min(span.top, head.y), bottom: Math.max(span.bottom, head.y)})
    }
    lines.forEach((line, index) => {
      const text = line.text.trim()
      const amid = [...spans.values()].some(
        (span) =>
          line.y > span.top && line.y < span.bottom && Math.abs(line.x0 - span.x0) <= indentStep * size && text.length <= maxEntryChars
      )
      if (isContentsTitle(line.text) || bulletLine.test(text) || amid) used[p]![index] = true
    })
    for (const topic of topics) for (const index of topic.lines) used[p]![index] = true
  }
  markRepeatedListings(pages, entries, used)
  return {entries, used}
}

/** Character-bigram similarity from which a line with an entry's label, in a run of copies, copies it too. */
const minSimilarity = 0.6
/** The lines of a repeated listing follow each other at most this many font sizes apart. */
const listingGap = 3
/** A title, a dot leader and a page number: an entry as contents print it. */
const leaderNumber = /^(.*?\S)\s*(?:[.·…･]\s?){3,}\s*(\d{1,4})$/u
/** A chapter opener's title and listing make at least this share of its page's lines. */
const minOpenerShare = 0.5
/** A repeated listing copies at least this many entries in a row (a heading and its first paragraph copy one at most). */
const minRepeated = 2

/**
 * A chapter opener that lists its sections again under its title (`제1장` `총론`, then `제1절 …`,
 * `제2절 …`, `제3절 …` on a page of their own, as the contents listed them) repeats the contents:
 * its lines are contents, not headings. A run of lines copying entries one after another, wrapped
 * or not, is such a listing when it copies {@link minRepeated} entries or more; the run's first entry
 * stays when the others are below it (the opener's own title). In the body a copied heading is
 * followed by its text, never by the next entry.
 */
function markRepeatedListings(pages: readonly (readonly PlacedLine[])[], entries: readonly TocEntry[], used: boolean[][]): void {
  const first = used.findIndex((marks) => marks.some(Boolean))
  if (first < 0 || entries.length < minRepeated) return
  const keys = entries.map(entryKey)
  // Entries by the first character of their key, in order: a run can only open on those.
  const byFirst = new Map<string, number[]>()
  keys.forEach((key, e) => {
    const list = byFirst.get(key.charAt(0)) ?? []
    list.push(e)
    byFirst.set(key.charAt(0), list)
  })
  // A copy may carry its entry's dot leader and page number (KISA's chapter openers, `1. 개요 ····· 7`): they are no words of the title.
  const leadered = (line: PlacedLine): RegExpExecArray | null => {
    const text = line.text.trim()
    return endsInDigit(text) ? leaderNumber.exec(text) : null
  }
  const lineKey = (line: PlacedLine): string => (leadered(line)?.[1] ?? line.text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  // Lines from `start` that copy entry `e`, wrapped over lines or not; 0 when they do not. Within a
  // run, one line with the entry's label and its title worded a little otherwise copies it too
  // (`4. 인공지능 영향평가 관련 FAQ` for `4. 인공지능 영향평가 FAQ`).
  const copied = (lines: readonly PlacedLine[], lineKeys: readonly string[], start: number, e: number, within: boolean): number => {
    let text = ''
    for (let index = start; index < lines.length; index++) {
      text += lineKeys[index]!
      if (text === keys[e]) return index - start + 1
      if (text === '' || !keys[e]!.startsWith(text)) break
    }
    const line = lines[start]
    const entry = entries[e]!
    if (!within || line === undefined || entry.numbering === null) return 0
    const {numbering, title} = parseNumbering(line.text)
    return numbering === entry.numbering && titleSimilarity(entry.title, title) >= minSimilarity ? 1 : 0
  }
  for (let p = first + 1; p < pages.length; p++) {
    const lines = pages[p]!
    if (used[p]!.some(Boolean)) continue
    // Each line's key once a page: the search below asks for it once an entry and a start.
    const lineKeys = lines.map(lineKey)
    for (let start = 0; start < lines.length; start++) {
      // A run opens on a line that begins an entry's key (the first copy is never a reworded one).
      if (lineKeys[start] === '') continue
      for (const e of byFirst.get(lineKeys[start]!.charAt(0)) ?? []) {
        if (!keys[e]!.startsWith(lineKeys[start]!)) continue
        const runs: Array<{start: number; count: number; entry: number}> = []
        for (let at = start, next = e; next < entries.length; next++) {
          const count = copied(lines, lineKeys, at, next, next > e)
          const above = lines[at - 1]
          // Listed one below the other: lines next in reading order but far apart are headings of their own.
          if (count === 0 || (next > e && above !== undefined && lines[at]!.y - above.y > listingGap * above.size)) break
          runs.push({start: at, count, entry: next})
          at += count
        }
        const own = runs.length > 1 && entries[runs[0]!.entry]!.level < entries[runs[1]!.entry]!.level ? 1 : 0
        // The copies are siblings: a chapter heading, its first section's and that one's first
        // subsection's, printed with nothing between them, are a cascade of headings, not a listing.
        const listing = runs.slice(own)
        // A copy with its entry's leader and page number is one however few there are and whatever else
        // its page holds (an opener of one section): the body never prints a title with a leader to its page.
        const paged = listing.every((run) => Number(leadered(lines[run.start + run.count - 1]!)?.[2]) === entries[run.entry]!.page)
        if (
          (listing.length < minRepeated && !(listing.length > 0 && paged)) ||
          listing.some((run) => entries[run.entry]!.level !== entries[listing[0]!.entry]!.level)
        )
          continue
        // An opener's page holds little else; a body page may list a few forms the contents lists too (KISA's `☐ (서식 제22호) …`).
        if (!paged && runs.reduce((sum, run) => sum + run.count, 0) < minOpenerShare * lines.length) continue
        for (const run of listing) for (let index = run.start; index < run.start + run.count; index++) used[p]![index] = true
        start = runs.at(-1)!.start + runs.at(-1)!.count - 1
        break
      }
    }
  }
}
