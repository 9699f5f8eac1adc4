/**
 * The printed table of contents: found by its shape (dotted leaders, page numbers at the end of
 * wide-spaced lines, or the tab layout a PDF extraction leaves), parsed into entries, and cut out of
 * the body. Extraction often merges the rows of a contents page (`Section 1 Section 2 <tab> Title A
 * Title B <tab> 8 22`); such rows are split back into one entry per page number.
 */
import type {TocEntry} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {numberingLevels, numberingScheme} from './numbering-level.js'
import {repairSpacedWords, type Lexicon} from './repair-words.js'

/** A table of contents found in a run of lines. */
export interface ParsedToc {
  /** Index of its first line (the `Contents` heading when there is one). */
  start: number
  /** Index after its last line. */
  end: number
  entries: TocEntry[]
}

const tocHeading = /^(?:table of contents|contents|目\s*次|목\s*차|차\s*례|目\s*录|目\s*錄)$/iu
const leader = /^(\s*)(.+?)\s*(?:(?:\.\s?){2,}|…+|·{3,})\s*(\d{1,4})\s*$/u
const spaced = /^(\s*)(.*\S)\s{2,}(\d{1,4})\s*$/u
const pageList = /^\d{1,4}(?:\s+\d{1,4})*$/u

interface RawEntry {
  indent: number
  /** Numbering label as printed or inferred, or null. */
  numbering: string | null
  title: string
  page: number | null
  /** Layout level from the tab layout (1 = a row starting in the first column), or null. */
  layoutLevel: number | null
}

interface TabRow {
  labels: string[]
  titles: string
  pages: number[]
  first: boolean
}

function tabRow(line: string): TabRow | null {
  if (!line.includes('\t')) return null
  const cells = line.split('\t').map((cell) => cell.trim())
  const filled = cells.filter((cell) => cell !== '')
  if (filled.length === 0) return null
  const last = filled[filled.length - 1]!
  const pages = pageList.test(last) ? last.split(/\s+/u).map(Number) : []
  const rest = pages.length > 0 ? filled.slice(0, -1) : filled
  const labels: string[] = []
  const titleCells: string[] = []
  for (const cell of rest) {
    const many = cell.match(/(?:Chapter|Section|Part|Appendix|Annex)\s+[\dIVXLC]+/giu)
    if (many && many.join(' ') === cell.replace(/\s+/gu, ' ') && titleCells.length === 0) labels.push(...many)
    else titleCells.push(cell)
  }
  if (pages.length === 0 && labels.length === 0) return null
  if (titleCells.length === 0 && pages.length === 0) return null
  return {labels, titles: titleCells.join('\t'), pages, first: cells[0] !== ''}
}

function isTocLine(line: string): boolean {
  return leader.test(line) || spaced.test(line) || tabRow(line) !== null
}

const functionWords = new Set(
  'a an and as at between by for from in into of on or nor the to toward towards under upon via with within without through across among over about after before against'.split(
    ' '
  )
)
const adjectiveEnding = /(?:al|ic|ive|ern|ean|ian|ory|ous|ful|ar|ese|ish)$/iu

/** How much each clue says for (or against) a title boundary between two words of a TOC row. */
const boundaryScore = {
  /** A capitalised -ing word ("Managing", "Building") opens titles far more often than it continues one. */
  ingWord: 3,
  /** The word opens another title of this table of contents. */
  knownStart: 2,
  /** The next two words recur in this row: a repeated phrase is likelier a title's opening. */
  repeatedPhrase: 2,
  /** The word before ends another title of this table of contents (weaker: endings vary more). */
  knownEnd: 1,
  /** An adjective or a possessive before the cut wants its noun after it. */
  adjectiveBefore: -3,
  /** An article two words back means the noun phrase is still open. */
  articleBefore: -2,
  /** The two words are a pair seen together elsewhere: cutting between them splits a phrase. */
  knownPair: -2
} as const

function words(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== '')
}

/** Context used to split merged titles. */
interface SplitContext {
  startWords: Set<string>
  endWords: Set<string>
  bigrams: Map<string, number>
}

