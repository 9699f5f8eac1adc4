/**
 * What the comparison report shows, derived from a `wpdiff/compare@1` result: the display kind of a
 * relation, its badges, its anchor. Shared by the HTML and the Markdown renderers so both say the
 * same thing in the same words.
 */
import type {EvidenceSignal, Relation, SectionRef} from '../compare/compare-editions.js'
import {crumbParents, crumbPath} from './shorten-crumb.js'

/** Kinds a reader filters by, in the order the report lists them. */
export const displayKinds = ['added', 'removed', 'renamed', 'renumbered', 'moved', 'split', 'merged', 'modified', 'unchanged'] as const
export type DisplayKind = (typeof displayKinds)[number]

/** A piece of a badge's text: the badge's own words, or a name taken from the document. */
export interface BadgePart {
  text: string
  /**
   * A heading or path of the document: HTML isolates it (`<bdi>`), or a right-to-left name and the
   * arrow after it run together and the two names read in the wrong order.
   */
  name?: true
}

/** One badge on a relation card. */
export interface Badge {
  /** Kind or flag it stands for (`renamed`), or `doubt` for a weak match. */
  kind: DisplayKind | 'doubt'
  /** What the badge says (`renamed: Injection → Broken Access Control`). */
  text: string
  /** `text` in pieces, the document's names marked: `text` is their concatenation. */
  parts: BadgePart[]
  /** In the HTML report: the anchor of the card the badge points to (where an added section's text was). */
  href?: string
}

/** Default similarity under which a pairing is shown as doubtful. */
export const defaultDoubtBelow = 0.6

/**
 * Display kinds of a relation: its structural kind (split, merged, added, removed) and its flags;
 * a matched relation without flags is `unchanged`. The first entry is the card's main kind.
 */
export function relationKinds(relation: Relation): DisplayKind[] {
  const kinds: DisplayKind[] = []
  const kind = relation.kind as string
  if (kind === 'split' || kind === 'merged' || kind === 'added' || kind === 'removed') kinds.push(kind)
  const yearOnly = onlyYearChanged(relation.old[0]?.heading, relation.new[0]?.heading)
  for (const flag of ['moved', 'renamed', 'renumbered', 'modified'] as const) {
    if (yearOnly && (flag === 'renamed' || flag === 'renumbered')) continue
    if ((relation.flags as readonly string[]).includes(flag)) kinds.push(flag)
  }
  if (kinds.length === 0) kinds.push('unchanged')
  return kinds
}

// A year of the Gregorian calendar as it appears in titles ("Statement … 2019", "Top 10 2021").
const yearPattern = /(?<!\d)(?:1[89]|2[01])\d{2}(?!\d)/gu

/**
 * Whether two headings differ only in the years they name ("UN General Debate 2019" → "… 2020"):
 * a yearly statement that carries its year in its title is not renamed or renumbered each year.
 */
export function onlyYearChanged(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined || before === after) return false
  return before.replace(yearPattern, '#') === after.replace(yearPattern, '#')
}

/**
 * Whether a relation's pairing is doubtful: it pairs sections, its similarity is below
 * `doubtBelow`, and the pairing does not rest on a title kept in its place. A section matched
 * without being renamed or moved (same title, same parent, same order) is the same section however
 * much of its text changed: a statement rewritten every meeting, an effective-date line that is
 * all of its text. Only its similarity says how much changed.
 */
export function isDoubtful(relation: Relation, doubtBelow = defaultDoubtBelow): boolean {
  if (!isPairing(relation) || relation.similarity >= doubtBelow) return false
  const kinds = relationKinds(relation)
  return !(relation.kind === 'matched' && !kinds.includes('renamed') && !kinds.includes('moved'))
}

/** Whether a relation pairs sections (so its similarity can be doubted). */
export function isPairing(relation: Relation): boolean {
  return relation.old.length > 0 && relation.new.length > 0
}

