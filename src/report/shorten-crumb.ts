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
