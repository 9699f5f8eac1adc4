import {describe, expect, it} from 'vitest'
import {corporaDir} from '../support/corpora.js'
import {loadCorpusPool, makeSyntheticPair, scoreAlignment} from '../support/synthetic-editions.js'
import {alignSections} from '../../src/align/align-sections.js'

// Seven chapters of eight sections: as many as the sentences of the copied corpora
// (tests/fixtures/corpora) fill without repeating one; bench/align.bench.ts builds larger pairs
// from the whole corpora.
const pool = loadCorpusPool(corporaDir)
const size = {chapters: 7}

describe('synthetic pairs with a known answer (20% renamed, moves, splits, merges, 30% paragraphs edited)', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}: pair F1 ≥ 0.99, added/removed F1 ≥ 0.95, flags ≥ 0.95`, () => {
      const pair = makeSyntheticPair({seed, ...size}, pool)
      expect(pair.expected.some((r) => r.kind === 'split')).toBe(true)
      expect(pair.expected.some((r) => r.kind === 'merged')).toBe(true)
      const score = scoreAlignment(alignSections(pair.old, pair.new).relations, pair.expected)
      expect(score.pairF1).toBeGreaterThanOrEqual(0.99)
      expect(score.addedRemovedF1).toBeGreaterThanOrEqual(0.95)
      expect(score.flagAccuracy).toBeGreaterThanOrEqual(0.95)
    })
  }

  it('a title-only matcher scores far lower on the same data (the test can fail)', () => {
    const pair = makeSyntheticPair({seed: 1, ...size}, pool)
    // Pair sections whose titles are equal, nothing else.
    const byTitle = new Map(
      pair.new.sections.flatMap(function walk(s): [string, string][] {
        return [[s.title, s.id], ...s.children.flatMap(walk)]
      })
    )
    const relations = pair.old.sections.flatMap(function walk(s): {kind: 'matched'; old: string[]; new: string[]; flags: []}[] {
      const b = byTitle.get(s.title)
      return [...(b ? [{kind: 'matched' as const, old: [s.id], new: [b], flags: [] as []}] : []), ...s.children.flatMap(walk)]
    })
    expect(scoreAlignment(relations, pair.expected).pairF1).toBeLessThan(0.95)
  })
})
