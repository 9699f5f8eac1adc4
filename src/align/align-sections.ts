import type {Edition, Message} from '../model/edition.js'
import {assignPairs} from './assign-pairs.js'
import {codeStem, yearOrDate} from './code-stem.js'
import {detectSplitsMerges} from './detect-splits-merges.js'
import {extractDeclarations, type Declaration} from './extract-declarations.js'
import {preambleId} from './list-alignable-sections.js'
import {locateText} from './locate-text.js'
import {pairInPlace} from './pair-in-place.js'
import {pairLeftovers} from './pair-leftovers.js'
import {pairRenumbered} from './pair-renumbered.js'
import {sameNumber} from './same-number.js'
import {profileSections, type ProfileCache, type SectionProfile} from './profile-sections.js'
import {cosine, sumVectors} from './sparse-vector.js'
import {declarationFor, relationEvidence, type RelationEvidence} from './relation-evidence.js'
import {pairSimilarity, scoreCandidates, type Candidate} from './score-candidates.js'
import {toTitleKey, type TitleKey} from './title-similarity.js'
import {uncrossPairs} from './uncross-pairs.js'

/**
 * How sections of two editions correspond:
 * `matched` one old ↔ one new; `split` one old → several new; `merged` several old → one new;
 * `added` only new; `removed` only old.
 */
export type RelationKind = 'matched' | 'split' | 'merged' | 'added' | 'removed'

export type {EvidenceSignal, RelationEvidence} from './relation-evidence.js'

/**
 * What changed along a relation: `renamed` the title (numbering, years and dates aside),
 * `renumbered` the number the numbering gives (see sameNumber), or the years and dates in a title
 * otherwise kept, `moved` the parent or the
 * order among siblings (not the heading level alone), `modified` the own text.
 */
export type RelationFlag = 'renamed' | 'renumbered' | 'moved' | 'modified'

/** One line of the section map. */
export interface AlignedRelation {
  kind: RelationKind
  /** In the order renamed, renumbered, moved, modified; empty for an unchanged section. */
  flags: RelationFlag[]
  /**
   * 0..1. Matched: title and content similarity combined (1 for an unchanged section; below 0.6 the
   * pairing is doubtful, unless the section kept its title and its place). Split/merged: content
   * similarity of the one side to the several taken together. Added/removed: the best similarity
   * the section reached with any leftover section of the other edition it could have paired with (0
   * when it resembles nothing), so a value near the threshold flags a pairing that narrowly failed.
   */
  similarity: number
  /** Ids of the old sections (document order); empty for `added`. */
  old: string[]
  /** Ids of the new sections (document order); empty for `removed`. */
  new: string[]
  /**
   * Added or removed only: the section of the other edition that holds at least `minContainment`
   * of this one's text (word bigrams), paired or not, and that share (0..1). Absent when there is
   * none. An added policy repeating an old one's instructions is added, not split off it, but its
   * text is not new: this says where it stood.
   */
  foundIn?: {id: string; share: number}
  /** The signals the relation rests on, with their values, and whether it is doubtful. */
  evidence: RelationEvidence
}

/** The section map of two editions. */
export interface Alignment {
  /**
   * Every alignable section of each edition in exactly one relation (sections as listed by
   * `listAlignableSections`, which adds a `(preamble)` pseudo-section for text before the first
   * heading). Ordered by the new edition's document order; removed sections where they stood in the
   * old one.
   */
  relations: AlignedRelation[]
  messages: Message[]
}

/** Tuning of {@link alignSections}; the defaults are what the tests and benchmarks measure. */
export interface AlignOptions {
  /** Least similarity for a pair to be made (default 0.3). */
  minSimilarity?: number
  /** Least share of a section's text found in another to call it split or merged (default 0.5). */
  minContainment?: number
  /** Editions with more sections are aligned by exact headings and text only (default 20,000). */
  maxSections?: number
  /** Larger groups of competing candidates are assigned greedily instead of optimally (default 600 a side). */
  maxAssignment?: number
  /**
   * Leftovers deeper than this level (1 = top) stay added or removed as they are: they are not
   * looked at as parts of splits and merges, and their similarity is 0 (default: no limit).
   * `traceLineages` with `maxLevel` passes it on: the text below that level takes no part in lineages.
   */
  maxLevel?: number
  /**
   * Editions tokenised by earlier calls, to reuse (from `createProfileCache()`): aligning a chain of
   * editions through one cache reads each edition once. It changes no result. Default: none.
   */
  cache?: ProfileCache
}

const noRelation = -1

/** Defaults of {@link AlignOptions} and the nudges that order near-equal candidates. */
const alignDefaults = {
  /** Below this title + content similarity two sections are no pair (a doubtful pair starts at 0.6). */
  minSimilarity: 0.3,
  /** A leftover is part of a split or merge when another section holds half its text. */
  minContainment: 0.5,
  /** Past this many sections in one assignment, pairs are made greedily (the optimum costs cubic time). */
  maxAssignment: 600,
  /** Past this many sections in an edition only exact pairs are made (no renames, moves, splits or merges). */
  maxSections: 20_000
} as const
const nudge = {
  /** Same relative place in the document: decides only among candidates within a few hundredths. */
  samePlace: 0.02,
  /** Same number of places from the start of the parent (appended sections keep the older ones' ranks). */
  sameRank: 0.01,
  /** Parents paired with each other: structure is evidence, but less than a tenth of content. */
  sameParent: 0.05,
  /** Among generic headings of one relation, the same place (they have no other clue). */
  genericPlace: 0.05,
  /** Largest tie-break between equal weights: below any real difference. */
  tieBreak: 1e-9,
  /** Least similarity worth reporting as how near an unpaired section came to a pair. */
  nearMiss: 0.05
} as const

