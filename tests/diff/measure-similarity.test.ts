import {describe, expect, test} from 'vitest'
import {measureSimilarity, TermTally} from '../../src/diff/measure-similarity.js'
import {tokenize} from '../../src/text/tokenize.js'

/** The lower-cased words of `text` as ids, interned in `vocabulary`. */
function termIds(text: string, vocabulary: Map<string, number>): number[] {
  return tokenize(text, 'en')
    .filter((token) => token.kind === 'word' || token.kind === 'number')
    .map((token) => {
      const term = token.text.toLowerCase()
      if (!vocabulary.has(term)) vocabulary.set(term, vocabulary.size)
      return vocabulary.get(term)!
    })
}

/** A tally of `old` and `new`, terms interned in one vocabulary. */
function tally(old: string, neu: string): TermTally {
  const vocabulary = new Map<string, number>()
  const oldIds = termIds(old, vocabulary)
  const newIds = termIds(neu, vocabulary)
  const terms = new TermTally(vocabulary.size)
  terms.add('old', oldIds)
  terms.add('new', newIds)
  return terms
}

describe('measureSimilarity (Lazy Prices)', () => {
  test('identical texts are 1, disjoint ones 0', () => {
    expect(measureSimilarity(tally('a b c', 'a b c'), {oldWords: 3, newWords: 3, edits: 0})).toEqual({
      cosine: 1,
      jaccard: 1,
      edit: 1,
      simple: 1
    })
    expect(measureSimilarity(tally('a b', 'c d'), {oldWords: 2, newWords: 2, edits: 2})).toEqual({
      cosine: 0,
      jaccard: 0,
      edit: 0,
      simple: 0
    })
  })

  test('worked example', () => {
    // old: the cat sat (3 words), new: the cat sat down today (5 words); 2 words inserted.
    const result = measureSimilarity(tally('the cat sat', 'The cat sat down today'), {oldWords: 3, newWords: 5, edits: 2})
    expect(result.cosine).toBeCloseTo(3 / Math.sqrt(3 * 5), 4)
    expect(result.jaccard).toBeCloseTo(3 / 5, 4)
    expect(result.edit).toBeCloseTo(1 - 2 / 5, 4)
    expect(result.simple).toBeCloseTo(1 - 2 / 4, 4)
  })

  test('repeated terms weigh by their counts', () => {
    // old counts a:2 b:1, new a:1 b:2 → cosine (2 + 2) / (√5 · √5) = 0.8; both terms shared.
    const result = measureSimilarity(tally('a a b', 'a b b'), {oldWords: 3, newWords: 3, edits: 2})
    expect(result.cosine).toBe(0.8)
    expect(result.jaccard).toBe(1)
  })

  test('empty sides', () => {
    expect(measureSimilarity(new TermTally(0), {oldWords: 0, newWords: 0, edits: 0}).cosine).toBe(1)
    expect(measureSimilarity(tally('a', ''), {oldWords: 1, newWords: 0, edits: 1}).jaccard).toBe(0)
  })
})

describe('TermTally', () => {
  test('is empty again once cleared, and counts anew', () => {
    const terms = tally('a b c', 'c d')
    expect(terms.sums()).toEqual({dot: 1, oldNorm: 3, newNorm: 2, shared: 1, union: 4})
    terms.clear()
    expect(terms.sums()).toEqual({dot: 0, oldNorm: 0, newNorm: 0, shared: 0, union: 0})
    terms.add('old', [0, 0])
    terms.add('new', [0])
    expect(terms.sums()).toEqual({dot: 2, oldNorm: 4, newNorm: 1, shared: 1, union: 1})
  })
})
