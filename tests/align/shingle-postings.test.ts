import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {leastShared, sharedCounts, shinglePostings, shingleSlots} from '../../src/align/shingle-postings.js'

const terms = 200
// A section's shingles: distinct ids below `terms` (some sections have none: null).
const shingleList = fc.uniqueArray(fc.integer({min: 0, max: terms - 1}), {maxLength: 40}).map((ids) => Int32Array.from(ids))
const lists = fc.array(fc.option(shingleList, {nil: null}), {maxLength: 30})

describe('shinglePostings', () => {
  it('lists, for every shingle looked up, the targets holding it in target order, and nothing else', () => {
    fc.assert(
      fc.property(lists, fc.array(shingleList, {maxLength: 4}), (targets, wanted) => {
        const slots = shingleSlots(wanted, terms)
        const postings = shinglePostings(targets, slots)
        const looked = new Set(wanted.flatMap((ids) => [...ids]))
        expect(slots.size).toBe(looked.size)
        let total = 0
        for (let id = 0; id < terms; id++) {
          const slot = slots.of[id]!
          expect(slot === 0).toBe(!looked.has(id))
          if (slot === 0) continue
          const holders = targets.flatMap((list, j) => (list?.includes(id) ? [j] : []))
          expect([...postings.targets.subarray(postings.start[slot - 1], postings.start[slot])]).toEqual(holders)
          total += holders.length
        }
        expect(postings.targets.length).toBe(total)
      }),
      {numRuns: 200, seed: 20261128}
    )
  })

  it('grows past its first thousand hits', () => {
    const targets = Array.from({length: 50}, () => Int32Array.from({length: 100}, (_, k) => k))
    const postings = shinglePostings(targets, shingleSlots([Int32Array.from({length: 100}, (_, k) => k)], 100))
    expect(postings.targets.length).toBe(5000)
    expect([...postings.targets.subarray(postings.start[98], postings.start[99])]).toEqual(Array.from({length: 50}, (_, j) => j))
  })
})

describe('sharedCounts', () => {
  it('counts the looked-up shingles each target shares with a list, by first touch, leaving the scratch zero', () => {
    fc.assert(
      fc.property(lists, shingleList, (targets, from) => {
        const postings = shinglePostings(targets, shingleSlots([from], terms))
        const counts = new Int32Array(targets.length)
        const shared = sharedCounts(from, postings, counts)
        const expected = new Map<number, number>()
        targets.forEach((list, j) => {
          const n = list ? [...from].filter((id) => list.includes(id)).length : 0
          if (n > 0) expected.set(j, n)
        })
        expect(new Map([...shared].sort((a, b) => a[0] - b[0]))).toEqual(expected)
        expect(counts.every((n) => n === 0)).toBe(true)
      }),
      {numRuns: 200, seed: 20261128}
    )
  })
})

describe('sharedCounts with a least count', () => {
  it('gives exactly the targets sharing at least that many shingles, with their counts', () => {
    fc.assert(
      fc.property(lists, shingleList, fc.integer({min: 1, max: 8}), (targets, from, minShared) => {
        const postings = shinglePostings(targets, shingleSlots([from], terms))
        const counts = new Int32Array(targets.length)
        const shared = sharedCounts(from, postings, counts, minShared)
        const expected = new Map<number, number>()
        targets.forEach((list, j) => {
          const n = list ? [...from].filter((id) => list.includes(id)).length : 0
          if (n >= minShared) expected.set(j, n)
        })
        expect(new Map([...shared].sort((a, b) => a[0] - b[0]))).toEqual(expected)
        expect(counts.every((n) => n === 0)).toBe(true)
      }),
      {numRuns: 300, seed: 20261128}
    )
  })

  it('does not make a candidate of every section that repeats one common shingle', () => {
    // 1,000 targets all hold shingle 0; only target 7 also holds 1 and 2.
    const targets = Array.from({length: 1000}, (_, j) => Int32Array.from(j === 7 ? [0, 1, 2] : [0, 3 + (j % 50)]))
    const from = Int32Array.of(0, 1, 2)
    const postings = shinglePostings(targets, shingleSlots([from], 100))
    expect([...sharedCounts(from, postings, new Int32Array(1000), 2)]).toEqual([[7, 3]])
    expect(sharedCounts(from, postings, new Int32Array(1000)).size).toBe(1000)
  })
})

describe('leastShared', () => {
  it('is the least count whose share reaches the one asked for', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 500}), fc.double({min: 0, max: 1, noNaN: true}), (length, share) => {
        const least = leastShared(length, share)
        expect(least).toBeGreaterThanOrEqual(1)
        if (least <= length) expect(least / length).toBeGreaterThanOrEqual(share)
        if (least > 1) expect((least - 1) / length).toBeLessThan(share)
      }),
      {numRuns: 500, seed: 20261128}
    )
    expect([leastShared(10, 0.5), leastShared(3, 0.5), leastShared(7, 0.5)]).toEqual([5, 2, 4])
  })
})
