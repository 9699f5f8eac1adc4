/**
 * Scores of a recovered outline against a known one (the Markdown a PDF was laid out from, or the
 * PDF's bookmarks): headings matched in order by loosely compared titles (an entry out of order by its
 * exact title), then recall, precision
 * and the share of matched headings whose parent is the match of the known parent (both at the top
 * counts as right; a source that skips a level is not a wrong level).
 */
import {titleSimilarity} from '../src/ingest/match-contents.js'
import {parseNumbering} from '../src/text/parse-numbering.js'

/** A heading as a title and a depth (only the order of depths matters). */
export interface OutlineHeading {
  title: string
  depth: number
}

/** Scores of {@link scoreOutline}. */
export interface OutlineScore {
  truth: number
  found: number
  matched: number
  recall: number
  precision: number
  rightParent: number
}

/** Titles this similar are the same heading (the PDF may print `&` where the Markdown has `and`). */
const sameTitle = 0.8

/** Index of each heading's parent (nearest preceding heading of smaller depth), -1 at the top. */
export function parents(headings: readonly OutlineHeading[]): number[] {
  const stack: number[] = []
  return headings.map((heading, index) => {
    while (stack.length > 0 && headings[stack[stack.length - 1]!]!.depth >= heading.depth) stack.pop()
    const parent = stack.length > 0 ? stack[stack.length - 1]! : -1
    stack.push(index)
    return parent
  })
}

/** Headings of `truth` and `found` paired in order (heaviest common subsequence of similar titles). */
export function pairHeadings(truth: readonly OutlineHeading[], found: readonly OutlineHeading[]): Array<[number, number]> {
  const n = truth.length
  const m = found.length
  const table = Array.from({length: n + 1}, () => new Float64Array(m + 1))
  const similar = (i: number, j: number): number => {
    const score = titleSimilarity(truth[i]!.title, found[j]!.title)
    return score >= sameTitle ? score : 0
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = similar(i, j)
      table[i]![j] = Math.max(table[i + 1]![j]!, table[i]![j + 1]!, s > 0 ? table[i + 1]![j + 1]! + s : 0)
    }
  }
  const pairs: Array<[number, number]> = []
  for (let i = 0, j = 0; i < n && j < m; ) {
    const s = similar(i, j)
    if (s > 0 && table[i]![j] === table[i + 1]![j + 1]! + s) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }
  // A contents may print an entry out of page order, and number it by that order: govcio lists
  // `3) 人材育成や組織設立の支援 … 52` after the entries for pp. 53 and 55, where the page heads it
  // `1)`. An entry left over pairs with a heading left over of exactly its title (numbers aside), each once.
  const pairedTruth = new Set(pairs.map(([i]) => i))
  const pairedFound = new Set(pairs.map(([, j]) => j))
  for (let i = 0; i < n; i++) {
    if (pairedTruth.has(i)) continue
    const title = exactTitle(truth[i]!.title)
    if (title === '') continue
    const j = found.findIndex((heading, index) => !pairedFound.has(index) && exactTitle(heading.title) === title)
    if (j < 0) continue
    pairs.push([i, j])
    pairedFound.add(j)
  }
  return pairs.sort((a, b) => a[0] - b[0])
}

/** A title as compared for an out-of-order pair, without its number: only spacing and character width may differ. */
const exactTitle = (title: string): string => parseNumbering(title.normalize('NFKC')).title.replace(/\s+/gu, ' ').trim()

/** Score `found` against `truth` (see the module comment). */
export function scoreOutline(truth: readonly OutlineHeading[], found: readonly OutlineHeading[]): OutlineScore {
  const pairs = pairHeadings(truth, found)
  const foundOf = new Map(pairs.map(([i, j]) => [i, j]))
  const truthParents = parents(truth)
  const foundParents = parents(found)
  const right = pairs.filter(([i, j]) => {
    const parent = truthParents[i]!
    return parent === -1 ? foundParents[j] === -1 : foundOf.get(parent) === foundParents[j]
  }).length
  return {
    truth: truth.length,
    found: found.length,
    matched: pairs.length,
    recall: truth.length === 0 ? 1 : pairs.length / truth.length,
    precision: found.length === 0 ? 1 : pairs.length / found.length,
    rightParent: pairs.length === 0 ? 1 : right / pairs.length
  }
}
