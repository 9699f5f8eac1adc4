/**
 * Interning without strings: a key is a pair of independent 32-bit hashes of its code units (64
 * bits, so distinct keys never share one in practice), and {@link PairTable} maps such pairs to
 * ids. Both hashes are fed one code unit at a time, so a tokeniser can hash a word while it finds
 * its end, and no string is made for it.
 */

export const firstSeed = 0x811c9dc5
export const secondSeed = 0x2545f491

export function mixFirst(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193)
}

export function mixSecond(h: number, code: number): number {
  h = Math.imul(h ^ code, 0x5bd1e995)
  return h ^ (h >>> 15)
}

/** The second hash's last step: its length mixed in (the first hash leaves it out). */
export function endSecond(h: number, length: number): number {
  return Math.imul(h ^ length, 0x27d4eb2d)
}

export function hashFirst(text: string, start: number, end: number): number {
  let h = firstSeed
  for (let i = start; i < end; i++) h = mixFirst(h, text.charCodeAt(i))
  return h
}

export function hashSecond(text: string, start: number, end: number): number {
  let h = secondSeed
  for (let i = start; i < end; i++) h = mixSecond(h, text.charCodeAt(i))
  return endSecond(h, end - start)
}

/** Open addressing from a pair of int32 keys to an int32 value: interning without strings or boxed keys. */
export class PairTable {
  // One slot is four int32s, [used, a, b, value], so a probe reads one cache line, not four arrays.
  private slots: Int32Array
  private capacity: number
  private count = 0
  /** `capacity`: slots to begin with, a power of two (the table grows as it fills). */
  constructor(capacity = 1 << 16) {
    this.capacity = capacity
    this.slots = new Int32Array(4 * capacity)
  }
  /** The value of (a, b), or `missing`. */
  get(a: number, b: number, missing: number): number {
    const slots = this.slots
    const mask = this.capacity - 1
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask
    while (slots[slot << 2] !== 0) {
      const at = slot << 2
      if (slots[at + 1] === a && slots[at + 2] === b) return slots[at + 3]!
      slot = (slot + 1) & mask
    }
    return missing
  }
  set(a: number, b: number, value: number): void {
    if ((this.count + 1) * 2 > this.capacity) this.grow()
    const slots = this.slots
    const mask = this.capacity - 1
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask
    while (slots[slot << 2] !== 0 && !(slots[(slot << 2) + 1] === a && slots[(slot << 2) + 2] === b)) slot = (slot + 1) & mask
    const at = slot << 2
    if (slots[at] === 0) this.count++
    slots[at] = 1
    slots[at + 1] = a
    slots[at + 2] = b
    slots[at + 3] = value
  }
  private grow(): void {
    const old = this.slots
    // Fourfold: tables of large editions grow a long way, and each step rehashes every entry.
    this.capacity *= 4
    this.slots = new Int32Array(4 * this.capacity)
    this.count = 0
    for (let at = 0; at < old.length; at += 4) if (old[at] !== 0) this.set(old[at + 1]!, old[at + 2]!, old[at + 3]!)
  }
}
