import type {SectionProfile} from './profile-sections.js'
import {termPostings, type TermPostings} from './score-candidates.js'
import {leastShared, sharedCounts, shinglePostings, shingleSlots, type ShinglePostings, type ShingleSlots} from './shingle-postings.js'

/** Several old sections whose text went into one new section. */
export interface MergeFound {
  old: number[]
  new: number
  /** Share of the old sections' shingles found in the new one, 0..1. */
  containment: number
}

/** One old section whose text went into several new sections. */
export interface SplitFound {
  old: number
  new: number[]
  /** Share of the new sections' shingles found in the old one, 0..1. */
  containment: number
}

/** What {@link detectSplitsMerges} works on; indices are positions in `olds` / `news`. */
export interface SplitMergeInput {
  olds: readonly SectionProfile[]
  news: readonly SectionProfile[]
  /** Current one-to-one pairs, old index → new index. */
  pairs: ReadonlyMap<number, number>
  /** Old sections in no relation yet. */
  leftoverOld: readonly number[]
  /** New sections in no relation yet. */
  leftoverNew: readonly number[]
  /** Least share of a section's shingles that must be found in the other (default 0.5). */
  minContainment: number
  /** Every shingle id of both editions is below it (`SectionProfiles.terms`). */
  terms: number
  /** Whether old `a` may end up in a relation with new `b` (generic headings stay inside their parents). */
  allowed(a: number, b: number): boolean
  /**
   * Also accept a rewritten merge or split: a leftover whose subtree resembles one section of the
   * other edition far more than the rest (cosine ≥ 0.15 and ≥ 2.5 × its median cosine, or standing
   * ≥ 0.1 above the median and three times as far above it as the second best). Such a
   * resemblance only counts when it gathers two or more sections into one relation, never for a
   * single pair (the assignment already judged those).
   */
  resemblance: boolean
}

/** Split/merge detection's answer: merges, splits and single pairs it found for leftovers. */
export interface SplitMergeResult {
  merges: MergeFound[]
  splits: SplitFound[]
  /** Leftover pairs whose text is contained one in the other though their similarity fell short. */
  pairs: {old: number; new: number; containment: number}[]
}

// Shingles compared: whole subtrees when both sides have sub-sections (chapters merged), else each
// section's own text (or subtree when it has none).
function shinglesOf(profile: SectionProfile, otherHasChildren: boolean): Int32Array {
  return otherHasChildren && profile.children.length > 0 ? profile.treeShingles : profile.shingles
}

interface Index {
  own: ShinglePostings
  tree: ShinglePostings
  /** Scratch: shared shingle counts per target, zero between uses. */
  counts: Int32Array
  /** Scratch: a mark per shingle id, zero between uses. */
  marks: Uint8Array
}

/** Thresholds of split and merge detection. */
const splitMerge = {
  /** Fewest shingles a leftover needs to be judged by containment: a shorter text is held anywhere by chance. */
  minShingles: 3,
  /** Share of what the partner lacks that a copy may still hold (a split takes more of it). */
  copyLeeway: 0.25,
  /** Weight of the target-side share in a candidate's score: containment decides, size breaks ties. */
  targetShareWeight: 0.25,
  /** Least subtree cosine for a chapter to resemble a target at all. */
  minResemblance: 0.15,
  /** How far above the median cosine the best target must stand to be distinctive, not just close. */
  resemblanceOverMedian: 2.5,
  /** Or: how far the best target must stand above the median cosine (the background every section shares)… */
  minExcess: 0.1,
  /** …and how many times further than the second best does: the vocabulary concentrates in one place. */
  excessOverSecond: 3,
  /** Rounds of proposals: a bound, as each round only re-proposes what a stronger relation took. */
  maxRounds: 4
} as const

const noSlots: ShingleSlots = {of: new Int32Array(0), bits: new Int32Array(0), size: 0}
const noPostings: ShinglePostings = {slots: noSlots, start: new Int32Array(1), targets: new Int32Array(0)}

