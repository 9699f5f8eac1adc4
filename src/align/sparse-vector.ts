/**
 * Sparse TF-IDF vectors and the two operations the aligner runs on them millions of times: cosine
 * and sum. Both scatter one vector into a dense array indexed by term id, a {@link VectorScratch}
 * that the vectors of one vocabulary share (they carry it), so no caller keeps scratch space of its
 * own and no array outlives the alignments that use it.
 */

/** A dense array indexed by term id, grown on demand and all zero between calls. */
export class VectorScratch {
  private dense = new Float64Array(0)

  /** The array, at least `size` long and all zero; whoever writes it zeroes it again before returning. */
  take(size: number): Float64Array {
    if (size > this.dense.length) this.dense = new Float64Array(Math.max(size, 2 * this.dense.length))
    return this.dense
  }
}

/** A sparse TF-IDF vector, L2-normalised: distinct term ids (in no particular order), one weight each. */
export interface SparseVector {
  ids: Int32Array
  weights: Float64Array
  /** One more than the largest id (0 when empty): the size of an array indexed by these ids. */
  bound: number
  /** Scratch shared by the vectors of one vocabulary; absent on a vector made by hand (a call then makes its own). */
  scratch?: VectorScratch
}

/** The vector of a text without terms. */
export const emptyVector: SparseVector = {ids: new Int32Array(0), weights: new Float64Array(0), bound: 0}

/** The scratch of `vectors` (the first that carries one), or a new one. */
function scratchOf(vectors: readonly SparseVector[]): VectorScratch {
  for (const vector of vectors) if (vector.scratch) return vector.scratch
  return new VectorScratch()
}

/** Cosine of two normalised sparse vectors (their ids in any order). */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a]
  if (small.ids.length === 0) return 0
  const max = small.bound - 1
  const weights = scratchOf([small, large]).take(max + 1)
  for (let i = 0; i < small.ids.length; i++) weights[small.ids[i]!] = small.weights[i]!
  let sum = 0
  for (let j = 0; j < large.ids.length; j++) {
    const id = large.ids[j]!
    if (id <= max) sum += large.weights[j]! * weights[id]!
  }
  for (let i = 0; i < small.ids.length; i++) weights[small.ids[i]!] = 0
  return Math.min(1, Math.max(0, sum))
}

/** The normalised sum of `vectors`: the vector of their texts taken together (a split's parts, a merge's sources). */
export function sumVectors(vectors: readonly SparseVector[]): SparseVector {
  let size = 0
  let total = 0
  for (const vector of vectors) {
    size = Math.max(size, vector.bound)
    total += vector.ids.length
  }
  const scratch = scratchOf(vectors)
  const sums = scratch.take(size)
  const ids = new Int32Array(total)
  let n = 0
  for (const vector of vectors)
    for (let k = 0; k < vector.ids.length; k++) {
      const id = vector.ids[k]!
      if (sums[id] === 0) ids[n++] = id
      sums[id]! += vector.weights[k]!
    }
  const weights = new Float64Array(n)
  let norm = 0
  for (let k = 0; k < n; k++) {
    const weight = sums[ids[k]!]!
    weights[k] = weight
    norm += weight * weight
    sums[ids[k]!] = 0
  }
  norm = Math.sqrt(norm) || 1
  for (let k = 0; k < n; k++) weights[k]! /= norm
  return {ids: ids.subarray(0, n), weights, bound: size, scratch}
}
