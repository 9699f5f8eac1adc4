import type {Declaration} from './extract-declarations.js'
import type {SectionProfile} from './profile-sections.js'
import {cosine} from './sparse-vector.js'
import {titleSimilarity} from './title-similarity.js'

/** A kind of evidence a relation rests on. */
export type EvidenceSignal = 'declared' | 'containment' | 'title' | 'content' | 'code' | 'position'

/**
 * Why a relation is what it is: the signals that carried it and their values. Values are 0..1 and
 * present when they were measured; `decidedBy` lists the signals strong enough to count on their own.
 */
export interface RelationEvidence {
  /**
   * The signals that carried the relation, in the order declared, containment, title, content,
   * code, position; for added and removed only `declared` (the new edition says the section is new).
   */
  decidedBy: EvidenceSignal[]
  /** What the new edition says about this change, in its own words (`kind`: merged, renamed, replaces, new). */
  declared?: {kind: Declaration['kind']; sentence: string}
  /** Title similarity, numbering codes aside (pairs only). */
  title?: number
  /**
   * Content similarity (TF-IDF cosine of the own texts, of the subtrees when a side has none). For
   * split and merged: the one side with the several taken together. For added and removed: the best
   * any leftover of the other edition reached.
   */
  content?: number
  /** Share of one side's text (word bigrams) found in the other: for pairs found by it, splits and merges, and `foundIn`. */
  containment?: number
  /** The numbering codes, when they differ between the two sides of a pair (`API3:2019` → `API3:2023`): a renumbering. */
  code?: {old: string | null; new: string | null}
  /** How near the two sections' relative places in their documents are (1 = the same place; pairs only). */
  position?: number
  /** The relation may well be wrong: see {@link relationEvidence}. */
  doubtful: boolean
}

/** How a relation was made, as the aligner knows it. */
export interface EvidenceInput {
  kind: 'matched' | 'split' | 'merged' | 'added' | 'removed'
  olds: SectionProfile[]
  news: SectionProfile[]
  /** Sections in each edition (for relative places). */
  oldCount: number
  newCount: number
  similarity: number
  /** Containment measured when the relation was made, or the `foundIn` share of an added/removed section. */
  containment?: number
  /** The pair was made on the title and code alone (see `pairLeftovers`), or a split or merge of generic sub-sections on their title. */
  byTitle?: boolean
  /** The pair was made on a kept numbering code and distinctive content (see `pairRenumbered`). */
  byCode?: boolean
  moved: boolean
  /**
   * Added or removed only: a section left on the other side has the same numbering code (one with
   * a letter), years aside (`API4:2019` removed, `API4:2023` added): perhaps one section renamed and
   * rewritten.
   */
  sameCodeLeft?: boolean
  /** The new edition's statement of this change, if it made one. */
  declared?: Declaration
}

/** Thresholds of evidence. */
const evidence = {
  /** A title this alike carries a pair by itself (a reworded title, not only a shared word). */
  title: 0.8,
  /** Content this similar carries a pair by itself: the aligner's least pair similarity. */
  content: 0.3,
  /** Text held this much is the same text (as `pairLeftovers` and splits and merges take it). */
  containment: 0.5,
  /** Within this of the same relative place, position supports a pair. */
  place: 0.05,
  /** At or above this similarity a pairing is trusted without more (the report's long-standing doubt line). */
  trusted: 0.6,
  /** An unpaired section that came this close to a pair (the least similarity is 0.3) may be a missed pair. */
  nearMiss: 0.25
} as const

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000
}

function place(p: SectionProfile, count: number): number {
  return count <= 1 ? 0 : p.index / (count - 1)
}

function contentOf(a: SectionProfile, b: SectionProfile): number {
  const both = a.own.ids.length > 0 && b.own.ids.length > 0
  return both ? cosine(a.own, b.own) : cosine(a.tree, b.tree)
}

