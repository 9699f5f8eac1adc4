/**
 * What a busy reader wants first from a comparison, in plain words: which sections are new (and
 * where), which were removed, merged, split or renamed, the biggest rewrites, what the edition says
 * it changed, and one count per kind. The HTML report and the Markdown summary both render this, so
 * every count on a page comes from one place.
 */
import type {CompareResult, Relation, SectionRef} from '../compare/compare-editions.js'
import {changedWords, type DisplayKind, displayKinds, isPairing, relationAnchor, relationKinds} from './describe-relation.js'
import {crumbParents, shortenApart, shortenCrumb, textHeadingColumns} from './shorten-crumb.js'

/** A new or removed section, named with its parent. */
export interface SummarySection {
  anchor: string
  heading: string
  /** Parent path (`Threat modeling › Attacks`), or '' at the top level. */
  parent: string
  /** New (removed) sub-sections folded under it: a new chapter is one line, not ten. */
  subsections: number
  words: number
}

/** A section known under another name or shape: renamed, merged, split (sections named with their parent). */
export interface SummaryMapping {
  anchor: string
  from: string[]
  to: string[]
  /**
   * Sections the line stands for: 1, or for a heading renamed alike under several parents (every
   * requirement's 証跡となる資料 → 検証資料：) all of them, named by their own headings alone.
   */
  sections: number
}

/** A paired section whose text changed. */
export interface SummaryChange {
  anchor: string
  /** Full path of the section (`API3:2023 › Scenario #2`). */
  place: string
  /** Main display kind of the relation. */
  kind: DisplayKind
  added: number
  removed: number
  /** Similarity of the pair, or null for an added or removed section. */
  similarity: number | null
}

/** A change the new edition declares itself ("merged into", "new in this version"). */
export interface SummaryDeclaration {
  /** Card the declaration concerns, or null when it names no section of the report. */
  anchor: string | null
  text: string
}

/** Everything the summary shows. */
export interface ChangeSummary {
  /** Sections per display kind, in {@link displayKinds} order; a relation counts once per kind it has. */
  counts: Array<{kind: DisplayKind; count: number}>
  /** Relations that are not unchanged. */
  changed: number
  added: SummarySection[]
  removed: SummarySection[]
  renamed: SummaryMapping[]
  merged: SummaryMapping[]
  split: SummaryMapping[]
  /** Paired sections with the most words changed, largest first. */
  rewrites: SummaryChange[]
  /** Any relation with words changed, largest first (added and removed sections included). */
  mostChanged: SummaryChange[]
  declared: SummaryDeclaration[]
}

/** Options of {@link summarizeChanges}. */
export interface SummarizeOptions {
  /** Length of the "changed most" list. Default 10. */
  mostChanged?: number
  /** Length of the "biggest rewrites" list. Default 5. */
  rewrites?: number
}

function parentPath(ref: SectionRef): string {
  return crumbParents(ref.path)
}

/**
 * A section's own heading as a line of the summary names it: a requirement set as one sentence
 * (OpenChain 1.x: up to 256 characters) keeps its number and first words, as in the text output; its
 * card, one click away, quotes it whole.
 */
const lineHeading = (heading: string): string => shortenCrumb(heading, textHeadingColumns)

/** `ref` named with its parent, its own heading as {@link lineHeading} gives it (or as `own` says). */
function lineLabel(ref: SectionRef, own = lineHeading(ref.path.at(-1) ?? ref.heading)): string {
  return ref.path.length > 1 ? `${shortenCrumb(ref.path.at(-2)!)} › ${own}` : own
}

/** `ref` with its whole path, every step shortened. */
function linePath(ref: SectionRef): string {
  if (ref.path.length === 0) return lineHeading(ref.heading)
  return ref.path.map((step, i) => (i < ref.path.length - 1 ? shortenCrumb(step) : lineHeading(step))).join(' › ')
}

/**
 * New (or removed) sections whose parent is not new (removed) too, each with the count of new
 * sub-sections under it: the reader hears about the chapter, not each of its parts.
 */
function outermost(relations: readonly Relation[], side: 'old' | 'new'): SummarySection[] {
  const refs = relations.map((relation) => ({relation, ref: relation[side][0]!}))
  const paths = new Set(refs.map(({ref}) => ref.path.join('\u0000')))
  const items: SummarySection[] = []
  for (const {relation, ref} of refs) {
    const ancestors = ref.path.slice(0, -1).map((_, i) => ref.path.slice(0, i + 1).join('\u0000'))
    if (ancestors.some((path) => paths.has(path))) continue
    const prefix = `${ref.path.join('\u0000')}\u0000`
    items.push({
      anchor: relationAnchor(relation),
      heading: lineHeading(ref.heading),
      parent: parentPath(ref),
      subsections: refs.filter(({ref: other}) => other.path.join('\u0000').startsWith(prefix)).length,
      words: ref.totalWords
    })
  }
  return items
}