/**
 * Shingle → targets (`profiles`) holding it, for the shingles of the leftovers looked up
 * (`sources`) only; every shingle id is below `terms`.
 */
function buildIndex(profiles: readonly SectionProfile[], sources: readonly SectionProfile[], terms: number): Index {
  // Nothing to look up, or no source with sub-sections (the only ones compared by subtree): the
  // index (a pass over every target's shingles) is not needed.
  if (sources.length === 0) return {own: noPostings, tree: noPostings, counts: new Int32Array(profiles.length), marks: new Uint8Array(0)}
  const slots = shingleSlots(
    sources.flatMap((p) => (p.children.length > 0 ? [p.shingles, p.treeShingles] : [p.shingles])),
    terms
  )
  const own = shinglePostings(
    profiles.map((p) => p.shingles),
    slots
  )
  const tree = sources.some((p) => p.children.length > 0)
    ? shinglePostings(
        profiles.map((p) => (p.children.length > 0 ? p.treeShingles : null)),
        slots
      )
    : noPostings
  return {own, tree, counts: new Int32Array(profiles.length), marks: new Uint8Array(terms)}
}

/** Whether one of two sections of the same edition is an ancestor of the other. */
function related(a: SectionProfile, b: SectionProfile, profiles: readonly SectionProfile[]): boolean {
  const holds = (outer: SectionProfile, inner: SectionProfile): boolean => {
    for (let p = inner.parent; p >= 0; p = profiles[p]!.parent) if (p === outer.index) return true
    return false
  }
  return holds(a, b) || holds(b, a)
}

/**
 * Of the shingles `into` holds (all lists distinct ids): how many `partner` holds too (`kept`), and
 * how many of those `from` shares with `into` are among them (`copied`).
 */
function partnerOverlap(from: Int32Array, into: Int32Array, partner: Int32Array, marks: Uint8Array): {kept: number; copied: number} {
  for (let k = 0; k < into.length; k++) marks[into[k]!] = 1
  let kept = 0
  for (let k = 0; k < partner.length; k++)
    if (marks[partner[k]!] === 1) {
      marks[partner[k]!] = 2
      kept++
    }
  let copied = 0
  for (let k = 0; k < from.length; k++) if (marks[from[k]!] === 2) copied++
  for (let k = 0; k < into.length; k++) marks[into[k]!] = 0
  return {kept, copied}
}

/**
 * The target that holds most of `source`'s text (ties: the one whose own text is most of it). A
 * source that only repeats text of the target's partner (the section paired with the target, on the
 * source's side) does not count as contained: a new policy whose instructions repeat an old one's
 * word for word was added, not split off it; a removed duplicate was not merged.
 */
function bestContainer(
  source: SectionProfile,
  targets: readonly SectionProfile[],
  index: Index,
  minContainment: number,
  allowed: (target: number) => boolean,
  /** The section paired with a target, on the source's side (none when it holds the source or is held by it). */
  partnerOf: (target: number) => SectionProfile | undefined
): {target: number; containment: number} | null {
  const found: {best: {target: number; containment: number; score: number} | null} = {best: null}
  const consider = (counts: Map<number, number>, from: Int32Array, bothParents: boolean): void => {
    if (from.length < splitMerge.minShingles) return
    for (const [j, shared] of counts) {
      const target = targets[j]!
      // Subtrees are compared only when both sides have sub-sections; otherwise own texts.
      if ((target.children.length > 0 && source.children.length > 0) !== bothParents || !allowed(j)) continue
      if (shared / from.length < minContainment) continue
      const into = shinglesOf(target, source.children.length > 0)
      const partner = partnerOf(j)
      let moved = shared
      if (partner) {
        // What the target holds and its partner does not is what could have gone elsewhere. A source
        // most of whose text the partner holds too, and that holds hardly any (a quarter at most) of
        // what the partner lacks, repeats the partner's text: a copy. (A true split may repeat
        // boilerplate in both parts, but the source also takes text the partner lost.)
        const {kept, copied} = partnerOverlap(from, into, bothParents ? partner.treeShingles : partner.shingles, index.marks)
        if (copied / from.length >= minContainment && shared - copied <= splitMerge.copyLeeway * (into.length - kept))
          moved = shared - copied
      }
      const forward = moved / from.length
      if (forward < minContainment) continue
      const score = forward + splitMerge.targetShareWeight * (into.length === 0 ? 0 : moved / into.length)
      const best = found.best
      if (!best || score > best.score || (score === best.score && j < best.target)) found.best = {target: j, containment: forward, score}
    }
  }
  const look = (from: Int32Array, postings: ShinglePostings): Map<number, number> =>
    sharedCounts(from, postings, index.counts, leastShared(from.length, minContainment))
  consider(look(source.shingles, index.own), source.shingles, false)
  if (source.children.length > 0) consider(look(source.treeShingles, index.tree), source.treeShingles, true)
  return found.best && {target: found.best.target, containment: found.best.containment}
}

