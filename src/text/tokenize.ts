/**
 * The tokeniser word diffs run on. Tokens are small enough that a redline marks what a reader would
 * call "the word that changed", and lossless so that joining the tokens gives the text back.
 */
import {languageOf, segmenterOf, unspacedChar, wordCharSource, wordSource} from './languages.js'

/**
 * - `word`: letters and digits, with inner apostrophes, hyphens and digit-dot-digit (`don't`,
 *   `well-known`, `v1.2.0`, `API1:2019`); one `Intl.Segmenter` word in Chinese and Japanese.
 * - `number`: a figure, with its currency sign, grouping, decimals, percent sign and range
 *   (`$35,000,000`, `3.81%`, `2019–2020`).
 * - `punct`: one punctuation mark or symbol.
 * - `space`: a run of whitespace, line breaks included.
 * - `particle`: a Korean particle or ending split off a word (`의` of `한반도의`).
 */
export type TokenKind = 'word' | 'number' | 'punct' | 'space' | 'particle'

export interface Token {
  /** The exact characters of the token. */
  text: string
  kind: TokenKind
}

const digits = String.raw`\p{Nd}+(?:[.,:]\p{Nd}+)*`
const figure = String.raw`[$€£¥₩]?${digits}(?:\s?[%‰])?`
// A number ends where a Latin letter or digit would continue it (`3D`, `2nd` are words), but not
// before a CJK unit (`2019년`, `35个`), so the figure stays a number there too.
const numberSource = String.raw`${figure}(?:[–—-]${figure})?(?![\p{Script=Latin}\p{N}_])`

// Sticky patterns tried at the current position; the first character decides which (faster than
// one alternation with named groups on editions of 100,000+ words).
const spaceAt = /\s+/uy
const numberAt = new RegExp(numberSource, 'uy')
const wordAt = new RegExp(wordSource, 'uy')
const startsNumber = /[$€£¥₩\p{Nd}]/u
const startsWord = new RegExp(wordCharSource, 'u')
const isSpace = /\s/u
const wholeNumber = new RegExp(`^${numberSource}$`, 'u')
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const hangul = /\p{Script=Hangul}/u

/**
 * Split `text` into tokens. Lossless: `tokens.map(t => t.text).join('') === text`.
 *
 * Space-separated languages are split by a pattern (words, numbers, punctuation, spaces). Runs of
 * Chinese or Japanese characters go through `Intl.Segmenter` word segmentation, whatever
 * `language` says, so a Japanese quote inside an English edition is still split into words.
 * Korean words (eojeol) are split into stem and particle/ending (`한반도의` → `한반도` + `의`).
 *
 * @param language BCP 47 tag of the text; picks the segmenter's locale for Han characters
 *   (`ja` for Japanese, else Chinese rules) and is otherwise only a hint.
 */
export function tokenize(text: string, language: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < text.length) {
    const char = String.fromCodePoint(text.codePointAt(at)!)
    let match: string | undefined
    if (isSpace.test(char)) {
      spaceAt.lastIndex = at
      match = spaceAt.exec(text)![0]
      tokens.push({text: match, kind: 'space'})
    } else if (
      startsNumber.test(char) &&
      // biome-ignore lint/complexity/noCommaOperator: the loop positions the sticky pattern and tests it in one condition
      ((numberAt.lastIndex = at), (match = numberAt.exec(text)?.[0]) !== undefined)
    ) {
      tokens.push({text: match, kind: 'number'})
    } else if (startsWord.test(char)) {
      wordAt.lastIndex = at
      match = wordAt.exec(text)![0]
      pushWord(tokens, match, language)
    } else {
      match = char
      pushPunct(tokens, char)
    }
    at += match.length
  }
  return tokens
}

/** Kinds of {@link TokenSpans}, by code: `tokenKinds[spans.kinds[i]]`. */
export const tokenKinds: readonly TokenKind[] = ['word', 'number', 'punct', 'space', 'particle']
const wordCode = 0
const numberCode = 1
const punctCode = 2
const spaceCode = 3

/**
 * The tokens of a text (or of a slice of it) as spans: token `i` is
 * `text.slice(ends[i - 1] ?? from, ends[i])`, of kind `tokenKinds[kinds[i]]`. What {@link tokenize}
 * gives, without an object or a string a token: a diff of two editions compares hundreds of
 * thousands of tokens and reads the text of few, and a trends index counts millions.
 */
export interface TokenSpans {
  /** Where the first token begins in the text. */
  from: number
  ends: Int32Array
  kinds: Uint8Array
  /** The tokens as objects when tokenize() made the spans (Chinese, Japanese, Korean or astral text), else null. */
  tokens: Token[] | null
}

