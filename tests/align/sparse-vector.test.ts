import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {cosine, sumVectors, type SparseVector} from '../../src/align/sparse-vector.js'

/** A normalised sparse vector of distinct ids below `bound`. */
const vectorOf = (bound: number) =>
  fc
    .uniqueArray(fc.tuple(fc.integer({min: 0, max: bound - 1}), fc.double({min: 0.01, max: 5, noNaN: true})), {
      selector: ([id]) => id,
      maxLength: 30
    })
    .map((pairs): SparseVector => {
      const norm = Math.sqrt(pairs.reduce((sum, [, w]) => sum + w * w, 0)) || 1
      return {
        ids: Int32Array.from(pairs.map(([id]) => id)),
        weights: Float64Array.from(pairs.map(([, w]) => w / norm)),
        bound: pairs.length === 0 ? 0 : Math.max(...pairs.map(([id]) => id)) + 1
      }
    })

const toMap = (v: SparseVector): Map<number, number> => new Map(Array.from(v.ids, (id, k) => [id, v.weights[k]!]))

function naiveCosine(a: SparseVector, b: SparseVector): number {
  const bm = toMap(b)
  let sum = 0
  for (const [id, w] of toMap(a)) sum += w * (bm.get(id) ?? 0)
  return Math.min(1, Math.max(0, sum))
}

describe('sparse vectors', () => {
  it('cosine is the dot product of the two, whatever the vectors before it left in the scratch space', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(vectorOf(200_000), vectorOf(300)), {minLength: 1, maxLength: 5}), (pairs) => {
        for (const [a, b] of pairs) {
          expect(cosine(a, b)).toBeCloseTo(naiveCosine(a, b), 12)
          expect(cosine(b, a)).toBeCloseTo(naiveCosine(a, b), 12)
        }
      })
    )
  })

  it('sumVectors is the normalised sum, and leaves the scratch space zero for cosine', () => {
    fc.assert(
      fc.property(fc.array(vectorOf(5000), {maxLength: 4}), vectorOf(5000), (vectors, probe) => {
        const sum = sumVectors(vectors)
        const expected = new Map<number, number>()
        for (const v of vectors) for (const [id, w] of toMap(v)) expected.set(id, (expected.get(id) ?? 0) + w)
        const norm = Math.sqrt([...expected.values()].reduce((s, w) => s + w * w, 0)) || 1
        expect(new Set(sum.ids).size).toBe(sum.ids.length)
        for (const [id, w] of toMap(sum)) expect(w).toBeCloseTo(expected.get(id)! / norm, 12)
        expect(sum.ids.length).toBe([...expected.values()].filter((w) => w !== 0).length)
        expect(cosine(probe, probe)).toBeCloseTo(probe.ids.length === 0 ? 0 : 1, 9)
      })
    )
  })
})