/**
 * The section of `targets` that `source` resembles far more than the others, by subtree cosine
 * (`cosines()`: one per target), among those `allowed`; null when none stands out so.
 */
export function distinctiveResemblance(
  source: SectionProfile,
  cosines: () => Float64Array,
  targets: readonly SectionProfile[],
  allowed: (target: number) => boolean
): number | null {
  // Only sections with sub-sections (chapters, categories) are judged this way: their subtree text
  // says enough; a short leaf would resemble too much by chance.
  if (source.tree.ids.length === 0 || source.children.length === 0) return null
  const dots = cosines()
  const scores: number[] = []
  let best = -1
  let bestScore = 0
  targets.forEach((target, j) => {
    if (target.children.length === 0) return
    const score = Math.min(1, Math.max(0, dots[j]!))
    scores.push(score)
    if (allowed(j) && score > bestScore) {
      best = j
      bestScore = score
    }
  })
  scores.sort((a, b) => a - b)
  const median = scores[scores.length >> 1] ?? 0
  if (best < 0 || bestScore < splitMerge.minResemblance) return null
  if (bestScore >= splitMerge.resemblanceOverMedian * median) return best
  // Vocabulary concentration: where every section shares much with every other (short words of an
  // unspaced script, one topic throughout), what stands above that background still points one way.
  const second = scores.length >= 2 && scores[scores.length - 1] === bestScore ? scores[scores.length - 2]! : scores[scores.length - 1]!
  const excess = bestScore - median
  return excess >= splitMerge.minExcess && excess >= splitMerge.excessOverSecond * Math.max(0, second - median) ? best : null
}

/**
 * Add to `rows` (one of `targets.length` per posted section) the dot products of every target's
 * subtree with each posted section. (A function of its own, not a closure made anew with each
 * alignment: V8 keeps its optimised code from one alignment to the next.)
 */
function accumulateRows(targets: readonly SectionProfile[], postings: TermPostings, rows: Float64Array): void {
  const {start, sections, weights} = postings
  const terms = start.length - 1
  const width = targets.length
  // One target's sums first, in a column of their own: written into the rows (a row apart each)
  // once the target is read, not once a term.
  const column = new Float64Array(rows.length / width)
  for (let j = 0; j < width; j++) {
    const target = targets[j]!
    if (target.children.length === 0) continue
    const {ids, weights: values} = target.tree
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!
      if (id >= terms) continue
      const weight = values[k]!
      const end = start[id + 1]!
      for (let p = start[id]!; p < end; p++) column[sections[p]!]! += weight * weights[p]!
    }
    for (let m = 0; m < column.length; m++) {
      rows[m * width + j] = column[m]!
      column[m] = 0
    }
  }
}

