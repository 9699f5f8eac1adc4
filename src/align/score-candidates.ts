import type {SectionProfile} from './profile-sections.js'
import {cosine, type SparseVector} from './sparse-vector.js'
import {titleSimilarity, type TitleKey} from './title-similarity.js'

/** A possible pairing of `old[oldIndex]` with `new[newIndex]` (indices into the lists scored). */
export interface Candidate {
  oldIndex: number
  newIndex: number
  /** Title and content combined, 0..1 (see {@link combineSimilarity}). */
  similarity: number
}

/**
 * Title weight once both sections have text. Content outweighs the title because renamed sections
 * keep their text, while two unrelated sections may share a title.
 */
const titleWeight = 0.35

/**
 * Combine title similarity `title` and content similarity `content` (both 0..1). Content alone can
 * carry a pair (a complete rename with the text kept scores its content similarity); a title alone
 * cannot (same title, text rewritten: 0.35 + 0.65 × content).
 */
export function combineSimilarity(title: number, content: number | null, bothTitled: boolean): number {
  if (content === null) return title
  if (!bothTitled) return content
  return Math.max(content, titleWeight * title + (1 - titleWeight) * content)
}

/** Parts of a pair's similarity already computed elsewhere (by the inverted indexes). */
export interface KnownParts {
  ownCosine?: number
  treeCosine?: number
  title?: number
}

/** Similarity of two profiles; `known` parts are not recomputed; `titles` to compare other title keys. */
export function pairSimilarity(a: SectionProfile, b: SectionProfile, known: KnownParts = {}, titles?: [TitleKey, TitleKey]): number {
  const [ta, tb] = titles ?? [a.title, b.title]
  const title = known.title ?? titleSimilarity(ta, tb)
  const both = a.own.ids.length > 0 && b.own.ids.length > 0
  const ownCosine = both ? (known.ownCosine ?? cosine(a.own, b.own)) : 0
  const treeCosine = both && a.children.length > 0 && b.children.length > 0 ? (known.treeCosine ?? cosine(a.tree, b.tree)) : 0
  return similarityOf(a, b, title, ta.text !== '' && tb.text !== '', ownCosine, treeCosine)
}

/** {@link pairSimilarity} from its parts (no allocation: the candidate loop calls it for every pair touched). */
function similarityOf(
  a: SectionProfile,
  b: SectionProfile,
  title: number,
  bothTitled: boolean,
  ownCosine: number,
  treeCosine: number
): number {
  const hasA = a.own.ids.length > 0
  const hasB = b.own.ids.length > 0
  if (!hasA && !hasB) return bothTitled ? title : a.text === b.text ? 1 : 0
  if (!hasA || !hasB) return 0.5 * title
  let content = ownCosine
  if (a.children.length > 0 && b.children.length > 0) {
    // A chapter is also what it holds: blend in the subtree so an introduction-less chapter
    // whose sections were rewritten still finds its counterpart, and vice versa. A chapter with no
    // text of its own is only what it holds (its "own" vector is its subtree): comparing that with
    // the other's introduction would count a dropped or added introduction as half the content.
    content = a.own === a.tree || b.own === b.tree ? treeCosine : 0.5 * content + 0.5 * treeCosine
  }
  return combineSimilarity(title, content, bothTitled)
}

function sharesAny(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const item of small) if (large.has(item)) return true
  return false
}

/** Up to this many pairs, {@link scoreCandidates} scores every pair directly… */
const directPairs = 400
/** …unless that means reading more vector entries than this (a few long chapters). */
const directBudget = 200_000

/** Vector entries read by scoring every pair of `olds` × `news` directly. */
function directCost(olds: readonly SectionProfile[], news: readonly SectionProfile[]): number {
  const size = (p: SectionProfile): number => p.own.ids.length + (p.children.length > 0 ? p.tree.ids.length : 0)
  let a = 0
  let b = 0
  for (const p of olds) a += size(p)
  for (const p of news) b += size(p)
  return a * news.length + b * olds.length
}

