/**
 * Inverted indexes of word-bigram shingles, built for the few shingles that are looked up (those
 * of the sections left over by the alignment) over every section of the other edition.
 */

/** Dense numbers of the shingles looked up: `of[id]` is 0 for a shingle not looked up, else its number + 1. */
export interface ShingleSlots {
  of: Int32Array
  /** One bit per shingle id, set for those looked up: a thirty-second of `of`'s bytes, so it stays in cache while every target's shingles stream past. */
  bits: Int32Array
  /** How many shingles are looked up. */
  size: number
}

/** Number the distinct shingles of the `wanted` lists; every id is below `terms`. */
export function shingleSlots(wanted: Iterable<Int32Array>, terms: number): ShingleSlots {
  const of = new Int32Array(terms)
  const bits = new Int32Array((terms >>> 5) + 1)
  let size = 0
  for (const ids of wanted)
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!
      if (of[id] !== 0) continue
      of[id] = ++size
      bits[id >>> 5]! |= 1 << (id & 31)
    }
  return {of, bits, size}
}

/**
 * Shingle → targets holding it, for the shingles of `slots` only (CSR: the targets of the shingle
 * numbered k are `targets[start[k]]` to `targets[start[k + 1] - 1]`).
 */
export interface ShinglePostings {
  slots: ShingleSlots
  start: Int32Array
  targets: Int32Array
}

/**
 * The postings of `slots` over the targets' shingle `lists` (null: none), in one pass over them.
 * Arrays are as long as the shingles looked up and their hits, not as the two editions'
 * vocabulary: a few leftovers are looked up among a hundred thousand shingles.
 */
export function shinglePostings(lists: readonly (Int32Array | null)[], slots: ShingleSlots): ShinglePostings {
  const {of, bits, size} = slots
  let hitSlots = new Int32Array(1024)
  let hitTargets = new Int32Array(1024)
  let hits = 0
  for (let j = 0; j < lists.length; j++) {
    const list = lists[j]
    if (!list) continue
    for (let k = 0; k < list.length; k++) {
      const id = list[k]!
      if (((bits[id >>> 5]! >>> (id & 31)) & 1) === 0) continue
      if (hits === hitSlots.length) {
        const grownSlots = new Int32Array(2 * hits)
        grownSlots.set(hitSlots)
        hitSlots = grownSlots
        const grownTargets = new Int32Array(2 * hits)
        grownTargets.set(hitTargets)
        hitTargets = grownTargets
      }
      hitSlots[hits] = of[id]!
      hitTargets[hits++] = j
    }
  }
  // Counting sort of the hits by slot; targets stay in order within a slot.
  const start = new Int32Array(size + 1)
  for (let h = 0; h < hits; h++) start[hitSlots[h]!]!++
  for (let k = 1; k <= size; k++) start[k]! += start[k - 1]!
  const fill = start.slice(0, size)
  const targets = new Int32Array(hits)
  for (let h = 0; h < hits; h++) targets[fill[hitSlots[h]! - 1]!++] = hitTargets[h]!
  return {slots, start, targets}
}

/** The least count `s` of shared shingles with `s / length ≥ share`, as callers compare it (at least 1). */
export function leastShared(length: number, share: number): number {
  let least = Math.max(1, Math.ceil(share * length))
  while (least > 1 && (least - 1) / length >= share) least--
  while (least / length < share) least++
  return least
}

/**
 * Shingles `from` shares with each target that holds at least `minShared` of them (target → count;
 * targets below that may be left out), through `postings`. A target holding `minShared` of the
 * shingles holds one of the `held − minShared + 1` rarest (the pigeonhole principle), so only
 * their targets are candidates; the commoner shingles (a sentence every section repeats) then
 * only add to those, and their long postings are read without making a candidate of every section.
 */
export function sharedCounts(from: Int32Array, postings: ShinglePostings, counts: Int32Array, minShared = 1): Map<number, number> {
  const {slots, start, targets} = postings
  const of = slots.of
  const held: number[] = []
  for (let k = 0; k < from.length; k++) {
    const id = from[k]!
    const slot = id < of.length ? of[id]! : 0
    if (slot !== 0 && start[slot]! > start[slot - 1]!) held.push(slot)
  }
  const out = new Map<number, number>()
  if (held.length < minShared) return out
  if (minShared > 1) held.sort((x, y) => start[x]! - start[x - 1]! - (start[y]! - start[y - 1]!))
  const candidates = held.length - minShared + 1
  const touched: number[] = []
  for (let h = 0; h < held.length; h++) {
    const slot = held[h]!
    const end = start[slot]!
    if (h < candidates)
      for (let p = start[slot - 1]!; p < end; p++) {
        const j = targets[p]!
        if (counts[j]!++ === 0) touched.push(j)
      }
    else
      for (let p = start[slot - 1]!; p < end; p++) {
        const j = targets[p]!
        if (counts[j] !== 0) counts[j]!++
      }
  }
  for (const j of touched) {
    if (counts[j]! >= minShared) out.set(j, counts[j]!)
    counts[j] = 0
  }
  return out
}
