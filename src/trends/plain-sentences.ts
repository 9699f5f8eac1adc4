/**
 * The sentences of a plain block (see `isPlain`: ASCII plus curly quotes, dashes and bullets)
 * without `Intl.Segmenter`: on plain text the Unicode sentence rules (UAX #29) come down to a few
 * character classes, and a scan over them costs far less than ICU, which was the largest single
 * cost of indexing a long edition.
 *
 * The result is exactly `splitSentences(text, language)` (and `blockSentences`) — segmenter breaks, then its fixes for
 * abbreviations, lower-case continuations and opening quotes. tests/trends/plain-sentences.test.ts
 * checks that on generated text and on every plain paragraph of the corpora.
 */
import {sentenceAbbreviations, type Sentence} from '../text/split-sentences.js'
import {segmenterOf} from '../text/languages.js'
import {blockSentences} from './block-sentences.js'

// Sentence_Break values of the plain alphabet (UAX #29 table 4); Sep, OLetter, Extend and Format
// have no member in it.
const other = 0
const cr = 1
const lf = 2
const sp = 3
const lower = 4
const upper = 5
const numeric = 6
const aTerm = 7
const sTerm = 8
const close = 9
const sContinue = 10

const asciiClass = new Uint8Array(128)
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code)
  asciiClass[code] = /[a-z]/u.test(char) ? lower : /[A-Z]/u.test(char) ? upper : /[0-9]/u.test(char) ? numeric : other
}
asciiClass[0x0d] = cr
asciiClass[0x0a] = lf
for (const code of [0x09, 0x0b, 0x0c, 0x20]) asciiClass[code] = sp
asciiClass[0x2e] = aTerm
asciiClass[0x21] = sTerm
asciiClass[0x3f] = sTerm
for (const char of `"'()[]{}`) asciiClass[char.charCodeAt(0)] = close
for (const char of ',-:;') asciiClass[char.charCodeAt(0)] = sContinue

function classAt(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code < 128) return asciiClass[code]!
  // ‘ ’ “ ” are Close, – — SContinue, • Other.
  if (code >= 0x2018 && code <= 0x201d) return close
  if (code === 0x2013 || code === 0x2014) return sContinue
  return other
}

// The scan assumes the root rules and the character classes of the Unicode version this was
// written for (17, where `;` became SContinue). A language whose segmenter disagrees on any probe —
// Greek, whose `;` is a question mark, or an older ICU — keeps the segmenter.
const plainAlphabet = [...Array.from({length: 128}, (_, code) => String.fromCharCode(code)), '‘', '’', '“', '”', '–', '—', '•']
const probeTemplates = ['a#B', 'A.#B', 'A. #b', 'A? # B', '1.#1', '#.A', 'a.#\nB', 'A.)# b']
const agreement = new Map<string, boolean>()

function scanAgrees(language: string): boolean {
  let agrees = agreement.get(language)
  if (agrees === undefined) {
    let segmenter: Intl.Segmenter
    try {
      segmenter = segmenterOf(language, 'sentence')
    } catch {
      // Not a language tag: blockSentences fails (or not) as before.
      return false
    }
    agrees = plainAlphabet.every((char) =>
      probeTemplates.every((template) => {
        const probe = template.replace('#', char)
        const ends = Array.from(segmenter.segment(probe), ({index, segment}) => index + segment.length)
        return ends.join() === plainSegmentEnds(probe).join()
      })
    )
    agreement.set(language, agrees)
  }
  return agrees
}

// Where a break can follow: a terminator or a line break.
const breakable = /[.!?\r\n]/gu

