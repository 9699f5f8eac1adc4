import type {Edition, FlatSection} from '../model/edition.js'
import {blockToText} from '../model/blocks-to-text.js'
import {toContentWords} from './content-terms.js'
import {listAlignableSections} from './list-alignable-sections.js'
import {toTitleKey, type TitleKey} from './title-similarity.js'

/** A sparse TF-IDF vector, L2-normalised: term ids ascending, one weight each. */
export interface SparseVector {
  ids: Int32Array
  weights: Float64Array
}

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
  /** Distinct bigram shingles (term ids, ascending) of the own text, or of the subtree when the own text is empty. */
  shingles: Int32Array
  /** Distinct bigram shingles (term ids, ascending) of the subtree. */
  treeShingles: Int32Array
}

/** Both editions' profiles; term weights use one IDF over the sections of both. */
export interface SectionProfiles {
  old: SectionProfile[]
  new: SectionProfile[]
  /** Number of distinct term ids (every id in the vectors and shingles is below it). */
  terms: number
}

const emptyVector: SparseVector = {ids: new Int32Array(0), weights: new Float64Array(0)}

/** Term counts as parallel arrays, ids ascending. */
interface Counts {
  ids: Int32Array
  counts: Int32Array
}

interface Raw {
  flat: FlatSection
  parent: number
  children: number[]
  title: TitleKey
  text: string
  words: number
  own: Counts
  tree: Counts
  ownShingles: Int32Array
  treeShingles: Int32Array
}

/**
 * Term ids shared by both editions: words by their text, bigrams by the ids of their two words (a
 * number key, so no bigram string is ever built). Ids are given in order of first use, unigrams of a
 * section before its bigrams.
 */
class Dictionary {
  size = 0
  private words = new Map<string, number>()
  // Bigrams in an open-addressing hash table keyed by the two word ids: no string, no boxed key.
  private firsts = new Int32Array(1 << 16).fill(-1)
  private seconds = new Int32Array(1 << 16)
  private values = new Int32Array(1 << 16)
  private bigramCount = 0
  word(word: string): number {
    let id = this.words.get(word)
    if (id === undefined) this.words.set(word, (id = this.size++))
    return id
  }
  bigram(first: number, second: number): number {
    const mask = this.firsts.length - 1
    let slot = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask
    while (this.firsts[slot] !== -1) {
      if (this.firsts[slot] === first && this.seconds[slot] === second) return this.values[slot]!
      slot = (slot + 1) & mask
    }
    const id = this.size++
    this.firsts[slot] = first
    this.seconds[slot] = second
    this.values[slot] = id
    if (++this.bigramCount * 2 > this.firsts.length) this.grow()
    return id
  }
  private grow(): void {
    const {firsts, seconds, values} = this
    this.firsts = new Int32Array(firsts.length * 2).fill(-1)
    this.seconds = new Int32Array(firsts.length * 2)
    this.values = new Int32Array(firsts.length * 2)
    const mask = this.firsts.length - 1
    for (let i = 0; i < firsts.length; i++) {
      if (firsts[i] === -1) continue
      let slot = (Math.imul(firsts[i]!, 0x9e3779b1) ^ Math.imul(seconds[i]!, 0x85ebca6b)) & mask
      while (this.firsts[slot] !== -1) slot = (slot + 1) & mask
      this.firsts[slot] = firsts[i]!
      this.seconds[slot] = seconds[i]!
      this.values[slot] = values[i]!
    }
  }
}

/** Distinct values of `values`, ascending, with how often each occurs. */
function countSorted(values: Int32Array): Counts {
  if (values.length === 0) return {ids: values, counts: new Int32Array(0)}
  const sorted = values.slice().sort()
  let distinct = 1
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++
  const ids = new Int32Array(distinct)
  const counts = new Int32Array(distinct)
  let k = 0
  ids[0] = sorted[0]!
  counts[0] = 1
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) counts[k]!++
    else {
      ids[++k] = sorted[i]!
      counts[k] = 1
    }
  }
  return {ids, counts}
}

