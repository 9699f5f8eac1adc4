import type {Edition, FlatSection} from '../model/edition.js'
import {blockToText} from '../model/blocks-to-text.js'
import {ContentVocabulary} from './content-terms.js'
import {listAlignableSections} from './list-alignable-sections.js'
import {TypedArena} from './typed-arena.js'
import {emptyVector, type SparseVector, VectorScratch} from './sparse-vector.js'
import {toTitleKey, type TitleKey} from './title-similarity.js'

/** Everything the aligner needs to know about one section, computed once. */
export interface SectionProfile {
  flat: FlatSection
  /** Position in the edition's profile list (document order). */
  index: number
  /** Index of the parent, or -1 at the top. */
  parent: number
  children: number[]
  title: TitleKey
  /** The title repeats within the edition ("References", "How To Prevent"): it only pairs inside aligned ancestors. */
  generic: boolean
  /** Nearest ancestor whose title is not generic, or -1 (the edition itself). */
  anchor: number
  /** Own text, whitespace collapsed: equal texts mean "not modified". */
  text: string
  /** Content words in the own text (stop words excluded). */
  contentWords: number
  /** TF-IDF of the own text, or of the whole subtree when the own text is empty. */
  own: SparseVector
  /** TF-IDF of the own text plus every descendant's. */
  tree: SparseVector
  /** Distinct bigram shingles (term ids) of the own text, or of the subtree when the own text is empty. */
  shingles: Int32Array
  /** Distinct bigram shingles (term ids) of the subtree. */
  treeShingles: Int32Array
}

/** Both editions' profiles; term weights use one IDF over the sections of both. */
export interface SectionProfiles {
  old: SectionProfile[]
  new: SectionProfile[]
  /** Number of distinct term ids (every id in the vectors and shingles is below it). */
  terms: number
}

/** Term counts as parallel arrays. */
interface Counts {
  ids: Int32Array
  counts: Int32Array
}

/** A section tokenised and counted (see `editionTerms`). */
interface Raw {
  flat: FlatSection
  parent: number
  children: number[]
  title: TitleKey
  text: string
  /** Content words of the own text. */
  words: number
  /** Word ids of the own text, then the ids of its bigrams. */
  terms: Int32Array
  own: Counts
  tree: Counts
  ownShingles: Int32Array
  treeShingles: Int32Array
}

// White space other than a single plain space: what `\s+` → ' ' would change (with the ends).
const spaceToCollapse = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/

/** Whether `text` has no white space but single plain spaces between other characters. */
function isCollapsed(text: string): boolean {
  return !spaceToCollapse.test(text) && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32
}

/** `text` with every run of white space one space, trimmed (most paragraphs already are). */
function collapseSpace(text: string): string {
  return isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim()
}

/** A paragraph's word ids and whitespace-collapsed text. */
interface BlockTerms {
  words: Int32Array
  /** Ids of the bigrams inside the paragraph (`words.length - 1`), made on first use. */
  bigrams: Int32Array | null
  text: string
}

function joinTexts(blocks: BlockTerms[]): string {
  let text = ''
  for (const block of blocks) if (block.text !== '') text = text === '' ? block.text : `${text} ${block.text}`
  return text
}

const noCounts: Counts = {ids: new Int32Array(0), counts: new Int32Array(0)}

/**
 * The words of a section's `blocks`, then the bigrams of the words in a row (`terms`, carved out of
 * `scratch`), and the number of words. A recurring paragraph's inner bigrams are known (kept in
 * `arena` with the paragraph), only those across paragraph ends are looked up. Ids come out in the
 * same order as when every bigram is looked up (a paragraph's bigrams got theirs when it was first
 * read). (A function of its own, not a closure made anew with each alignment: V8 then keeps its
 * optimised code from one alignment to the next.)
 */