interface WorkingRelation {
  kind: RelationKind
  old: number[]
  new: number[]
  similarity: number
  foundIn?: {id: string; share: number}
  /** Containment measured when the relation was made (leftover pairs, splits, merges). */
  containment?: number
  /** Made on the title and numbering code alone. */
  byTitle?: boolean
  /** Made on a kept numbering code and content resembling nothing else as much. */
  byCode?: boolean
  /** Made on what the new edition says about its changes. */
  declared?: boolean
}

interface Working {
  olds: SectionProfile[]
  news: SectionProfile[]
  /** Every term id of both editions' profiles is below it. */
  terms: number
  /** Relation index of every old / new section, or -1. */
  oldRel: Int32Array
  newRel: Int32Array
  relations: WorkingRelation[]
  messages: Message[]
  options: Required<Omit<AlignOptions, 'cache'>>
  /** What the new edition says about its changes. */
  declarations: Declaration[]
}

function addRelation(
  w: Working,
  kind: RelationKind,
  old: number[],
  next: number[],
  similarity: number,
  extra: Pick<WorkingRelation, 'containment' | 'byTitle' | 'byCode' | 'declared'> = {}
): void {
  const index = w.relations.length
  w.relations.push({kind, old: [...old].sort((a, b) => a - b), new: [...next].sort((a, b) => a - b), similarity, ...extra})
  for (const a of old) w.oldRel[a] = index
  for (const b of next) w.newRel[b] = index
}

function dropRelation(w: Working, index: number): void {
  const relation = w.relations[index]!
  for (const a of relation.old) if (w.oldRel[a] === index) w.oldRel[a] = noRelation
  for (const b of relation.new) if (w.newRel[b] === index) w.newRel[b] = noRelation
  relation.old = []
  relation.new = []
}

/** Each section's place among its parent's sections (0 for the first). */
function siblingRanks(profiles: readonly SectionProfile[]): Int32Array {
  const ranks = new Int32Array(profiles.length)
  let top = 0
  for (const p of profiles) {
    if (p.parent === -1) ranks[p.index] = top++
    for (const [k, child] of p.children.entries()) ranks[child] = k
  }
  return ranks
}

function position(profile: SectionProfile, count: number): number {
  return count <= 1 ? 0 : profile.index / (count - 1)
}

/**
 * A tie-breaker below any real difference of weights (≤ 1e-9), the same for a pair whichever
 * edition is old: an FNV-1a hash of the two section ids in sorted order. Where two assignments weigh
 * exactly the same (identical or equally similar sections), both are right; this picks one that
 * does not depend on which edition came first or on document positions, so compare(B, A) mirrors
 * compare(A, B).
 */
function pairTieBreak(oldId: string, newId: string): number {
  const key = oldId < newId ? `${oldId}\u0000${newId}` : `${newId}\u0000${oldId}`
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return ((hash >>> 0) / 2 ** 32) * nudge.tieBreak
}

function assign(
  w: Working,
  candidates: Candidate[],
  weight: (c: Candidate) => number,
  olds: SectionProfile[],
  news: SectionProfile[]
): Candidate[] {
  const tieBreak = (c: Candidate): number => pairTieBreak(olds[c.oldIndex]!.flat.section.id, news[c.newIndex]!.flat.section.id)
  const {pairs, greedy} = assignPairs(candidates, (c) => weight(c) + tieBreak(c), w.options.maxAssignment)
  if (greedy && !w.messages.some((m) => m.code === 'alignment-greedy'))
    w.messages.push({
      severity: 'warning',
      code: 'alignment-greedy',
      text: `More than ${w.options.maxAssignment} sections competed for the same counterparts; they were paired greedily, best first.`
    })
  return pairs
}

/** Stage A: sections with distinctive titles, over the whole editions (so moves are found). */
function alignDistinctive(w: Working): void {
  const olds = w.olds.filter((p) => !p.generic && w.oldRel[p.index] === noRelation)
  const news = w.news.filter((p) => !p.generic && w.newRel[p.index] === noRelation)
  const candidates = scoreCandidates(olds, news, w.options.minSimilarity)
  const nOld = w.olds.length
  const nNew = w.news.length
  const oldRank = siblingRanks(w.olds)
  const newRank = siblingRanks(w.news)
  // Among near-equal candidates, prefer the one at about the same place in the document, and then
  // the one as many places from the start of its parent: sections added to a parent are mostly
  // appended, so "8.1v1 Instructions" goes on as "8.1v2 Instructions", not as a new "8.3v1
  // Instructions" with the same boilerplate text.
  const placed = (c: Candidate): number => {
    const a = olds[c.oldIndex]!
    const b = news[c.newIndex]!
    const [ra, rb] = [oldRank[a.index]!, newRank[b.index]!]
    return c.similarity + nudge.samePlace * (1 - Math.abs(position(a, nOld) - position(b, nNew))) + nudge.sameRank / (1 + Math.abs(ra - rb))
  }
  const first = assign(w, candidates, placed, olds, news)
  // Second round: a pair whose parents were paired too is likelier (structure), so re-solve with that.
  const parentOf = new Map<number, number>()
  for (const c of first) parentOf.set(olds[c.oldIndex]!.index, news[c.newIndex]!.index)
  for (const [a, b] of exactPairs(w)) parentOf.set(a, b)
  const sameParent = (c: Candidate): boolean => {
    const pa = olds[c.oldIndex]!.parent
    const pb = news[c.newIndex]!.parent
    return pa === -1 ? pb === -1 : parentOf.get(pa) === pb
  }
  const second = assign(w, candidates, (c) => placed(c) + (sameParent(c) ? nudge.sameParent : 0), olds, news)
  for (const c of second) addRelation(w, 'matched', [olds[c.oldIndex]!.index], [news[c.newIndex]!.index], c.similarity)
}