/** End offsets of the segments `Intl.Segmenter` (root sentence rules) gives for plain `text`. */
export function plainSegmentEnds(text: string): number[] {
  const ends: number[] = []
  const length = text.length
  let at = 0
  while (at < length) {
    breakable.lastIndex = at
    if (breakable.exec(text) === null) break
    at = breakable.lastIndex - 1
    const kind = classAt(text, at)
    // SB3, SB4: break after a line break, CR LF kept together.
    if (kind === cr) {
      at += text.charCodeAt(at + 1) === 0x0a ? 2 : 1
      ends.push(at)
      continue
    }
    if (kind === lf) {
      ends.push(++at)
      continue
    }
    // A terminator: SB9, SB10 keep the closing marks and spaces after it in its sentence.
    const term = at
    let next = at + 1
    while (next < length && classAt(text, next) === close) next++
    while (next < length && classAt(text, next) === sp) next++
    at = next
    if (next >= length) break
    const following = classAt(text, next)
    // A line break ends the sentence after itself (SB11 with ParaSep); SB8a: no break before a comma-like mark or another terminator.
    if (following === cr || following === lf || following === sContinue || following === aTerm || following === sTerm) continue
    if (kind === aTerm) {
      // SB6 (`3.5`) and SB7 (`U.S`) hold only right after the full stop.
      if (next === term + 1) {
        if (following === numeric) continue
        if (following === upper && term > 0) {
          const before = classAt(text, term - 1)
          if (before === upper || before === lower) continue
        }
      }
      // SB8: no break when the next letter, past anything but letters and terminators, is lower case.
      let look = next
      let letter = other
      while (look < length) {
        const found = classAt(text, look)
        if (found === lower || found === upper || found === cr || found === lf || found === aTerm || found === sTerm) {
          letter = found
          break
        }
        look++
      }
      if (letter === lower) continue
    }
    ends.push(next)
  }
  if (ends.length === 0 || ends[ends.length - 1] !== length) ends.push(length)
  return ends
}

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13)
}

function isLetterCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
}

/** splitSentences' `^\s*\p{Ll}` on plain text. */
function startsLowerCase(text: string, start: number, end: number): boolean {
  let at = start
  while (at < end && isSpaceCode(text.charCodeAt(at))) at++
  if (at >= end) return false
  const code = text.charCodeAt(at)
  return code >= 97 && code <= 122
}

/** splitSentences' test for a known abbreviation ending text[start, end), done on char codes. */
function endsWithAbbreviation(text: string, start: number, end: number): boolean {
  let stop = end
  while (stop > start && isSpaceCode(text.charCodeAt(stop - 1))) stop--
  if (stop === start || text.charCodeAt(stop - 1) !== 0x2e) return false
  // The word before the full stop: letters and dots, opening and closing on a letter.
  const last = stop - 1
  let first = last
  while (first > start) {
    const code = text.charCodeAt(first - 1)
    if (!isLetterCode(code) && code !== 0x2e) break
    first--
  }
  if (first === last || !isLetterCode(text.charCodeAt(first)) || !isLetterCode(text.charCodeAt(last - 1))) return false
  if (first > start) {
    const code = text.charCodeAt(first - 1)
    if (!isSpaceCode(code) && code !== 0x28 && code !== 0x201c && code !== 0x22 && code !== 0x27 && code !== 0x2018) return false
  }
  return sentenceAbbreviations.has(text.slice(first, last).toLowerCase())
}

/** splitSentences' opening-quote test on text[start, end) (plain, so one code unit per character). */
function endsWithOpeningQuote(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1)
  if (last === 0x201c || last === 0x2018) return true
  if (last !== 0x22 || end - 1 <= start) return false
  const before = text.charCodeAt(end - 2)
  if (before !== 0x2e && before !== 0x21 && before !== 0x3f) return false
  // An opening quote only when the quotes of the piece do not pair up.
  let quotes = 0
  for (let at = start; at < end; at++) if (text.charCodeAt(at) === 0x22) quotes++
  return quotes % 2 === 1
}

/**
 * The sentences of plain `text` (the caller checked `isPlain`), exactly as
 * `splitSentences(text, language)` gives them.
 */
export function plainSentences(text: string, language: string): Sentence[] {
  if (!scanAgrees(language)) return blockSentences(text, language)
  const starts: number[] = []
  const ends: number[] = []
  let start = 0
  for (const end of plainSegmentEnds(text)) {
    const previous = ends.length - 1
    if (previous >= 0 && (startsLowerCase(text, start, end) || endsWithAbbreviation(text, starts[previous]!, ends[previous]!))) {
      ends[previous] = end
    } else {
      starts.push(start)
      ends.push(end)
    }
    start = end
  }
  for (let i = 0; i + 1 < starts.length; i++) {
    if (ends[i]! > starts[i]! && endsWithOpeningQuote(text, starts[i]!, ends[i]!)) {
      ends[i]!--
      starts[i + 1]!--
    }
  }
  const sentences: Sentence[] = []
  for (let i = 0; i < starts.length; i++) {
    let first = starts[i]!
    let last = ends[i]!
    while (first < last && isSpaceCode(text.charCodeAt(first))) first++
    while (last > first && isSpaceCode(text.charCodeAt(last - 1))) last--
    if (first === last) continue
    sentences.push({text: text.slice(first, last), start: first, end: last})
  }
  return sentences
}
