import type {CompareResult, Relation} from '../compare/compare-editions.js'
import {countOf, thousands} from './count-of.js'
import {isDoubtful, isPairing, printedPage, sharePercent} from './describe-relation.js'
import {shortenApart, shortenCrumb, textHeadingColumns} from './shorten-crumb.js'

type Ref = Relation['old'][number]

/** A section with its parent ("Scenario #2" alone says little), both shortened to a line's worth (`own`: its heading as shortened). */
function textPlace(section: Ref, own = shortenCrumb(section.path.at(-1) ?? section.heading, textHeadingColumns)): string {
  return section.path.length > 1 ? `${shortenCrumb(section.path.at(-2)!)} › ${own}` : own
}

/** Headings of one side of a relation, each with its parent, joined. */
function headings(sections: Relation['old']): string {
  return sections.map((section) => textPlace(section)).join(' + ')
}

/**
 * Where to look in the printed copies (`p. 12 → p. 14`, `p. 14` for a section of one side only), or ''
 * for editions without pages: a reader checks a change against the PDF.
 */
function pagesOf(relation: Relation): string {
  const side = (refs: Relation['old']): string | null => {
    const pages = refs.map(printedPage).filter((page): page is string => page !== null)
    return pages.length === 0 ? null : `p. ${[...new Set(pages)].join(', ')}`
  }
  const before = side(relation.old)
  const after = side(relation.new)
  if (before === null && after === null) return ''
  return `  ${before !== null && after !== null ? `${before} → ${after}` : (before ?? after)}`
}

/** Both sides of a one-to-one pairing: a heading renamed near its end keeps the words that changed. */
function pairPlaces(before: Ref, after: Ref): [string, string] {
  const [old, now] = shortenApart(before.path.at(-1) ?? before.heading, after.path.at(-1) ?? after.heading)
  return [textPlace(before, old), textPlace(after, now)]
}

/** The `git diff --stat`-like text summary of a comparison. */
export function formatCompareText(result: CompareResult): string {
  const lines: string[] = []
  const label = (e: CompareResult['old']): string => `${e.series} ${e.edition}`
  lines.push(`${label(result.old)} (${result.old.words} words) → ${label(result.new)} (${result.new.words} words)`)
  for (const r of result.relations) {
    if (r.kind === 'matched' && r.flags.length === 0) continue
    const doubt = isDoubtful(r) ? '?' : ' '
    const kind = r.kind === 'matched' ? r.flags.join(',') : [r.kind, ...r.flags].join(',')
    const what =
      r.kind === 'added'
        ? `+ ${headings(r.new)}`
        : r.kind === 'removed'
          ? `- ${headings(r.old)}`
          : headings(r.old) === headings(r.new)
            ? headings(r.new)
            : r.old.length === 1 && r.new.length === 1
              ? pairPlaces(r.old[0]!, r.new[0]!).join(' → ')
              : `${headings(r.old)} → ${headings(r.new)}`
    const words = `+${r.stats.wordsAdded} -${r.stats.wordsRemoved}`
    // Where an added section's text stood before, or where a removed one's went.
    const home = r.foundIn
      ? `  (${sharePercent(r.foundIn.share)} ${r.kind === 'added' ? 'was in' : 'is in'} ${headings([r.foundIn.section])})`
      : ''
    // A new or removed section has no counterpart to be similar to: "0.00" beside "(88% is in …)" puzzled.
    const similarity = isPairing(r) ? r.similarity.toFixed(2) : ' —  '
    lines.push(` ${kind.padEnd(26)} ${similarity}${doubt} ${what}  ${words}${home}${pagesOf(r)}`)
  }
  const s = result.summary
  const parts = (
    [
      ['unchanged', s.unchanged],
      ['modified', s.modified],
      ['renamed', s.renamed],
      ['renumbered', s.renumbered],
      ['moved', s.moved],
      ['split', s.split],
      ['merged', s.merged],
      ['added', s.added],
      ['removed', s.removed]
    ] as const
  ).filter(([, n]) => n > 0)
  lines.push(
    ` ${countOf(result.relations.length, 'relation')}: ${parts.map(([name, n]) => `${n} ${name}`).join(', ') || 'none'}; ` +
      // Both counts grouped alike: "6,344 words added, 2716 removed" read as two kinds of figure.
      `${countOf(s.wordsAdded, 'word')} added, ${thousands(s.wordsRemoved)} removed; similarity ${s.similarity.toFixed(2)}`
  )
  return `${lines.join('\n')}\n`
}