/** Split `text` into `count` titles at the likeliest title boundaries (see the module comment). */
function splitTitles(text: string, count: number, context: SplitContext): string[] {
  const list = words(text)
  if (count <= 1 || list.length < count) return [list.join(' ')]
  const minWords = list.length >= count * 2 ? 2 : 1
  const local = new Map<string, number>()
  for (let i = 0; i + 1 < list.length; i++) local.set(`${list[i]} ${list[i + 1]}`, (local.get(`${list[i]} ${list[i + 1]}`) ?? 0) + 1)
  const score = (j: number): number | null => {
    const a = list[j - 1]!
    const b = list[j]!
    if (!/^[\p{Lu}\p{N}]/u.test(b) || functionWords.has(b.toLowerCase()) || functionWords.has(a.toLowerCase())) return null
    if (/[,;:]$/u.test(a)) return null
    let value = 0
    if (/^\p{Lu}\p{L}{2,}ing$/u.test(b)) value += boundaryScore.ingWord
    if (context.startWords.has(b)) value += boundaryScore.knownStart
    const phrase = `${b} ${list[j + 1] ?? ''}`
    if ((local.get(phrase) ?? 0) > 1) value += boundaryScore.repeatedPhrase
    if (context.endWords.has(a)) value += boundaryScore.knownEnd
    if (adjectiveEnding.test(a) || /['’]s$/u.test(a)) value += boundaryScore.adjectiveBefore
    if (j >= 2 && /^(?:the|a|an)$/iu.test(list[j - 2]!)) value += boundaryScore.articleBefore
    if ((context.bigrams.get(`${a} ${b}`.toLowerCase()) ?? 0) > 0 || (local.get(`${a} ${b}`) ?? 0) > 1) value += boundaryScore.knownPair
    return value
  }
  const scores = list.map((_, j) => (j === 0 ? null : score(j)))
  // best[k][j]: best total for splitting the first j words into k titles.
  const n = list.length
  const best: number[][] = Array.from({length: count + 1}, () => new Array<number>(n + 1).fill(-Infinity))
  const from: number[][] = Array.from({length: count + 1}, () => new Array<number>(n + 1).fill(-1))
  best[0]![0] = 0
  for (let k = 1; k <= count; k++) {
    for (let j = k * minWords; j <= n; j++) {
      for (let i = (k - 1) * minWords; i <= j - minWords; i++) {
        if (best[k - 1]![i] === -Infinity) continue
        const cut = i === 0 ? (k === 1 ? 0 : null) : k === 1 ? null : scores[i]
        if (cut === null || cut === undefined) continue
        const total = best[k - 1]![i]! + cut
        if (total > best[k]![j]!) {
          best[k]![j] = total
          from[k]![j] = i
        }
      }
    }
  }
  if (best[count]![n] === -Infinity) return [list.join(' ')]
  const cuts: number[] = []
  for (let k = count, j = n; k > 0; k--) {
    cuts.unshift(from[k]![j]!)
    j = from[k]![j]!
  }
  return cuts.map((start, index) => list.slice(start, cuts[index + 1] ?? n).join(' '))
}

function bigramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const list = words(text.toLowerCase())
  for (let i = 0; i + 1 < list.length; i++) counts.set(`${list[i]} ${list[i + 1]}`, (counts.get(`${list[i]} ${list[i + 1]}`) ?? 0) + 1)
  return counts
}

function fromTabRows(rows: TabRow[], lexicon: Lexicon, bodyText: string): RawEntry[] {
  const repaired = rows.map((row) => ({...row, titles: repairSpacedWords(row.titles, lexicon).replace(/\t+/gu, ' ').trim()}))
  const singles = repaired.filter((row) => row.pages.length <= 1 && row.labels.length <= 1)
  const context: SplitContext = {
    startWords: new Set(singles.map((row) => words(row.titles)[0] ?? '').filter((word) => word !== '')),
    endWords: new Set(repaired.map((row) => words(row.titles).at(-1) ?? '').filter((word) => word !== '')),
    bigrams: bigramCounts(`${bodyText}\n${singles.map((row) => row.titles).join('\n')}`)
  }
  // The label word of merged rows (`Section`), so rows that lost their labels can be numbered.
  const childWord = repaired
    .filter((row) => !row.first)
    .flatMap((row) => row.labels)
    .map((label) => label.split(/\s+/u)[0]!)[0]
  const entries: RawEntry[] = []
  let childIndex = 0
  for (const row of repaired) {
    if (row.first) {
      childIndex = 0
      entries.push({indent: 0, numbering: row.labels[0] ?? null, title: row.titles, page: row.pages[0] ?? null, layoutLevel: 1})
      continue
    }
    const count = Math.max(1, row.pages.length)
    const titles = splitTitles(row.titles, count, context)
    titles.forEach((title, index) => {
      childIndex++
      entries.push({
        indent: 1,
        numbering: childWord ? `${childWord} ${childIndex}` : null,
        title,
        page: row.pages[index] ?? null,
        layoutLevel: 2
      })
    })
  }
  return entries
}

function fromLines(lines: string[]): RawEntry[] {
  const entries: RawEntry[] = []
  let pending = ''
  for (const line of lines) {
    if (line.trim() === '' || tocHeading.test(line.trim())) continue
    const match = leader.exec(line) ?? spaced.exec(line)
    if (!match) {
      pending = `${pending} ${line.trim()}`.trim()
      continue
    }
    const text = `${pending} ${match[2]!.trim()}`.trim().replace(/\s+/gu, ' ')
    pending = ''
    const {numbering, title} = parseNumbering(text)
    entries.push({indent: match[1]!.length, numbering, title, page: Number(match[3]), layoutLevel: null})
  }
  return entries
}

/**
 * Find and parse the table of contents in `lines`; null when there is none. `bodyText` (the whole
 * document) supplies the evidence for word repairs and title splitting.
 */
export function parseToc(lines: readonly string[], lexicon: Lexicon, bodyText = ''): ParsedToc | null {
  for (let i = 0; i < lines.length; i++) {
    const headed = tocHeading.test(lines[i]!.trim())
    if (!headed && !isTocLine(lines[i]!)) continue
    // Extend over TOC lines, blank lines, and short wrapped titles that lead into a TOC line.
    let end = headed ? i + 1 : i
    let count = 0
    let j = end
    while (j < lines.length) {
      const line = lines[j]!
      if (isTocLine(line)) {
        count++
        end = j + 1
      } else if (line.trim() !== '') {
        const next = lines.slice(j + 1, j + 3).find((candidate) => candidate.trim() !== '')
        const wrapped = count > 0 && line.trim().length < 60 && /^\s+/u.test(line) && next !== undefined && isTocLine(next)
        if (!wrapped) break
      }
      j++
    }
    if (count >= 3 || (headed && count >= 1)) {
      const body = lines.slice(headed ? i + 1 : i, end)
      const rows = body.map(tabRow)
      const entries = rows.some((row) => row !== null)
        ? fromTabRows(
            rows.filter((row): row is TabRow => row !== null),
            lexicon,
            bodyText
          )
        : fromLines(body)
      return {start: i, end, entries: toEntries(entries)}
    }
    if (headed) continue
    i = Math.max(i, end - 1)
  }
  return null
}

function toEntries(raw: RawEntry[]): TocEntry[] {
  const indents = [...new Set(raw.map((entry) => entry.indent))].sort((a, b) => a - b)
  const numbered = raw.filter((entry) => entry.numbering !== null).length
  const levels = numberingLevels(
    raw.map((entry) => ({
      numbering: entry.numbering !== null && !numberingScheme(entry.numbering).scheme.startsWith('other:') ? entry.numbering : null,
      // Unnumbered entries among numbered ones are top-level (References, Credits); in an
      // unnumbered contents list, indentation is all there is.
      fallbackLevel: entry.layoutLevel ?? (numbered * 2 > raw.length ? 1 : indents.indexOf(entry.indent) + 1)
    }))
  )
  return raw.map((entry, index) => ({
    level: levels[index]!,
    numbering: entry.numbering === null ? null : entry.numbering.replace(/\.$/u, '').replace(/\s+/gu, ' '),
    title: entry.title,
    page: entry.page
  }))
}
