/**
 * N-gram counts of an indexed edition, keyed by numbers built from vocabulary ids so that counting
 * 150,000-word editions stays in integer maps rather than string concatenation.
 *
 * Counted n-grams never cross a sentence end or a punctuation mark, and start and end with a
 * content word (not a stop word, not a bare number): "freedom of navigation" counts, "of the" does not.
 */
import type {EditionIndex, Vocabulary} from './index-edition.js'
import {joinTokens} from './index-edition.js'

// Ids fit in 21 bits (2,097,152 distinct tokens per run), so a bigram is one safe integer.
const idBits = 2 ** 21

/** Keys of bigrams seen in a run: a trigram is (bigram number, third id), again one safe integer. */
export interface NgramKeys {
  bigrams: Map<number, number>
  /** `bigramKeys[number]` is the bigram's key. */
  bigramKeys: number[]
}

/** A fresh key table to share between the editions of one run. */
export function createNgramKeys(): NgramKeys {
  return {bigrams: new Map(), bigramKeys: []}
}

/** Counts per n-gram key; `counts[n - 1]` holds the n-grams of length n. */
export type NgramCounts = Array<Map<number, number>>

function bigramNumber(keys: NgramKeys, key: number): number {
  let number = keys.bigrams.get(key)
  if (number === undefined) {
    number = keys.bigramKeys.length
    keys.bigrams.set(key, number)
    keys.bigramKeys.push(key)
  }
  return number
}

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
  if (n === 2) return vocabulary.content[second] === 1 ? first * idBits + second : -1
  const third = ids[at + 2] ?? -1
  if (third < 0 || vocabulary.content[third] !== 1) return -1
  return bigramNumber(keys, first * idBits + second) * idBits + third
}

/** Count the n-grams of length 1..`maxN` of `index`. */
export function countNgrams(index: EditionIndex, maxN: number, vocabulary: Vocabulary, keys: NgramKeys): NgramCounts {
  if (vocabulary.words.length >= idBits) throw new Error('trends: more than 2,097,152 distinct words in one run; count fewer editions at a time')
  const counts: NgramCounts = []
  const ids = index.ids
  for (let n = 1; n <= maxN; n++) {
    const map = new Map<number, number>()
    for (let at = 0; at + n <= ids.length; at++) {
      const key = ngramKey(ids, at, n, vocabulary, keys)
      if (key < 0) continue
      map.set(key, (map.get(key) ?? 0) + 1)
    }
    counts.push(map)
  }
  return counts
}

/** The text of an n-gram key, tokens joined as in the match text (`korean peninsula`, `社会主义`). */
export function ngramText(key: number, n: number, vocabulary: Vocabulary, keys: NgramKeys): string {
  const ids: number[] = []
  let rest = key
  if (n === 3) {
    ids.unshift(rest % idBits)
    rest = keys.bigramKeys[Math.floor(rest / idBits)]!
  }
  if (n >= 2) {
    ids.unshift(rest % idBits)
    rest = Math.floor(rest / idBits)
  }
  ids.unshift(rest)
  return joinTokens(ids.map((id) => vocabulary.words[id]!))
}
