import {codeStem} from './code-stem.js'
import {distinctiveResemblance, subtreeCosines} from './detect-splits-merges.js'
import type {SectionProfile} from './profile-sections.js'

/** What {@link pairRenumbered} works on: indices into `olds` / `news` of sections in no relation yet. */
export interface RenumberedInput {
  olds: readonly SectionProfile[]
  news: readonly SectionProfile[]
  leftoverOld: readonly number[]
  leftoverNew: readonly number[]
}

/**
 * Pairs of leftovers that keep their numbering code (years and leading zeros aside: `API4:2019` →
 * `API4:2023`) and whose subtree text resembles each other's far more than any other section's, each
 * way (see `distinctiveResemblance`): a category renamed in new words and rewritten, whose content
 * similarity fell short of a pair (the publisher's "Lack of Resources & Rate Limiting" →
 * "Unrestricted Resource Consumption", 0.20 in the French edition). The code alone is no proof: a
 * category removed leaves its code to one added (API10:2019 → API10:2023), and those resemble
 * other categories as much as each other. Only codes with a letter, found once among each side's
 * leftovers, count. Mirror-symmetric: comparing B with A finds the same pairs.
 */
export function pairRenumbered(input: RenumberedInput): {old: number; new: number}[] {
  const byStem = (profiles: readonly SectionProfile[], leftovers: readonly number[]): Map<string, number[]> => {
    const map = new Map<string, number[]>()
    for (const i of leftovers) {
      const p = profiles[i]!
      const stem = codeStem(p.flat.section.numbering)
      // Resemblance is judged on subtrees: only sections with sub-sections (categories) say enough.
      if (stem === null || p.generic || p.children.length === 0) continue
      map.set(stem, [...(map.get(stem) ?? []), i])
    }
    return map
  }
  const oldStems = byStem(input.olds, input.leftoverOld)
  const newStems = byStem(input.news, input.leftoverNew)
  const candidates: [number, number][] = []
  for (const [stem, [a, ...more]] of oldStems) {
    const [b, ...others] = newStems.get(stem) ?? []
    if (a !== undefined && b !== undefined && more.length === 0 && others.length === 0) candidates.push([a, b])
  }
  if (candidates.length === 0) return []
  // Against every section of the other edition, paired or not: the partner must stand out from all.
  const anyTarget = (): boolean => true
  const oldCosines = subtreeCosines(
    input.olds,
    candidates.map(([a]) => a),
    input.news
  )
  const newCosines = subtreeCosines(
    input.news,
    candidates.map(([, b]) => b),
    input.olds
  )
  return candidates
    .filter(
      ([a, b]) =>
        distinctiveResemblance(input.olds[a]!, () => oldCosines(a), input.news, anyTarget) === b &&
        distinctiveResemblance(input.news[b]!, () => newCosines(b), input.olds, anyTarget) === a
    )
    .map(([a, b]) => ({old: a, new: b}))
}
