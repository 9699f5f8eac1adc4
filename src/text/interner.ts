/**
 * Keys → dense ids, in order of first use: the one interner of wpdiff. Alignment numbers content
 * words and their bigrams with it, diffs number token keys and sequences, trends number tokens.
 * A key is a string (or a slice of a longer one, so a word already seen costs no string) or a pair
 * of int32s: two ids (a bigram), or the two hashes of `pair-table.ts` that a tokeniser computed
 * while it found a token's end.
 */
import {hashFirst, hashSecond, PairTable} from './pair-table.js'

/** Where ids come from; interners that share one give ids from one range (words and bigrams of one vocabulary). */
export interface IdCounter {
  size: number
}

export class Interner {
  private readonly table: PairTable
  /** `capacity`: slots to begin with, a power of two (the table grows as it fills). */
  constructor(
    private readonly counter: IdCounter = {size: 0},
    capacity = 1 << 12
  ) {
    this.table = new PairTable(capacity)
  }

  /** Number of ids given by this interner's counter (every id is below it). */
  get size(): number {
    return this.counter.size
  }

  /** The id of `text.slice(start, end)`, given one if new. */
  intern(text: string, start = 0, end = text.length): number {
    return this.internPair(hashFirst(text, start, end), hashSecond(text, start, end))
  }

  /** The id of `text.slice(start, end)`, or -1 when it has none yet. */
  find(text: string, start = 0, end = text.length): number {
    return this.table.get(hashFirst(text, start, end), hashSecond(text, start, end), -1)
  }

  /** The id of the key `(a, b)`, given one if new. */
  internPair(a: number, b: number): number {
    let id = this.table.get(a, b, -1)
    if (id === -1) this.table.set(a, b, (id = this.counter.size++))
    return id
  }

  /** The id of the key `(a, b)`, or -1. */
  findPair(a: number, b: number): number {
    return this.table.get(a, b, -1)
  }
}
