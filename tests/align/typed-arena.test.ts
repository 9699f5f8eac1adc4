import {describe, expect, it} from 'vitest'
import {TypedArena} from '../../src/align/typed-arena.js'

describe('TypedArena', () => {
  it('hands out zero-filled arrays of the asked length that never overlap', () => {
    const arena = new TypedArena()
    const arrays = Array.from({length: 3000}, (_, i) => arena.int32(1 + (i % 97)))
    arrays.forEach((array, i) => {
      expect(array.length).toBe(1 + (i % 97))
      expect(array.every((value) => value === 0)).toBe(true)
      array.fill(i + 1)
    })
    // Writing each array did not touch another.
    for (const [i, array] of arrays.entries()) expect(array.every((value) => value === i + 1)).toBe(true)
    const floats = Array.from({length: 2000}, (_, i) => arena.float64(1 + (i % 50)))
    for (const [i, array] of floats.entries()) array.fill(i + 0.5)
    for (const [i, array] of floats.entries()) expect(array.every((value) => value === i + 0.5)).toBe(true)
  })

  it('serves arrays longer than a chunk share on their own, and copies ranges', () => {
    const arena = new TypedArena()
    const big = arena.int32(100_000)
    expect(big.length).toBe(100_000)
    expect(big.byteOffset).toBe(0)
    expect(arena.int32(0).length).toBe(0)
    const source = Int32Array.from([5, 6, 7, 8, 9])
    const copy = arena.copyInt32(source, 1, 4)
    expect([...copy]).toEqual([6, 7, 8])
    source[2] = 0
    expect([...copy]).toEqual([6, 7, 8])
    // Long ranges are copied natively, short ones element by element: both give the same.
    const long = Int32Array.from({length: 1000}, (_, i) => i * 3)
    for (const [from, to] of [
      [10, 900],
      [0, 64],
      [5, 70]
    ] as const)
      expect([...arena.copyInt32(long, from, to)]).toEqual([...long.slice(from, to)])
  })
})
