import {
  alignSections,
  type Alignment,
  type AlignOptions,
  type RelationEvidence,
  type RelationFlag,
  type RelationKind
} from '../align/align-sections.js'
import {listAlignableSections} from '../align/list-alignable-sections.js'
import {diffRelations, type BlockDiff, type DiffOptions, type Measures, type RelationStats} from '../diff/diff-relations.js'
import type {Edition, EditionRef, FlatSection, Message, SectionSummary} from '../model/edition.js'
import {toEditionRef} from '../model/to-edition-ref.js'
import {toSectionSummary} from '../model/to-section-summary.js'

export type {EvidenceSignal, RelationEvidence, RelationFlag, RelationKind} from '../align/align-sections.js'

/** A section in a relation: the same fields as `outline --json` lists. */
export type SectionRef = SectionSummary

export type {EditionRef}

/** One line of the section map, with what changed inside it. */
export interface Relation {
  kind: RelationKind
  /** Flags in the order renamed, renumbered, moved, modified; none for an unchanged section, always none for added/removed. */
  flags: RelationFlag[]
  /** 0..1, see `AlignedRelation.similarity`: for a pair, below 0.6 is doubtful (see `isDoubtful`). */
  similarity: number
  /** Old sections, document order (empty when added). */
  old: SectionRef[]
  /** New sections, document order (empty when removed). */
  new: SectionRef[]
  /** Words added, removed and unchanged in the sections' own text, paragraphs moved (from the in-section diff). */
  stats: RelationStats
  /** Lazy Prices similarity measures of the relation's own texts. */
  measures: Measures
  /**
   * Added or removed only, and only when there is one: the section of the other edition (old for an
   * added section, new for a removed one) that holds at least half of this section's text, and the
   * share of the text it holds (0..1). The section was not paired with it (it repeats text that
   * stayed where it was, or its home was taken by another relation), but its text is not new or gone.
   */
  foundIn?: {section: SectionRef; share: number}
  /**
   * Why the relation is what it is: the signals that carried it (`decidedBy`: containment, title,
   * content, code, position) with their values, and whether it is doubtful. See `RelationEvidence`.
   * Always set by `compareEditions`; optional so that relations made by hand (tests, other tools) need not invent it.
   */
  evidence?: RelationEvidence
  /** The paragraph-level diff with word tokens; only with `detail: 'blocks'`. */
  blocks?: BlockDiff[]
}

/** Counts over all relations. Flag counts (`modified`…`moved`) count matched relations carrying the flag; one relation may carry several. */
export interface CompareSummary {
  /** Matched relations without any flag. */
  unchanged: number
  modified: number
  renamed: number
  renumbered: number
  moved: number
  split: number
  merged: number
  added: number
  removed: number
  /** Sums of the relations' `stats`. */
  wordsAdded: number
  wordsRemoved: number
  /** Mean relation similarity weighted by the relation's words (old + new; added and removed count 0). 1 = same. */
  similarity: number
  /** Edition-level Lazy Prices measures (whole texts). */
  measures: Measures
}

/** `wpdiff compare --json`: the `wpdiff/compare@1` document. */
export interface CompareResult {
  schema: 'wpdiff/compare@1'
  old: EditionRef
  new: EditionRef
  summary: CompareSummary
  /** By the new edition's document order; removed sections where they stood in the old one. */
  relations: Relation[]
  /** Warnings of the alignment and the diff (different languages, limits reached). */
  messages: Message[]
}

/** Options of {@link compareEditions}. */
export interface CompareOptions {
  /** Alignment tuning (defaults in `AlignOptions`). */
  align?: AlignOptions
  /** In-section diff options; `language` defaults to the new edition's. */
  diff?: DiffOptions
  /** `blocks` adds every relation's paragraph diff with word tokens. Default `summary` (small JSON). */
  detail?: 'summary' | 'blocks'
  /**
   * The editions' alignment already made (`alignSections(old, next)`), e.g. to hand the same one to
   * `traceLineages` (option `alignments`) without aligning twice. Default: aligned here with `align`.
   */
  alignment?: Alignment
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000
}

