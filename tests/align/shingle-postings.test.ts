import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {sharedCounts, shinglePostings, shingleSlots} from '../../src/align/shingle-postings.js'

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
