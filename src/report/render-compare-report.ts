/**
 * The comparison report: one self-contained HTML page for a `wpdiff/compare@1` result computed with
 * `detail: 'blocks'` (without blocks, cards show badges and figures but no redline).
 */
import type {CompareResult, Relation, SectionRef} from '../compare/compare-editions.js'
import {
  defaultDoubtBelow,
  displayKinds,
  isPairing,
  mostChanged,
  relationAnchor,
  relationBadges,
  evidenceLine,
  relationHeading,
  relationKinds
} from './describe-relation.js'
import {renderRedline} from './render-redline.js'
import {renderTemplate} from './render.js'

/** Options of {@link renderCompareReport}. */
export interface CompareReportOptions {
  /** Printed in the footer ("generated … on X"). Default: none, so output is reproducible byte for byte. */
  generatedAt?: string | null
  /** Similarity under which a pairing gets a "doubtful match" badge. Default 0.6. */
  doubtBelow?: number
  /** Relative link to the site index, shown as a breadcrumb. Default: none. */
  home?: string | null
  /** Page title. Default `<series>: <old edition> → <new edition>`. */
  title?: string
  /** Number of sections listed under "changed most". Default 10. */
  mostChanged?: number
}

const kindLabels: Record<string, string> = {
  added: 'Added',
  removed: 'Removed',
  renamed: 'Renamed',
  renumbered: 'Renumbered',
  moved: 'Moved',
  split: 'Split',
  merged: 'Merged',
  modified: 'Modified',
  unchanged: 'Unchanged'
}

const measureLabels: Record<string, string> = {
  cosine: 'Cosine similarity (term frequencies)',
  jaccard: 'Jaccard similarity (term sets)',
  edit: 'Edit similarity (words)',
  simple: 'Simple similarity (changed words)'
}

function pageLabel(refs: readonly SectionRef[]): string | null {
  const pages = refs.map((ref) => ref.page).filter((p): p is number => p !== null)
  return pages.length === 0 ? null : `p. ${pages.join(', ')}`
}

/** "p. 123 ↔ p. 131" where either edition knows its pages, else null. */
function pages(relation: Relation): string | null {
  const before = pageLabel(relation.old)
  const after = pageLabel(relation.new)
  if (before === null && after === null) return null
  return `${before ?? '—'} ↔ ${after ?? '—'}`
}

/** Render the HTML report of a comparison. */
export function renderCompareReport(result: CompareResult, options: CompareReportOptions = {}): string {
  const doubtBelow = options.doubtBelow ?? defaultDoubtBelow
  const anchors = result.relations.map(relationAnchor)
  // Moved paragraphs link back to the card of the relation they came from.
  const oldAnchor = new Map<string, string>()
  const oldHeading = new Map<string, string>()
  const newHeading = new Map<string, string>()
  result.relations.forEach((relation, i) => {
    for (const ref of relation.old) {
      oldAnchor.set(ref.id, anchors[i]!)
      oldHeading.set(ref.id, ref.heading)
    }
    for (const ref of relation.new) newHeading.set(ref.id, ref.heading)
  })
  // Where the badge of an added (removed) section links: the card of the old section holding its
  // text, or the new section itself (every new section's id is an anchor on its card).
  const homeAnchor = (relation: Relation): string | undefined =>
    relation.foundIn && (relation.kind === 'added' ? oldAnchor.get(relation.foundIn.section.id) : relation.foundIn.section.id)

  const counts = new Map<string, number>()
  const cards = result.relations.map((relation, i) => {
    const kinds = relationKinds(relation)
    for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1)
    const refs = relation.new.length > 0 ? relation.new : relation.old
    const first = refs[0]
    const unchanged = kinds[0] === 'unchanged'
    return {
      anchor: anchors[i]!,
      extraAnchors: relation.new.slice(1).map((ref) => ref.id),
      kind: kinds[0]!,
      kinds,
      level: first?.level ?? 1,
      heading: relationHeading(relation),
      path: first && first.path.length > 1 ? first.path.slice(0, -1).join(' › ') : '',
      badges: relationBadges(relation, doubtBelow).map((badge, k) => {
        const href = k === 0 ? homeAnchor(relation) : undefined
        return href === undefined ? badge : {...badge, href}
      }),
      evidence: evidenceLine(relation),
      similarity: isPairing(relation) ? relation.similarity : null,
      added: relation.stats.wordsAdded,
      removed: relation.stats.wordsRemoved,
      moved: relation.stats.paragraphsMoved,
      pages: pages(relation) ?? '',
      words: refs.reduce((sum, ref) => sum + ref.words, 0),
      collapsed: unchanged,
      body: renderRedline(relation, {
        ownOld: new Set(relation.old.map((ref) => ref.id)),
        ownNew: new Set(relation.new.map((ref) => ref.id)),
        oldAnchor,
        oldHeading,
        newHeading
      })
    }
  })

  const summary = result.summary
  const title = options.title ?? `${result.new.series || result.old.series}: ${result.old.edition} → ${result.new.edition}`
  const context: Record<string, unknown> = {
    lang: result.new.language || 'en',
    title,
    heading: `${result.new.title}: what changed from ${result.old.edition} to ${result.new.edition}`,
    old: {...result.old, sections: result.relations.reduce((n, r) => n + r.old.length, 0)},
    new: {...result.new, sections: result.relations.reduce((n, r) => n + r.new.length, 0)},
    summary: {
      rows: displayKinds.map((kind) => ({kind, label: kindLabels[kind], count: summary[kind]})),
      wordsAdded: summary.wordsAdded,
      wordsRemoved: summary.wordsRemoved,
      similarity: summary.similarity,
      measures: Object.entries(summary.measures).map(([name, value]) => ({name, label: measureLabels[name] ?? name, value}))
    },
    mostChanged: mostChanged(result, options.mostChanged ?? 10).map((relation) => ({
      anchor: relationAnchor(relation),
      heading: relationHeading(relation),
      added: relation.stats.wordsAdded,
      removed: relation.stats.wordsRemoved
    })),
    structure: result.relations.map((relation, i) => ({
      anchor: anchors[i]!,
      kind: cards[i]!.kind,
      label: cards[i]!.kinds.join(', '),
      oldLevel: relation.old[0]?.level ?? 1,
      newLevel: relation.new[0]?.level ?? 1,
      old: relation.old.map((ref) => ({heading: ref.heading})),
      new: relation.new.map((ref) => ({heading: ref.heading}))
    })),
    kinds: displayKinds.filter((kind) => counts.has(kind)).map((kind) => ({kind, label: kindLabels[kind], count: counts.get(kind)})),
    changedCount: cards.filter((card) => card.kind !== 'unchanged').length,
    cards
  }
  if (options.home) context.home = options.home
  if (options.generatedAt) context.generatedAt = options.generatedAt
  return renderTemplate('compare-report.njk', context)
}