// What tokenize's patterns say of each UTF-16 code unit, filled on first use (0: not yet known).
// `tokenizeUnit`: text that only tokenize() handles: Chinese, Japanese and Korean (segmented,
// particles split), and the halves of surrogate pairs (rare; a code unit alone says nothing of them).
const knownUnit = 1
const spaceUnit = 2
const wordUnit = 4
const numericUnit = 8
const figureStartUnit = 16
const tokenizeUnit = 32
const letterUnit = 64
const unitClasses = new Uint8Array(65536)
const numeric = /\p{N}/u
const letterOrMark = /[\p{L}\p{M}]/u
const segmentedOrParticles = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

function unitClass(code: number): number {
  let known = unitClasses[code]!
  if (known === 0) {
    const char = String.fromCharCode(code)
    known = knownUnit
    if ((code >= 0xd800 && code <= 0xdfff) || segmentedOrParticles.test(char)) known |= tokenizeUnit
    else {
      if (isSpace.test(char)) known |= spaceUnit
      if (startsWord.test(char)) known |= wordUnit
      if (numeric.test(char)) known |= numericUnit
      if (letterOrMark.test(char)) known |= letterUnit
      if (startsNumber.test(char)) known |= figureStartUnit
    }
    unitClasses[code] = known
  }
  return known
}

/** {@link TokenSpans} of tokens that tokenize() made of the slice of a text from `from`. */
function spansOf(tokens: Token[], from: number): TokenSpans {
  const ends = new Int32Array(tokens.length)
  const kinds = new Uint8Array(tokens.length)
  let end = from
  for (let i = 0; i < tokens.length; i++) {
    end += tokens[i]!.text.length
    ends[i] = end
    kinds[i] = tokenKinds.indexOf(tokens[i]!.kind)
  }
  return {from, ends, kinds, tokens}
}

/**
 * Arrays {@link tokenSpans} may write its spans into, for a caller that reads each result before
 * the next call: a paragraph's spans then cost no allocation.
 */
export class SpanRoom {
  private ends = new Int32Array(0)
  private kinds = new Uint8Array(0)

  /** Arrays of at least `length` elements (their contents left from before). */
  take(length: number): [Int32Array, Uint8Array] {
    if (this.ends.length < length) {
      this.ends = new Int32Array(Math.max(length, 2 * this.ends.length))
      this.kinds = new Uint8Array(this.ends.length)
    }
    return [this.ends, this.kinds]
  }
}

/**
 * {@link tokenize} of `text.slice(from, to)` as spans: the same tokens, their offsets into `text`
 * (nothing at or after `to` is read). Text in a spaced script (nearly every paragraph of most
 * editions) is read without an object or a string a token; the rest goes through tokenize. With a
 * `room`, the spans are views of its arrays, valid until its next use.
 */
export function tokenSpans(text: string, language: string, from = 0, to = text.length, room?: SpanRoom): TokenSpans {
  // Up to a code unit that needs tokenize(), every code unit is a character: at most one token each.
  const [ends, kinds] = room ? room.take(to - from) : [new Int32Array(to - from), new Uint8Array(to - from)]
  // The number pattern looks ahead: inside a longer text it runs on the slice alone.
  let slice: string | null = to === text.length ? text : null
  const offset = to === text.length ? 0 : from
  let count = 0
  let at = from
  while (at < to) {
    const code = text.charCodeAt(at)
    const unit = unitClass(code)
    // Such a unit ends a space or word run (it has neither class), so it is met here first.
    if (unit & tokenizeUnit) return spansOf(tokenize(from === 0 && to === text.length ? text : text.slice(from, to), language), from)
    let end = at + 1
    let kind = punctCode
    if (unit & spaceUnit) {
      while (end < to && unitClass(text.charCodeAt(end)) & spaceUnit) end++
      kind = spaceCode
      // biome-ignore lint/complexity/noCommaOperator: the hot loop slices once, positions the sticky pattern and tests it in one condition
    } else if (unit & figureStartUnit && ((slice ??= text.slice(from, to)), (numberAt.lastIndex = at - offset), numberAt.test(slice))) {
      // Figures are few, and their pattern backtracks (`1.5x` is the number `1`): it decides.
      end = numberAt.lastIndex + offset
      kind = numberCode
    } else if (unit & wordUnit) {
      // The word pattern: word characters joined by ' ’ or -, by . or : between digits, by the full
      // stops of a dotted code, and by & between letters.
      for (;;) {
        while (end < to && unitClass(text.charCodeAt(end)) & wordUnit) end++
        if (end + 1 >= to || !(unitClass(text.charCodeAt(end + 1)) & wordUnit)) break
        const joiner = text.charCodeAt(end)
        const digits = unitClass(text.charCodeAt(end - 1)) & unitClass(text.charCodeAt(end + 1)) & numericUnit
        if (
          !(
            joiner === 0x27 ||
            joiner === 0x2019 ||
            joiner === 0x2d ||
            ((joiner === 0x2e || joiner === 0x3a) && digits) ||
            (joiner === 0x2e && codeTailAt(text, end + 1, to)) ||
            (joiner === 0x26 && unitClass(text.charCodeAt(end - 1)) & unitClass(text.charCodeAt(end + 1)) & letterUnit)
          )
        )
          break
        end++
      }
      kind = wordCode
    } else if ((code === 0x25 || code === 0x2030) && count > 0 && kinds[count - 1] === numberCode && !isPercent(text.charCodeAt(at - 1))) {
      // A percent sign the number pattern left alone still belongs to the figure before it.
      ends[count - 1] = end
      at = end
      continue
    }
    ends[count] = end
    kinds[count++] = kind
    at = end
  }
  return {from, ends: ends.subarray(0, count), kinds: kinds.subarray(0, count), tokens: null}
}

