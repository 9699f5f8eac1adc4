/**
 * Paragraph alignment inside one relation: identical paragraphs first (longest common subsequence
 * of their exact keys, through jsdiff), then, in each stretch between two identical ones, the edited
 * paragraphs paired by word similarity keeping their order.
 */
import {diffArrays} from 'diff'
import type {ResolvedDiffOptions} from './diff-options.js'

/** What alignment needs of a paragraph. */
export interface AlignableBlock {
  /** Id of its exact-comparison key. */
  key: number
  /** Sorted distinct ids of its words. */
  wordIds: Int32Array
  partner: unknown
}

type Pair<T> = (old: T, item: T, match: 'equal' | 'changed', similarity: number) => void

// Above this many candidate pairs in one stretch the similarity table is not built: the stretch is
// then left to move detection, whose cost grows with the paragraphs, not with their product.
const maxPairsPerStretch = 250_000

/** Pair the paragraphs of one relation in place, calling `pair` for each match. */
export function alignBlocks<T extends AlignableBlock>(
  olds: readonly T[],
  news: readonly T[],
  options: ResolvedDiffOptions,
  pair: Pair<T>,
  similarity: (a: Int32Array, b: Int32Array) => number
): void {
  if (olds.length === 0 || news.length === 0) return
  const changes = diffArrays(
    olds.map((item) => item.key),
    news.map((item) => item.key)
  )
  let i = 0
  let j = 0
  let stretchOld: T[] = []
  let stretchNew: T[] = []
  const closeStretch = () => {
    pairStretch(stretchOld, stretchNew, options, pair, similarity)
    stretchOld = []
    stretchNew = []
  }
  for (const change of changes) {
    if (change.added) {
      // One at a time: a spread of 200,000 removed paragraphs passes more arguments than the stack holds.
      for (let k = 0; k < change.count; k++) stretchNew.push(news[j + k]!)
      j += change.count
    } else if (change.removed) {
      for (let k = 0; k < change.count; k++) stretchOld.push(olds[i + k]!)
      i += change.count
    } else {
      closeStretch()
      for (let k = 0; k < change.count; k++) pair(olds[i + k]!, news[j + k]!, 'equal', 1)
      i += change.count
      j += change.count
    }
  }
  closeStretch()
}

/** Order-keeping pairing that maximises the summed similarity of pairs above the threshold. */
function pairStretch<T extends AlignableBlock>(
  olds: T[],
  news: T[],
  options: ResolvedDiffOptions,
  pair: Pair<T>,
  similarity: (a: Int32Array, b: Int32Array) => number
): void {
  const m = olds.length
  const n = news.length
  if (m === 0 || n === 0 || m * n > maxPairsPerStretch) return
  const sim = new Float64Array(m * n)
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < n; b++) {
      const value = similarity(olds[a]!.wordIds, news[b]!.wordIds)
      sim[a * n + b] = value >= options.changedThreshold ? value : 0
    }
  }
  // best[(a)(n+1)+b]: best total pairing olds[a..] with news[b..].
  const width = n + 1
  const best = new Float64Array((m + 1) * width)
  for (let a = m - 1; a >= 0; a--) {
    for (let b = n - 1; b >= 0; b--) {
      const s = sim[a * n + b]!
      const take = s > 0 ? s + best[(a + 1) * width + b + 1]! : 0
      best[a * width + b] = Math.max(take, best[(a + 1) * width + b]!, best[a * width + b + 1]!)
    }
  }
  let a = 0
  let b = 0
  while (a < m && b < n) {
    const s = sim[a * n + b]!
    if (s > 0 && best[a * width + b] === s + best[(a + 1) * width + b + 1]!) {
      pair(olds[a]!, news[b]!, 'changed', s)
      a++
      b++
    } else if (best[a * width + b] === best[(a + 1) * width + b]!) a++
    else b++
  }
}
