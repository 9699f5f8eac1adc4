/**
 * A heading as one step of a section's path ("in 3) 満たすべき要件 › ゴール 1 › 1.1 供給ソフトウェアの頒布
 * について FOSS…"). Some documents set whole sentences as headings (a numbered requirement with
 * its evidence and rationale below it); every sub-section's place would repeat the sentence in
 * full, burying the path a reader scans for. A reader finds a section by its number and first words,
 * so a step longer than a contents-page line keeps those and ends in `…`. The section's own heading
 * is never shortened: it is what the line is about.
 */
import {textColumns} from './text-columns.js'

/** Longest step kept whole, in columns: a long line of a contents page (30 CJK characters, 60 Latin). */
export const crumbColumns = 60

/**
 * Longest heading a line of plain-text output (`compare`, `history`) names whole, in columns. A
 * requirement set as one sentence (300 characters and more) would fill the terminal with one
 * heading; its number and first words are how a reader finds it, and the JSON and HTML keep it whole.
 */
export const textHeadingColumns = 80

// Where a shortened step may end: after a space or a comma or full stop, Latin or CJK.
const breakAfter = /[\s,，、。;；:：]/u

/** `heading` as a step of a path: whole up to `width` columns, else its beginning and `…`. */
export function shortenCrumb(heading: string, width = crumbColumns): string {
  if (textColumns(heading) <= width) return heading
  const chars = [...heading]
  let end = 0
  let used = 1
  while (end < chars.length && used + textColumns(chars[end]!) <= width) used += textColumns(chars[end++]!)
  // Prefer to end at a break in the second half of what fits, so a word is not cut in two.
  let cut = end
  for (let i = end; i > end / 2; i--) {
    if (breakAfter.test(chars[i - 1]!) || (i < chars.length && /\s/u.test(chars[i]!))) {
      cut = i
      break
    }
  }
  return `${chars
    .slice(0, cut)
    .join('')
    .replace(/[\s,，、;；:：]+$/u, '')}…`
}

/** Columns past the first difference that two shortened headings keep: the changed word and a few after it. */
const differenceColumns = 16

/**
 * Two headings of one section (before and after a rename), each shortened to `width` unless that
 * would print the same words twice: a requirement renamed near its end (`… 第 1.0 版 …` → `… 第 1.1
 * 版 …`) then keeps both up to a little past where they first differ, so the line shows the change.
 */
export function shortenApart(before: string, after: string, width = textHeadingColumns): [string, string] {
  const short: [string, string] = [shortenCrumb(before, width), shortenCrumb(after, width)]
  if (before === after || short[0] !== short[1]) return short
  const a = [...before]
  const b = [...after]
  let same = 0
  while (same < a.length && same < b.length && a[same] === b[same]) same++
  const wider = textColumns(a.slice(0, same).join('')) + differenceColumns
  return [shortenCrumb(before, wider), shortenCrumb(after, wider)]
}

/** A path as a reader scans it: every step but the last shortened, joined by ` › `. */
export function crumbPath(path: readonly string[]): string {
  return path.map((step, i) => (i < path.length - 1 ? shortenCrumb(step) : step)).join(' › ')
}

/** The parents of the section a path leads to, each step shortened, or '' at the top level. */
export function crumbParents(path: readonly string[]): string {
  return path
    .slice(0, -1)
    .map((step) => shortenCrumb(step))
    .join(' › ')
}
