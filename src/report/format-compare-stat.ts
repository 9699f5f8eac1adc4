import type {CompareResult, Relation, SectionRef} from '../compare/compare-editions.js'
import {relationKinds} from './describe-relation.js'
import {crumbColumns, shortenCrumb} from './shorten-crumb.js'
import {textColumns} from './text-columns.js'

/** Options of {@link formatCompareStat}. */
export interface StatOptions {
  /** Longest bar of `+` and `-`, in columns. Default {@link defaultStatBarWidth}. */
  barWidth?: number
  /** Longest section path before it is shortened with `…` (from the left, unless the section's own heading alone is longer). Default {@link defaultStatPathWidth}. */
  pathWidth?: number
}

/** Like git's --stat on an 80-column terminal: the bar gets what the path, kind and counts leave. */
export const defaultStatBarWidth = 25

/** Deep section paths are long; the end (the section itself) is what a reader needs, as in git's `.../file`. */
export const defaultStatPathWidth = 50

/** `text` padded with spaces to `width` columns. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textColumns(text)))
}

/** `text` cut from the left to at most `width` columns, marked with `…`. */
function shortenLeft(text: string, width: number): string {
  if (textColumns(text) <= width) return text
  const chars = [...text]
  let kept = ''
  let used = 1
  for (let i = chars.length - 1; i >= 0; i--) {
    const char = chars[i]!
    const w = textColumns(char)
    if (used + w > width) break
    kept = char + kept
    used += w
  }
  return `…${kept}`
}

/** A step of a path that does not fit is first shortened to this many columns: a number and a few words. */
const narrowCrumbColumns = 24

/**
 * The section path a stat line names (the new side, or the old side of a removed section) in at most
 * `width` columns. Steps that are sentences are shortened to their number and first words, first as
 * everywhere in a report, then more; what is still too wide is cut from the left, as git cuts a
 * file's path, unless the section's own heading alone is wider (a requirement set as one sentence):
 * then it keeps its number and first words, which is how a reader finds it.
 */
function statPath(relation: Relation, width: number): string {
  const sections: SectionRef[] = relation.new.length > 0 ? relation.new : relation.old
  const joined = (crumb: number): string =>
    sections
      .map((section) =>
        section.path.length === 0
          ? section.heading
          : section.path.map((step, i) => (i < section.path.length - 1 ? shortenCrumb(step, crumb) : step)).join(' › ')
      )
      .join(' + ')
  const path = joined(crumbColumns)
  if (textColumns(path) <= width) return path
  const narrow = joined(narrowCrumbColumns)
  if (textColumns(narrow) <= width) return narrow
  const last = sections.at(-1)!
  const own = last.path.at(-1) ?? last.heading
  return textColumns(own) < width ? shortenLeft(narrow, width) : shortenCrumb(own, width)
}

/** Whether a relation shows in the stat: anything but a matched section without flags. */
function isChange(relation: Relation): boolean {
  return !(relation.kind === 'matched' && relation.flags.length === 0)
}

/**
 * `wpdiff compare --stat`: like `git diff --stat`, one line per changed section (its path, its
 * kinds, words added and removed, a bar of `+` and `-` scaled to the largest change), then a total
 * line. Nothing at all when nothing changed, as git prints nothing.
 */
export function formatCompareStat(result: CompareResult, options: StatOptions = {}): string {
  const barWidth = options.barWidth ?? defaultStatBarWidth
  const pathWidth = options.pathWidth ?? defaultStatPathWidth
  const changes = result.relations.filter(isChange)
  if (changes.length === 0) return ''
  const rows = changes.map((relation) => ({
    path: statPath(relation, pathWidth),
    kind: relationKinds(relation).join(','),
    added: relation.stats.wordsAdded,
    removed: relation.stats.wordsRemoved
  }))
  const pathColumn = rows.reduce((top, row) => Math.max(top, textColumns(row.path)), 0)
  const kindColumn = rows.reduce((top, row) => Math.max(top, row.kind.length), 0)
  const countColumn = rows.reduce((top, row) => Math.max(top, `+${row.added} -${row.removed}`.length), 0)
  const largest = rows.reduce((top, row) => Math.max(top, row.added + row.removed), 0)
  const scale = largest > barWidth ? barWidth / largest : 1
  const lines = rows.map((row) => {
    // As git does, a change too small to scale to a column still shows one.
    const plus = row.added === 0 ? 0 : Math.max(1, Math.round(row.added * scale))
    const minus = row.removed === 0 ? 0 : Math.max(1, Math.round(row.removed * scale))
    const counts = `+${row.added} -${row.removed}`.padStart(countColumn)
    return ` ${pad(row.path, pathColumn)} | ${row.kind.padEnd(kindColumn)} ${counts} ${'+'.repeat(plus)}${'-'.repeat(minus)}`.trimEnd()
  })
  const added = rows.reduce((sum, row) => sum + row.added, 0)
  const removed = rows.reduce((sum, row) => sum + row.removed, 0)
  const sections = `${rows.length} section${rows.length === 1 ? '' : 's'} changed`
  lines.push(` ${sections}, ${added} word${added === 1 ? '' : 's'} added(+), ${removed} removed(-)`)
  return `${lines.join('\n')}\n`
}