/** Term id → the sections holding it and its weight in each, as one flat array per field (CSR). */
export interface TermPostings {
  /** Postings of term `id` are positions `start[id]` to `start[id + 1]`. */
  start: Int32Array
  sections: Int32Array
  weights: Float64Array
}

/**
 * Postings of `vectors` (null ones left out), section `j` being `vectors[j]`. Each loop is a helper
 * of its own: in one function, the first call's first loop was compiled on stack before the later
 * loops had ever run, and the code bailed out on reaching them (twelve deopts in a cold comparison
 * of two 150k-word editions); a helper is compiled whole once it is hot.
 */
export function termPostings(vectors: readonly (SparseVector | null)[]): TermPostings {
  const {terms, total} = postingsSize(vectors)
  const start = new Int32Array(terms + 1)
  countPostings(vectors, start)
  prefixSums(start, terms)
  const sections = new Int32Array(total)
  const weights = new Float64Array(total)
  fillPostings(vectors, start.slice(0, terms), sections, weights)
  return {start, sections, weights}
}

/** The number of term ids (one past the largest) and of postings of `vectors`. */
function postingsSize(vectors: readonly (SparseVector | null)[]): {terms: number; total: number} {
  let terms = 0
  let total = 0
  for (let j = 0; j < vectors.length; j++) {
    const v = vectors[j]
    if (!v || v.ids.length === 0) continue
    terms = Math.max(terms, v.bound)
    total += v.ids.length
  }
  return {terms, total}
}

/** Postings per term id, counted into `start[id + 1]`. */
function countPostings(vectors: readonly (SparseVector | null)[], start: Int32Array): void {
  for (let j = 0; j < vectors.length; j++) {
    const v = vectors[j]
    if (!v) continue
    const ids = v.ids
    for (let k = 0; k < ids.length; k++) start[ids[k]! + 1]!++
  }
}

/** Counts into offsets: `start[id]` is where the postings of `id` begin. */
function prefixSums(start: Int32Array, terms: number): void {
  for (let id = 0; id < terms; id++) start[id + 1]! += start[id]!
}

/** Each vector's entries written at the next free place of its terms (`fill`, advanced). */
function fillPostings(vectors: readonly (SparseVector | null)[], fill: Int32Array, sections: Int32Array, weights: Float64Array): void {
  for (let j = 0; j < vectors.length; j++) {
    const v = vectors[j]
    if (!v) continue
    const ids = v.ids
    const w = v.weights
    for (let k = 0; k < ids.length; k++) {
      const at = fill[ids[k]!]!++
      sections[at] = j
      weights[at] = w[k]!
    }
  }
}

/** Title n-gram or word → the sections holding it. */
function stringPostings(sets: readonly Set<string>[]): Map<string, number[]> {
  const map = new Map<string, number[]>()
  sets.forEach((set, j) => {
    for (const key of set) {
      const list = map.get(key)
      if (list) list.push(j)
      else map.set(key, [j])
    }
  })
  return map
}

/**
 * The new sections one old section's look touched. They are listed one by one while few. Once the
 * postings read pass a quarter of the sections (common words, a title word every section has),
 * listing stops: a scan of the sums finds them then, for less than the listing would cost.
 */
interface Touched {
  /** `marked[j]` is 1 once section `j` is listed. */
  marked: Uint8Array
  list: number[]
  /** Posting entries read while listing. */
  reads: number
  /** Listing stopped: the touched sections are those with a sum above 0. */
  many: boolean
}

function touch(touched: Touched, j: number): void {
  if (touched.marked[j] === 0) {
    touched.marked[j] = 1
    touched.list.push(j)
  }
}

/** Count `entries` posting entries read while listing; listing stops past a quarter of the sections. */
function countReads(touched: Touched, entries: number): void {
  touched.reads += entries
  touched.many = touched.reads > touched.marked.length >> 2
}

