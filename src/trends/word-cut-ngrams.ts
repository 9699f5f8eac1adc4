/**
 * Chinese n-grams that begin or end inside a word. Where the segmenter's dictionary fails it hands
 * a word over in single characters, and a character it leaves alone is not a reliable word edge:
 * `系统|调` (system + half of 调用 call) is always followed by `用`, `可观察` (observable) by the
 * suffix `性` of 可观察性, and `即|代码` (as code) always follows 基础设施 (infrastructure as code).
 * Joining bound characters (`joinBoundCharacters`) mends the words it can tell from the series; what
 * is left and cut there is no term to list: an n-gram whose occurrences in the series are nearly all
 * continued by one same Han character or word on one side, where that side's edge or its neighbour
 * is a single character.
 */
import type {EditionIndex, Vocabulary} from './index-edition.js'
import type {NgramPositions} from './count-ngrams.js'

/** A token of Han characters only, and one of a single such character. */
const hanWord = /^\p{Script=Han}+$/u
const hanCharacter = /^\p{Script=Han}$/u

/** Share of an n-gram's occurrences continued by one same neighbour that makes it a piece of a word. */
const cutShare = 0.9

/** Times an n-gram must be seen in one edition before its one neighbour tells anything (see `joinBoundCharacters`). */
const leastSeen = 2

/** Per n-gram length (`cut[n - 1]`), the keys of the n-grams of two words or more that begin or end inside a word. */
export function wordCutNgrams(
  indices: readonly EditionIndex[],
  keyed: readonly NgramPositions[],
  vocabulary: Vocabulary,
  maxN: number
): Array<Set<number>> {
  const kind: number[] = []
  // 0: not a Han content word; 1: a Han word; 2: a single Han character.
  const kindOf = (id: number): number => {
    if (id < 0) return 0
    let known = kind[id]
    if (known === undefined) {
      const word = vocabulary.words[id]!
      // A stop word (的, 和) follows or precedes any word: it marks no cut.
      known = kind[id] = vocabulary.content[id] !== 1 ? 0 : hanCharacter.test(word) ? 2 : hanWord.test(word) ? 1 : 0
    }
    return known
  }
  // A word alone is whole: the segmenter's word (系统 of 系统|调|用) is listed, a character bound to
  // its neighbour was joined to it before, if it could be.
  const cut: Array<Set<number>> = [new Set()]
  for (let n = 2; n <= maxN; n++) {
    // Per key: occurrences in the series, the most in one edition, and on each side how often each
    // neighbour that marks a cut came (a Han token, it or the n-gram's edge a single character).
    const total = new Map<number, number>()
    const seen = new Map<number, number>()
    const sides = [new Map<number, Map<number, number>>(), new Map<number, Map<number, number>>()]
    indices.forEach((index, i) => {
      const ids = index.ids
      const keys = keyed[i]![n - 1]!
      const inEdition = new Map<number, number>()
      for (let at = 0; at < keys.length; at++) {
        const key = keys[at]!
        if (key < 0) continue
        inEdition.set(key, (inEdition.get(key) ?? 0) + 1)
        const before = at > 0 ? ids[at - 1]! : -1
        note(sides[0]!, key, kindOf(before) > 0 && (kindOf(before) === 2 || kindOf(ids[at]!) === 2) ? before : -1)
        const after = at + n < ids.length ? ids[at + n]! : -1
        note(sides[1]!, key, kindOf(after) > 0 && (kindOf(after) === 2 || kindOf(ids[at + n - 1]!) === 2) ? after : -1)
      }
      for (const [key, count] of inEdition) {
        seen.set(key, Math.max(seen.get(key) ?? 0, count))
        total.set(key, (total.get(key) ?? 0) + count)
      }
    })
    const keysCut = new Set<number>()
    for (const [key, count] of total) {
      if (seen.get(key)! < leastSeen) continue
      for (const side of sides) {
        for (const together of side.get(key)?.values() ?? []) if (together >= count * cutShare) keysCut.add(key)
      }
    }
    cut.push(keysCut)
  }
  return cut

  function note(side: Map<number, Map<number, number>>, key: number, neighbour: number): void {
    if (neighbour < 0) return
    let counts = side.get(key)
    if (!counts) side.set(key, (counts = new Map()))
    counts.set(neighbour, (counts.get(neighbour) ?? 0) + 1)
  }
}
