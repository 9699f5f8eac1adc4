/** Elements in one chunk of each kind; longer arrays are allocated on their own. */
const chunkLength = 1 << 16

/**
 * Typed arrays carved out of large zero-filled chunks. Profiling two editions makes some ten
 * thousand small typed arrays (a paragraph's word ids, a section's counts and vector), and each
 * `new Int32Array(n)` costs microseconds, as much as a few hundred multiply-adds; a view of a chunk
 * costs a tenth of that. Nothing is ever freed or reused, so every array handed out is zeros until
 * its taker writes it; a chunk lives as long as any view of it.
 */
export class TypedArena {
  private ints = new Int32Array(0)
  private intsAt = 0
  private floats = new Float64Array(0)
  private floatsAt = 0

  /** `length` zeros. */
  int32(length: number): Int32Array {
    if (length > chunkLength >> 2) return new Int32Array(length)
    if (this.intsAt + length > this.ints.length) {
      this.ints = new Int32Array(chunkLength)
      this.intsAt = 0
    }
    const view = this.ints.subarray(this.intsAt, this.intsAt + length)
    this.intsAt += length
    return view
  }

  /** `length` zeros. */
  float64(length: number): Float64Array {
    if (length > chunkLength >> 2) return new Float64Array(length)
    if (this.floatsAt + length > this.floats.length) {
      this.floats = new Float64Array(chunkLength)
      this.floatsAt = 0
    }
    const view = this.floats.subarray(this.floatsAt, this.floatsAt + length)
    this.floatsAt += length
    return view
  }

  /** A copy of `source[start, end)`. */
  copyInt32(source: Int32Array, start: number, end: number): Int32Array {
    const copy = this.int32(end - start)
    // A native block copy costs a fixed few hundred nanoseconds, then a fifth of a loop's per element.
    if (end - start > 64) copy.set(source.subarray(start, end))
    else for (let i = start; i < end; i++) copy[i - start] = source[i]!
    return copy
  }
}
