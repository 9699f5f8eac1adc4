/**
 * N-gram counts of an indexed edition, keyed by small integer ids so that counting 150,000-word
 * editions stays in integer maps rather than string concatenation.
 *
 * Counted n-grams never cross a sentence end or a punctuation mark, and start and end with a
 * content word (not a stop word, not a bare number): "freedom of navigation" counts, "of the" does not.
 */
import type {EditionIndex, Vocabulary} from './index-edition.js'
import {joinTokens} from './index-edition.js'

/**
 * Dense ids of the bigrams and trigrams seen in a run. Every n-gram key is a small integer (a
 * unigram is its token id, a bigram or trigram an id of its own), so counts live in maps keyed by
 * small integers rather than 42-bit numbers that V8 would box on every lookup.
 */
export interface NgramKeys {
  /** (first token, second token) → bigram id; a bigram's middle may be a stop word inside a trigram. */
  bigrams: PairTable
  /** (bigram id, third token) → trigram id. */
  trigrams: PairTable
}

/**
 * An interning table of integer pairs: open addressing over typed arrays, ids dense from 0 in order
 * of first sight (so the same run gives the same ids).
 */
export class PairTable {
  /** `first[id]`, `second[id]`: the pair with that id. */
  first = new Int32Array(1024)
  second = new Int32Array(1024)
  size = 0
  private slots = new Int32Array(2048).fill(-1)
  private mask = 2047

  /** Id of the pair (a, b), made when new. */
  intern(a: number, b: number): number {
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask
    for (;;) {
      const id = this.slots[slot]!
      if (id === -1) break
      if (this.first[id] === a && this.second[id] === b) return id
      slot = (slot + 1) & this.mask
    }
    const id = this.size++
    if (id === this.first.length) {
      const first = new Int32Array(id * 2)
      first.set(this.first)
      this.first = first
      const second = new Int32Array(id * 2)
      second.set(this.second)
      this.second = second
    }
    this.first[id] = a
    this.second[id] = b
    this.slots[slot] = id
    if (this.size * 2 > this.mask) this.grow()
    return id
  }

  private grow(): void {
    this.mask = this.mask * 2 + 1
    this.slots = new Int32Array(this.mask + 1).fill(-1)
    for (let id = 0; id < this.size; id++) {
      let slot = (Math.imul(this.first[id]!, 0x9e3779b1) ^ Math.imul(this.second[id]!, 0x85ebca6b)) & this.mask
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask
      this.slots[slot] = id
    }
  }
}

/** A fresh key table to share between the editions of one run. */
export function createNgramKeys(): NgramKeys {
  return {bigrams: new PairTable(), trigrams: new PairTable()}
}

/** Counts per n-gram key; `counts[n - 1]` holds the n-grams of length n. */
export type NgramCounts = Array<Map<number, number>>

/**
 * Key of the n-gram starting at `at` (length 1–3), or -1 when it crosses a boundary or does not
 * start and end with a content word.
 */
export function ngramKey(ids: Int32Array, at: number, n: number, vocabulary: Vocabulary, keys: NgramKeys): number {
  const first = ids[at]!
  if (first < 0 || vocabulary.content[first] !== 1) return -1
  if (n === 1) return first
  const second = ids[at + 1] ?? -1
  if (second < 0) return -1
  if (n === 2) return vocabulary.content[second] === 1 ? keys.bigrams.intern(first, second) : -1
  const third = ids[at + 2] ?? -1
  if (third < 0 || vocabulary.content[third] !== 1) return -1
  return keys.trigrams.intern(keys.bigrams.intern(first, second), third)
}

/**
 * `keyed[n - 1][at]` is the key of the n-gram starting at token `at`, or -1 (see {@link ngramKey}):
 * computed once per edition, then read by counting, keyness evidence and new-language phrases.
 */
export type NgramPositions = Int32Array[]

/**
 * The keys of the n-grams of length 1..`maxN` at every position of `index`: {@link ngramKey} at
 * each, with pairs interned in the same order (all bigrams of the edition, then its trigrams) and a
 * trigram reusing the bigram key already found at its position.
 */
export function keyNgrams(index: EditionIndex, maxN: number, vocabulary: Vocabulary, keys: NgramKeys): NgramPositions {
  const ids = index.ids
  const length = ids.length
  const content = vocabulary.content
  const out: NgramPositions = []
  const unigrams = new Int32Array(length).fill(-1)
  for (let at = 0; at < length; at++) {
    const id = ids[at]!
    if (id >= 0 && content[id] === 1) unigrams[at] = id
  }
  out.push(unigrams)
  if (maxN < 2) return out
  const bigrams = new Int32Array(length).fill(-1)
  for (let at = 0; at + 1 < length; at++) {
    if (unigrams[at]! < 0) continue
    const second = ids[at + 1]!
    if (second >= 0 && content[second] === 1) bigrams[at] = keys.bigrams.intern(ids[at]!, second)
  }
  out.push(bigrams)
  if (maxN < 3) return out
  const trigrams = new Int32Array(length).fill(-1)
  for (let at = 0; at + 2 < length; at++) {
    if (unigrams[at]! < 0 || unigrams[at + 2]! < 0) continue
    const second = ids[at + 1]!
    if (second < 0) continue
    const pair = bigrams[at]! >= 0 ? bigrams[at]! : keys.bigrams.intern(ids[at]!, second)
    trigrams[at] = keys.trigrams.intern(pair, ids[at + 2]!)
  }
  out.push(trigrams)
  for (let n = 4; n <= maxN; n++) {
    const keyed = new Int32Array(length).fill(-1)
    for (let at = 0; at + n <= length; at++) keyed[at] = ngramKey(ids, at, n, vocabulary, keys)
    out.push(keyed)
  }
  return out
}

/**
 * Count the n-grams of length 1..`keyed.length` from their keys. Each map lists its keys in order
 * of first occurrence; counting goes through a dense array, keys being small and dense.
 */
export function countNgrams(keyed: NgramPositions): NgramCounts {
  return keyed.map((keys) => {
    let counts = new Int32Array(1 << 16)
    const order: number[] = []
    for (let at = 0; at < keys.length; at++) {
      const key = keys[at]!
      if (key < 0) continue
      if (key >= counts.length) {
        const grown = new Int32Array(Math.max(counts.length * 2, key + 1))
        grown.set(counts)
        counts = grown
      }
      if (counts[key]!++ === 0) order.push(key)
    }
    const map = new Map<number, number>()
    for (const key of order) map.set(key, counts[key]!)
    return map
  })
}

/** The token ids of an n-gram key. */
export function ngramIds(key: number, n: number, keys: NgramKeys): number[] {
  if (n === 1) return [key]
  if (n === 2) return [keys.bigrams.first[key]!, keys.bigrams.second[key]!]
  const bigram = keys.trigrams.first[key]!
  return [keys.bigrams.first[bigram]!, keys.bigrams.second[bigram]!, keys.trigrams.second[key]!]
}

/** The text of an n-gram key, tokens joined as in the match text (`korean peninsula`, `社会主义`). */
export function ngramText(key: number, n: number, vocabulary: Vocabulary, keys: NgramKeys): string {
  return joinTokens(ngramIds(key, n, keys).map((id) => vocabulary.words[id]!))
}
