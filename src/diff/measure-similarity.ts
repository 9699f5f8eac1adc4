/**
 * The similarity measures of Cohen, Malloy and Nguyen, *Lazy Prices* (2020), computed per matched
 * pair of sections and for whole editions.
 */
import type {Token} from '../text/tokenize.js'
import {isWord} from './diff-options.js'

/** Four similarities, each from 0 (nothing shared) to 1 (same words). */
export interface Measures {
  /** Cosine similarity of the two term-frequency vectors (terms lower-cased). */
  cosine: number
  /** Jaccard similarity of the two term sets: shared terms ÷ all terms. */
  jaccard: number
  /** 1 − word-level edit distance ÷ the longer text's word count. */
  edit: number
  /** 1 − changed words ÷ the average word count of the two texts ("simple" similarity). */
  simple: number
}

/** Term frequencies of texts (terms as strings or interned ids), kept as a bag so sections can be summed into editions. */
export type TermCounts = Map<string | number, number>

/** Add terms to `counts`: the words of `tokens` (lower-cased), or already interned term ids. */
export function addTerms(counts: TermCounts, terms: readonly Token[] | ArrayLike<number>): TermCounts {
  for (let i = 0; i < terms.length; i++) {
    const item = terms[i]!
    if (typeof item === 'number') {
      counts.set(item, (counts.get(item) ?? 0) + 1)
    } else if (isWord(item)) {
      const term = item.text.toLowerCase()
      counts.set(term, (counts.get(term) ?? 0) + 1)
    }
  }
  return counts
}

/** Word counts and the word-level edit distance between two texts, from their diff. */
export interface EditCounts {
  oldWords: number
  newWords: number
  /** Words substituted, inserted or deleted (a substitution counts once). */
  edits: number
}

const round = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000

/**
 * The four measures. Two empty texts are identical (all 1); an empty text and a non-empty one share
 * nothing (all 0). Values are rounded to 4 decimals so the JSON is stable and small.
 */
export function measureSimilarity(oldTerms: TermCounts, newTerms: TermCounts, counts: EditCounts): Measures {
  if (counts.oldWords === 0 && counts.newWords === 0) return {cosine: 1, jaccard: 1, edit: 1, simple: 1}
  if (counts.oldWords === 0 || counts.newWords === 0) return {cosine: 0, jaccard: 0, edit: 0, simple: 0}
  let dot = 0
  let oldNorm = 0
  let newNorm = 0
  let shared = 0
  for (const [term, count] of oldTerms) {
    oldNorm += count * count
    const other = newTerms.get(term)
    if (other !== undefined) {
      dot += count * other
      shared++
    }
  }
  for (const count of newTerms.values()) newNorm += count * count
  const union = oldTerms.size + newTerms.size - shared
  return {
    cosine: round(oldNorm && newNorm ? dot / Math.sqrt(oldNorm * newNorm) : 0),
    jaccard: round(union ? shared / union : 1),
    edit: round(1 - counts.edits / Math.max(counts.oldWords, counts.newWords)),
    simple: round(1 - counts.edits / ((counts.oldWords + counts.newWords) / 2))
  }
}
