import {locateText} from './locate-text.js'
import type {SectionProfile} from './profile-sections.js'
import {titleContainment, titleSimilarity} from './title-similarity.js'

/** A pair of leftovers made by {@link pairLeftovers}, with what made it. */
export interface LeftoverPair {
  /** Index in the old profiles. */
  old: number
  /** Index in the new profiles. */
  new: number
  /** Title similarity of the two (0..1). */
  title: number
  /** Share of one side's text (word bigrams) the other holds, the larger of the two ways; 0 when the pair rests on the title alone. */
  containment: number
  /** `containment`: text held + similar title; `title`: the same title, only the numbering code changed. */
  by: 'containment' | 'title'
}

/** What {@link pairLeftovers} works on: indices into `olds` / `news` of sections in no relation yet. */
export interface LeftoverInput {
  olds: readonly SectionProfile[]
  news: readonly SectionProfile[]
  leftoverOld: readonly number[]
  leftoverNew: readonly number[]
  /** Every shingle id of both editions is below it. */
  terms: number
}

/** Thresholds of leftover pairing. */
export const leftoverPairing = {
  /** A section standing mostly (60%) inside one section of the other edition is that section's text, moved or kept. */
  minContainment: 0.6,
  /** With the text held, a title this alike (or one title inside the other) makes the pair: "Deploy" ↔ "Deploy". */
  minTitle: 0.5,
  /** One title inside the other whole ("認証の不備" in "認証の不備 (Identification …)"): share of the shorter title's n-grams. */
  titleInside: 0.9
} as const

/** Titles alike enough to stand with held text: similar, or one inside the other. */
function alikeTitles(a: SectionProfile, b: SectionProfile): number {
  const similarity = titleSimilarity(a.title, b.title)
  return similarity >= leftoverPairing.minTitle || titleContainment(a.title, b.title) >= leftoverPairing.titleInside ? similarity : -1
}

/** The code scheme of a numbering: `API3:2019` → `A9:9`, `A07:2021` → `A9:9`, `V1.2.3` → `A9.9.9`, `제3조` → `제9조`. */
function codeScheme(numbering: string | null): string | null {
  if (numbering === null) return null
  return numbering
    .normalize('NFKC')
    .replace(/\p{Lu}+/gu, 'A')
    .replace(/\d+/gu, '9')
    .replace(/[一二三四五六七八九十百零〇]+/gu, '9')
}

/**
 * Pairs among sections every earlier stage left over, on evidence those stages do not weigh:
 *
 * - **containment**: one section's text stands mostly (≥ 60%) inside the other's, and their titles
 *   are the same or alike ("Deploy" kept under a renamed chapter, whose repeated heading kept it
 *   from pairing outside its parent);
 * - **title**: the same title under numbering codes of one scheme (`A2:2017 認証の不備` →
 *   `A07:2021 認証の不備 (…)`), both titles found once among the leftovers of each side, when the
 *   text was rewritten past any content similarity (a category eight years later). The code is an
 *   identifier that renumbers, not a word of the title.
 *
 * Strongest first, one section in one pair. Mirror-symmetric: comparing B with A finds the same pairs.
 */
export function pairLeftovers(input: LeftoverInput): LeftoverPair[] {
  const olds = input.leftoverOld.map((a) => input.olds[a]!)
  const news = input.leftoverNew.map((b) => input.news[b]!)
  if (olds.length === 0 || news.length === 0) return []
  const candidates = new Map<string, LeftoverPair & {score: number}>()
  const propose = (a: SectionProfile, b: SectionProfile, containment: number): void => {
    const title = alikeTitles(a, b)
    if (title < 0) return
    const key = `${a.index}:${b.index}`
    const known = candidates.get(key)
    if (!known || containment > known.containment)
      candidates.set(key, {old: a.index, new: b.index, title, containment, by: 'containment', score: 1 + containment + title})
  }
  // Homes are looked for among all sections (locateText walks their parents), and count when free.
  const freeOld = new Set(input.leftoverOld)
  const freeNew = new Set(input.leftoverNew)
  locateText(olds, input.news, input.terms, leftoverPairing.minContainment).forEach((home, k) => {
    if (home && freeNew.has(home.target)) propose(olds[k]!, input.news[home.target]!, home.share)
  })
  locateText(news, input.olds, input.terms, leftoverPairing.minContainment).forEach((home, k) => {
    if (home && freeOld.has(home.target)) propose(input.olds[home.target]!, news[k]!, home.share)
  })
  // The title alone: same scheme of codes on both sides, and the title once among each side's leftovers.
  const byTitle = (list: SectionProfile[]): Map<string, SectionProfile[]> => {
    const map = new Map<string, SectionProfile[]>()
    for (const p of list) {
      if (p.generic || codeScheme(p.flat.section.numbering) === null) continue
      map.set(p.title.text, [...(map.get(p.title.text) ?? []), p])
    }
    return map
  }
  const oldTitles = byTitle(olds)
  const newTitles = byTitle(news)
  for (const [text, [a, ...more]] of oldTitles) {
    if (more.length > 0) continue
    // The same title, or the old one whole at the start of the new one (a gloss appended).
    const matches = [...newTitles].filter(([t, list]) => list.length === 1 && (t === text || t.startsWith(`${text} `))).map(([, [b]]) => b!)
    const b = matches.length === 1 ? matches[0]! : undefined
    if (!a || !b || codeScheme(a.flat.section.numbering) !== codeScheme(b.flat.section.numbering)) continue
    const key = `${a.index}:${b.index}`
    if (!candidates.has(key))
      candidates.set(key, {old: a.index, new: b.index, title: titleSimilarity(a.title, b.title), containment: 0, by: 'title', score: 1})
  }
  const ordered = [...candidates.values()].sort((x, y) => y.score - x.score || x.old - y.old || x.new - y.new)
  const usedOld = new Set<number>()
  const usedNew = new Set<number>()
  const pairs: LeftoverPair[] = []
  for (const {score: _, ...pair} of ordered) {
    if (usedOld.has(pair.old) || usedNew.has(pair.new)) continue
    usedOld.add(pair.old)
    usedNew.add(pair.new)
    pairs.push(pair)
  }
  return pairs.sort((x, y) => x.old - y.old)
}
