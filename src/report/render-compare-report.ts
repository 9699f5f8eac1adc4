/**
 * The comparison report: one self-contained HTML page for a `wpdiff/compare@1` result computed with
 * `detail: 'blocks'` (without blocks, cards show badges and figures but no redline).
 */
import type {CompareResult, Relation, SectionRef} from '../compare/compare-editions.js'
import {
  defaultDoubtBelow,
  evidenceLine,
  isPairing,
  printedPage,
  relationAnchor,
  relationBadges,
  relationHeading,
  relationKinds,
  wholeSectionWords
} from './describe-relation.js'
import {renderRedline} from './render-redline.js'
import {crumbParents} from './shorten-crumb.js'
import {renderTemplate} from './render.js'
import {summarizeChanges} from './summarize-changes.js'
import {preambleId} from '../align/list-alignable-sections.js'

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

/** The whole-text measures, each with what it means to a reader: without it, 0.994 beside 0.486 puzzles. */
export const measureDefinitions: Record<string, {label: string; definition: string}> = {
  cosine: {
    label: 'Cosine',
    definition:
      'how alike the two vocabularies are, word frequencies compared; order and place do not count, so it stays high when text only moved'
  },
  jaccard: {label: 'Jaccard', definition: 'share of distinct words the editions have in common (shared words ÷ all words used)'},
  edit: {
    label: 'Edit',
    definition:
      '1 − word edits needed to turn the old text into the new, read straight through ÷ the longer text; moved chapters count as deleted and inserted, so it drops when the order changed'
  },
  simple: {
    label: 'Simple',
    definition: '1 − changed words ÷ the average length, read straight through; like edit, it counts moved text as changed'
  }
}

function pageLabel(refs: readonly SectionRef[]): string | null {
  const pages = refs.map(printedPage).filter((p): p is string => p !== null)
  return pages.length === 0 ? null : `p. ${pages.join(', ')}`
}

/** "p. 123 ↔ p. 131" where both editions know their pages, "new p. 131" where one does, else null. */
function pages(relation: Relation): string | null {
  const before = pageLabel(relation.old)
  const after = pageLabel(relation.new)
  if (before === null && after === null) return null
  if (after === null) return `old ${before}`
  if (before === null) return `new ${after}`
  return `${before} ↔ ${after}`
}

/**
 * The printed number of a PDF page of one side of a relation. A PDF's page labels number a range of
 * pages one after another from where the range begins, so a page of a section whose first page is
 * printed `7` on sheet 8 is printed one less than its sheet; without a numeric label, the sheet.
 */
function printedPages(refs: readonly SectionRef[]): (page: number) => string {
  const known = refs.find((ref) => ref.page !== null && ref.pageLabel && /^\d+$/u.test(ref.pageLabel))
  if (!known) return String
  const offset = known.page! - Number(known.pageLabel)
  return (page) => String(page - offset >= 1 ? page - offset : page)
}

/**
 * Sections of one side, as its outline and the series index count them: the text before the first
 * heading is a card of the report but no section of the edition.
 */
function countSections(relations: readonly Relation[], side: 'old' | 'new'): number {
  return relations.reduce((n, r) => n + r[side].filter((section) => section.id !== preambleId).length, 0)
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

  const cards = result.relations.map((relation, i) => {
    const kinds = relationKinds(relation)
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
      path: first ? crumbParents(first.path) : '',
      badges: relationBadges(relation, doubtBelow).map((badge, k) => {
        const href = k === 0 ? homeAnchor(relation) : undefined
        return href === undefined ? badge : {...badge, href}
      }),
      evidence: evidenceLine(relation),
      similarity: isPairing(relation) ? relation.similarity : null,
      // An added (removed) section is all new (gone): "+4 −7" on it would say otherwise.
      whole: kinds[0] === 'added' || kinds[0] === 'removed',
      // Side by side needs column headings only where a card has something to put in a column.
      changedBlocks: isPairing(relation) && (relation.blocks?.some((block) => block.op !== 'equal') ?? false),
      added: relation.stats.wordsAdded,
      removed: relation.stats.wordsRemoved,
      moved: relation.stats.paragraphsMoved,
      pages: pages(relation) ?? '',
      words: wholeSectionWords(relation) ?? refs.reduce((sum, ref) => sum + ref.words, 0),
      collapsed: unchanged,
      body: renderRedline(relation, {
        ownOld: new Set(relation.old.map((ref) => ref.id)),
        ownNew: new Set(relation.new.map((ref) => ref.id)),
        oldAnchor,
        oldHeading,
        newHeading,
        printed: {old: printedPages(relation.old), new: printedPages(relation.new)},
        cardPages: pages(relation) ?? ''
      })
    }
  })

  const summary = result.summary
  const digest = summarizeChanges(result, {mostChanged: options.mostChanged ?? 10})
  const label = (kind: string): string => kindLabels[kind] ?? kind
  const title = options.title ?? `${result.new.series || result.old.series}: ${result.old.edition} → ${result.new.edition}`
  const context: Record<string, unknown> = {
    lang: result.new.language || 'en',
    title,
    heading: `${result.new.title}: what changed from ${result.old.edition} to ${result.new.edition}`,
    old: {...result.old, sections: countSections(result.relations, 'old')},
    new: {...result.new, sections: countSections(result.relations, 'new')},
    digest,
    preamble: preambleId,
    summary: {
      rows: digest.counts.map(({kind, count}) => ({kind, label: label(kind), count})),
      wordsAdded: summary.wordsAdded,
      wordsRemoved: summary.wordsRemoved,
      similarity: summary.similarity,
      measures: Object.entries(summary.measures).map(([name, value]) => ({
        name,
        label: measureDefinitions[name]?.label ?? name,
        definition: measureDefinitions[name]?.definition ?? '',
        value
      }))
    },
    structure: result.relations.map((relation, i) => ({
      anchor: anchors[i]!,
      kind: cards[i]!.kind,
      label: cards[i]!.kinds.join(', '),
      oldLevel: relation.old[0]?.level ?? 1,
      newLevel: relation.new[0]?.level ?? 1,
      old: relation.old.map((ref) => ({heading: ref.heading})),
      new: relation.new.map((ref) => ({heading: ref.heading}))
    })),
    kinds: digest.counts.filter(({count}) => count > 0).map(({kind, count}) => ({kind, label: label(kind), count})),
    changedCount: digest.changed,
    cards
  }
  if (options.home) context.home = options.home
  if (options.generatedAt) context.generatedAt = options.generatedAt
  return renderTemplate('compare-report.njk', context)
}