/** Parent path of a section as a reader would quote it, or `the top level`. */
function parentLabel(ref: SectionRef): string {
  return ref.path.length <= 1 ? 'the top level' : crumbParents(ref.path)
}

/** A section's title as a reader knows it: its heading when the title is empty (the preamble, a heading that is only a number). */
function titleLabel(ref: SectionRef | undefined): string {
  if (!ref) return ''
  return ref.title !== '' ? ref.title : ref.heading
}

/** A section with its whole path ("API3:2023 › Scenario #2"): a repeated heading alone says little. */
export function pathLabel(ref: SectionRef): string {
  return crumbPath(ref.path) || ref.heading
}

/** A section named with its parent ("Containers › Runtime"): a repeated heading alone says little. */
export function placeLabel(ref: SectionRef): string {
  return crumbPath(ref.path.slice(-2)) || ref.heading
}

/**
 * The page a reader finds a section on in the printed copy: the label printed on it where the PDF
 * numbers its pages otherwise than from its first sheet (`iv`, `7` on the eighth sheet), else the
 * physical page; null for an original without pages.
 */
export function printedPage(ref: Pick<SectionRef, 'page' | 'pageLabel'>): string | null {
  if (ref.pageLabel) return ref.pageLabel
  return ref.page === null ? null : String(ref.page)
}

/** A share as a reader reads it: 0.957 → `96%` (never 100% unless all of it). */
export function sharePercent(share: number): string {
  return `${share < 1 ? Math.min(99, Math.round(share * 100)) : 100}%`
}

/** A badge from its pieces: strings are the badge's own words, `{name}` a name from the document. */
function badge(kind: Badge['kind'], ...pieces: Array<string | {name: string}>): Badge {
  const parts = pieces
    .map((piece): BadgePart => (typeof piece === 'string' ? {text: piece} : {text: piece.name, name: true}))
    .filter((part) => part.text !== '')
  return {kind, text: parts.map((part) => part.text).join(''), parts}
}

/** Names joined by `between` (the badge's own word), each still a name of its own. */
function names(list: readonly string[], between: string): Array<string | {name: string}> {
  return list.flatMap((name, i) => (i === 0 ? [{name}] : [between, {name}]))
}

/** The badges of a relation card, main kind first. */
export function relationBadges(relation: Relation, doubtBelow = defaultDoubtBelow): Badge[] {
  const badges: Badge[] = []
  const firstOld = relation.old[0]
  const firstNew = relation.new[0]
  for (const kind of relationKinds(relation)) {
    switch (kind) {
      case 'added':
        badges.push(
          relation.foundIn
            ? badge(kind, `added: ${sharePercent(relation.foundIn.share)} of its text was in `, {
                name: placeLabel(relation.foundIn.section)
              })
            : badge(kind, 'added')
        )
        break
      case 'removed':
        badges.push(
          relation.foundIn
            ? badge(kind, `removed: ${sharePercent(relation.foundIn.share)} of its text is in `, {
                name: placeLabel(relation.foundIn.section)
              })
            : badge(kind, 'removed')
        )
        break
      case 'split':
        badges.push(
          badge(
            kind,
            'split from ',
            ...names(
              relation.old.map((s) => s.heading),
              ' + '
            ),
            ` into ${relation.new.length} sections`
          )
        )
        break
      case 'merged':
        badges.push(
          badge(
            kind,
            'merged from ',
            ...names(
              relation.old.map((s) => s.heading),
              ' + '
            )
          )
        )
        break
      case 'renamed':
        badges.push(badge(kind, 'renamed: ', {name: titleLabel(firstOld)}, ' → ', {name: titleLabel(firstNew)}))
        break
      case 'renumbered':
        badges.push(
          badge(
            kind,
            'renumbered: ',
            firstOld?.numbering ? {name: firstOld.numbering} : '(none)',
            ' → ',
            firstNew?.numbering ? {name: firstNew.numbering} : '(none)'
          )
        )
        break
      case 'moved': {
        const from = firstOld ? parentLabel(firstOld) : ''
        const to = firstNew ? parentLabel(firstNew) : ''
        // `the top level` is the badge's own words, not a heading of the document.
        const place = firstOld && firstOld.path.length > 1 ? {name: from} : from
        badges.push(badge(kind, from === to ? 'moved within ' : 'moved from ', place))
        break
      }
      case 'modified':
        badges.push(badge(kind, 'modified'))
        break
      case 'unchanged':
        badges.push(badge(kind, 'unchanged'))
        break
    }
  }
  if (isDoubtful(relation, doubtBelow)) {
    badges.push(badge('doubt', `doubtful match (similarity ${relation.similarity.toFixed(2)})`))
  }
  return badges
}