function* exactPairs(w: Working): Generator<[number, number]> {
  for (const relation of w.relations)
    if (relation.kind === 'matched' && relation.old.length === 1) yield [relation.old[0]!, relation.new[0]!]
}

/** Stage 0: identical distinctive sections (title and text), unique on both sides. */
function alignIdentical(w: Working): void {
  const key = (p: SectionProfile): string => `${p.title.text}\u0000${p.text}`
  const count = (list: SectionProfile[]): Map<string, SectionProfile[]> => {
    const map = new Map<string, SectionProfile[]>()
    for (const p of list) {
      if (p.generic || p.text === '') continue
      const k = key(p)
      const entry = map.get(k)
      if (entry) entry.push(p)
      else map.set(k, [p])
    }
    return map
  }
  const newByKey = count(w.news)
  for (const [k, olds] of count(w.olds)) {
    const news = newByKey.get(k)
    if (olds.length === 1 && news?.length === 1) addRelation(w, 'matched', [olds[0]!.index], [news[0]!.index], 1)
  }
}

/** Relation index of an anchor (an ancestor index, -1 meaning the edition itself). */
function anchorRelation(rel: Int32Array, anchor: number): number {
  return anchor === -1 ? -2 : rel[anchor]!
}

/** The title path of a generic section below its anchor ("references / owasp"): generic titles mean something only there. */
function relativeTitle(profiles: SectionProfile[], cache: Map<number, TitleKey>, language: string): (p: SectionProfile) => TitleKey {
  return (p) => {
    let key = cache.get(p.index)
    if (key) return key
    const parts: string[] = []
    for (let q: SectionProfile | undefined = p; q && q.index !== p.anchor; q = q.parent >= 0 ? profiles[q.parent] : undefined)
      parts.unshift(q.flat.section.title)
    key = toTitleKey(parts.join(' / '), language)
    cache.set(p.index, key)
    return key
  }
}

/** Stage B: generic sections, inside the relation their anchors ended in (or the editions themselves). */
function alignGeneric(w: Working, oldLanguage: string, newLanguage: string): void {
  const groups = new Map<number, {olds: SectionProfile[]; news: SectionProfile[]}>()
  const group = (relation: number): {olds: SectionProfile[]; news: SectionProfile[]} => {
    let entry = groups.get(relation)
    if (!entry) groups.set(relation, (entry = {olds: [], news: []}))
    return entry
  }
  for (const p of w.olds)
    if (p.generic && w.oldRel[p.index] === noRelation) {
      const relation = anchorRelation(w.oldRel, p.anchor)
      if (relation !== noRelation) group(relation).olds.push(p)
    }
  for (const p of w.news)
    if (p.generic && w.newRel[p.index] === noRelation) {
      const relation = anchorRelation(w.newRel, p.anchor)
      if (relation !== noRelation) group(relation).news.push(p)
    }
  const oldTitle = relativeTitle(w.olds, new Map(), oldLanguage)
  const newTitle = relativeTitle(w.news, new Map(), newLanguage)
  for (const relation of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(relation)!
    if (relation >= 0) gatherGeneric(w, w.relations[relation]!, group, oldTitle, newTitle)
    const olds = group.olds.filter((p) => w.oldRel[p.index] === noRelation)
    const news = group.news.filter((p) => w.newRel[p.index] === noRelation)
    if (olds.length === 0 || news.length === 0) continue
    const titleOf = (p: SectionProfile): TitleKey => (olds.includes(p) ? oldTitle(p) : newTitle(p))
    const candidates = scoreCandidates(olds, news, w.options.minSimilarity, titleOf)
    const at = (index: number, count: number): number => (count <= 1 ? 0 : index / (count - 1))
    const placed = (c: Candidate): number =>
      c.similarity + nudge.genericPlace * (1 - Math.abs(at(c.oldIndex, olds.length) - at(c.newIndex, news.length)))
    for (const c of assign(w, candidates, placed, olds, news))
      addRelation(w, 'matched', [olds[c.oldIndex]!.index], [news[c.newIndex]!.index], c.similarity)
  }
}

/**
 * Under a merge, the sub-sections of one generic title ("How to Prevent") of the merged sections
 * went into the one of that title of the new section, merged too; under a split, the other way.
 * Titles with a number are left to the assignment.
 */
function gatherGeneric(
  w: Working,
  anchor: WorkingRelation,
  group: {olds: SectionProfile[]; news: SectionProfile[]},
  oldTitle: (p: SectionProfile) => TitleKey,
  newTitle: (p: SectionProfile) => TitleKey
): void {
  if (anchor.kind !== 'merged' && anchor.kind !== 'split') return
  const byTitle = new Map<string, {olds: SectionProfile[]; news: SectionProfile[]}>()
  const entry = (title: string) => {
    let e = byTitle.get(title)
    if (!e) byTitle.set(title, (e = {olds: [], news: []}))
    return e
  }
  for (const p of group.olds) entry(oldTitle(p).text).olds.push(p)
  for (const p of group.news) entry(newTitle(p).text).news.push(p)
  for (const [title, {olds, news}] of byTitle) {
    // A numbered label ("Scenario #2") is a place in a list, not a topic: content pairs those.
    if (/\p{N}/u.test(title)) continue
    const [several, one] = anchor.kind === 'merged' ? [olds, news] : [news, olds]
    if (one.length !== 1 || several.length < 2) continue
    const [a, b] = [olds.map((p) => p.index), news.map((p) => p.index)]
    const similarity = cosine(sumVectors(olds.map((p) => p.tree)), sumVectors(news.map((p) => p.tree)))
    addRelation(w, anchor.kind, a, b, similarity, {byTitle: true})
  }
}