function sectionTerms(
  blocks: readonly BlockTerms[],
  vocabulary: ContentVocabulary,
  arena: TypedArena,
  scratch: TypedArena
): {terms: Int32Array; words: number} {
  let n = 0
  for (const block of blocks) n += block.words.length
  const terms = scratch.int32(n === 0 ? 0 : 2 * n - 1)
  let at = 0
  let next = n
  let last = -1
  for (const block of blocks) {
    const words = block.words
    if (words.length === 0) continue
    terms.set(words, at)
    at += words.length
    if (last !== -1) terms[next++] = vocabulary.bigram(last, words[0]!)
    let inner = block.bigrams
    if (inner === null) {
      inner = block.bigrams = arena.int32(words.length - 1)
      for (let i = 1; i < words.length; i++) inner[i - 1] = vocabulary.bigram(words[i - 1]!, words[i]!)
    }
    terms.set(inner, next)
    next += inner.length
    last = words[words.length - 1]!
  }
  return {terms, words: n}
}

/** The sections of `edition` with their word and bigram ids; counting waits until every id is known. */
function collect(edition: Edition, state: CacheState, scratch: TypedArena): Raw[] {
  const {vocabulary, arena} = state
  const flat = listAlignableSections(edition)
  const byId = new Map<string, number>()
  let cache = state.blocks.get(edition.language)
  if (!cache) state.blocks.set(edition.language, (cache = new Map()))
  let titles = state.titles.get(edition.language)
  if (!titles) state.titles.set(edition.language, (titles = new Map()))
  // Most titles recur too; a title key is never changed once made.
  const titleKey = (title: string): TitleKey => {
    let key = titles.get(title)
    if (!key) titles.set(title, (key = toTitleKey(title, edition.language)))
    return key
  }
  // Most paragraphs recur between editions (and some within one): each distinct paragraph is
  // tokenised once. Words never span the blank line between blocks, so a section's words are its
  // blocks' words in order, exactly as if its whole text were tokenised.
  const blockTerms = (text: string): BlockTerms => {
    let entry = cache.get(text)
    if (!entry)
      cache.set(text, (entry = {words: vocabulary.wordIds(text, edition.language, arena), bigrams: null, text: collapseSpace(text)}))
    return entry
  }
  const raws: Raw[] = flat.map((entry, index) => {
    byId.set(entry.section.id, index)
    const blocks = entry.section.blocks
      .map(blockToText)
      .filter((text) => text !== '')
      .map(blockTerms)
    const {terms, words: n} = sectionTerms(blocks, vocabulary, arena, scratch)
    return {
      flat: entry,
      parent: entry.parentId === null ? -1 : (byId.get(entry.parentId) ?? -1),
      children: [],
      title: titleKey(entry.section.title),
      text: joinTexts(blocks),
      words: n,
      terms,
      own: noCounts,
      tree: noCounts,
      ownShingles: noCounts.ids,
      treeShingles: noCounts.ids
    }
  })
  raws.forEach((raw, index) => {
    if (raw.parent >= 0) raws[raw.parent]!.children.push(index)
  })
  return raws
}

/**
 * The counts of the first `distinct` ids of `touched`, out of `sums` (cleared on the way). A function
 * of its own, not a closure made anew with each edition: V8 inlines the closure into `count`, and
 * the second edition's closure, another function, threw that code away (a deopt for a "wrong call
 * target", then a recompile, on every cold run).
 */
function takeCounts(touched: Int32Array, sums: Int32Array, distinct: number, arena: TypedArena): Counts {
  const ids = arena.int32(distinct)
  const counts = arena.int32(distinct)
  for (let i = 0; i < distinct; i++) {
    const id = touched[i]!
    ids[i] = id
    counts[i] = sums[id]!
    sums[id] = 0
  }
  return {ids, counts}
}

/**
 * Fill the own and subtree counts and shingles of `raws`. Dense scratch arrays over the `size` term
 * ids replace maps, and nothing is sorted: vectors are compared by scattering one into a dense
 * array ({@link cosine}), so their ids need no order (sorting them costs more than it saves).
 */
