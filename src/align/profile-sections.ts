import type {Edition, FlatSection} from '../model/edition.js'
import {blocksToText} from '../model/blocks-to-text.js'
import {toContentTerms} from './content-terms.js'
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
  /** Bigram shingles (term ids) of the own text, or of the subtree when the own text is empty. */
  shingles: Set<number>
  /** Bigram shingles (term ids) of the subtree. */
  treeShingles: Set<number>
}

/** Both editions' profiles; term weights use one IDF over the sections of both. */
export interface SectionProfiles {
  old: SectionProfile[]
  new: SectionProfile[]
}

const emptyVector: SparseVector = {ids: new Int32Array(0), weights: new Float64Array(0)}

interface Raw {
  flat: FlatSection
  parent: number
  children: number[]
  title: TitleKey
  text: string
  words: number
  ownCounts: Map<number, number>
  treeCounts: Map<number, number>
  ownShingles: Set<number>
  treeShingles: Set<number>
}

function collect(edition: Edition, dictionary: Map<string, number>): Raw[] {
  const flat = listAlignableSections(edition)
  const byId = new Map<string, number>()
  const raws: Raw[] = flat.map((entry, index) => {
    byId.set(entry.section.id, index)
    const text = blocksToText(entry.section.blocks)
    const terms = toContentTerms(text, edition.language)
    const ownCounts = new Map<number, number>()
    const termIds = terms.terms.map((term) => {
      let id = dictionary.get(term)
      if (id === undefined) {
        id = dictionary.size
        dictionary.set(term, id)
      }
      ownCounts.set(id, (ownCounts.get(id) ?? 0) + 1)
      return id
    })
    const ownShingles = new Set(terms.shingles.map((i) => termIds[i]!))
    return {
      flat: entry,
      parent: entry.parentId === null ? -1 : (byId.get(entry.parentId) ?? -1),
      children: [],
      title: toTitleKey(entry.section.title, edition.language),
      text: text.replace(/\s+/g, ' ').trim(),
      words: terms.words.length,
      ownCounts,
      treeCounts: ownCounts,
      ownShingles,
      treeShingles: ownShingles
    }
  })
  for (const [index, raw] of raws.entries()) if (raw.parent >= 0) raws[raw.parent]!.children.push(index)
  // Children follow their parent in document order, so one backward sweep builds every subtree.
  for (let index = raws.length - 1; index >= 0; index--) {
    const raw = raws[index]!
    if (raw.children.length === 0) continue
    const counts = new Map(raw.ownCounts)
    const shingles = new Set(raw.ownShingles)
    for (const child of raw.children) {
      for (const [id, count] of raws[child]!.treeCounts) counts.set(id, (counts.get(id) ?? 0) + count)
      for (const shingle of raws[child]!.treeShingles) shingles.add(shingle)
    }
    raw.treeCounts = counts
    raw.treeShingles = shingles
  }
  return raws
}

function toVector(counts: Map<number, number>, idf: Float64Array): SparseVector {
  const entries: [number, number][] = []
  let norm = 0
  for (const [id, count] of counts) {
    const weight = idf[id]!
    if (weight === 0) continue
    const value = (1 + Math.log(count)) * weight
    entries.push([id, value])
    norm += value * value
  }
  if (entries.length === 0) return emptyVector
  entries.sort((a, b) => a[0] - b[0])
  norm = Math.sqrt(norm)
  const ids = new Int32Array(entries.length)
  const weights = new Float64Array(entries.length)
  entries.forEach(([id, value], i) => {
    ids[i] = id
    weights[i] = value / norm
  })
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
    const hasOwn = raw.ownCounts.size > 0
    const ownVector = hasOwn ? toVector(raw.ownCounts, idf) : emptyVector
    // A leaf's subtree is its own text: one vector serves both.
    const tree = raw.children.length === 0 ? ownVector : toVector(raw.treeCounts, idf)
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
      shingles: raw.ownShingles.size > 0 ? raw.ownShingles : raw.treeShingles,
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
  const dictionary = new Map<string, number>()
  const oldRaw = collect(old, dictionary)
  const newRaw = collect(next, dictionary)
  const df = new Int32Array(dictionary.size)
  let documents = 0
  for (const raw of [...oldRaw, ...newRaw]) {
    if (raw.ownCounts.size === 0) continue
    documents++
    for (const id of raw.ownCounts.keys()) df[id]!++
  }
  const idf = new Float64Array(dictionary.size)
  for (let id = 0; id < idf.length; id++) {
    const share = df[id]! / Math.max(1, documents)
    // Terms only found in subtrees of empty sections (df 0) still get the highest weight.
    idf[id] = documents >= 40 && share > 0.5 ? 0 : Math.log((1 + documents) / (1 + df[id]!)) + 1
  }
  return {old: finish(oldRaw, idf), new: finish(newRaw, idf)}
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