/**
 * Anchor of a relation's card: the new section's id (the permalink `#section-id`), or for a
 * removed section `_old/` + its old id, which cannot collide with a new id or the page's own ids.
 */
export function relationAnchor(relation: Relation): string {
  const firstNew = relation.new[0]
  if (firstNew) return firstNew.id
  const firstOld = relation.old[0]
  return firstOld ? `_old/${firstOld.id}` : '_relation'
}

/** Heading of a relation as one line: the new headings, or the old ones for a removal. */
export function relationHeading(relation: Relation): string {
  const refs = relation.new.length > 0 ? relation.new : relation.old
  return refs.map((s) => s.heading).join(' + ')
}

/** Words added plus words removed: how much a relation changed. */
export function changedWords(relation: Relation): number {
  return relation.stats.wordsAdded + relation.stats.wordsRemoved
}

/**
 * The words of a new (removed) section as every figure of a report gives them (its card, "changed
 * most", the Markdown): the diff's count of words added (removed). The section's own size would
 * disagree with it: it counts paragraphs that moved in or away (shown as moved, not as new) and
 * words the redline does not compare. Null for a relation that is neither.
 */
export function wholeSectionWords(relation: Relation): number | null {
  const kind = relationKinds(relation)[0]
  return kind === 'added' ? relation.stats.wordsAdded : kind === 'removed' ? relation.stats.wordsRemoved : null
}

/**
 * The card's one line of evidence: the signals the relation rests on with their values ("why: 88%
 * of the text held, title 1.00, content 0.74"), or '' for an unchanged section (nothing to explain)
 * and for an added or removed one that came nowhere near a pair.
 */
export function evidenceLine(relation: Relation): string {
  const e = relation.evidence
  if (!e || relationKinds(relation)[0] === 'unchanged') return ''
  if (!isPairing(relation) && e.declared) return `why: the new edition says “${e.declared.sentence}”`
  if (!isPairing(relation)) return e.doubtful ? `why: nearly paired (best similarity ${(e.content ?? 0).toFixed(2)}), doubtful` : ''
  const said: Record<EvidenceSignal, () => string> = {
    declared: () => `the new edition says “${e.declared?.sentence ?? ''}”`,
    containment: () => `${sharePercent(e.containment ?? 0)} of the text held`,
    title: () => `title ${(e.title ?? 0).toFixed(2)}`,
    content: () => `content ${(e.content ?? 0).toFixed(2)}`,
    // A code that differs only in the width of its characters (`1）` and `1)`) is one code: an arrow between them reads as a renumbering.
    code: () =>
      e.code && e.code.old !== null && e.code.new !== null && e.code.old.normalize('NFKC') === e.code.new.normalize('NFKC')
        ? `same code ${e.code.new}`
        : `code ${e.code?.old ?? '(none)'} → ${e.code?.new ?? '(none)'}`,
    position: () => 'same place'
  }
  const parts = e.decidedBy.map((signal) => said[signal]())
  return `why: ${parts.length > 0 ? parts.join(', ') : 'nothing strong'}${e.doubtful ? ', doubtful' : ''}`
}