/** May old `a` and new `b` share a relation? Generic headings only inside their anchors' relation. */
function allowedPair(w: Working, a: SectionProfile, b: SectionProfile): boolean {
  if (!a.generic && !b.generic) return true
  const ra = anchorRelation(w.oldRel, a.anchor)
  const rb = anchorRelation(w.newRel, b.anchor)
  return ra !== noRelation && ra === rb
}

/** Splits and merges among leftovers, by containment. */
function findSplitsMerges(w: Working, generic: boolean): void {
  const looked = (p: SectionProfile): boolean => p.generic === generic && p.flat.section.level <= w.options.maxLevel
  const leftoverOld = w.olds.filter((p) => looked(p) && w.oldRel[p.index] === noRelation).map((p) => p.index)
  const leftoverNew = w.news.filter((p) => looked(p) && w.newRel[p.index] === noRelation).map((p) => p.index)
  if (leftoverOld.length === 0 && leftoverNew.length === 0) return
  const pairs = new Map<number, number>()
  for (const relation of w.relations)
    if (relation.kind === 'matched' && relation.old.length === 1) pairs.set(relation.old[0]!, relation.new[0]!)
  const found = detectSplitsMerges({
    olds: w.olds,
    news: w.news,
    pairs,
    leftoverOld,
    leftoverNew,
    minContainment: w.options.minContainment,
    terms: w.terms,
    resemblance: !generic,
    // Sections without text of their own (pure containers) are never split or merged: their
    // subtree text is their children's, who take part themselves.
    allowed: (a, b) => w.olds[a]!.contentWords > 0 && w.news[b]!.contentWords > 0 && allowedPair(w, w.olds[a]!, w.news[b]!)
  })
  for (const merge of found.merges) {
    const existing = w.newRel[merge.new]!
    if (existing !== noRelation) dropRelation(w, existing)
    const similarity = cosine(sumVectors(merge.old.map((a) => w.olds[a]!.tree)), w.news[merge.new]!.tree)
    addRelation(w, 'merged', merge.old, [merge.new], similarity, {containment: merge.containment})
  }
  for (const split of found.splits) {
    const existing = w.oldRel[split.old]!
    if (existing !== noRelation) dropRelation(w, existing)
    const similarity = cosine(w.olds[split.old]!.tree, sumVectors(split.new.map((b) => w.news[b]!.tree)))
    addRelation(w, 'split', [split.old], split.new, similarity, {containment: split.containment})
  }
  for (const pair of found.pairs) {
    const existingOld = w.oldRel[pair.old]!
    if (existingOld !== noRelation) continue
    const existingNew = w.newRel[pair.new]!
    if (existingNew !== noRelation) continue
    addRelation(w, 'matched', [pair.old], [pair.new], pairSimilarity(w.olds[pair.old]!, w.news[pair.new]!), {
      containment: pair.containment
    })
  }
}

/** A relation a declaration may not undo: its content, held text, title or own declaration stand behind it. */
function firm(w: Working, relation: number): boolean {
  if (relation === noRelation) return false
  const r = w.relations[relation]!
  return r.declared === true || r.byTitle === true || (r.containment ?? 0) >= w.options.minContainment || r.similarity >= declaredTrust.firm
}

/** Thresholds of pairing on declarations. */
const declaredTrust = {
  /** A relation this similar stands against a declaration (it may name a section in passing): the trusted similarity. */
  firm: 0.6,
  /** A merge target the declaration does not name must resemble the merged sections at least this much (cosine). */
  minTarget: 0.1
} as const

/**
 * Relations the new edition states ("X is now part of Y", "formerly X", 統合, 통합, 合并): a merge
 * gathers the old sections it names into the new section it names, else into the new partner of one
 * of them, else into the free new section most like them together; a rename or replacement naming
 * one old and one new section pairs them. Relations made on firm evidence are kept (a declaration
 * may name a section in passing); weaker ones give way.
 */
function alignDeclared(w: Working): void {
  for (const d of w.declarations) {
    if (d.kind === 'new' || d.old.length === 0) continue
    const olds = d.old.filter((a) => w.olds[a]!.flat.section.level <= w.options.maxLevel)
    if (d.kind !== 'merged') {
      if (olds.length !== 1 || d.new.length !== 1) continue
      const [a, b] = [olds[0]!, d.new[0]!]
      const [ra, rb] = [w.oldRel[a]!, w.newRel[b]!]
      if ((ra !== noRelation && ra === rb) || firm(w, ra) || firm(w, rb)) continue
      for (const r of new Set([ra, rb])) if (r !== noRelation) dropRelation(w, r)
      addRelation(w, 'matched', [a], [b], pairSimilarity(w.olds[a]!, w.news[b]!), {declared: true})
      continue
    }
    const target = declaredTarget(w, olds, d.new)
    if (target === undefined) continue
    const targetRel = w.newRel[target]!
    const partners = targetRel === noRelation ? [] : w.relations[targetRel]!.old
    const members = [...new Set([...partners, ...olds.filter((a) => w.oldRel[a] === targetRel || !firm(w, w.oldRel[a]!))])]
    if (members.length < 2 || (targetRel !== noRelation && w.relations[targetRel]!.new.length > 1)) continue
    if (members.length === partners.length) {
      w.relations[targetRel]!.declared = true
      continue
    }
    for (const r of new Set([targetRel, ...members.map((a) => w.oldRel[a]!)])) if (r !== noRelation) dropRelation(w, r)
    const similarity = cosine(sumVectors(members.map((a) => w.olds[a]!.tree)), w.news[target]!.tree)
    addRelation(w, 'merged', members, [target], similarity, {declared: true})
  }
}

