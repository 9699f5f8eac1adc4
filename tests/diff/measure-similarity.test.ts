import {describe, expect, test} from 'vitest'
import {addTerms, measureSimilarity} from '../../src/diff/measure-similarity.js'
import {tokenize} from '../../src/text/tokenize.js'

const terms = (text: string) => addTerms(new Map(), tokenize(text, 'en'))

describe('measureSimilarity (Lazy Prices)', () => {
  test('identical texts are 1, disjoint ones 0', () => {
    expect(measureSimilarity(terms('a b c'), terms('a b c'), {oldWords: 3, newWords: 3, edits: 0})).toEqual({cosine: 1, jaccard: 1, edit: 1, simple: 1})
    expect(measureSimilarity(terms('a b'), terms('c d'), {oldWords: 2, newWords: 2, edits: 2})).toEqual({cosine: 0, jaccard: 0, edit: 0, simple: 0})
  })

  test('worked example', () => {
    // old: the cat sat (3 words), new: the cat sat down today (5 words); 2 words inserted.
    const result = measureSimilarity(terms('the cat sat'), terms('The cat sat down today'), {oldWords: 3, newWords: 5, edits: 2})
    expect(result.cosine).toBeCloseTo(3 / Math.sqrt(3 * 5), 4)
    expect(result.jaccard).toBeCloseTo(3 / 5, 4)
    expect(result.edit).toBeCloseTo(1 - 2 / 5, 4)
    expect(result.simple).toBeCloseTo(1 - 2 / 4, 4)
  })

  test('empty sides', () => {
    expect(measureSimilarity(new Map(), new Map(), {oldWords: 0, newWords: 0, edits: 0}).cosine).toBe(1)
    expect(measureSimilarity(terms('a'), new Map(), {oldWords: 1, newWords: 0, edits: 1}).jaccard).toBe(0)
  })
})