/** Whether `text.slice(at, to)` begins with what `codeTailSource` matches (the hand-written path's copy of it). */
function codeTailAt(text: string, at: number, to: number): boolean {
  for (;;) {
    const unit = at < to ? unitClass(text.charCodeAt(at)) : 0
    if (unit & numericUnit) {
      while (at < to && unitClass(text.charCodeAt(at)) & numericUnit) at++
      return at + 1 < to && text.charCodeAt(at) === 0x2e && (unitClass(text.charCodeAt(at + 1)) & numericUnit) !== 0
    }
    if (!(unit & letterUnit)) return false
    while (at < to && unitClass(text.charCodeAt(at)) & letterUnit) at++
    if (at + 1 >= to) return false
    const joiner = text.charCodeAt(at)
    if (joiner === 0x2d) return (unitClass(text.charCodeAt(at + 1)) & numericUnit) !== 0
    if (joiner !== 0x2e) return false
    at++
  }
}

function isPercent(code: number): boolean {
  return code === 0x25 || code === 0x2030
}

/** Where token `i` of `spans` begins. */
export function spanStart(spans: TokenSpans, i: number): number {
  return i === 0 ? spans.from : spans.ends[i - 1]!
}

/** The tokens `start` to `end` of `spans` (over `text`) as objects. */
export function spansToTokens(text: string, spans: TokenSpans, start = 0, end = spans.ends.length): Token[] {
  if (spans.tokens) return spans.tokens.slice(start, end)
  const tokens: Token[] = new Array(end - start)
  for (let i = start; i < end; i++)
    tokens[i - start] = {text: text.slice(spanStart(spans, i), spans.ends[i]!), kind: tokenKinds[spans.kinds[i]!]!}
  return tokens
}

function pushPunct(tokens: Token[], char: string): void {
  const previous = tokens.at(-1)
  // Inside Chinese or Japanese runs the segmenter hands over `3.81` alone; the sign still belongs to it.
  if ((char === '%' || char === '‰') && previous?.kind === 'number' && !/[%‰]$/u.test(previous.text)) {
    previous.text += char
    return
  }
  tokens.push({text: char, kind: 'punct'})
}

function pushWord(tokens: Token[], word: string, language: string): void {
  if (unspacedChar.test(word)) {
    pushSegmented(tokens, word, segmenterLocale(word, language))
    return
  }
  if (hangul.test(word)) {
    // Hangul is Korean whatever the edition's language says.
    const [stem, particle] = languageOf('ko').splitParticle!(word)
    tokens.push({text: stem, kind: 'word'})
    if (particle) tokens.push({text: particle, kind: 'particle'})
    return
  }
  tokens.push({text: word, kind: 'word'})
}

function pushSegmented(tokens: Token[], run: string, locale: string): void {
  for (const {segment, isWordLike} of segmenterOf(locale, 'word').segment(run)) {
    if (wholeNumber.test(segment)) tokens.push({text: segment, kind: 'number'})
    else if (isWordLike || /[\p{L}\p{N}]/u.test(segment)) tokens.push({text: segment, kind: 'word'})
    else for (const char of segment) tokens.push({text: char, kind: 'punct'})
  }
}

function segmenterLocale(run: string, language: string): string {
  const {base} = languageOf(language)
  if (base === 'ja' || base === 'zh') return language
  return kana.test(run) ? 'ja' : 'zh'
}