/** The new section a declared merge of `olds` went into (see {@link alignDeclared}), or undefined. */
function declaredTarget(w: Working, olds: readonly number[], named: readonly number[]): number | undefined {
  if (named.length === 1) return named[0]
  if (named.length > 1) return undefined
  const partners = new Set<number>()
  for (const a of olds) {
    const r = w.oldRel[a]!
    if (r !== noRelation && w.relations[r]!.new.length === 1) partners.add(w.relations[r]!.new[0]!)
  }
  if (partners.size === 1) return [...partners][0]
  if (partners.size > 1) return undefined
  const together = sumVectors(olds.map((a) => w.olds[a]!.tree))
  let best: number | undefined
  let bestScore: number = declaredTrust.minTarget
  const level = Math.min(...olds.map((a) => w.olds[a]!.flat.section.level))
  for (const p of w.news) {
    if (p.generic || p.flat.section.level !== level || firm(w, w.newRel[p.index]!)) continue
    const score = cosine(together, p.tree)
    if (score > bestScore) [best, bestScore] = [p.index, score]
  }
  return best
}

/**
 * Leftovers that kept their numbering code and resemble each other distinctively: paired before
 * the generic sub-sections, which then pair inside them.
 */
function alignRenumbered(w: Working): void {
  const looked = (p: SectionProfile): boolean => p.flat.section.level <= w.options.maxLevel
  const leftoverOld = w.olds.filter((p) => looked(p) && w.oldRel[p.index] === noRelation).map((p) => p.index)
  const leftoverNew = w.news.filter((p) => looked(p) && w.newRel[p.index] === noRelation).map((p) => p.index)
  for (const pair of pairRenumbered({olds: w.olds, news: w.news, leftoverOld, leftoverNew}))
    addRelation(w, 'matched', [pair.old], [pair.new], pairSimilarity(w.olds[pair.old]!, w.news[pair.new]!), {byCode: true})
}

/** Pairing in place is repeated at most this many times, one level deeper each time (a goal, then its requirements). */
const inPlaceRounds = 3

/** Leftovers standing in the same place between paired siblings, each the other's most similar sibling. */
function alignInPlace(w: Working, generic = false): void {
  const looked = (p: SectionProfile): boolean => p.flat.section.level <= w.options.maxLevel
  // A parent paired in place (goal 1 → 1.0) makes a place for its children: look again, level by level.
  for (let round = 0; round < inPlaceRounds; round++) {
    const found = pairInPlace({
      olds: w.olds,
      news: w.news,
      pairs: new Map(exactPairs(w)),
      isLeftOld: (a) => looked(w.olds[a]!) && w.oldRel[a] === noRelation,
      isLeftNew: (b) => looked(w.news[b]!) && w.newRel[b] === noRelation,
      generic
    })
    for (const pair of found) addRelation(w, 'matched', [pair.old], [pair.new], pairSimilarity(w.olds[pair.old]!, w.news[pair.new]!))
    if (found.length === 0) break
  }
}

/** Last stage: leftovers paired on text held with a similar title, or on a title kept under a renumbered code. */
function alignLeftovers(w: Working): void {
  const looked = (p: SectionProfile): boolean => p.flat.section.level <= w.options.maxLevel
  const leftoverOld = w.olds.filter((p) => looked(p) && w.oldRel[p.index] === noRelation).map((p) => p.index)
  const leftoverNew = w.news.filter((p) => looked(p) && w.newRel[p.index] === noRelation).map((p) => p.index)
  for (const pair of pairLeftovers({olds: w.olds, news: w.news, leftoverOld, leftoverNew, terms: w.terms})) {
    const similarity = pairSimilarity(w.olds[pair.old]!, w.news[pair.new]!)
    addRelation(w, 'matched', [pair.old], [pair.new], similarity, pair.by === 'title' ? {byTitle: true} : {containment: pair.containment})
  }
}

/** Pairs crossing levels both ways (a goal with a requirement of the goal paired with its requirement) put back in their levels. */
function alignUncrossed(w: Working): void {
  for (const swap of uncrossPairs({olds: w.olds, news: w.news, pairs: new Map(exactPairs(w))})) {
    for (const a of [swap.parent, swap.child]) dropRelation(w, w.oldRel[a]!)
    addRelation(w, 'matched', [swap.parent], [swap.uncrossed[0]], pairSimilarity(w.olds[swap.parent]!, w.news[swap.uncrossed[0]]!))
    addRelation(w, 'matched', [swap.child], [swap.uncrossed[1]], pairSimilarity(w.olds[swap.child]!, w.news[swap.uncrossed[1]]!))
  }
}

/** Best similarity each leftover reaches on the other side (how narrowly it stayed unpaired). */
function bestScores(w: Working, olds: SectionProfile[], news: SectionProfile[]): {old: Map<number, number>; new: Map<number, number>} {
  const oldBest = new Map<number, number>()
  const newBest = new Map<number, number>()
  for (const c of scoreCandidates(olds, news, nudge.nearMiss)) {
    const a = olds[c.oldIndex]!.index
    const b = news[c.newIndex]!.index
    if (!allowedPair(w, w.olds[a]!, w.news[b]!)) continue
    oldBest.set(a, Math.max(oldBest.get(a) ?? 0, c.similarity))
    newBest.set(b, Math.max(newBest.get(b) ?? 0, c.similarity))
  }
  return {old: oldBest, new: newBest}
}

