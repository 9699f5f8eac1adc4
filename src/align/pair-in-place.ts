import type {SectionProfile} from './profile-sections.js'
import {pairSimilarity} from './score-candidates.js'

/** What {@link pairInPlace} works on. */
export interface InPlaceInput {
  olds: readonly SectionProfile[]
  news: readonly SectionProfile[]
  /** Old index → new index of every one-to-one pair made so far. */
  pairs: ReadonlyMap<number, number>
  /** Sections in no relation yet. */
  isLeftOld: (a: number) => boolean
  isLeftNew: (b: number) => boolean
  /** Pair generic sections too (after their own stage, those it left: a label retitled in translation, `論拠` → `理由`). Default false. */
  generic?: boolean
}

/** Thresholds of pairing in place. */
export const inPlace = {
  /** Least similarity of two leftovers standing in the same place: their text still says they are one. */
  minSimilarity: 0.15,
  /** …standing this many times above any other sibling's: a near tie (API10:2019 0.189 with API10:2023, 0.185 with API9:2023) is no evidence. */
  margin: 1.25,
  /** Families with more children are skipped: a place among hundreds says little, and each pair is weighed against every sibling. */
  maxChildren: 200,
  /** A generic title paired with another this many times elsewhere names the same label (see `sameLabel`). */
  minRetitled: 2
} as const

/**
 * How many pairs made so far join each old generic title to each new one (title keys): a template's
 * label retitled in a new edition or translation (`論拠` → `理由`) is retitled under every requirement.
 */
function retitledLabels(
  olds: readonly SectionProfile[],
  news: readonly SectionProfile[],
  pairs: ReadonlyMap<number, number>
): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>()
  for (const [a, b] of pairs) {
    if (!olds[a]!.generic || !news[b]!.generic) continue
    const to = counts.get(olds[a]!.title.text) ?? new Map<string, number>()
    to.set(news[b]!.title.text, (to.get(news[b]!.title.text) ?? 0) + 1)
    counts.set(olds[a]!.title.text, to)
  }
  return counts
}

/**
 * Two generic leftovers standing in the same place whose titles the other pairs join more often than
 * either title is joined to any other, {@link inPlace.minRetitled} times at least: the same label,
 * retitled throughout, however much its text was rewritten.
 */
function sameLabel(counts: ReadonlyMap<string, ReadonlyMap<string, number>>, old: SectionProfile, next: SectionProfile): boolean {
  if (!old.generic || !next.generic) return false
  const times = counts.get(old.title.text)?.get(next.title.text) ?? 0
  if (times < inPlace.minRetitled) return false
  // Another title joined to either as often would make the label's new name a guess.
  for (const [from, to] of counts)
    for (const [title, count] of to) if (count >= times && (from === old.title.text) !== (title === next.title.text)) return false
  return true
}

/** A section's numbering as printed, a trailing full stop and width aside, or null. */
const numberOf = (p: SectionProfile): string | null => p.flat.section.numbering?.normalize('NFKC').replace(/\.$/u, '') ?? null

/** Old and new sections of one gap that carry the same numbering, each the only one of its number there. */
function sameNumbered(
  olds: readonly SectionProfile[],
  news: readonly SectionProfile[],
  gapOld: readonly number[],
  gapNew: readonly number[]
): [number, number][] {
  const byLabel = (profiles: readonly SectionProfile[], gap: readonly number[]): Map<string, number[]> => {
    const map = new Map<string, number[]>()
    for (const index of gap) {
      const key = numberOf(profiles[index]!)
      if (key === null) continue
      const found = map.get(key)
      if (found) found.push(index)
      else map.set(key, [index])
    }
    return map
  }
  const newByLabel = byLabel(news, gapNew)
  const out: [number, number][] = []
  for (const [key, found] of byLabel(olds, gapOld)) {
    const partner = newByLabel.get(key)
    if (found.length === 1 && partner?.length === 1) out.push([found[0]!, partner[0]!])
  }
  return out
}