function toChange(relation: Relation): SummaryChange {
  const refs = relation.new.length > 0 ? relation.new : relation.old
  return {
    anchor: relationAnchor(relation),
    place: refs.map(linePath).join(' + '),
    kind: relationKinds(relation)[0]!,
    added: relation.stats.wordsAdded,
    removed: relation.stats.wordsRemoved,
    similarity: isPairing(relation) ? relation.similarity : null
  }
}

/** The edition's own declarations, from the `declared` evidence of the relations they resolved to. */
function declarations(result: CompareResult): SummaryDeclaration[] {
  const seen = new Set<string>()
  const out: SummaryDeclaration[] = []
  for (const relation of result.relations) {
    const sentence = relation.evidence?.declared?.sentence.replace(/\s+/gu, ' ').trim()
    if (!sentence || seen.has(sentence)) continue
    seen.add(sentence)
    out.push({anchor: relationAnchor(relation), text: sentence})
  }
  return out
}

/**
 * Renames, one line each, except that a heading renamed to the same new heading in several places
 * is one line at its first place with the count: a spec that renamed the evidence heading of all
 * its twelve requirements otherwise fills the list with twelve lines that differ in the parent only.
 */
function groupRenames(relations: readonly Relation[], mapping: (relation: Relation) => SummaryMapping): SummaryMapping[] {
  const keyOf = (relation: Relation): string | null =>
    relation.old.length === 1 && relation.new.length === 1 ? `${relation.old[0]!.heading}\u0000${relation.new[0]!.heading}` : null
  const repeats = new Map<string, number>()
  for (const relation of relations) {
    const key = keyOf(relation)
    if (key !== null) repeats.set(key, (repeats.get(key) ?? 0) + 1)
  }
  const seen = new Set<string>()
  const out: SummaryMapping[] = []
  for (const relation of relations) {
    const key = keyOf(relation)
    const count = key === null ? 1 : repeats.get(key)!
    if (count === 1) out.push(mapping(relation))
    else if (!seen.has(key!)) {
      seen.add(key!)
      const [from, to] = shortenApart(relation.old[0]!.heading, relation.new[0]!.heading)
      out.push({anchor: relationAnchor(relation), from: [from], to: [to], sections: count})
    }
  }
  return out
}

/** Summarise a comparison for the top of its report. */
export function summarizeChanges(result: CompareResult, options: SummarizeOptions = {}): ChangeSummary {
  const tally = new Map<DisplayKind, number>()
  let changed = 0
  for (const relation of result.relations) {
    const kinds = relationKinds(relation)
    if (kinds[0] !== 'unchanged') changed++
    for (const kind of kinds) tally.set(kind, (tally.get(kind) ?? 0) + 1)
  }
  const withKind = (kind: DisplayKind): Relation[] => result.relations.filter((relation) => relationKinds(relation).includes(kind))
  const byChange = (relations: readonly Relation[]): Relation[] =>
    relations
      .map((relation, index) => ({relation, index}))
      .filter(({relation}) => changedWords(relation) > 0)
      .sort((a, b) => changedWords(b.relation) - changedWords(a.relation) || a.index - b.index)
      .map(({relation}) => relation)
  // Named with their parent only: full paths on both sides of an arrow are too long to read.
  const headings = (refs: readonly SectionRef[]): string[] => refs.map((ref) => lineLabel(ref))
  const mapping = (relation: Relation): SummaryMapping => {
    if (relation.old.length !== 1 || relation.new.length !== 1) {
      return {anchor: relationAnchor(relation), from: headings(relation.old), to: headings(relation.new), sections: 1}
    }
    const [before, after] = [relation.old[0]!, relation.new[0]!]
    // A rename near the end of a long sentence keeps both names up to where they differ.
    const [from, to] = shortenApart(before.path.at(-1) ?? before.heading, after.path.at(-1) ?? after.heading)
    return {anchor: relationAnchor(relation), from: [lineLabel(before, from)], to: [lineLabel(after, to)], sections: 1}
  }
  return {
    counts: displayKinds.map((kind) => ({kind, count: tally.get(kind) ?? 0})),
    changed,
    added: outermost(withKind('added'), 'new'),
    removed: outermost(withKind('removed'), 'old'),
    renamed: groupRenames(withKind('renamed'), mapping),
    merged: withKind('merged').map(mapping),
    split: withKind('split').map(mapping),
    rewrites: byChange(result.relations.filter((relation) => isPairing(relation) && relationKinds(relation).includes('modified')))
      .slice(0, options.rewrites ?? 5)
      .map(toChange),
    mostChanged: byChange(result.relations)
      .slice(0, options.mostChanged ?? 10)
      .map(toChange),
    declared: declarations(result)
  }
}