/** Exact-only alignment for editions beyond `maxSections`: identical headings paired, the rest added/removed. */
function alignLimited(w: Working): void {
  alignIdentical(w)
  const byTitle = (list: SectionProfile[], rel: Int32Array): Map<string, SectionProfile[]> => {
    const map = new Map<string, SectionProfile[]>()
    for (const p of list) {
      if (rel[p.index] !== noRelation) continue
      const key = `${p.flat.path.join('\u0000')}`
      const entry = map.get(key)
      if (entry) entry.push(p)
      else map.set(key, [p])
    }
    return map
  }
  const newByTitle = byTitle(w.news, w.newRel)
  for (const [key, olds] of byTitle(w.olds, w.oldRel)) {
    const news = newByTitle.get(key)
    if (olds.length === 1 && news?.length === 1)
      addRelation(w, 'matched', [olds[0]!.index], [news[0]!.index], pairSimilarity(olds[0]!, news[0]!))
  }
  w.messages.push({
    severity: 'warning',
    code: 'alignment-limited',
    text: `An edition has more than ${w.options.maxSections} sections: only sections with the same heading path or identical text were paired; renames, moves, splits and merges were not looked for.`
  })
}

/**
 * The text before the first heading is one place in every edition (a cover, a notice, a foreword
 * without a heading): a reader looks for the old one's fate in the new one, however much it was
 * rewritten, not for a preamble removed beside a preamble added (OpenChain 2.0 → 2.1 ko: a
 * translator's notice, then a cover's list of equivalent standards). Two preambles no stage paired
 * are paired; an old one left beside a new one merged from old sections joins that merge, as the
 * text it went into (and a new one left beside an old one split, that split).
 */
function alignPreambles(w: Working): void {
  const a = w.olds.findIndex((p) => p.flat.section.id === preambleId)
  const b = w.news.findIndex((p) => p.flat.section.id === preambleId)
  if (a < 0 || b < 0) return
  const [oldIn, newIn] = [w.oldRel[a]!, w.newRel[b]!]
  if (oldIn === noRelation && newIn === noRelation) addRelation(w, 'matched', [a], [b], pairSimilarity(w.olds[a]!, w.news[b]!))
  else if (oldIn === noRelation && w.relations[newIn]!.kind === 'merged') {
    w.relations[newIn]!.old = [a, ...w.relations[newIn]!.old].sort((x, y) => x - y)
    w.oldRel[a] = newIn
  } else if (newIn === noRelation && w.relations[oldIn]!.kind === 'split') {
    // The mirror: an old preamble split into new sections, the new preamble among them.
    w.relations[oldIn]!.new = [b, ...w.relations[oldIn]!.new].sort((x, y) => x - y)
    w.newRel[b] = oldIn
  }
}

/**
 * Align the sections of two editions of one document: every section of each ends up in exactly one
 * relation (see {@link AlignedRelation}), each with a similarity. Distinctive sections are paired
 * over the whole editions by optimal assignment on title + TF-IDF content similarity (so moves
 * across chapters and renames are found, and levels do not matter); sections with repeated,
 * generic headings ("References", "How To Prevent") only pair inside the relation their nearest
 * distinctive ancestors ended in; leftovers whose text is mostly contained in another section
 * become splits and merges.
 */
export function alignSections(old: Edition, next: Edition, options: AlignOptions = {}): Alignment {
  const opts: Required<Omit<AlignOptions, 'cache'>> = {
    minSimilarity: options.minSimilarity ?? alignDefaults.minSimilarity,
    minContainment: options.minContainment ?? alignDefaults.minContainment,
    maxSections: options.maxSections ?? alignDefaults.maxSections,
    maxAssignment: options.maxAssignment ?? alignDefaults.maxAssignment,
    maxLevel: options.maxLevel ?? Number.POSITIVE_INFINITY
  }
  const profiles = profileSections(old, next, options.cache)
  const w: Working = {
    olds: profiles.old,
    news: profiles.new,
    terms: profiles.terms,
    oldRel: new Int32Array(profiles.old.length).fill(noRelation),
    newRel: new Int32Array(profiles.new.length).fill(noRelation),
    relations: [],
    messages: [],
    options: opts,
    declarations: []
  }
  if (old.language.toLowerCase() !== next.language.toLowerCase())
    w.messages.push({
      severity: 'warning',
      code: 'different-languages',
      text: `The editions are in different languages (${old.language}, ${next.language}): only shared words, names and numbers can pair their sections.`
    })
  if (w.olds.length > opts.maxSections || w.news.length > opts.maxSections) alignLimited(w)
  else {
    w.declarations = extractDeclarations(w.olds, w.news)
    alignIdentical(w)
    alignDistinctive(w)
    findSplitsMerges(w, false)
    alignDeclared(w)
    alignRenumbered(w)
    alignInPlace(w)
    alignGeneric(w, old.language, next.language)
    // Generic sections their stage left, standing in the same place under paired parents (a requirement's
    // `論拠` retitled `理由` in translation, its text rewritten): paired in place like any other.
    alignInPlace(w, true)
    findSplitsMerges(w, true)
    alignLeftovers(w)
    alignUncrossed(w)
    alignPreambles(w)
  }
  return finishAlignment(w)
}