function uniqueSorted(values: Int32Array): Int32Array {
  return countSorted(values).ids
}

/** A paragraph's word ids and whitespace-collapsed text. */
interface BlockTerms {
  words: Int32Array
  text: string
}

function collect(edition: Edition, dictionary: Dictionary, blockCache: Map<string, Map<string, BlockTerms>>): Raw[] {
  const flat = listAlignableSections(edition)
  const byId = new Map<string, number>()
  let cache = blockCache.get(edition.language)
  if (!cache) blockCache.set(edition.language, (cache = new Map()))
  // Most paragraphs recur between editions (and some within one): each distinct paragraph is
  // tokenised once. Words never span the blank line between blocks, so a section's words are its
  // blocks' words in order, exactly as if its whole text were tokenised.
  const blockTerms = (text: string): BlockTerms => {
    let entry = cache.get(text)
    if (!entry) {
      const words = toContentWords(text, edition.language)
      const ids = new Int32Array(words.length)
      for (let i = 0; i < words.length; i++) ids[i] = dictionary.word(words[i]!)
      cache.set(text, (entry = {words: ids, text: text.replace(/\s+/g, ' ').trim()}))
    }
    return entry
  }
  const raws: Raw[] = flat.map((entry, index) => {
    byId.set(entry.section.id, index)
    const blocks = entry.section.blocks.map(blockToText).filter((text) => text !== '').map(blockTerms)
    let n = 0
    for (const block of blocks) n += block.words.length
    const termIds = new Int32Array(n === 0 ? 0 : 2 * n - 1)
    let at = 0
    for (const block of blocks) {
      termIds.set(block.words, at)
      at += block.words.length
    }
    for (let i = 1; i < n; i++) termIds[n + i - 1] = dictionary.bigram(termIds[i - 1]!, termIds[i]!)
    const text = blocks.flatMap((block) => (block.text === '' ? [] : [block.text])).join(' ')
    const own = countSorted(termIds)
    // A one-word text has no bigram; its word is its only shingle.
    const ownShingles = n === 1 ? termIds : uniqueSorted(termIds.subarray(n))
    return {
      flat: entry,
      parent: entry.parentId === null ? -1 : (byId.get(entry.parentId) ?? -1),
      children: [],
      title: toTitleKey(entry.section.title, edition.language),
      text,
      words: n,
      own,
      tree: own,
      ownShingles,
      treeShingles: ownShingles
    }
  })
  for (const [index, raw] of raws.entries()) if (raw.parent >= 0) raws[raw.parent]!.children.push(index)
  // Children follow their parent in document order, so one backward sweep builds every subtree,
  // summing into dense scratch arrays (no maps) and listing the ids touched.
  const sums = new Int32Array(dictionary.size)
  const seen = new Uint8Array(dictionary.size)
  const touched = new Int32Array(dictionary.size)
  for (let index = raws.length - 1; index >= 0; index--) {
    const raw = raws[index]!
    if (raw.children.length === 0) continue
    let count = 0
    const addCounts = (c: Counts): void => {
      for (let i = 0; i < c.ids.length; i++) {
        const id = c.ids[i]!
        if (sums[id] === 0) touched[count++] = id
        sums[id]! += c.counts[i]!
      }
    }
    addCounts(raw.own)
    for (const child of raw.children) addCounts(raws[child]!.tree)
    const ids = touched.slice(0, count).sort()
    const counts = new Int32Array(count)
    for (let i = 0; i < count; i++) {
      counts[i] = sums[ids[i]!]!
      sums[ids[i]!] = 0
    }
    raw.tree = {ids, counts}
    let shingles = 0
    const addShingles = (list: Int32Array): void => {
      for (let i = 0; i < list.length; i++) {
        const id = list[i]!
        if (!seen[id]) {
          seen[id] = 1
          touched[shingles++] = id
        }
      }
    }
    addShingles(raw.ownShingles)
    for (const child of raw.children) addShingles(raws[child]!.treeShingles)
    const union = touched.slice(0, shingles).sort()
    for (let i = 0; i < shingles; i++) seen[union[i]!] = 0
    raw.treeShingles = union
  }
  return raws
}

