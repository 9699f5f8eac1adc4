import {isAscii} from '../text/detect-script.js'
import {splitKoreanParticle} from '../text/korean-particles.js'
import {contentWordSource, languageOf, segmenterOf} from '../text/languages.js'
import {isNfkcStable} from '../text/to-nfkc.js'
import {endSecond, firstSeed, hashFirst, hashSecond, mixFirst, mixSecond, PairTable, secondSeed} from '../text/pair-table.js'
import type {TypedArena} from './typed-arena.js'

// Stop words (the language registry's, the same trends drop) weigh nothing in TF-IDF anyway, but
// dropping them keeps the vectors (and the inverted index the aligner scores candidates with) small.
const spacedWord = new RegExp(contentWordSource, 'gu')

/** NFKC (which leaves ASCII as it is, so ASCII texts skip it), lower case. */
function fold(text: string): string {
  return (isAscii(text) ? text : text.normalize('NFKC')).toLowerCase()
}

/**
 * Content words of `text` in `language` (a BCP 47 tag; its primary subtag picks the stop-word
 * list), lower case, NFKC, in text order. A word is a `contentWordSource` match (`don't`, `3.5`,
 * `supply-chain`); Chinese, Japanese and Korean are cut by `Intl.Segmenter` (see `languageOf`). This is the definition; {@link ContentVocabulary.wordIds} computes the same
 * words as ids without building their strings.
 */
export function toContentWords(text: string, language: string): string[] {
  const lower = fold(text)
  const all: string[] = []
  const {segmented, stopWords: stop} = languageOf(language)
  if (segmented) {
    const korean = languageOf(language).base === 'ko'
    for (const segment of segmenterOf(language, 'word').segment(lower))
      if (segment.isWordLike) all.push(korean ? splitKoreanParticle(segment.segment)[0] : segment.segment)
  } else all.push(...(lower.match(spacedWord) ?? []))
  return stop.size > 0 ? all.filter((word) => !stop.has(word)) : all
}

// Letter-or-digit test per UTF-16 code unit, filled on first use: 1 yes, 2 no, 0 not yet known.
const wordUnit = new Uint8Array(65536)
const letterOrDigit = /^[\p{L}\p{N}]$/u
for (let code = 0; code < 128; code++)
  wordUnit[code] = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 2

/** Length in code units (0, 1 or 2) of the letter or digit starting at `i` in `text`. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  let known = wordUnit[code]!
  if (known === 0) {
    // A surrogate half is never a letter alone; its pair is tested as one code point below.
    wordUnit[code] = known = code >= 0xd800 && code <= 0xdfff ? 2 : letterOrDigit.test(String.fromCharCode(code)) ? 1 : 2
  }
  if (known === 1) return 1
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const point = text.codePointAt(i)!
    if (point > 0xffff && letterOrDigit.test(String.fromCodePoint(point))) return 2
  }
  return 0
}

// Per UTF-16 code unit, for reading text that NFKC leaves alone without normalising or
// lower-casing it first (see isNfkcStable): its kind in the high bits (0 not known yet, 1 such a
// character but not a letter or digit, 2 such a letter or digit, 3 any other character) and its
// lower case in the low 16, so that one read gives both.
const plainUnit = new Int32Array(65536)
const letterKind = 2 << 16
const otherKind = 3 << 16

/** Kind and lower case of code unit `code` (see plainUnit), worked out on first use. */
function plainUnitOf(code: number): number {
  let unit = plainUnit[code]!
  if (unit === 0) {
    const char = String.fromCharCode(code)
    // Each such character lower-cases to one (isNfkcStable). NUL is left to the general path.
    const lower = char.toLowerCase()
    const kind = code === 0 || !isNfkcStable(char) ? 3 : letterOrDigit.test(lower) ? 2 : 1
    plainUnit[code] = unit = (kind << 16) | lower.charCodeAt(0)
  }
  return unit
}

function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 46 || code === 44 || code === 45
}

const stopId = -1

/**
 * Dense term ids shared by the editions being compared: content words, and bigrams keyed by the ids
 * of their two words (so no bigram string is ever built). Ids are given in order of first use.
 */
export class ContentVocabulary {
  /** Number of ids given (every id is below it). */
  size = 0
  private readonly words = new PairTable()
  private readonly bigrams = new PairTable()
  // Per language: word hash → id, or stopId; a miss falls through to `words`.
  private readonly byLanguage = new Map<string, PairTable>()
  private readonly byTag = new Map<string, {table: PairTable; cjk: boolean; korean: boolean}>()
  // Scratch for wordIds(): the ids found so far.
  private buffer = new Int32Array(1024)

  /** The id of a content word (or -1 for a stop word of `language`), given the string. */
  idOf(word: string, language: string): number {
    return this.lookup(word, 0, word.length, this.forTag(language).table)
  }