/**
 * The evidence of one relation. A pairing is doubtful unless something strong stands behind it:
 * the new edition's own statement, similarity ≥ 0.6, half of the text held, or a title kept (≥ 0.8
 * alike) in its place. An added or removed section is doubtful when it came within 0.05 of being
 * paired, or when a section left on the other side has its numbering code, years aside. (On the eval corpora, what this leaves undoubted are the relations the publishers'
 * mappings confirm; see bench/README.md.)
 */
export function relationEvidence(input: EvidenceInput): RelationEvidence {
  const {kind, olds, news} = input
  const declared = input.declared ? {declared: {kind: input.declared.kind, sentence: input.declared.sentence}} : {}
  if (kind === 'added' || kind === 'removed') {
    const out: RelationEvidence = {
      decidedBy: input.declared ? ['declared'] : [],
      ...declared,
      content: round(input.similarity),
      doubtful: !input.declared && (input.similarity >= evidence.nearMiss || input.sameCodeLeft === true)
    }
    if (input.containment !== undefined) out.containment = round(input.containment)
    return out
  }
  const decidedBy: EvidenceSignal[] = input.declared ? ['declared'] : []
  const containment = input.containment
  if (containment !== undefined && containment >= evidence.containment) decidedBy.push('containment')
  if (kind !== 'matched') {
    const content = round(input.similarity)
    // Made on the title: generic sub-sections of one title gathered under a split or merge.
    if (input.byTitle) decidedBy.push('title')
    if (content >= evidence.content) decidedBy.push('content')
    const doubtful = !input.declared && !input.byTitle && !decidedBy.includes('containment') && content < evidence.trusted
    return {decidedBy, ...declared, content, ...(containment === undefined ? {} : {containment: round(containment)}), doubtful}
  }
  const [a, b] = [olds[0]!, news[0]!]
  const title = round(titleSimilarity(a.title, b.title))
  const content = round(contentOf(a, b))
  const position = round(1 - Math.abs(place(a, input.oldCount) - place(b, input.newCount)))
  const [oldCode, newCode] = [a.flat.section.numbering, b.flat.section.numbering]
  const code = oldCode !== newCode && (oldCode !== null || newCode !== null) ? {old: oldCode, new: newCode} : undefined
  if (title >= evidence.title || input.byTitle) decidedBy.push('title')
  if (content >= evidence.content) decidedBy.push('content')
  // A code that changed under a kept title is a renumbering: it says the two are one section; so
  // does a kept code (years aside) over text that resembles nothing else as much.
  if (code && (title >= evidence.title || input.byCode)) decidedBy.push('code')
  if (!input.moved && position >= 1 - evidence.place) decidedBy.push('position')
  const keptTitleInPlace = title >= evidence.title && !input.moved
  const doubtful = !(
    input.declared !== undefined ||
    input.similarity >= evidence.trusted ||
    decidedBy.includes('containment') ||
    keptTitleInPlace ||
    (input.byTitle && title === 1)
  )
  return {
    decidedBy,
    ...declared,
    title,
    content,
    ...(containment === undefined ? {} : {containment: round(containment)}),
    ...(code ? {code} : {}),
    position,
    doubtful
  }
}

/**
 * The declaration that states relation `old` → `new` (section indices), or undefined: a merge that
 * names two of its old sections (or one and its new section), a rename or replacement that names
 * one side and nothing against the other, a new section named as new.
 */
export function declarationFor(
  declarations: readonly Declaration[],
  old: readonly number[],
  next: readonly number[]
): Declaration | undefined {
  const count = (named: readonly number[], members: readonly number[]): number => named.filter((i) => members.includes(i)).length
  return declarations.find((d) => {
    const [o, n] = [count(d.old, old), count(d.new, next)]
    if (d.kind === 'new') return old.length === 0 && n > 0
    if (old.length === 0 || next.length === 0) return false
    if (d.kind === 'merged') return o >= 2 || (o >= 1 && n >= 1)
    // A rename or replacement: every section it names is in the relation.
    return o + n > 0 && o === d.old.length && n === d.new.length
  })
}
