/**
 * The tokeniser word diffs run on. Tokens are small enough that a redline marks what a reader would
 * call "the word that changed", and lossless so that joining the tokens gives the text back.
 */
import {splitKoreanParticle} from './korean-particles.js'

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
const wordChar = String.raw`[\p{L}\p{M}\p{N}_]`
const wordSource = String.raw`${wordChar}+(?:(?:['’\-]|(?<=\p{N})[.:](?=\p{N}))${wordChar}+)*`

// Sticky patterns tried at the current position; the first character decides which (faster than
// one alternation with named groups on editions of 100,000+ words).
const spaceAt = /\s+/uy
const numberAt = new RegExp(numberSource, 'uy')
const wordAt = new RegExp(wordSource, 'uy')
const startsNumber = /[$€£¥₩\p{Nd}]/u
const startsWord = /[\p{L}\p{M}\p{N}_]/u
const isSpace = /\s/u
const wholeNumber = new RegExp(String.raw`^${numberSource}$`, 'u')
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const hangul = /\p{Script=Hangul}/u

const segmenters = new Map<string, Intl.Segmenter>()

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, {granularity: 'word'})
    segmenters.set(locale, segmenter)
  }
  return segmenter
}

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
    const code = text.charCodeAt(at)
    // Most text of most editions is ASCII: classify it by code, not by a Unicode regex per token.
    const ascii = code < 0x80
    const char = ascii ? text[at]! : String.fromCodePoint(text.codePointAt(at)!)
    let match: string | undefined
    if (ascii ? asciiSpace(code) : isSpace.test(char)) {
      spaceAt.lastIndex = at
      match = spaceAt.exec(text)![0]
      tokens.push({text: match, kind: 'space'})
    } else if ((ascii ? asciiDigit(code) || code === 0x24 : startsNumber.test(char)) && (numberAt.lastIndex = at, (match = numberAt.exec(text)?.[0]) !== undefined)) {
      tokens.push({text: match, kind: 'number'})
    } else if (ascii ? asciiWordStart(code) : startsWord.test(char)) {
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

function pushPunct(tokens: Token[], char: string): void {
  const previous = tokens.at(-1)
  // Inside Chinese or Japanese runs the segmenter hands over `3.81` alone; the sign still belongs to it.
  if ((char === '%' || char === '‰') && previous?.kind === 'number' && !/[%‰]$/u.test(previous.text)) {
    previous.text += char
    return
  }
  tokens.push({text: char, kind: 'punct'})
}

const asciiSpace = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d)
const asciiDigit = (code: number): boolean => code >= 0x30 && code <= 0x39
const asciiWordStart = (code: number): boolean =>
  asciiDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f
const nonAscii = /[^\u0000-\u007f]/u

function pushWord(tokens: Token[], word: string, language: string): void {
  if (!nonAscii.test(word)) {
    tokens.push({text: word, kind: 'word'})
    return
  }
  if (unspacedScript.test(word)) {
    pushSegmented(tokens, word, segmenterLocale(word, language))
    return
  }
  if (hangul.test(word)) {
    const [stem, particle] = splitKoreanParticle(word)
    tokens.push({text: stem, kind: 'word'})
    if (particle) tokens.push({text: particle, kind: 'particle'})
    return
  }
  tokens.push({text: word, kind: 'word'})
}

function pushSegmented(tokens: Token[], run: string, locale: string): void {
  for (const {segment, isWordLike} of wordSegmenter(locale).segment(run)) {
    if (wholeNumber.test(segment)) tokens.push({text: segment, kind: 'number'})
    else if (isWordLike || /[\p{L}\p{N}]/u.test(segment)) tokens.push({text: segment, kind: 'word'})
    else for (const char of segment) tokens.push({text: char, kind: 'punct'})
  }
}

function segmenterLocale(run: string, language: string): string {
  const base = language.toLowerCase().split('-')[0]
  if (base === 'ja' || base === 'zh') return language
  return kana.test(run) ? 'ja' : 'zh'
}