function count(raws: Raw[], size: number, arena: TypedArena): void {
  const sums = new Int32Array(size)
  const touched = new Int32Array(size)
  // Which ids are bigrams, and which sections hold a one-word text (whose shingle is its word) in
  // their subtree: a subtree's shingles are then its bigrams, read off its counts.
  const bigram = new Uint8Array(size)
  const wordShingle = new Uint8Array(raws.length)
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index]!
    const terms = raw.terms
    let distinct = 0
    for (let i = 0; i < raw.words; i++) if (sums[terms[i]!]!++ === 0) touched[distinct++] = terms[i]!
    const words = distinct
    for (let i = raw.words; i < terms.length; i++) if (sums[terms[i]!]!++ === 0) touched[distinct++] = terms[i]!
    // Words come before bigrams in `terms` and no bigram id is a word id, so the distinct ids
    // first met past the words are the distinct bigrams: the shingles. A one-word text has no
    // bigram; its word is its only shingle.
    if (raw.words === 1) {
      wordShingle[index] = 1
      raw.ownShingles = raw.treeShingles = arena.copyInt32(touched, 0, 1)
    } else {
      for (let k = words; k < distinct; k++) bigram[touched[k]!] = 1
      raw.ownShingles = raw.treeShingles = arena.copyInt32(touched, words, distinct)
    }
    raw.own = raw.tree = distinct === 0 ? noCounts : takeCounts(touched, sums, distinct, arena)
    // Counted: the term list is not needed again, and a cache may keep this section long.
    raw.terms = noCounts.ids
  }
  // Children follow their parent in document order, so one backward sweep builds every subtree.
  for (let index = raws.length - 1; index >= 0; index--) {
    const raw = raws[index]!
    if (raw.children.length === 0) continue
    let distinct = 0
    for (let c = -1; c < raw.children.length; c++) {
      const child = c < 0 ? index : raw.children[c]!
      wordShingle[index]! |= wordShingle[child]!
      const {ids, counts} = c < 0 ? raw.own : raws[child]!.tree
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!
        if (sums[id] === 0) touched[distinct++] = id
        sums[id]! += counts[i]!
      }
    }
    raw.tree = takeCounts(touched, sums, distinct, arena)
    distinct = 0
    if (wordShingle[index] === 0) {
      const ids = raw.tree.ids
      for (let i = 0; i < ids.length; i++) if (bigram[ids[i]!] === 1) touched[distinct++] = ids[i]!
      raw.treeShingles = arena.copyInt32(touched, 0, distinct)
      continue
    }
    for (let c = -1; c < raw.children.length; c++) {
      const ids = c < 0 ? raw.ownShingles : raws[raw.children[c]!]!.treeShingles
      for (let i = 0; i < ids.length; i++) if (sums[ids[i]!]!++ === 0) touched[distinct++] = ids[i]!
    }
    raw.treeShingles = takeCounts(touched, sums, distinct, arena).ids
  }
}

// 1 + log(tf) for the small counts nearly every term has.
const logTf = Float64Array.from({length: 256}, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)))

/** The TF-IDF vector of `counts`, its ids taken through `remap` (see `profileSections`; null: kept). */
function toVector(counts: Counts, idf: Float64Array, remap: Int32Array | null, arena: TypedArena, scratch: VectorScratch): SparseVector {
  const n = counts.ids.length
  let ids = arena.int32(n)
  let weights = arena.float64(n)
  let norm = 0
  let k = 0
  let bound = 0
  for (let i = 0; i < n; i++) {
    const id = remap === null ? counts.ids[i]! : remap[counts.ids[i]!]!
    const weight = idf[id]!
    if (weight === 0) continue
    if (id >= bound) bound = id + 1
    const tf = counts.counts[i]!
    const value = (tf < 256 ? logTf[tf]! : 1 + Math.log(tf)) * weight
    ids[k] = id
    weights[k++] = value
    norm += value * value
  }
  if (k === 0) return emptyVector
  // Terms in more than half of the sections weigh 0 and are left out; few sections hold any.
  if (k < n) {
    ids = ids.subarray(0, k)
    weights = weights.subarray(0, k)
  }
  norm = Math.sqrt(norm)
  for (let i = 0; i < k; i++) weights[i]! /= norm
  return {ids, weights, bound, scratch}
}