function toVector(counts: Counts, idf: Float64Array): SparseVector {
  let kept = 0
  for (let i = 0; i < counts.ids.length; i++) if (idf[counts.ids[i]!] !== 0) kept++
  if (kept === 0) return emptyVector
  const ids = new Int32Array(kept)
  const weights = new Float64Array(kept)
  let norm = 0
  let k = 0
  for (let i = 0; i < counts.ids.length; i++) {
    const id = counts.ids[i]!
    const weight = idf[id]!
    if (weight === 0) continue
    const value = (1 + Math.log(counts.counts[i]!)) * weight
    ids[k] = id
    weights[k++] = value
    norm += value * value
  }
  norm = Math.sqrt(norm)
  for (let i = 0; i < kept; i++) weights[i]! /= norm
  return {ids, weights}
}

function finish(raws: Raw[], idf: Float64Array): SectionProfile[] {
  const titleCounts = new Map<string, number>()
  for (const raw of raws) titleCounts.set(raw.title.text, (titleCounts.get(raw.title.text) ?? 0) + 1)
  const profiles: SectionProfile[] = []
  for (const [index, raw] of raws.entries()) {
    // An empty title (a heading that is only a number) says nothing either: such sections pair by content and place.
    const generic = raw.title.text === '' || (titleCounts.get(raw.title.text) ?? 0) > 1
    let anchor = raw.parent
    while (anchor >= 0 && profiles[anchor]!.generic) anchor = profiles[anchor]!.parent
    const hasOwn = raw.own.ids.length > 0
    const ownVector = hasOwn ? toVector(raw.own, idf) : emptyVector
    // A leaf's subtree is its own text: one vector serves both.
    const tree = raw.children.length === 0 ? ownVector : toVector(raw.tree, idf)
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
      shingles: raw.ownShingles.length > 0 ? raw.ownShingles : raw.treeShingles,
      treeShingles: raw.treeShingles
    })
  }
  return profiles
}

/**
 * Profile the sections of two editions for alignment. Term weights are TF (1 + log tf) times a
 * smoothed IDF over the own texts of all sections of both editions, so words every section uses
 * ("API", "security") weigh little and the words that make a section itself weigh much. Terms in
 * more than half of the sections (of at least 40) are dropped: they carry almost no weight and would
 * make candidate scoring quadratic.
 */
export function profileSections(old: Edition, next: Edition): SectionProfiles {
  const dictionary = new Dictionary()
  const blockCache = new Map<string, Map<string, BlockTerms>>()
  const oldRaw = collect(old, dictionary, blockCache)
  const newRaw = collect(next, dictionary, blockCache)
  const df = new Int32Array(dictionary.size)
  let documents = 0
  for (const raw of [...oldRaw, ...newRaw]) {
    if (raw.own.ids.length === 0) continue
    documents++
    for (let i = 0; i < raw.own.ids.length; i++) df[raw.own.ids[i]!]!++
  }
  const idf = new Float64Array(dictionary.size)
  for (let id = 0; id < idf.length; id++) {
    const share = df[id]! / Math.max(1, documents)
    // Terms only found in subtrees of empty sections (df 0) still get the highest weight.
    idf[id] = documents >= 40 && share > 0.5 ? 0 : Math.log((1 + documents) / (1 + df[id]!)) + 1
  }
  return {old: finish(oldRaw, idf), new: finish(newRaw, idf), terms: dictionary.size}
}

/** Cosine of two normalised sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0
  let j = 0
  let sum = 0
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!
    const y = b.ids[j]!
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!
    else if (x < y) i++
    else j++
  }
  return Math.min(1, Math.max(0, sum))
}
