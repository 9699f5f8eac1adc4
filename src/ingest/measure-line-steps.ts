/**
 * The baseline step of running text in each font size, measured on the page rather than scaled from
 * the body's: a guide sets its boxes at 9 pt on a 12 pt step and its prose at 11 pt on a 19.8 pt step
 * (180 % leading, msit-ai-impact p. 7), so the body's step scaled to 11 pt (14.7 pt) would split every
 * wrapped 11 pt sentence. A reader judges whether a line goes on by the spacing of that type elsewhere.
 */

/** What {@link measureLineSteps} reads of a line. */
export interface SteppedLine {
  page: number
  column: number
  size: number
  /** Baseline from the page top. */
  y: number
}

/** No paragraph is set with more leading than this (times its size): a wider step is space between blocks. */
const maxLeading = 2
/** A size's step is measured only when this many line pairs show it; fewer are headings' gaps, not a paragraph's. */
const minPairs = 3

/**
 * Per font size above `above`, the commonest baseline step (to the point) between a line and the next
 * one, of the same size on the same page and column, among steps a paragraph's leading allows; sizes
 * with fewer than {@link minPairs} such pairs are left out.
 */
export function measureLineSteps<T extends SteppedLine>(lines: readonly T[], above = 0): Map<number, number> {
  const counts = new Map<number, Map<number, number>>()
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!
    const b = lines[i]!
    if (a.size <= above || a.page !== b.page || a.column !== b.column || a.size !== b.size || b.y <= a.y || b.y - a.y > maxLeading * a.size)
      continue
    const steps = counts.get(a.size) ?? new Map<number, number>()
    const step = Math.round(b.y - a.y)
    steps.set(step, (steps.get(step) ?? 0) + 1)
    counts.set(a.size, steps)
  }
  const out = new Map<number, number>()
  for (const [size, steps] of counts) {
    const [step, count] = [...steps].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]!
    if (count >= minPairs) out.set(size, step)
  }
  return out
}
