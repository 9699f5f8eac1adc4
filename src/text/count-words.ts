import {countedWordSource, languageOf, segmenterOf} from './languages.js'
import {segmentText} from './segment-text.js'

const spacedWord = new RegExp(countedWordSource, 'gu')

/**
 * Count the words of `text` the way readers of `language` would: space-separated words for most
 * languages; `Intl.Segmenter` word-like segments for Chinese, Japanese and Korean, whose words are not
 * (or not only) separated by spaces.
 */
export function countWords(text: string, language: string): number {
  if (!languageOf(language).segmented) return text.match(spacedWord)?.length ?? 0
  const segmenter = segmenterOf(language, 'word')
  if (!hangulSyllable.test(text) || joiner.test(text) || !hangulRunsAreWords(segmenter)) return wordSegments(segmenter, text)
  return countHangulText(text, segmenter)
}

function wordSegments(segmenter: Intl.Segmenter, text: string): number {
  let count = 0
  for (const segment of segmentText(segmenter, text)) {
    if (segment.isWordLike) count++
  }
  return count
}

/*
 * Korean text counted without segmenting most of it: the segmenter is the costliest part of reading
 * a long Korean PDF (86 ms of the 332-page guide's main thread), and most of Korean text is runs of
 * Hangul syllables, each of which the segmenter makes one word, between spaces and punctuation that
 * are no part of a word. The count is the segmenter's, by construction:
 * - No word-like segment crosses a space or a line break, and a run of text between them is
 *   segmented the same wherever it stands, except where a combining or format character follows the
 *   break (it joins the space before it): a text holding one is segmented whole (`joiner`).
 * - A run between spaces made of Hangul syllables and characters that the segmenter splits off from
 *   Hangul on both sides without making them words (`·`, `(`, `※`; asked once a character, below)
 *   holds one word per run of syllables, as the segmenter is asked once a locale
 *   (`hangulRunsAreWords`).
 * - Every other run (Latin letters, digits, Hanja beside Hangul) is segmented, all of them joined by
 *   spaces in one call.
 */

const hangulSyllable = /[\uac00-\ud7a3]/u
/** Characters that join the one before them (a space, for the segmenter): marks, format characters, emoji modifiers. */
const joiner = /[\p{Grapheme_Extend}\p{Mc}\p{Cf}\p{Emoji_Modifier}]/u
const syllable = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3
const separator = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09

// What a segmenter was found to do, asked once: whether runs of syllables are words, and per
// character whether it is split off from Hangul and no word itself.
const runsAreWords = new WeakMap<Intl.Segmenter, boolean>()
const splitOff = new WeakMap<Intl.Segmenter, Map<number, boolean>>()

/** Runs of syllables of both kinds (with and without a final consonant: `가`, `각`) are one word-like segment each. */
function hangulRunsAreWords(segmenter: Intl.Segmenter): boolean {
  let known = runsAreWords.get(segmenter)
  if (known === undefined) {
    known = ['가', '각', '가가', '가각', '각가', '각각', '정보보호를', '가 각', '가\n각'].every((text) => {
      const words = [...segmenter.segment(text)].filter((segment) => segment.isWordLike).map((segment) => segment.segment)
      return words.join(' ') === text.replace(/\s/u, ' ')
    })
    runsAreWords.set(segmenter, known)
  }
  return known
}

/** Whether the segmenter splits `code` off from Hangul on both sides and alone and doubled it makes no word. */
function splitsOff(segmenter: Intl.Segmenter, code: number): boolean {
  let known = splitOff.get(segmenter)
  if (!known) splitOff.set(segmenter, (known = new Map()))
  let splits = known.get(code)
  if (splits === undefined) {
    const char = String.fromCodePoint(code)
    const probe = `가${char}가${char}${char}가${char}`
    const words = [...segmenter.segment(probe)].filter((segment) => segment.isWordLike)
    const syllableAt = [0, 1 + char.length, 2 + 3 * char.length]
    splits = words.length === 3 && words.every((word, index) => word.segment === '가' && word.index === syllableAt[index])
    known.set(code, splits)
  }
  return splits
}

function countHangulText(text: string, segmenter: Intl.Segmenter): number {
  let count = 0
  const rest: string[] = []
  const length = text.length
  let i = 0
  while (i < length) {
    if (separator(text.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    let runs = 0
    let inRun = false
    let plain = true
    while (i < length) {
      const code = text.charCodeAt(i)
      if (separator(code)) break
      if (syllable(code)) {
        if (!inRun) runs++
        inRun = true
        i++
        continue
      }
      inRun = false
      if (!plain) {
        i++
        continue
      }
      const point = text.codePointAt(i)!
      plain = splitsOff(segmenter, point)
      i += point > 0xffff ? 2 : 1
    }
    if (plain) count += runs
    else rest.push(text.slice(start, i))
  }
  return rest.length === 0 ? count : count + wordSegments(segmenter, rest.join(' '))
}
