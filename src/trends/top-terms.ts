/**
 * The most frequent terms and phrases of one edition.
 */
import type {TopTerm} from './trends-result.js'
import type {Vocabulary} from './index-edition.js'
import type {NgramCounts, NgramKeys} from './count-ngrams.js'
import {ngramText} from './count-ngrams.js'

/** Occurrences per 10,000 words, 2 decimals. */
export function per10k(count: number, words: number): number {
  return words > 0 ? Math.round((count / words) * 1_000_000) / 100 : 0
}

/**
 * The `top` most frequent n-grams of each length 1..`counts.length`: all unigrams first, then
 * bigrams, then trigrams; within a length by count, ties in code-point order of the text.
 */
export function topTerms(counts: NgramCounts, words: number, top: number, vocabulary: Vocabulary, keys: NgramKeys): TopTerm[] {
  const out: TopTerm[] = []
  counts.forEach((map, index) => {
    const n = index + 1
    if (map.size === 0 || top <= 0) return
    // Only entries at or above the top-th largest count can make the list: sort those alone.
    const values = [...map.values()].sort((a, b) => b - a)
    const floor = values[Math.min(top, values.length) - 1]!
    const candidates: TopTerm[] = []
    for (const [key, count] of map) {
      if (count >= floor) candidates.push({key: ngramText(key, n, vocabulary, keys), n, count, per10k: per10k(count, words)})
    }
    candidates.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    out.push(...candidates.slice(0, top))
  })
  return out
}