function finishAlignment(w: Working): Alignment {
  const live = w.relations.filter((r) => r.old.length > 0 || r.new.length > 0)
  const shallow = (p: SectionProfile): boolean => p.flat.section.level <= w.options.maxLevel
  const leftOld = w.olds.filter((p) => w.oldRel[p.index] === noRelation)
  const leftNew = w.news.filter((p) => w.newRel[p.index] === noRelation)
  const limited = w.olds.length > w.options.maxSections || w.news.length > w.options.maxSections
  const best = limited ? {old: new Map(), new: new Map()} : bestScores(w, leftOld.filter(shallow), leftNew.filter(shallow))
  const homes = (sources: SectionProfile[], targets: SectionProfile[]): Map<number, {id: string; share: number}> => {
    const found = new Map<number, {id: string; share: number}>()
    if (limited) return found
    const looked = sources.filter(shallow)
    locateText(looked, targets, w.terms, w.options.minContainment).forEach((home, k) => {
      if (home) found.set(looked[k]!.index, {id: targets[home.target]!.flat.section.id, share: round(home.share)})
    })
    return found
  }
  const oldHomes = homes(leftOld, w.news)
  const newHomes = homes(leftNew, w.olds)
  const withHome = (home: {id: string; share: number} | undefined): {foundIn?: {id: string; share: number}} => (home ? {foundIn: home} : {})
  for (const p of leftOld)
    live.push({kind: 'removed', old: [p.index], new: [], similarity: best.old.get(p.index) ?? 0, ...withHome(oldHomes.get(p.index))})
  for (const p of leftNew)
    live.push({kind: 'added', old: [], new: [p.index], similarity: best.new.get(p.index) ?? 0, ...withHome(newHomes.get(p.index))})
  // Rebuild membership over the final relations.
  const oldRel = new Int32Array(w.olds.length).fill(noRelation)
  const newRel = new Int32Array(w.news.length).fill(noRelation)
  live.forEach((r, index) => {
    for (const a of r.old) oldRel[a] = index
    for (const b of r.new) newRel[b] = index
  })
  // Numbering codes of the leftovers, years and leading zeros aside (see codeStem).
  const stems = (list: SectionProfile[]): Set<string> =>
    new Set(list.map((p) => codeStem(p.flat.section.numbering)).filter((c): c is string => c !== null))
  const [oldStems, newStems] = [stems(leftOld), stems(leftNew)]
  const sameCodeLeft = (r: WorkingRelation): boolean => {
    const p = r.old.length > 0 ? w.olds[r.old[0]!]! : w.news[r.new[0]!]!
    const stem = codeStem(p.flat.section.numbering)
    return stem !== null && (r.old.length > 0 ? newStems : oldStems).has(stem)
  }
  const flags = live.map((r) => relationFlags(w, r))
  const moved = movedRelations(w, live, oldRel, newRel)
  const relations: AlignedRelation[] = live.map((r, index) => {
    const f = flags[index]!
    if (moved.has(index)) f.add('moved')
    const ordered = (['renamed', 'renumbered', 'moved', 'modified'] as const).filter((flag) => f.has(flag))
    const unchanged = r.kind === 'matched' && ordered.length === 0
    const evidence = relationEvidence({
      kind: r.kind,
      olds: r.old.map((a) => w.olds[a]!),
      news: r.new.map((b) => w.news[b]!),
      oldCount: w.olds.length,
      newCount: w.news.length,
      similarity: unchanged ? 1 : r.similarity,
      ...(r.containment !== undefined ? {containment: r.containment} : r.foundIn ? {containment: r.foundIn.share} : {}),
      ...(r.byTitle ? {byTitle: true} : {}),
      ...(r.byCode ? {byCode: true} : {}),
      moved: f.has('moved'),
      ...(r.kind === 'added' || r.kind === 'removed' ? {sameCodeLeft: sameCodeLeft(r)} : {}),
      declared: declarationFor(w.declarations, r.old, r.new)
    })
    return {
      kind: r.kind,
      flags: r.kind === 'added' || r.kind === 'removed' ? [] : ordered,
      similarity: unchanged ? 1 : round(r.similarity),
      old: r.old.map((a) => w.olds[a]!.flat.section.id),
      new: r.new.map((b) => w.news[b]!.flat.section.id),
      ...(r.foundIn ? {foundIn: r.foundIn} : {}),
      evidence
    }
  })
  const order = relationOrder(live, oldRel)
  return {relations: order.map((index) => relations[index]!), messages: w.messages}
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000
}

/**
 * A space beside punctuation or Chinese and Japanese script, which set no spaces between words: an
 * edition that writes `G1: FOSS に` where the next writes `G1：FOSS に` has not renamed the section.
 */
const spaceBesideUnspaced = / (?=[\p{P}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])|(?<=[\p{P}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]) /gu

/**
 * A colon or full stop closing a title: an edition that prints `…교육이 존재한다 :` (a list follows) where
 * the next prints `…교육이 존재한다`, or `論拠` beside `論拠:`, has not renamed the section.
 */
const closingStop = /[:.]$/u

function relationFlags(w: Working, r: Working['relations'][number]): Set<RelationFlag> {
  const flags = new Set<RelationFlag>()
  if (r.old.length === 0 || r.new.length === 0) return flags
  const olds = r.old.map((a) => w.olds[a]!)
  const news = r.new.map((b) => w.news[b]!)
  const normal = (p: SectionProfile): string =>
    p.flat.section.title.normalize('NFKC').replace(/\s+/gu, ' ').trim().replace(spaceBesideUnspaced, '').replace(closingStop, '')
  // `1）` and `1)`, `１.１` and `1.1` are one number set in full-width or half-width forms.
  const label = (p: SectionProfile): string => (p.flat.section.numbering ?? '').normalize('NFKC').replace(/\s+/gu, ' ')
  // Years and dates in a title follow the edition ("Risks – 2019" → "Risks – 2023", a statement
  // named after its date): like a number, they change without the section being renamed.
  const undated = (title: string): string => title.replace(yearOrDate, '#')
  const oldTitles = new Set(olds.map((p) => undated(normal(p))))
  const newTitles = new Set(news.map((p) => undated(normal(p))))
  if (r.kind === 'matched') {
    const [a, b] = [olds[0]!, news[0]!]
    const renamed = undated(normal(a)) !== undated(normal(b))
    if (renamed) flags.add('renamed')
    // A section renamed and renumbered at once says both (1.3 인지도 → 3.1.3 인식): a reader looks for
    // each. A year in the code follows the edition like one in the title (API2:2019 → API2:2023):
    // the one change of a section that kept its title, no new number beside a new title.
    if (renamed ? !sameNumber(undated(label(a)), undated(label(b))) : !sameNumber(label(a), label(b)) || normal(a) !== normal(b))
      flags.add('renumbered')
    if (a.text !== b.text) flags.add('modified')
  } else {
    // The one side is renamed when its title is none of the several's.
    const single = r.kind === 'merged' ? newTitles : oldTitles
    const several = r.kind === 'merged' ? oldTitles : newTitles
    if (![...single].some((t) => several.has(t))) flags.add('renamed')
    flags.add('modified')
  }
  return flags
}

