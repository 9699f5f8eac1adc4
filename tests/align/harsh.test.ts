import {describe, expect, it} from 'vitest'
import {toContentWords} from '../../src/align/content-terms.js'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {harshTruthAllLevels, makeHarshPair, scoreHarsh, type HarshScript} from '../support/harsh-editions.js'

describe('the harsh generator', () => {
  it('makes what it promises: two removed, two merges and one of three, two splits, two added, paragraphs moved, all renumbered', () => {
    const pair = makeHarshPair({seed: 7})
    expect(pair.truth.filter((t) => t.new.length === 0)).toHaveLength(2)
    expect(pair.truth.filter((t) => t.old.length === 0)).toHaveLength(2)
    expect(pair.truth.filter((t) => t.old.length === 2)).toHaveLength(2)
    expect(pair.truth.filter((t) => t.old.length === 3)).toHaveLength(1)
    expect(pair.truth.filter((t) => t.new.length === 2)).toHaveLength(2)
    expect(pair.moves.length).toBeGreaterThanOrEqual(2)
    expect(pair.old.sections.every((s) => /^A\d+:2017$/.test(s.numbering ?? ''))).toBe(true)
    expect(pair.next.sections.slice(1).every((s) => /^A\d\d:2021$/.test(s.numbering ?? ''))).toBe(true)
    // Every category has the same generic sub-sections.
    expect(new Set(pair.next.sections.slice(1).map((s) => s.children.map((c) => c.title).join('|'))).size).toBe(1)
  })

  // Floors the aligner meets today on these seeds (bench/eval-harsh.ts prints more seeds).
  for (const script of ['latin', 'hangul', 'kana'] as HarshScript[])
    it(`aligns ${script} pairs at category level with F1 ≥ 0.95`, () => {
      for (const seed of [1, 2]) {
        const pair = makeHarshPair({seed, script})
        const score = scoreHarsh(pair, compareEditions(pair.old, pair.next, {detail: 'blocks'}))
        expect(score.pairF1).toBeGreaterThanOrEqual(0.95)
        expect(score.addedF1).toBeGreaterThanOrEqual(0.95)
        expect(score.removedF1).toBeGreaterThanOrEqual(0.95)
        expect(score.movedRecall).toBeGreaterThanOrEqual(0.9)
      }
    })
})

describe('relations at every level on a harsh pair', () => {
  it('are right when not doubtful, sub-sections of merged categories merged too', () => {
    const pair = makeHarshPair({seed: 1, script: 'latin'})
    const result = compareEditions(pair.old, pair.next)
    const key = (old: string[], next: string[]) => `${[...old].sort().join()}→${[...next].sort().join()}`
    const truth = new Set(harshTruthAllLevels(pair).map((t) => key(t.old, t.new)))
    const undoubted = result.relations.filter((r) => !r.evidence!.doubtful)
    const wrong = undoubted
      .map((r) =>
        key(
          r.old.map((s) => s.id),
          r.new.map((s) => s.id)
        )
      )
      .filter((k) => !truth.has(k))
    expect(wrong).toEqual([])
    expect(undoubted.length).toBeGreaterThan(0.9 * result.relations.length)
    // A merge of two categories carries one merge of each generic sub-section title beneath it.
    const merges = result.relations.filter((r) => r.kind === 'merged')
    expect(merges.filter((r) => r.old.every((s) => s.level === 2))).toHaveLength(3 * merges.filter((r) => r.old[0]!.level === 1).length)
  })
})

describe('Korean content words', () => {
  it('are stems: a word with another particle is the same word', () => {
    expect(toContentWords('보안을 강화한다. 보안의 원칙', 'ko')).toEqual(toContentWords('보안 강화한다. 보안 원칙', 'ko'))
  })
})
