/**
 * Chinese words as a reader names them, for counting terms. The segmenter's dictionary lacks many
 * words of a technical text and hands them over one character at a time (`镜像` image → `镜` `像`,
 * `密钥` key → `密` `钥`, `至关重要` crucial → `至` `关` `重要`); counted as they come, the pieces make
 * terms no reader would call words: `容器镜` (container + half of image), `关重要`, a lone `钥`. A
 * character the dictionary did not take as a word, seen in the series nearly always beside one same
 * neighbour, is bound to it: a word of Chinese is written as a fixed run of characters, and a free
 * character (a word of its own) meets many neighbours. Only the trends count such words: alignment
 * and the redline keep the segmenter's pieces, whose similarities their pairing is tuned on.
 */
import type {EditionIndex, Vocabulary} from './index-edition.js'

/** A word of Han characters only. */
const hanWord = /^\p{Script=Han}+$/u

/**
 * Longest word a join makes, in characters: Chinese words run to four characters (the fixed
 * four-character expressions, 至关重要), five with a suffix (不可抵赖性 non-repudiation, 唯一标识符
 * unique identifier); a longer run bound together is a phrase the series repeats, which the n-grams
 * count from its words.
 */
const longestWord = 5

/**
 * Times a side must be seen in one edition before its one neighbour is taken for its word's other
 * part: a character seen once has any neighbour for its only one. Counted within an edition, as a
 * series repeats its sentences from one edition to the next. A word of the dictionary must be seen
 * more often: next to the same word nearly always, it is the head or tail of a compound the
 * dictionary lacks (`原生` of `云原生` cloud-native, `负载` of `工作负载` workload), but a rare word
 * meets the same function character by chance (`掩盖` `其` hide its, `而` `无需` while needing no).
 */
const leastSeenFragment = 2
const leastSeenWord = 5

/**
 * Share of a side's occurrences beside one neighbour that binds it to that neighbour. Not all:
 * the segmenter reads a character with the context, and now and then hands the neighbour over
 * glued to the next character instead (`镜` `像` 54 times, `镜` `像是` once).
 */
const boundShare = 0.9

/** What {@link joinBoundCharacters} returns. */
export interface BoundCharacters {
  /** The editions' indices with each bound run joined into one token (words counted once). */
  indices: EditionIndex[]
  /** The words made, in the order first made. */
  joined: string[]
}

interface Counts {
  ids: Int32Array
  sentenceAt: Int32Array
  words: number
}

/**
 * `indices` (of one Chinese series, over `vocabulary`) with neighbouring tokens joined where one
 * side is bound to the other: found beside it in at least {@link boundShare} of its occurrences in
 * the series, and seen often enough in one edition (see {@link leastSeenFragment}). Both sides are
 * content words (not stop words) of Han characters, and the join is no longer than
 * {@link longestWord} characters. The closer bond is made first: two fragments (single characters
 * the dictionary left alone, or runs joined from such), so `抵` `赖` of `不可` `抵` `赖` `性` make
 * `抵赖` before `不可` takes `抵`; then a fragment bound to a word; then a word bound to a word; and
 * again from the first until nothing joins, so `至` `关` `重要` → `至关` `重要` → `至关重要`. Of two
 * overlapping joins, the leftmost is made.
 */