/**
 * Subtree cosines (dot products of normalised vectors) of those `leftovers` of `from` that have
 * sub-sections, each with every section of `targets` (0 for those without): one row of
 * `targets.length` per leftover, made on first use. Leftovers are few and targets many, so the
 * leftovers' terms are indexed, `cosineBlock` of them at a time (which bounds the rows held), and
 * each target's subtree is read once a block: a third faster than indexing every target's subtree
 * and looking each leftover up.
 */
export function subtreeCosines(
  from: readonly SectionProfile[],
  leftovers: readonly number[],
  targets: readonly SectionProfile[],
  cosineBlock = 128
): (source: number) => Float64Array {
  const judged = leftovers.filter((i) => from[i]!.children.length > 0 && from[i]!.tree.ids.length > 0)
  const slots = new Map(judged.map((i, k) => [i, k]))
  const width = targets.length
  let block = -1
  let rows = new Float64Array(0)
  return (source) => {
    const slot = slots.get(source)
    if (slot === undefined) throw new Error(`subtreeCosines: section ${source} is not a leftover with sub-sections`)
    if (Math.floor(slot / cosineBlock) !== block) {
      block = Math.floor(slot / cosineBlock)
      const members = judged.slice(block * cosineBlock, (block + 1) * cosineBlock)
      rows = new Float64Array(members.length * width)
      accumulateRows(targets, termPostings(members.map((i) => from[i]!.tree)), rows)
    }
    const row = slot % cosineBlock
    return rows.subarray(row * width, (row + 1) * width)
  }
}

/** A leftover's container on the other side: `source` went into (merge) or came out of (split) `target`. */
interface Proposal {
  source: number
  target: number
  containment: number
  /** Found by containment (not only by resemblance). */
  strong: boolean
}

/** Sections of one relation to be made: a target with its partner and the leftovers proposing it. */
interface Group {
  /** True: old leftovers merged into new `target`; false: new leftovers split off old `target`. */
  merge: boolean
  target: number
  proposals: Proposal[]
}

/** The ids of the group's sections (target first, then the sorted sources), the same whichever edition is old: the last tie-break. */
function groupKey(group: Group, olds: readonly SectionProfile[], news: readonly SectionProfile[]): string {
  const [sources, targets] = group.merge ? [olds, news] : [news, olds]
  const ids = [targets[group.target]!.flat.section.id, ...group.proposals.map((p) => sources[p.source]!.flat.section.id).sort()]
  return ids.join('\u0000')
}

/**
 * Find merges and splits by containment among sections the assignment left over: an old leftover
 * most of whose text is found in one new section was merged into it (together with that section's
 * own partner, if any); a new leftover most of whose text comes from one old section was split off
 * it. Both looks are made first and the relations they propose are then taken strongest first (by
 * containment, one section in one relation only), so that comparing B with A finds the mirror image
 * of comparing A with B; leftovers whose container was taken look again among what is left.
 */
