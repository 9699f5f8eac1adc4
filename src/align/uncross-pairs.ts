import type {SectionProfile} from './profile-sections.js'
import {pairSimilarity} from './score-candidates.js'

/** What {@link uncrossPairs} works on. */
export interface UncrossInput {
  olds: readonly SectionProfile[]
  news: readonly SectionProfile[]
  /** Old index → new index of every one-to-one pair made so far. */
  pairs: ReadonlyMap<number, number>
}

/** One crossing undone: the two pairs to drop and the two to make instead. */
export interface Uncrossed {
  /** Old ancestor and old descendant. */
  parent: number
  child: number
  /** Their new partners before (ancestor's partner first) and after (ancestor's partner first). */
  crossed: [number, number]
  uncrossed: [number, number]
}

/** Thresholds of undoing a crossing. */
export const uncross = {
  /**
   * The two pairs kept in their levels may weigh this much less than the crossed two and still win: a
   * container and its sub-section share their text, so a crossed pair scores nearly what the straight
   * one does (goal 3 with requirement 3.2, 0.31, against goal 3 with goal 3.0), and the nesting is the
   * stronger evidence.
   */
  slack: 0.1,
  /** Each pair made must be at least this similar: no nesting makes two unrelated sections one. */
  minSimilarity: 0.15
} as const

function isAncestor(profiles: readonly SectionProfile[], ancestor: number, of: number): boolean {
  for (let p = profiles[of]!.parent; p >= 0; p = profiles[p]!.parent) if (p === ancestor) return true
  return false
}

/**
 * Pairs that cross levels both ways: an old section paired with a descendant of the new partner of
 * one of its own descendants (`목표 3` → `3.2 라이선스 컴플라이언스` while `3.2` of goal 3 → `3.0 오픈소스
 * 컨텐츠 검토 및 승인`). Each edition's container holds the other's sub-section, so the content scores
 * of the two ways are close; keeping each in its level reads right: the goal is the goal, the
 * requirement the requirement. A crossing is undone when the two straight pairs are each similar
 * enough and together weigh at least the crossed two less {@link uncross.slack}; nearest ancestors
 * first, each section in one swap at most.
 */
export function uncrossPairs(input: UncrossInput): Uncrossed[] {
  const {olds, news, pairs} = input
  const found: Uncrossed[] = []
  const used = new Set<number>()
  for (const [child, childPartner] of [...pairs].sort((x, y) => x[0] - y[0])) {
    for (let parent = olds[child]!.parent; parent >= 0; parent = olds[parent]!.parent) {
      const parentPartner = pairs.get(parent)
      if (parentPartner === undefined || !isAncestor(news, childPartner, parentPartner)) continue
      if (used.has(parent) || used.has(child)) break
      const straightParent = pairSimilarity(olds[parent]!, news[childPartner]!)
      const straightChild = pairSimilarity(olds[child]!, news[parentPartner]!)
      const crossed = pairSimilarity(olds[parent]!, news[parentPartner]!) + pairSimilarity(olds[child]!, news[childPartner]!)
      if (Math.min(straightParent, straightChild) >= uncross.minSimilarity && straightParent + straightChild >= crossed - uncross.slack) {
        found.push({parent, child, crossed: [parentPartner, childPartner], uncrossed: [childPartner, parentPartner]})
        used.add(parent)
        used.add(child)
      }
      break
    }
  }
  return found
}