/**
 * The sections touched, in document order (as a scan of every new section would list them): those
 * listed, and once listing stopped, those with a content or title n-gram sum above 0.
 */
function inOrder(touched: Touched, dots: Float64Array, grams: Int32Array): number[] {
  const {marked, list} = touched
  if (!touched.many) return list.sort((x, y) => x - y)
  list.length = 0
  for (let j = 0; j < marked.length; j++) if (marked[j] === 1 || dots[j] !== 0 || grams[j] !== 0) list.push(j)
  return list
}

/** Add `vector`'s dot products with every posted section into `dots`, listing the sections touched in `touched` when given. */
export function accumulateDots(vector: SparseVector, postings: TermPostings, dots: Float64Array, touched: Touched | null = null): void {
  const {start, sections, weights} = postings
  const terms = start.length - 1
  const {ids, weights: values} = vector
  let k = 0
  if (touched !== null)
    for (; k < ids.length && !touched.many; k++) {
      const id = ids[k]!
      if (id >= terms) continue
      const weight = values[k]!
      const end = start[id + 1]!
      for (let p = start[id]!; p < end; p++) {
        const j = sections[p]!
        // Weights are positive: a section's first term leaves its sum above 0.
        if (dots[j] === 0) touch(touched, j)
        dots[j]! += weight * weights[p]!
      }
      countReads(touched, end - start[id]!)
    }
  // Where nearly all reads happen (over 98% on the bench pair): sums only.
  for (; k < ids.length; k++) {
    const id = ids[k]!
    if (id >= terms) continue
    const weight = values[k]!
    const end = start[id + 1]!
    for (let p = start[id]!; p < end; p++) dots[sections[p]!]! += weight * weights[p]!
  }
}

/** Count the keys each posted section shares into `shared`, listing the sections touched in `touched` when given. */
function accumulateShared(keys: Set<string>, postings: Map<string, number[]>, shared: Int32Array, touched: Touched | null = null): void {
  for (const key of keys) {
    const posting = postings.get(key)
    if (!posting) continue
    if (touched !== null && !touched.many) {
      for (let p = 0; p < posting.length; p++) {
        const j = posting[p]!
        if (shared[j]!++ === 0) touch(touched, j)
      }
      countReads(touched, posting.length)
    } else for (let p = 0; p < posting.length; p++) shared[posting[p]!]!++
  }
}

/**
 * Score every pair of `olds` × `news` that shares a content term or a title n-gram. Content and
 * subtree cosines and the title's n-gram and word overlaps are accumulated through inverted indexes,
 * so the cost follows the shared terms, not the number of pairs; pairs sharing nothing score 0 and
 * are never listed. Returns the pairs at or above `minSimilarity`.
 */