/**
 * Compare two editions: align their sections, diff every relation's own text in one pass (so
 * paragraphs moved between sections are found), and summarise. Pure and deterministic.
 */
export function compareEditions(old: Edition, next: Edition, options: CompareOptions = {}): CompareResult {
  const alignment = options.alignment ?? alignSections(old, next, options.align)
  const byId = (list: FlatSection[]): Map<string, FlatSection> => new Map(list.map((flat) => [flat.section.id, flat]))
  const oldSections = byId(listAlignableSections(old))
  const newSections = byId(listAlignableSections(next))
  const resolve = (map: Map<string, FlatSection>, ids: string[]): FlatSection[] => ids.map((id) => map.get(id)!)
  const members = alignment.relations.map((r) => ({old: resolve(oldSections, r.old), new: resolve(newSections, r.new)}))
  const diff = diffRelations(
    members.map((m) => ({old: m.old.map((f) => f.section), new: m.new.map((f) => f.section)})),
    {language: next.language, ...options.diff}
  )
  const relations: Relation[] = alignment.relations.map((r, index) => {
    const relationDiff = diff.relations[index]!
    // The aligner calls a section modified when its text differs at all; the diff, which applies the
    // user's ignore options, has the last word on whether that difference counts.
    const textChanged = relationDiff.blocks.some((block) => block.op !== 'equal')
    return {
      kind: r.kind,
      flags: textChanged ? r.flags : r.flags.filter((flag) => flag !== 'modified'),
      similarity: r.similarity,
      old: members[index]!.old.map(toSectionSummary),
      new: members[index]!.new.map(toSectionSummary),
      stats: relationDiff.stats,
      measures: relationDiff.measures,
      ...(r.foundIn
        ? {
            foundIn: {
              section: toSectionSummary((r.kind === 'added' ? oldSections : newSections).get(r.foundIn.id)!),
              share: r.foundIn.share
            }
          }
        : {}),
      evidence: r.evidence,
      ...(options.detail === 'blocks' ? {blocks: relationDiff.blocks} : {})
    }
  })
  const summary: CompareSummary = {
    unchanged: 0,
    modified: 0,
    renamed: 0,
    renumbered: 0,
    moved: 0,
    split: 0,
    merged: 0,
    added: 0,
    removed: 0,
    wordsAdded: 0,
    wordsRemoved: 0,
    similarity: 1,
    measures: diff.measures
  }
  let weighted = 0
  let weight = 0
  for (const relation of relations) {
    if (relation.kind === 'matched') {
      if (relation.flags.length === 0) summary.unchanged++
      for (const flag of relation.flags) summary[flag]++
    } else summary[relation.kind]++
    summary.wordsAdded += relation.stats.wordsAdded
    summary.wordsRemoved += relation.stats.wordsRemoved
    const words = [...relation.old, ...relation.new].reduce((sum, s) => sum + s.words, 0) || 1
    const similarity = relation.kind === 'added' || relation.kind === 'removed' ? 0 : relation.similarity
    weighted += similarity * words
    weight += words
  }
  summary.similarity = weight === 0 ? 1 : round(weighted / weight)
  return {
    schema: 'wpdiff/compare@1',
    old: toEditionRef(old),
    new: toEditionRef(next),
    summary,
    relations,
    messages: [...alignment.messages, ...diff.messages]
  }
}

/** Whether a comparison found the editions equal in text and structure (`wpdiff compare` exit 0). */
export function isSameEdition(result: CompareResult): boolean {
  return result.relations.every(
    (r) => r.kind === 'matched' && r.flags.length === 0 && r.stats.wordsAdded === 0 && r.stats.wordsRemoved === 0
  )
}
