import {munkres} from 'munkres'
import type {Candidate} from './score-candidates.js'

/**
 * The maximum-weight one-to-one assignment among `candidates` (each old and each new index used at
 * most once), by the Hungarian algorithm. The candidate graph is first cut into connected
 * components, each solved on its own: the optimum is the same, and many small matrices cost far less
 * than one large one. `weight` defaults to the candidate's similarity; it must be positive.
 * A component with more than `maxSide` sections on a side (the Hungarian algorithm is cubic) is
 * assigned greedily, best weight first, and `greedy` says so.
 */
export function assignPairs(
  candidates: readonly Candidate[],
  weight: (candidate: Candidate) => number = (c) => c.similarity,
  maxSide = 600
): {pairs: Candidate[]; greedy: boolean} {
  // Union-find over old indices (as 2i) and new indices (as 2j + 1).
  const parent = new Map<number, number>()
  const find = (x: number): number => {
    let root = x
    while (parent.get(root) !== root) root = parent.get(root)!
    let node = x
    while (node !== root) {
      const up = parent.get(node)!
      parent.set(node, root)
      node = up
    }
    return root
  }
  const add = (x: number): void => {
    if (!parent.has(x)) parent.set(x, x)
  }
  for (const c of candidates) {
    const a = 2 * c.oldIndex
    const b = 2 * c.newIndex + 1
    add(a)
    add(b)
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb))
  }
  const components = new Map<number, Candidate[]>()
  for (const c of candidates) {
    const root = find(2 * c.oldIndex)
    let list = components.get(root)
    if (!list) components.set(root, (list = []))
    list.push(c)
  }
  const chosen: Candidate[] = []
  let greedy = false
  for (const list of [...components.values()]) {
    if (list.length === 1) {
      chosen.push(list[0]!)
      continue
    }
    const olds = [...new Set(list.map((c) => c.oldIndex))].sort((a, b) => a - b)
    const news = [...new Set(list.map((c) => c.newIndex))].sort((a, b) => a - b)
    if (olds.length > maxSide && news.length > maxSide) {
      greedy = true
      const usedOld = new Set<number>()
      const usedNew = new Set<number>()
      const sorted = [...list].sort((a, b) => weight(b) - weight(a) || a.oldIndex - b.oldIndex || a.newIndex - b.newIndex)
      for (const c of sorted) {
        if (usedOld.has(c.oldIndex) || usedNew.has(c.newIndex)) continue
        usedOld.add(c.oldIndex)
        usedNew.add(c.newIndex)
        chosen.push(c)
      }
      continue
    }
    const row = new Map(olds.map((value, index) => [value, index]))
    const column = new Map(news.map((value, index) => [value, index]))
    // Minimising max − weight maximises the total weight; a missing pair costs what a pair of
    // weight 0 would, so the solver never trades a strong pair for two weak ones.
    let max = 0
    for (const c of list) max = Math.max(max, weight(c))
    const none = max
    const cost = olds.map(() => new Array<number>(news.length).fill(none))
    const byCell = new Map<number, Candidate>()
    for (const c of list) {
      const r = row.get(c.oldIndex)!
      const k = column.get(c.newIndex)!
      cost[r]![k] = max - weight(c)
      byCell.set(r * news.length + k, c)
    }
    for (const [r, k] of munkres(cost)) {
      const c = byCell.get(r * news.length + k)
      if (c) chosen.push(c)
    }
  }
  return {pairs: chosen.sort((a, b) => a.oldIndex - b.oldIndex || a.newIndex - b.newIndex), greedy}
}
