/**
 * The similarity measures of Cohen, Malloy and Nguyen, *Lazy Prices* (2020), computed per matched
 * pair of sections and for whole editions.
 */
/** Four similarities, each from 0 (nothing shared) to 1 (same words). */
export interface Measures {
  /** Cosine similarity of the two term-frequency vectors (terms lower-cased). */
  cosine: number
  /** Jaccard similarity of the two term sets: shared terms ÷ all terms. */
  jaccard: number
  /** 1 − word-level edit distance ÷ the longer text's word count. */
  edit: number
  /** 1 − changed words ÷ the average word count of the two texts ("simple" similarity). */
  simple: number
}

/**
 * Term frequencies of an old and a new text, by interned term id (every id below `terms`), in
 * dense arrays: a diff measures hundreds of section pairs and their editions, and maps of counts
 * cost more than the counting. Add both texts' terms, measure, clear, and use it again.
 */
export class TermTally {
  readonly #counts: [Int32Array, Int32Array]
  readonly #touched: [number[], number[]] = [[], []]
  constructor(terms: number) {
    this.#counts = [new Int32Array(terms), new Int32Array(terms)]
  }

  /** Count the term ids `terms` on `side`. */
  add(side: 'old' | 'new', terms: ArrayLike<number>): void {
    const k = side === 'old' ? 0 : 1
    const counts = this.#counts[k]
    const touched = this.#touched[k]
    for (let i = 0; i < terms.length; i++) if (counts[terms[i]!]!++ === 0) touched.push(terms[i]!)
  }

  /** The measures' sums, all integers (so the order they are added in changes nothing). */
  sums(): {dot: number; oldNorm: number; newNorm: number; shared: number; union: number} {
    const [oldCounts, newCounts] = this.#counts
    const [oldTouched, newTouched] = this.#touched
    let dot = 0
    let oldNorm = 0
    let newNorm = 0
    let shared = 0
    for (const term of oldTouched) {
      const count = oldCounts[term]!
      oldNorm += count * count
      const other = newCounts[term]!
      if (other > 0) {
        dot += count * other
        shared++
      }
    }
    for (const term of newTouched) newNorm += newCounts[term]! * newCounts[term]!
    return {dot, oldNorm, newNorm, shared, union: oldTouched.length + newTouched.length - shared}
  }

  /** Forget every count. */
  clear(): void {
    for (let k = 0; k < 2; k++) {
      for (const term of this.#touched[k]!) this.#counts[k]![term] = 0
      this.#touched[k]!.length = 0
    }
  }
}

/** Word counts and the word-level edit distance between two texts, from their diff. */
export interface EditCounts {
  oldWords: number
  newWords: number
  /** Words substituted, inserted or deleted (a substitution counts once). */
  edits: number
}

const round = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000

/**
 * The four measures of the texts counted in `terms`. Two empty texts are identical (all 1); an empty text and a non-empty one share
 * nothing (all 0). Values are rounded to 4 decimals so the JSON is stable and small.
 */
export function measureSimilarity(terms: TermTally, counts: EditCounts): Measures {
  if (counts.oldWords === 0 && counts.newWords === 0) return {cosine: 1, jaccard: 1, edit: 1, simple: 1}
  if (counts.oldWords === 0 || counts.newWords === 0) return {cosine: 0, jaccard: 0, edit: 0, simple: 0}
  const {dot, oldNorm, newNorm, shared, union} = terms.sums()
  return {
    cosine: round(oldNorm && newNorm ? dot / Math.sqrt(oldNorm * newNorm) : 0),
    jaccard: round(union ? shared / union : 1),
    edit: round(1 - counts.edits / Math.max(counts.oldWords, counts.newWords)),
    simple: round(1 - counts.edits / ((counts.oldWords + counts.newWords) / 2))
  }
}