/**
 * Pairs of leftovers that stand in the same place: children of paired parents (or both at the top),
 * in the same gap between paired siblings, as many on each side, taken in order (or, in a gap that
 * gained or lost sections, those that kept their number), each one's most
 * similar sibling on the other side (≥ 0.15, and a quarter above the next): a goal whose text was rewritten and whose title
 * was reworded in other words ("ゴール 1：FOSS に関わる責任の理解" → "1.0 プログラムの基盤"). Generic
 * sections are left to their own stage.
 */
export function pairInPlace(input: InPlaceInput): {old: number; new: number}[] {
  const {olds, news, pairs} = input
  const found: {old: number; new: number}[] = []
  const partnerOfNew = new Map([...pairs].map(([a, b]) => [b, a]))
  const retitled = input.generic === true ? retitledLabels(olds, news, pairs) : new Map<string, Map<string, number>>()
  const topOld = olds.filter((p) => p.parent === -1).map((p) => p.index)
  const topNew = news.filter((p) => p.parent === -1).map((p) => p.index)
  const families: [number[], number[]][] = [[topOld, topNew]]
  for (const [a, b] of pairs) families.push([olds[a]!.children, news[b]!.children])
  for (const [oldKids, newKids] of families) {
    if (oldKids.length > inPlace.maxChildren || newKids.length > inPlace.maxChildren) continue
    const oldAt = new Map(oldKids.map((a, k) => [a, k]))
    const newAt = new Map(newKids.map((b, k) => [b, k]))
    // Paired siblings in the order of both sides cut the children into gaps.
    const anchors = oldKids.filter((a) => pairs.has(a) && newAt.has(pairs.get(a)!))
    let [i, j] = [0, 0]
    for (let k = 0; k <= anchors.length; k++) {
      const endOld = k < anchors.length ? oldAt.get(anchors[k]!)! : oldKids.length
      const endNew = k < anchors.length ? newAt.get(pairs.get(anchors[k]!)!)! : newKids.length
      if (endNew < j) continue
      const gapOld = oldKids.slice(i, endOld).filter((a) => input.isLeftOld(a) && (input.generic === true || !olds[a]!.generic))
      const gapNew = newKids.slice(j, endNew).filter((b) => input.isLeftNew(b) && (input.generic === true || !news[b]!.generic))
      // As many on each side: taken in order. Else only those that kept their number (`1.1` → `1.1` where
      // goal 1's three requirements became five): the place in the list is the same then.
      const candidates: [number, number][] =
        gapOld.length === gapNew.length ? gapOld.map((a, n) => [a, gapNew[n]!]) : sameNumbered(olds, news, gapOld, gapNew)
      for (const [a, b] of candidates) {
        if (sameLabel(retitled, olds[a]!, news[b]!)) {
          found.push({old: a, new: b})
          continue
        }
        const similarity = pairSimilarity(olds[a]!, news[b]!)
        if (similarity < inPlace.minSimilarity) continue
        // Same number in the same place: a rival already paired with a partner it resembles clearly
        // more is taken (OpenChain 1.2 ja's 6.1 resembles 2.0's `6.2 期間` 0.20, as 6.2 does 0.23, but
        // 2.0's 6.1 0.41). Without the number a place is weaker evidence: API10:2019 and API10:2023
        // name other risks, and API9:2023, paired, resembles the old one as much.
        const numbered = numberOf(olds[a]!) !== null && numberOf(olds[a]!) === numberOf(news[b]!)
        const bestOf = (x: SectionProfile, others: readonly SectionProfile[], old: boolean): boolean =>
          others.every((y) => {
            if (y === x) return true
            const rival = old ? pairSimilarity(y, news[b]!) : pairSimilarity(olds[a]!, y)
            if (inPlace.margin * rival <= similarity) return true
            const partner = old ? pairs.get(y.index) : partnerOfNew.get(y.index)
            if (!numbered || partner === undefined) return false
            return (old ? pairSimilarity(y, news[partner]!) : pairSimilarity(olds[partner]!, y)) >= inPlace.margin * rival
          })
        if (
          bestOf(
            news[b]!,
            newKids.map((c) => news[c]!),
            false
          ) &&
          bestOf(
            olds[a]!,
            oldKids.map((c) => olds[c]!),
            true
          )
        )
          found.push({old: a, new: b})
      }
      i = endOld + 1
      j = endNew + 1
    }
  }
  return found.sort((x, y) => x.old - y.old)
}