  /**
   * Ids of the content words of `text` in `language`: `toContentWords(text, language)` interned,
   * without their strings; carved out of `arena` when one is given.
   */
  wordIds(text: string, language: string, arena?: TypedArena): Int32Array {
    const {table, cjk, korean} = this.forTag(language)
    // Most paragraphs are made of characters NFKC leaves alone: they are read as they are,
    // lower-cased a character at a time. The others are normalised and lower-cased whole first.
    if (!cjk) {
      const count = this.plainWordIds(text, table, this.room(text.length))
      if (count >= 0) return this.take(count, arena)
    }
    const lower = fold(text)
    const out = this.room(lower.length)
    let count = 0
    if (cjk) {
      for (const segment of segmenterOf(language, 'word').segment(lower))
        if (segment.isWordLike) {
          // A Korean word is its stem: 보안을, 보안의 and 보안 are one word with three particles.
          const length = korean ? splitKoreanParticle(segment.segment)[0].length : segment.segment.length
          const id = this.lookup(lower, segment.index, segment.index + length, table)
          if (id !== stopId) out[count++] = id
        }
    } else count = this.foldedWordIds(lower, table, out)
    return this.take(count, arena)
  }

  /** The scratch buffer, large enough for the words of a text of `length` code units (fewer than half of them, plus one). */
  private room(length: number): Int32Array {
    if (this.buffer.length < (length >> 1) + 1) this.buffer = new Int32Array(Math.max((length >> 1) + 1, 2 * this.buffer.length))
    return this.buffer
  }

  /** The first `count` ids of the scratch buffer, carved out of `arena` when one is given. */
  private take(count: number, arena?: TypedArena): Int32Array {
    return arena ? arena.copyInt32(this.buffer, 0, count) : this.buffer.slice(0, count)
  }

  /**
   * `wordIds` of `text` read as it is, each character lower-cased alone, into `out`: the number of
   * ids, or -1 as soon as a character is met that NFKC might change or that does not lower-case
   * alone (the text then takes the general path).
   */
  private plainWordIds(text: string, table: PairTable, out: Int32Array): number {
    const n = text.length
    let count = 0
    let i = 0
    while (i < n) {
      let unit = plainUnitOf(text.charCodeAt(i))
      if (unit < letterKind) {
        i++
        continue
      }
      if (unit >= otherKind) return -1
      const start = i
      let first = firstSeed
      let second = secondSeed
      for (;;) {
        do {
          const code = unit & 0xffff
          first = mixFirst(first, code)
          second = mixSecond(second, code)
          i++
        } while (i < n && (unit = plainUnitOf(text.charCodeAt(i))) < otherKind && unit >= letterKind)
        if (i < n && unit >= otherKind) return -1
        // A joiner between two letters or digits continues the word (joiners have no case).
        const code = i + 1 < n ? text.charCodeAt(i) : 0
        if (isJoiner(code) && ((unit = plainUnitOf(text.charCodeAt(i + 1))) & 0x30000) === letterKind) {
          first = mixFirst(first, code)
          second = mixSecond(second, code)
          i++
        } else break
      }
      const id = this.find(first, endSecond(second, i - start), table)
      if (id !== stopId) out[count++] = id
    }
    return count
  }

  /** `wordIds` of `lower`, the text already normalised and lower-cased. */
  private foldedWordIds(lower: string, table: PairTable, out: Int32Array): number {
    let count = 0
    const n = lower.length
    let i = 0
    while (i < n) {
      let step = wordCharAt(lower, i)
      if (step === 0) {
        i++
        continue
      }
      const start = i
      let first = firstSeed
      let second = secondSeed
      for (;;) {
        do {
          // A letter is one code unit, or two (a surrogate pair).
          let code = lower.charCodeAt(i)
          first = mixFirst(first, code)
          second = mixSecond(second, code)
          if (step === 2) {
            code = lower.charCodeAt(i + 1)
            first = mixFirst(first, code)
            second = mixSecond(second, code)
          }
          i += step
        } while (i < n && (step = wordCharAt(lower, i)) > 0)
        // A joiner between two letters or digits continues the word.
        const code = i + 1 < n ? lower.charCodeAt(i) : 0
        if (isJoiner(code) && (step = wordCharAt(lower, i + 1)) > 0) {
          first = mixFirst(first, code)
          second = mixSecond(second, code)
          i++
        } else break
      }
      const id = this.find(first, endSecond(second, i - start), table)
      if (id !== stopId) out[count++] = id
    }
    return count
  }

  /** The id of the bigram of word ids `first`, `second`. */
  bigram(first: number, second: number): number {
    let id = this.bigrams.get(first, second, -1)
    if (id === -1) this.bigrams.set(first, second, (id = this.size++))
    return id
  }

  // Called once per paragraph: the tag as given is looked up before it is parsed.
  private forTag(language: string): {table: PairTable; cjk: boolean; korean: boolean} {
    const known = this.byTag.get(language)
    if (known) return known
    const {base, segmented, stopWords: stop} = languageOf(language)
    let table = this.byLanguage.get(base)
    if (!table) {
      this.byLanguage.set(base, (table = new PairTable()))
      for (const word of stop) table.set(hashFirst(word, 0, word.length), hashSecond(word, 0, word.length), stopId)
    }
    const entry = {table, cjk: segmented, korean: base === 'ko'}
    this.byTag.set(language, entry)
    return entry
  }

  private lookup(text: string, start: number, end: number, table: PairTable): number {
    return this.find(hashFirst(text, start, end), hashSecond(text, start, end), table)
  }

  /** The id of the word hashed `a`, `b` (given one if new), or stopId. */
  private find(a: number, b: number, table: PairTable): number {
    let id = table.get(a, b, -2)
    if (id !== -2) return id
    id = this.words.get(a, b, -2)
    if (id === -2) this.words.set(a, b, (id = this.size++))
    table.set(a, b, id)
    return id
  }
}
