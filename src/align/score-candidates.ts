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

/** Similarity of two profiles; `ownCosine` when already known, `titles` to compare other title keys. */
export function pairSimilarity(
  a: SectionProfile,
  b: SectionProfile,
  ownCosine?: number,
  titles?: [TitleKey, TitleKey]
): number {
  const [ta, tb] = titles ?? [a.title, b.title]
  const title = titleSimilarity(ta, tb)
  const hasA = a.own.ids.length > 0
  const hasB = b.own.ids.length > 0
  const bothTitled = ta.text !== '' && tb.text !== ''
  if (!hasA && !hasB) return bothTitled ? title : a.text === b.text ? 1 : 0
  if (!hasA || !hasB) return 0.5 * title
  let content = ownCosine ?? cosine(a.own, b.own)
  // A chapter is also what it holds: blend in the subtree so an introduction-less chapter
  // whose sections were rewritten still finds its counterpart, and vice versa.
  if (a.children.length > 0 && b.children.length > 0) content = 0.5 * content + 0.5 * cosine(a.tree, b.tree)
  return combineSimilarity(title, content, bothTitled)
}

/**
 * Score every pair of `olds` × `news` that shares a content term or a title n-gram, through inverted
 * indexes (pairs sharing nothing score 0 and are never listed). Returns the pairs at or above
 * `minSimilarity`.
 */
export function scoreCandidates(
  olds: readonly SectionProfile[],
  news: readonly SectionProfile[],
  minSimilarity: number,
  titleOf?: (profile: SectionProfile) => TitleKey
): Candidate[] {
  // Term id → the new sections holding it and the term's weight in each.
  const postings = new Map<number, {sections: number[]; weights: number[]}>()
  const gramPostings = new Map<string, number[]>()
  news.forEach((profile, j) => {
    profile.own.ids.forEach((id, k) => {
      let posting = postings.get(id)
      if (!posting) postings.set(id, (posting = {sections: [], weights: []}))
      posting.sections.push(j)
      posting.weights.push(profile.own.weights[k]!)
    })
    for (const gram of (titleOf ? titleOf(profile) : profile.title).grams) {
      let list = gramPostings.get(gram)
      if (!list) gramPostings.set(gram, (list = []))
      list.push(j)
    }
  })
  const dots = new Float64Array(news.length)
  const touched = new Uint8Array(news.length)
  const out: Candidate[] = []
  const emptyNews = news.flatMap((profile, j) => (profile.own.ids.length === 0 ? [j] : []))
  olds.forEach((a, i) => {
    const list: number[] = []
    const touch = (j: number): void => {
      if (touched[j]) return
      touched[j] = 1
      list.push(j)
    }
    const {ids, weights} = a.own
    for (let k = 0; k < ids.length; k++) {
      const posting = postings.get(ids[k]!)
      if (!posting) continue
      const weight = weights[k]!
      for (let p = 0; p < posting.sections.length; p++) {
        const j = posting.sections[p]!
        dots[j]! += weight * posting.weights[p]!
        touch(j)
      }
    }
    const titleA = titleOf ? titleOf(a) : a.title
    for (const gram of titleA.grams) for (const j of gramPostings.get(gram) ?? []) touch(j)
    // Empty sections share no term with anything; they can still pair with each other.
    if (ids.length === 0) for (const j of emptyNews) touch(j)
    for (const j of list) {
      const b = news[j]!
      const similarity = pairSimilarity(a, b, Math.min(1, dots[j]!), titleOf ? [titleA, titleOf(b)] : undefined)
      if (similarity >= minSimilarity) out.push({oldIndex: i, newIndex: j, similarity})
      dots[j] = 0
      touched[j] = 0
    }
  })
  return out
}
