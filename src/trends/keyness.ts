/**
 * Keyness statistics for one term between two editions (a 2×2 contingency table: the term and all
 * other words, in the older and the newer edition).
 */

/** How G² is corrected for small counts. */
export type KeynessCorrection = 'yates' | 'williams' | 'none'

/** Counts of a term and sizes of the two editions. */
export interface KeynessCounts {
  /** Occurrences in the older edition. */
  oldCount: number
  /** Occurrences in the newer edition. */
  newCount: number
  /** Words in the older edition (> 0). */
  oldWords: number
  /** Words in the newer edition (> 0). */
  newWords: number
}

/** G² and its effect size. */
export interface Keyness {
  /** Signed log-likelihood G²: positive when the term is relatively more frequent in the newer edition. */
  g2: number
  /** log2 of the ratio of relative frequencies, newer over older; a zero count is taken as 0.5. */
  logRatio: number
}

const xlnx = (observed: number, expected: number): number => (observed > 0 ? observed * Math.log(observed / expected) : 0)

/**
 * Dunning's log-likelihood G² over the full 2×2 table, signed by direction, with the log ratio.
 *
 * `yates` (the default) moves every observed cell half a unit towards its expected value before the
 * sum — the usual continuity correction for 2×2 tables, which matters here because most terms of a
 * policy document occur a handful of times, and a term going from 0 to 1 should not look significant.
 * When the observed and expected values are closer than half a unit the table is taken as exactly
 * expected (G² = 0). `williams` divides G² by Williams' q instead; `none` is Dunning's plain G².
 */
export function keyness(counts: KeynessCounts, correction: KeynessCorrection = 'yates'): Keyness {
  const {oldCount: a, newCount: b, oldWords, newWords} = counts
  const c = oldWords - a
  const d = newWords - b
  const n = oldWords + newWords
  const termTotal = a + b
  const restTotal = c + d
  // Expected counts under "same relative frequency in both editions".
  const ea = (termTotal * oldWords) / n
  const eb = (termTotal * newWords) / n
  const ec = (restTotal * oldWords) / n
  const ed = (restTotal * newWords) / n
  const rising = b / newWords > a / oldWords
  let g2: number
  if (correction === 'yates') {
    // In a 2×2 table |O − E| is the same in all four cells.
    const gap = Math.abs(a - ea)
    if (gap <= 0.5) {
      g2 = 0
    } else {
      const shift = (observed: number, expected: number): number => (observed > expected ? observed - 0.5 : observed + 0.5)
      g2 = 2 * (xlnx(shift(a, ea), ea) + xlnx(shift(b, eb), eb) + xlnx(shift(c, ec), ec) + xlnx(shift(d, ed), ed))
    }
  } else {
    g2 = 2 * (xlnx(a, ea) + xlnx(b, eb) + xlnx(c, ec) + xlnx(d, ed))
    if (correction === 'williams' && a * b * c * d !== 0) {
      const q = 1 + ((n / termTotal + n / restTotal - 1) * (n / oldWords + n / newWords - 1)) / (6 * n)
      g2 /= q
    }
  }
  // Rounding can leave a tiny negative sum for identical frequencies.
  g2 = Math.max(0, g2)
  const logRatio = Math.log2(Math.max(b, 0.5) / newWords / (Math.max(a, 0.5) / oldWords))
  return {g2: rising || g2 === 0 ? g2 : -g2, logRatio}
}
