import {leastShared, sharedCounts, shinglePostings, shingleSlots} from './shingle-postings.js'
import type {SectionProfile} from './profile-sections.js'

/** Where most of a section's text stands in the other edition. */
export interface TextHome {
  /** Position of the section in the other edition's profiles. */
  target: number
  /** Share of the section's shingles (word bigrams) found in the target, 0..1. */
  share: number
}

interface Home extends TextHome {
  score: number
}

/**
 * `best`, or target `j` if it is a better home: `share` of the source's text is in it, and the
 * source makes up `reverse` of the target's text.
 */
function better(best: Home | null, j: number, share: number, reverse: number, minShare: number): Home | null {
  if (share < minShare || reverse < 0.05) return best
  const score = share + 0.25 * reverse
  return !best || score > best.score || (score === best.score && j < best.target) ? {target: j, share, score} : best
}

/**
 * For each of `sources` (sections left added or removed), the section of the other edition
 * (`targets`: all its profiles, in order, paired or not) that holds at least `minShare` of its
 * text, or null. A section is looked for in the targets' own texts, and one with sub-sections also
 * by subtree in targets that have sub-sections. The home is the target scoring best on share + ¼ ×
 * the share of the target's text the source makes up (ties: the first in document order), so a
 * section whose text a whole chapter holds is placed in the sub-section that holds it, as split
 * and merge detection weighs containers; a target whose text is more than twenty times the
 * source's is no home at all: that a paragraph stands somewhere in a long chapter tells the reader
 * nothing. Comparing B with A finds the same homes the other way round.
 *
 * The aligner leaves such a section unpaired when its text is a copy (a new policy repeating an
 * old one's instructions, which stay paired with their next version) or when its home was taken
 * by another relation: the reader still wants to know the text is not new.
 */
export function locateText(
  sources: readonly SectionProfile[],
  targets: readonly SectionProfile[],
  terms: number,
  minShare: number
): (TextHome | null)[] {
  const slots = shingleSlots(
    sources.flatMap((p) => (p.children.length > 0 ? [p.shingles, p.treeShingles] : [p.shingles])),
    terms
  )
  // Targets are indexed by their own texts only; a subtree's share is counted through its
  // sections (below), which costs far less than indexing every chapter's subtree as well.
  const own = shinglePostings(
    targets.map((p) => (p.contentWords > 0 ? p.shingles : null)),
    slots
  )
  const counts = new Int32Array(targets.length)
  const lastShingle = new Int32Array(targets.length).fill(-1)
  return sources.map((source) => {
    let best: Home | null = null
    // Two words are not a text: a short heading-like line would find a home anywhere.
    if (source.shingles.length >= 3)
      for (const [j, shared] of sharedCounts(source.shingles, own, counts, leastShared(source.shingles.length, minShare)))
        best = better(best, j, shared / source.shingles.length, shared / targets[j]!.shingles.length, minShare)
    const tree = source.treeShingles
    if (source.children.length > 0 && tree.length >= 3) {
      // A subtree holds a shingle when one of its sections holds it in its own text: each holder
      // counts for itself and its ancestors, once a shingle.
      const touched: number[] = []
      for (let k = 0; k < tree.length; k++) {
        const slot = slots.of[tree[k]!]!
        for (let p = own.start[slot - 1]!, end = own.start[slot]!; p < end; p++)
          for (let t = own.targets[p]!; t >= 0 && lastShingle[t] !== k; t = targets[t]!.parent) {
            lastShingle[t] = k
            if (counts[t]!++ === 0) touched.push(t)
          }
      }
      for (const t of touched) {
        if (targets[t]!.children.length > 0)
          best = better(best, t, counts[t]! / tree.length, counts[t]! / targets[t]!.treeShingles.length, minShare)
        counts[t] = 0
        lastShingle[t] = -1
      }
    }
    return best && {target: best.target, share: best.share}
  })
}