function remapped(ids: Int32Array, remap: Int32Array | null, arena: TypedArena): Int32Array {
  if (remap === null) return ids
  const out = arena.int32(ids.length)
  for (let i = 0; i < ids.length; i++) out[i] = remap[ids[i]!]!
  return out
}

function finish(raws: Raw[], idf: Float64Array, remap: Int32Array | null, arena: TypedArena, scratch: VectorScratch): SectionProfile[] {
  const titleCounts = new Map<string, number>()
  for (const raw of raws) titleCounts.set(raw.title.text, (titleCounts.get(raw.title.text) ?? 0) + 1)
  const profiles: SectionProfile[] = []
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index]!
    // An empty title (a heading that is only a number) says nothing either: such sections pair by content and place.
    const generic = raw.title.text === '' || (titleCounts.get(raw.title.text) ?? 0) > 1
    let anchor = raw.parent
    while (anchor >= 0 && profiles[anchor]!.generic) anchor = profiles[anchor]!.parent
    const hasOwn = raw.own.ids.length > 0
    const ownVector = hasOwn ? toVector(raw.own, idf, remap, arena, scratch) : emptyVector
    // A leaf's subtree is its own text: one vector serves both.
    const tree = raw.children.length === 0 ? ownVector : toVector(raw.tree, idf, remap, arena, scratch)
    const treeShingles = raw.treeShingles === raw.ownShingles ? null : remapped(raw.treeShingles, remap, arena)
    const ownShingles = remapped(raw.ownShingles, remap, arena)
    profiles.push({
      flat: raw.flat,
      index,
      parent: raw.parent,
      children: raw.children,
      title: raw.title,
      generic,
      anchor,
      text: raw.text,
      contentWords: raw.words,
      own: hasOwn ? ownVector : tree,
      tree,
      shingles: ownShingles.length > 0 ? ownShingles : (treeShingles ?? ownShingles),
      treeShingles: treeShingles ?? ownShingles
    })
  }
  return profiles
}

/**
 * Editions already tokenised and counted, to reuse between alignments: aligning a chain of editions
 * (2019→2020, 2020→2021, …) through one cache reads each edition once instead of twice. Editions are
 * known by identity and must not change while held. Make one with {@link createProfileCache}.
 */
export interface ProfileCache {
  /** Whether `edition` is held. */
  holds(edition: Edition): boolean
  /** Let go of `edition` (a chain drops each edition once past it, so memory stays that of two). */
  forget(edition: Edition): void
}

/** What a {@link ProfileCache} holds, out of its callers' sight. */
interface CacheState {
  vocabulary: ContentVocabulary
  /** Language → paragraph text → its terms. */
  blocks: Map<string, Map<string, BlockTerms>>
  /** Language → title → its key. */
  titles: Map<string, Map<string, TitleKey>>
  editions: WeakMap<Edition, Raw[]>
  /** The first editions tokenised, in order (see profileSections). */
  read: Edition[]
  /** Scratch of profileSections: vocabulary id → the pair's own id, or -1. */
  remap: Int32Array
  /** Where the small typed arrays of profiles come from. */
  arena: TypedArena
}

const cacheStates = new WeakMap<ProfileCache, CacheState>()

/** An empty {@link ProfileCache}. */
export function createProfileCache(): ProfileCache {
  const state: CacheState = {
    vocabulary: new ContentVocabulary(),
    blocks: new Map(),
    titles: new Map(),
    editions: new WeakMap(),
    read: [],
    remap: new Int32Array(0),
    arena: new TypedArena()
  }
  const cache: ProfileCache = {
    holds: (edition) => state.editions.has(edition),
    forget: (edition) => void state.editions.delete(edition)
  }
  cacheStates.set(cache, state)
  return cache
}

/** The sections of `edition` tokenised and counted: all of profiling that does not depend on the other edition. */
function editionTerms(edition: Edition, cache: CacheState): Raw[] {
  let raws = cache.editions.get(edition)
  if (!raws) {
    // Term lists live only until counted: they come from an arena of their own, so that the
    // cache's long-lived arrays do not keep their chunks alive along a chain of editions.
    raws = collect(edition, cache, new TypedArena())
    count(raws, cache.vocabulary.size, cache.arena)
    // Only the first two matter (see profileSections); a long chain need not hold every edition.
    if (cache.read.length < 3) cache.read.push(edition)
    cache.editions.set(edition, raws)
  }
  return raws
}

