/**
 * Sentences for diffs and quotes: `Intl.Segmenter` sentence segments, cleaned of the segmenter's
 * known mistakes in English-like text.
 */
import {segmenterOf} from './languages.js'
import {segmentText} from './segment-text.js'

export interface Sentence {
  /** The sentence without surrounding whitespace. */
  text: string
  /** Offset of the sentence's first character in the input. */
  start: number
  /** Offset just after its last character: `input.slice(start, end) === text`. */
  end: number
}

// Abbreviations after which ICU ends a sentence although the sentence goes on ("Mr. Smith").
// Lower-cased, without the final dot. Exported for the trends' plain-text splitter, which must agree.
export const sentenceAbbreviations: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'mt',
  'vs',
  'e.g',
  'i.e',
  'cf',
  'fig',
  'figs',
  'no',
  'nos',
  'art',
  'sec',
  'ch',
  'vol',
  'p',
  'pp',
  'para',
  'approx',
  'ca',
  'resp',
  'dept',
  'est',
  'gen',
  'gov',
  'rev',
  'hon',
  'sen',
  'rep',
  'op',
  'al'
])

const trailingAbbreviation = /(?:^|[\s(“"'‘])([\p{L}](?:[\p{L}.]*[\p{L}])?)\.\s*$/u
const openingQuoteAtEnd = /[“‘«「『]$|(?<=[.!?。！？])"$/u

/**
 * Split `text` into sentences in reading order. Whitespace between sentences belongs to none;
 * whitespace-only input gives `[]`.
 *
 * Fixes over the raw segmenter: no break after a known abbreviation (`Mr.`, `Dr.`, `e.g.`, `Fig.`)
 * or before a lower-case letter; an opening quote the segmenter left at the end of a sentence
 * (`It ends."Next…`) moves to the sentence it opens.
 */
export function splitSentences(text: string, language: string): Sentence[] {
  const pieces: Array<{start: number; end: number}> = []
  for (const {segment, index} of segmentText(segmenterOf(language, 'sentence'), text)) {
    const previous = pieces.at(-1)
    if (previous && continuesSentence(text.slice(previous.start, previous.end), segment)) {
      previous.end = index + segment.length
    } else {
      pieces.push({start: index, end: index + segment.length})
    }
  }
  for (let i = 0; i + 1 < pieces.length; i++) {
    const piece = pieces[i]!
    const body = text.slice(piece.start, piece.end)
    if (openingQuoteAtEnd.test(body) && !quotesBalanced(body)) {
      const size = [...body].at(-1)!.length
      piece.end -= size
      pieces[i + 1]!.start -= size
    }
  }
  const sentences: Sentence[] = []
  for (const piece of pieces) {
    const raw = text.slice(piece.start, piece.end)
    const leading = raw.length - raw.trimStart().length
    const trimmed = raw.trim()
    if (trimmed === '') continue
    const start = piece.start + leading
    sentences.push({text: trimmed, start, end: start + trimmed.length})
  }
  return sentences
}

function continuesSentence(previous: string, next: string): boolean {
  if (/^\s*\p{Ll}/u.test(next)) return true
  const match = trailingAbbreviation.exec(previous)
  return match !== null && sentenceAbbreviations.has(match[1]!.toLowerCase())
}

// A straight quote at the end is an opening one only when the sentence holds an odd number of them.
function quotesBalanced(body: string): boolean {
  const last = body.at(-1)!
  if (last !== '"') return false
  return (body.split(last).length - 1) % 2 === 0
}
