/**
 * New and vanished language: 3-grams an edition uses for the first time in the series, and 3-grams
 * an edition used for the last time, each grown into the longest phrase all its occurrences share
 * ("the covid-19 pandemic" → "in the wake of the covid-19 pandemic" when it always reads so).
 */
import type {KwicLine, LanguageChange, Phrase} from './trends-result.js'
import type {EditionIndex, Vocabulary} from './index-edition.js'
import {joinTokens} from './index-edition.js'
import type {NgramCounts, NgramPositions} from './count-ngrams.js'
import {kwicLine, toTermQuery} from './count-terms.js'

const katakana = /^[\p{Script=Katakana}\u30FC]+$/u
const hangul = /\p{Script=Hangul}/u
const wordChar = /[\p{L}\p{N}]/u

/** One edition: its index and its n-gram counts (at least up to 3-grams). */
export interface LanguageSide {
  label: string
  index: EditionIndex
  counts: NgramCounts
  /** N-gram keys by position, up to 3-grams. */
  keyed: NgramPositions
}

/** Options of {@link newLanguage}. */
export interface NewLanguageOptions {
  /** Phrases per list. */
  top: number
  /** Longest phrase, in tokens (default 8). */
  maxLength?: number
  language: string
}

/** For every edition after the first: its new phrases and the previous edition's vanished ones. */
export function newLanguage(editions: readonly LanguageSide[], vocabulary: Vocabulary, options: NewLanguageOptions): LanguageChange[] {
  const firstSeen = new Map<number, number>()
  const lastSeen = new Map<number, number>()
  editions.forEach((edition, i) => {
    for (const key of (edition.counts[2] ?? new Map<number, number>()).keys()) {
      if (!firstSeen.has(key)) firstSeen.set(key, i)
      lastSeen.set(key, i)
    }
  })
  const out: LanguageChange[] = []
  for (let i = 1; i < editions.length; i++) {
    const edition = editions[i]!
    const previous = editions[i - 1]!
    out.push({
      edition: edition.label,
      previous: previous.label,
      new: phrases(edition, (key) => firstSeen.get(key) === i, vocabulary, options),
      vanished: phrases(previous, (key) => lastSeen.get(key) === i - 1, vocabulary, options)
    })
  }
  return out
}

/** The top phrases of `index` grown from the 3-grams `selected` accepts. */
function phrases(
  {index, keyed}: LanguageSide,
  selected: (key: number) => boolean,
  vocabulary: Vocabulary,
  options: NewLanguageOptions
): Phrase[] {
  const ids = index.ids
  const trigrams = keyed[2]!
  const maxLength = options.maxLength ?? 8
  const positions = new Map<number, number[]>()
  for (let at = 0; at + 3 <= ids.length; at++) {
    const key = trigrams[at]!
    if (key < 0 || !selected(key)) continue
    const list = positions.get(key)
    if (list) list.push(at)
    else positions.set(key, [at])
  }
  // Most frequent first; among equals, the one read first.
  const ranked = [...positions.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!)
  const chosen: Array<{start: number; end: number; count: number}> = []
  const out: Phrase[] = []
  const seen = new Set<string>()
  const passages = new Set<string>()
  for (const places of ranked) {
    if (out.length >= options.top) break
    let left = 0
    let right = 3
    // Grow while every occurrence has the same token on that side.
    const same = (offset: number): boolean => {
      const id = ids[places[0]! + offset]
      if (id === undefined || id < 0) return false
      return places.every((at) => at + offset >= 0 && ids[at + offset] === id)
    }
    while (right - left < maxLength && same(left - 1)) left--
    while (right - left < maxLength && same(right)) right++
    // A phrase opens and closes on content words, like the 3-gram it grew from, and never inside a
    // katakana compound: Japanese writes オープンソースポリシー as one word, which the segmenter
    // hands over in pieces, and `構成するオープン` reads as a word cut in two.
    const at = places[0]!
    const katakanaAt = (offset: number): boolean => katakana.test(vocabulary.words[ids[offset]!] ?? '')
    // Whether the word at `offset` from a place and the one after it are of one compound, in any occurrence.
    const compound = (offset: number): boolean =>
      places.some((place) => place + offset >= 0 && katakanaAt(place + offset) && katakanaAt(place + offset + 1))
    while (left < right && (vocabulary.content[ids[at + left]!] !== 1 || compound(left - 1))) left++
    while (right > left && (vocabulary.content[ids[at + right - 1]!] !== 1 || compound(right - 1))) right--
    // Cut back to fewer words than the 3-gram it grew from, it is no longer a phrase.
    if (right - left < 3) continue
    const start = places[0]! + left
    const end = places[0]! + right
    if (chosen.some((span) => span.count === places.length && span.start <= start && end <= span.end)) continue
    // A phrase found in exactly the sentences of one listed is more of the same passage: a long new
    // sentence, cut into phrases of eight words or fewer, would fill the list with its pieces.
    const sentences = places.map((at) => index.sentenceAt[at]!).join(' ')
    if (passages.has(sentences)) continue
    const phrase = joinTokens(Array.from(ids.subarray(start, end), (id) => vocabulary.words[id]!))
    if (seen.has(phrase)) continue
    seen.add(phrase)
    passages.add(sentences)
    chosen.push({start, end, count: places.length})
    const evidence = kwicLine(index, index.sentenceAt[start]!, toTermQuery(phrase, options.language))
    out.push({phrase, count: places.length, evidence: wholeLastWord(evidence)})
  }
  return out
}

/**
 * The evidence of a phrase marked to the end of its last word. A phrase is counted on stems, and a
 * Korean word (eojeol) runs on with its particle or ending to the next space: marked on the stem
 * alone, `조직이 시간이 지나` reads as 지나면서 cut in two, and `의도한 것은 아니지` as 아니지만.
 */
function wholeLastWord(line: KwicLine): KwicLine {
  const {match, sentence} = line
  if (!match) return line
  let end = match[1]
  while (end < sentence.length && hangul.test(sentence[end]!) && wordChar.test(sentence[end - 1]!)) end++
  return end === match[1] ? line : {...line, match: [match[0], end]}
}