/**
 * The pair's own numbering of the terms of `sections`, in the order they are met: vocabulary id →
 * pair id in `remap` (cleared again with `used`).
 */
function renumber(sections: readonly Raw[], cache: CacheState): {remap: Int32Array; used: number[]} {
  if (cache.remap.length < cache.vocabulary.size) {
    const grown = new Int32Array(Math.max(cache.vocabulary.size, 2 * cache.remap.length)).fill(-1)
    grown.set(cache.remap)
    cache.remap = grown
  }
  const remap = cache.remap
  const used: number[] = []
  for (const raw of sections)
    for (let i = 0; i < raw.own.ids.length; i++) {
      const id = raw.own.ids[i]!
      if (remap[id] === -1) {
        remap[id] = used.length
        used.push(id)
      }
    }
  return {remap, used}
}

/**
 * Smoothed IDF of the `size` terms over the own texts of `sections` (ids through `remap` unless
 * null); 0 for a term in more than half of them (of at least 40).
 */
function inverseDocumentFrequencies(sections: readonly Raw[], remap: Int32Array | null, size: number): Float64Array {
  const df = new Int32Array(size)
  let documents = 0
  for (const raw of sections) {
    if (raw.own.ids.length === 0) continue
    documents++
    const ids = raw.own.ids
    if (remap === null) for (let i = 0; i < ids.length; i++) df[ids[i]!]!++
    else for (let i = 0; i < ids.length; i++) df[remap[ids[i]!]!]!++
  }
  // Every document frequency is at most `documents`: each value is computed once, not once a term.
  const byFrequency = Float64Array.from({length: documents + 1}, (_, frequency) => {
    const share = frequency / Math.max(1, documents)
    return documents >= 40 && share > 0.5 ? 0 : Math.log((1 + documents) / (1 + frequency)) + 1
  })
  const idf = new Float64Array(size)
  for (let id = 0; id < size; id++) idf[id] = byFrequency[df[id]!]!
  return idf
}

/**
 * Profile the sections of two editions for alignment. Term weights are TF (1 + log tf) times a
 * smoothed IDF over the own texts of all sections of both editions, so words every section uses
 * ("API", "security") weigh little and the words that make a section itself weigh much. Terms in
 * more than half of the sections (of at least 40) are dropped: they carry almost no weight and would
 * make candidate scoring quadratic. `cache` keeps the editions' tokenised sections for later calls.
 */
export function profileSections(old: Edition, next: Edition, given: ProfileCache = createProfileCache()): SectionProfiles {
  const cache = cacheStates.get(given)
  if (!cache) throw new TypeError('profileSections: the cache was not made by createProfileCache()')
  const oldRaw = editionTerms(old, cache)
  const newRaw = editionTerms(next, cache)
  const sections = [...oldRaw, ...newRaw]
  // A cache that read these two editions and nothing else numbered their terms from 0 in the
  // order they are met below (every id is some section's own term). Otherwise the pair's terms
  // are renumbered so: a cache shared along a chain of editions holds the words of all of them,
  // and every array indexed by term id downstream would be that large. (The loops live in
  // helpers of their own: V8 then optimises this function whole instead of around a hot loop.)
  const fresh = cache.read.length === (old === next ? 1 : 2) && cache.read[0] === old && cache.read.at(-1) === next
  const {remap, used} = fresh ? {remap: null, used: []} : renumber(sections, cache)
  const size = remap === null ? cache.vocabulary.size : used.length
  const idf = inverseDocumentFrequencies(sections, remap, size)
  // The vectors of one alignment share one scratch, as large as the pair's terms.
  const scratch = new VectorScratch()
  const profiles = {
    old: finish(oldRaw, idf, remap, cache.arena, scratch),
    new: finish(newRaw, idf, remap, cache.arena, scratch),
    terms: size
  }
  if (remap !== null) for (const id of used) remap[id] = -1
  return profiles
}