export function joinBoundCharacters(indices: readonly EditionIndex[], vocabulary: Vocabulary): BoundCharacters {
  const fragment = new Set<number>()
  const han: boolean[] = []
  const isHan = (id: number): boolean => {
    if (id < 0) return false
    let known = han[id]
    if (known === undefined) {
      const word = vocabulary.words[id]!
      known = han[id] = vocabulary.content[id] === 1 && hanWord.test(word)
      if (known && [...word].length === 1) fragment.add(id)
    }
    return known
  }
  const lengths: number[] = []
  const length = (id: number): number => (lengths[id] ??= [...vocabulary.words[id]!].length)
  const joined: string[] = []
  // Ids from here on are words made by joins (a word the segmenter gave elsewhere stays a word).
  const firstMade = vocabulary.words.length
  let current: Counts[] = indices.map((index) => ({ids: index.ids, sentenceAt: index.sentenceAt, words: index.words}))
  // 0: two fragments; 1: a fragment bound to a word; 2: a word bound to a word.
  let bond = 0
  for (;;) {
    // Per Han token: its occurrences in the series, beside each right neighbour, and the most
    // times one edition holds it.
    const total = new Map<number, number>()
    const pairs = new Map<number, Map<number, number>>()
    const seen = new Map<number, number>()
    for (const {ids} of current) {
      const inEdition = new Map<number, number>()
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!
        if (!isHan(id)) continue
        // Only a side that may be bound this round is counted: a fragment, or any word in the last.
        const counted = bond === 2 || fragment.has(id)
        if (counted) inEdition.set(id, (inEdition.get(id) ?? 0) + 1)
        const after = k + 1 < ids.length ? ids[k + 1]! : -1
        if (!isHan(after) || !(counted || fragment.has(after))) continue
        const byRight = pairs.get(id) ?? new Map<number, number>()
        byRight.set(after, (byRight.get(after) ?? 0) + 1)
        pairs.set(id, byRight)
      }
      for (const [id, count] of inEdition) {
        seen.set(id, Math.max(seen.get(id) ?? 0, count))
        total.set(id, (total.get(id) ?? 0) + count)
      }
    }
    const boundTo = (side: number, together: number): boolean => {
      const least = fragment.has(side) ? leastSeenFragment : bond === 2 ? leastSeenWord : Number.POSITIVE_INFINITY
      return (seen.get(side) ?? 0) >= least && together >= (total.get(side) ?? 0) * boundShare
    }
    const bound = (a: number, b: number): boolean => {
      if (bond === 0 && !(fragment.has(a) && fragment.has(b))) return false
      if (length(a) + length(b) > longestWord) return false
      const together = pairs.get(a)?.get(b) ?? 0
      return boundTo(a, together) || boundTo(b, together)
    }
    const made = new Map<string, number>()
    current = current.map((counts) => join(counts, bound, made))
    if (made.size > 0) bond = 0
    else if (bond === 2) break
    else bond++
  }
  return {
    indices: indices.map((index, i) => ({...index, ...current[i]!})),
    joined
  }

  /** `counts` with each bound pair joined, left to right; `made`: the words made this round. */
  function join({ids, sentenceAt, words}: Counts, bound: (a: number, b: number) => boolean, made: Map<string, number>): Counts {
    const outIds: number[] = []
    const outAt: number[] = []
    let count = words
    for (let k = 0; k < ids.length; k++) {
      const a = ids[k]!
      const b = k + 1 < ids.length ? ids[k + 1]! : -1
      if (isHan(a) && isHan(b) && bound(a, b)) {
        const word = vocabulary.words[a]! + vocabulary.words[b]!
        let id = made.get(word)
        if (id === undefined) {
          id = vocabulary.ids.intern(word)
          if (id === vocabulary.words.length) {
            vocabulary.words.push(word)
            vocabulary.content.push(1)
            joined.push(word)
          }
          // Characters joined are a fragment still (`至关` of `至关重要`); a fragment joined to a
          // word is a word, which a fragment bound to it would otherwise grow on (`须` `使用` `您`).
          if (fragment.has(a) && fragment.has(b) && id >= firstMade) fragment.add(id)
          made.set(word, id)
        }
        outIds.push(id)
        outAt.push(sentenceAt[k]!)
        count--
        k++
        continue
      }
      outIds.push(a)
      outAt.push(sentenceAt[k]!)
    }
    if (count === words) return {ids, sentenceAt, words}
    return {ids: Int32Array.from(outIds), sentenceAt: Int32Array.from(outAt), words: count}
  }
}
