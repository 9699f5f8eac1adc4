import {cosine, type SectionProfile} from './profile-sections.js'
import {titleSimilarity, type TitleKey} from './title-similarity.js'

/** A possible pairing of `old[oldIndex]` with `new[newIndex]` (indices into the lists scored). */
export interface Candidate {
  oldIndex: number
  newIndex: number
  /** Title and content combined, 0..1 (see {@link combineSimilarity}). */
  similarity: number
}

/**
 * Title weight once both sections have text. Content outweighs the title because renamed sections
 * keep their text, while two unrelated sections may share a title.
 */
const titleWeight = 0.35

/**
 * Combine title similarity `title` and content similarity `content` (both 0..1). Content alone can
 * carry a pair (a complete rename with the text kept scores its content similarity); a title alone
 * cannot (same title, text rewritten: 0.35 + 0.65 × content).
 */
export function combineSimilarity(title: number, content: number | null, bothTitled: boolean): number {
  if (content === null) return title
  if (!bothTitled) return content
  return Math.max(content, titleWeight * title + (1 - titleWeight) * content)
}

/** Parts of a pair's similarity already computed elsewhere (by the inverted indexes). */
export interface KnownParts {
  ownCosine?: number
  treeCosine?: number
  title?: number
}

/** Similarity of two profiles; `known` parts are not recomputed; `titles` to compare other title keys. */
export function pairSimilarity(
  a: SectionProfile,
  b: SectionProfile,
  known: KnownParts = {},
  titles?: [TitleKey, TitleKey]
): number {
  const [ta, tb] = titles ?? [a.title, b.title]
  const title = known.title ?? titleSimilarity(ta, tb)
  const hasA = a.own.ids.length > 0
  const hasB = b.own.ids.length > 0
  const bothTitled = ta.text !== '' && tb.text !== ''
  if (!hasA && !hasB) return bothTitled ? title : a.text === b.text ? 1 : 0
  if (!hasA || !hasB) return 0.5 * title
  let content = known.ownCosine ?? cosine(a.own, b.own)
  // A chapter is also what it holds: blend in the subtree so an introduction-less chapter
  // whose sections were rewritten still finds its counterpart, and vice versa.
  if (a.children.length > 0 && b.children.length > 0) content = 0.5 * content + 0.5 * (known.treeCosine ?? cosine(a.tree, b.tree))
  return combineSimilarity(title, content, bothTitled)
}

/** Term id (or title n-gram) → the sections holding it and its weight in each. */
class Postings<K> {
  map = new Map<K, {sections: number[]; weights: number[]}>()
  add(key: K, section: number, weight: number): void {
    let posting = this.map.get(key)
    if (!posting) this.map.set(key, (posting = {sections: [], weights: []}))
    posting.sections.push(section)
    posting.weights.push(weight)
  }
}

/**
 * Score every pair of `olds` × `news` that shares a content term or a title n-gram. Content and
 * subtree cosines and the title's n-gram and word overlaps are accumulated through inverted indexes,
 * so the cost follows the shared terms, not the number of pairs; pairs sharing nothing score 0 and
 * are never listed. Returns the pairs at or above `minSimilarity`.
 */
export function scoreCandidates(
  olds: readonly SectionProfile[],
  news: readonly SectionProfile[],
  minSimilarity: number,
  titleOf?: (profile: SectionProfile) => TitleKey
): Candidate[] {
  const titleA = olds.map((p) => (titleOf ? titleOf(p) : p.title))
  const titleB = news.map((p) => (titleOf ? titleOf(p) : p.title))
  const own = new Postings<number>()
  const tree = new Postings<number>()
  const grams = new Postings<string>()
  const tokens = new Postings<string>()
  news.forEach((profile, j) => {
    profile.own.ids.forEach((id, k) => own.add(id, j, profile.own.weights[k]!))
    if (profile.children.length > 0) profile.tree.ids.forEach((id, k) => tree.add(id, j, profile.tree.weights[k]!))
    for (const gram of titleB[j]!.grams) grams.add(gram, j, 1)
    for (const token of titleB[j]!.tokens) tokens.add(token, j, 1)
  })
  const ownDots = new Float64Array(news.length)
  const treeDots = new Float64Array(news.length)
  const sharedGrams = new Int32Array(news.length)
  const sharedTokens = new Int32Array(news.length)
  const touched = new Uint8Array(news.length)
  const out: Candidate[] = []
  const emptyNews = news.flatMap((profile, j) => (profile.own.ids.length === 0 ? [j] : []))
  const dice = (shared: number, x: number, y: number): number => (x + y === 0 ? 0 : (2 * shared) / (x + y))
  olds.forEach((a, i) => {
    const list: number[] = []
    const accumulate = <K>(postings: Postings<K>, key: K, weight: number, into: Float64Array | Int32Array, touch: boolean): void => {
      const posting = postings.map.get(key)
      if (!posting) return
      for (let p = 0; p < posting.sections.length; p++) {
        const j = posting.sections[p]!
        into[j]! += weight * posting.weights[p]!
        if (touch && !touched[j]) {
          touched[j] = 1
          list.push(j)
        }
      }
    }
    a.own.ids.forEach((id, k) => accumulate(own, id, a.own.weights[k]!, ownDots, true))
    if (a.children.length > 0) a.tree.ids.forEach((id, k) => accumulate(tree, id, a.tree.weights[k]!, treeDots, false))
    const ta = titleA[i]!
    for (const gram of ta.grams) accumulate(grams, gram, 1, sharedGrams, true)
    for (const token of ta.tokens) accumulate(tokens, token, 1, sharedTokens, false)
    // Empty sections share no term with anything; they can still pair with each other.
    if (a.own.ids.length === 0)
      for (const j of emptyNews)
        if (!touched[j]) {
          touched[j] = 1
          list.push(j)
        }
    for (const j of list) {
      const b = news[j]!
      const tb = titleB[j]!
      // Same formula as titleSimilarity, from the shared counts.
      const title = ta.text === '' || tb.text === '' ? 0 : ta.text === tb.text ? 1 : (dice(sharedTokens[j]!, ta.tokens.size, tb.tokens.size) + dice(sharedGrams[j]!, ta.grams.size, tb.grams.size)) / 2
      const similarity = pairSimilarity(a, b, {ownCosine: Math.min(1, ownDots[j]!), treeCosine: Math.min(1, treeDots[j]!), title}, [ta, tb])
      if (similarity >= minSimilarity) out.push({oldIndex: i, newIndex: j, similarity})
      touched[j] = 0
    }
    ownDots.fill(0)
    treeDots.fill(0)
    sharedGrams.fill(0)
    sharedTokens.fill(0)
  })
  return out
}