/**
 * Moved: the nearest paired ancestors of the two sides are not in the same relation (another
 * parent), or the section left the longest run of siblings that kept their order (the order
 * changed beyond what insertions and deletions explain). A section under another parent that only
 * changed its heading level where it stands is not moved: its own parent on either side is paired
 * (or the top) and is an ancestor of the other side, and the section keeps its place among all
 * paired sections in document order. A reader finds its text where it was; a sub-section raised
 * to a section, or a PDF heading read a level too high or low, is no move.
 */
function movedRelations(w: Working, live: Working['relations'], oldRel: Int32Array, newRel: Int32Array): Set<number> {
  const moved = new Set<number>()
  const pairedAncestor = (profiles: SectionProfile[], rel: Int32Array, start: number): number => {
    for (let p = profiles[start]!.parent; p >= 0; p = profiles[p]!.parent) {
      const r = rel[p]!
      if (r !== noRelation && live[r]!.old.length > 0 && live[r]!.new.length > 0) return r
    }
    return -2
  }
  // The relation of a section's own parent: -2 at the top, unpairedParent under an added or removed one.
  const unpairedParent = -3
  const parentRelation = (profiles: SectionProfile[], rel: Int32Array, start: number): number => {
    const p = profiles[start]!.parent
    if (p < 0) return -2
    const r = rel[p]!
    return r !== noRelation && live[r]!.old.length > 0 && live[r]!.new.length > 0 ? r : unpairedParent
  }
  const pairedAncestors = (profiles: SectionProfile[], rel: Int32Array, start: number): Set<number> => {
    const out = new Set<number>([-2])
    for (let p = profiles[start]!.parent; p >= 0; p = profiles[p]!.parent) {
      const r = rel[p]!
      if (r !== noRelation && live[r]!.old.length > 0 && live[r]!.new.length > 0) out.add(r)
    }
    return out
  }
  // Paired sections in old document order; those on one longest run that keeps its new order kept their place.
  const paired = live
    .map((r, index) => ({index, oldOrder: r.old[0] ?? -1, newOrder: r.new[0] ?? -1}))
    .filter((e) => e.oldOrder >= 0 && e.newOrder >= 0)
    .sort((a, b) => a.oldOrder - b.oldOrder)
  const inOrder = new Set([...longestIncreasing(paired.map((e) => e.newOrder))].map((i) => paired[i]!.index))
  const siblings = new Map<number, {index: number; oldOrder: number; newOrder: number}[]>()
  live.forEach((r, index) => {
    if (r.old.length === 0 || r.new.length === 0) return
    const oldParents = new Set(r.old.map((a) => pairedAncestor(w.olds, oldRel, a)))
    const newParents = new Set(r.new.map((b) => pairedAncestor(w.news, newRel, b)))
    if (![...oldParents].some((p) => newParents.has(p))) {
      const [a, b] = [r.old[0]!, r.new[0]!]
      const oldParent = parentRelation(w.olds, oldRel, a)
      const newParent = parentRelation(w.news, newRel, b)
      const relevelled =
        oldParent !== unpairedParent &&
        newParent !== unpairedParent &&
        (pairedAncestors(w.olds, oldRel, a).has(newParent) || pairedAncestors(w.news, newRel, b).has(oldParent))
      if (!(relevelled && inOrder.has(index))) moved.add(index)
      return
    }
    const parent = [...oldParents].find((p) => newParents.has(p))!
    const entry = siblings.get(parent) ?? []
    entry.push({index, oldOrder: r.old[0]!, newOrder: r.new[0]!})
    siblings.set(parent, entry)
  })
  for (const entry of siblings.values()) {
    entry.sort((a, b) => a.oldOrder - b.oldOrder)
    const kept = longestIncreasing(entry.map((e) => e.newOrder))
    entry.forEach((e, i) => {
      if (!kept.has(i)) moved.add(e.index)
    })
  }
  return moved
}

/** Positions of one longest strictly increasing subsequence (patience sorting; ties keep the earliest). */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = []
  const previous = new Array<number>(values.length).fill(-1)
  values.forEach((value, i) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (values[tails[mid]!]! < value) low = mid + 1
      else high = mid
    }
    if (low > 0) previous[i] = tails[low - 1]!
    tails[low] = i
  })
  const kept = new Set<number>()
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept.add(i)
  return kept
}

/** New document order; a removed relation right after the relation holding the old section before it. */
function relationOrder(live: Working['relations'], oldRel: Int32Array): number[] {
  const keys = live.map((r): [number, number, number] => {
    if (r.new.length > 0) return [r.new[0]!, 0, 0]
    const first = r.old[0]!
    for (let a = first - 1; a >= 0; a--) {
      const host = live[oldRel[a]!]
      if (host && host.new.length > 0) return [host.new[0]!, 1, first]
    }
    return [-1, 1, first]
  })
  return live
    .map((_, index) => index)
    .sort((x, y) => {
      const [a, b] = [keys[x]!, keys[y]!]
      return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
    })
}