export function scoreCandidates(
  olds: readonly SectionProfile[],
  news: readonly SectionProfile[],
  minSimilarity: number,
  titleOf?: (profile: SectionProfile) => TitleKey
): Candidate[] {
  const titleA = olds.map((p) => (titleOf ? titleOf(p) : p.title))
  const titleB = news.map((p) => (titleOf ? titleOf(p) : p.title))
  // Few pairs (sections inside one aligned parent): scoring each pair directly costs less than
  // building indexes over the whole term space. Same formulas (sums in another order, so the
  // last bits of a similarity may differ; nothing compares them that finely).
  if (olds.length * news.length <= directPairs && directCost(olds, news) <= directBudget) {
    const out: Candidate[] = []
    for (const [i, a] of olds.entries())
      news.forEach((b, j) => {
        const title = titleSimilarity(titleA[i]!, titleB[j]!)
        const ownCosine = cosine(a.own, b.own)
        // The pairs the indexes would list: a shared content term or title n-gram, or both empty.
        if (ownCosine === 0 && !sharesAny(titleA[i]!.grams, titleB[j]!.grams) && (a.own.ids.length > 0 || b.own.ids.length > 0)) return
        const similarity = pairSimilarity(a, b, {ownCosine, title}, [titleA[i]!, titleB[j]!])
        if (similarity >= minSimilarity) out.push({oldIndex: i, newIndex: j, similarity})
      })
    return out
  }
  const own = termPostings(news.map((p) => p.own))
  // A section without text of its own (a chapter that goes straight into its sections) has one
  // vector for both, so its subtree dot product with another such is its own one: those pairs are
  // not summed twice. The other subtrees get postings of their own.
  const sameVector = news.map((p) => p.children.length > 0 && p.tree === p.own)
  const tree = termPostings(news.map((p, j) => (p.children.length > 0 && !sameVector[j] ? p.tree : null)))
  const sharedTree = sameVector.some(Boolean) ? termPostings(news.map((p, j) => (sameVector[j] ? p.tree : null))) : null
  const grams = stringPostings(titleB.map((t) => t.grams))
  const tokens = stringPostings(titleB.map((t) => t.tokens))
  const ownDots = new Float64Array(news.length)
  const treeDots = new Float64Array(news.length)
  const sharedGrams = new Int32Array(news.length)
  const sharedTokens = new Int32Array(news.length)
  const out: Candidate[] = []
  const emptyNews = news.flatMap((profile, j) => (profile.own.ids.length === 0 ? [j] : []))
  const dice = (shared: number, x: number, y: number): number => (x + y === 0 ? 0 : (2 * shared) / (x + y))
  // The pairs listed for an old section: those sharing a content term or a title n-gram. They are
  // gathered as the sums are made (or scanned for once they are many, see Touched), so an old
  // section costs what it shares, not the number of new sections (two large editions with little
  // in common would otherwise cost their product).
  const touched: Touched = {marked: new Uint8Array(news.length), list: [], reads: 0, many: false}
  for (let i = 0; i < olds.length; i++) {
    const a = olds[i]!
    accumulateDots(a.own, own, ownDots, touched)
    if (a.children.length > 0) {
      accumulateDots(a.tree, tree, treeDots)
      if (sharedTree !== null) {
        if (a.tree !== a.own) accumulateDots(a.tree, sharedTree, treeDots)
        else for (let j = 0; j < news.length; j++) if (sameVector[j]) treeDots[j] = ownDots[j]!
      }
    }
    const ta = titleA[i]!
    // A shared word is in a shared n-gram too (the one with the space before it), so words list no other section.
    accumulateShared(ta.grams, grams, sharedGrams, touched)
    accumulateShared(ta.tokens, tokens, sharedTokens)
    // Empty sections share no term with anything; they can still pair with each other.
    if (a.own.ids.length === 0) for (const j of emptyNews) touch(touched, j)
    const listed = inOrder(touched, ownDots, sharedGrams)
    for (const j of listed) {
      const b = news[j]!
      const tb = titleB[j]!
      // Same formula as titleSimilarity, from the shared counts.
      const bothTitled = ta.text !== '' && tb.text !== ''
      const title = !bothTitled
        ? 0
        : ta.text === tb.text
          ? 1
          : (dice(sharedTokens[j]!, ta.tokens.size, tb.tokens.size) + dice(sharedGrams[j]!, ta.grams.size, tb.grams.size)) / 2
      const similarity = similarityOf(a, b, title, bothTitled, Math.min(1, ownDots[j]!), Math.min(1, treeDots[j]!))
      if (similarity >= minSimilarity) out.push({oldIndex: i, newIndex: j, similarity})
    }
    for (const j of listed) {
      ownDots[j] = 0
      sharedGrams[j] = 0
      sharedTokens[j] = 0
      touched.marked[j] = 0
    }
    listed.length = 0
    touched.reads = 0
    touched.many = false
    if (a.children.length > 0) treeDots.fill(0)
  }
  return out
}