export function detectSplitsMerges(input: SplitMergeInput): SplitMergeResult {
  const {olds, news, pairs, minContainment, allowed} = input
  const partnerOfNew = new Map<number, number>()
  for (const [a, b] of pairs) partnerOfNew.set(b, a)
  const mergeCosines = subtreeCosines(olds, input.leftoverOld, news)
  const splitCosines = subtreeCosines(news, input.leftoverNew, olds)
  const newIndex = buildIndex(
    news,
    input.leftoverOld.map((a) => olds[a]!),
    input.terms
  )
  const oldIndex = buildIndex(
    olds,
    input.leftoverNew.map((b) => news[b]!),
    input.terms
  )
  const usedOld = new Set<number>()
  const usedNew = new Set<number>()
  const merges: MergeFound[] = []
  const splits: SplitFound[] = []
  const found: SplitMergeResult['pairs'] = []
  let pendingOld = [...input.leftoverOld]
  let pendingNew = [...input.leftoverNew]
  // A leftover's last proposal stands while its target is free: the best of fewer free targets is
  // the same one when that one is still among them. One that found nothing never will.
  const lastOld = new Map<number, Proposal>()
  const lastNew = new Map<number, Proposal>()
  // Each round proposes a container for every leftover still free among the free sections, then
  // makes the proposed relations strongest first; what lost its container proposes again.
  for (let round = 0; round < splitMerge.maxRounds && (pendingOld.length > 0 || pendingNew.length > 0); round++) {
    const groups = new Map<string, Group>()
    const propose = (merge: boolean, source: number): boolean => {
      const [from, to, index, cosines, last, usedTargets] = merge
        ? ([olds, news, newIndex, mergeCosines, lastOld, usedNew] as const)
        : ([news, olds, oldIndex, splitCosines, lastNew, usedOld] as const)
      let proposal = last.get(source)
      if (!proposal || usedTargets.has(proposal.target)) {
        const free = (t: number): boolean => (merge ? allowed(source, t) : allowed(t, source)) && !usedTargets.has(t)
        // A partner that holds the source (or is held by it) holds its text as a part, not a copy.
        const partner = (t: number): SectionProfile | undefined => {
          const p = merge ? partnerOfNew.get(t) : pairs.get(t)
          return p === undefined || related(from[p]!, from[source]!, from) ? undefined : from[p]
        }
        const best = bestContainer(from[source]!, to, index, minContainment, free, partner)
        const target = best?.target ?? (input.resemblance ? distinctiveResemblance(from[source]!, () => cosines(source), to, free) : null)
        if (target === null) return false
        last.set(source, (proposal = {source, target, containment: best?.containment ?? 0, strong: best !== null}))
      }
      const key = `${merge ? 'm' : 's'}${proposal.target}`
      let group = groups.get(key)
      if (!group) groups.set(key, (group = {merge, target: proposal.target, proposals: []}))
      group.proposals.push(proposal)
      return true
    }
    pendingOld = pendingOld.filter((a) => propose(true, a))
    pendingNew = pendingNew.filter((b) => propose(false, b))
    const strength = (g: Group): number => g.proposals.reduce((sum, p) => sum + p.containment, 0)
    const strong = (g: Group): boolean => g.proposals.some((p) => p.strong)
    const ordered = [...groups.values()].map((group) => ({
      group,
      strength: strength(group),
      strong: strong(group),
      key: groupKey(group, olds, news)
    }))
    ordered.sort((x, y) => Number(y.strong) - Number(x.strong) || y.strength - x.strength || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    let made = 0
    for (const {group} of ordered) {
      const [usedSources, usedTargets] = group.merge ? [usedOld, usedNew] : [usedNew, usedOld]
      if (usedTargets.has(group.target)) continue
      const proposals = group.proposals.filter((p) => !usedSources.has(p.source))
      // The target's own partner joins the relation, unless another one took it.
      const partner = group.merge ? partnerOfNew.get(group.target) : pairs.get(group.target)
      const members = [...(partner === undefined || usedSources.has(partner) ? [] : [partner]), ...proposals.map((p) => p.source)].sort(
        (x, y) => x - y
      )
      if (members.length === 0 || (members.length === 1 && !proposals.some((p) => p.strong))) continue
      const sum = proposals.reduce((total, p) => total + p.containment, 0)
      for (const m of members) usedSources.add(m)
      usedTargets.add(group.target)
      made++
      if (members.length === 1)
        found.push(
          group.merge ? {old: members[0]!, new: group.target, containment: sum} : {old: group.target, new: members[0]!, containment: sum}
        )
      else if (group.merge) merges.push({old: members, new: group.target, containment: sum / proposals.length})
      else splits.push({old: group.target, new: members, containment: sum / proposals.length})
    }
    if (made === 0) break
    pendingOld = pendingOld.filter((a) => !usedOld.has(a))
    pendingNew = pendingNew.filter((b) => !usedNew.has(b))
  }
  merges.sort((x, y) => x.new - y.new)
  splits.sort((x, y) => x.old - y.old)
  found.sort((x, y) => x.old - y.old || x.new - y.new)
  return {merges, splits, pairs: found}
}
