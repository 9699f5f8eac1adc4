import {eng, fra, por, spa, ita, deu, ind, fas, jpn, zho, kor, nld, rus} from 'stopword'
import {isCjkLanguage} from '../text/detect-script.js'

/** What the aligner compares a section's text on. */
export interface ContentTerms {
  /** Content words (stop words dropped), lower case, in text order. */
  words: string[]
  /** Unigrams and adjacent-word bigrams (`a b`) of `words`: the TF-IDF vocabulary. */
  terms: string[]
  /** Indices into `terms` of the bigrams: the shingles split/merge containment is measured on. */
  shingles: number[]
}

// Stop words weigh nothing in TF-IDF anyway, but dropping them keeps the vectors (and the
// inverted index the aligner scores candidates with) small.
const stopwordLists: Record<string, Set<string>> = Object.fromEntries(
  Object.entries({en: eng, fr: fra, pt: por, es: spa, it: ita, de: deu, id: ind, fa: fas, ja: jpn, zh: zho, ko: kor, nl: nld, ru: rus}).map(
    ([language, list]) => [language, new Set(list.map((word) => word.toLowerCase()))]
  )
)

const segmenters = new Map<string, Intl.Segmenter>()
const nonAscii = /[^\x00-\x7f]/
const spacedWord = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu

function isAsciiAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
}

/** `spacedWord` matches of lower-case ASCII text, by a character loop (the regex costs several times more). */
function asciiWords(lower: string): string[] {
  const out: string[] = []
  const n = lower.length
  let i = 0
  while (i < n) {
    if (!isAsciiAlnum(lower.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    for (;;) {
      while (i < n && isAsciiAlnum(lower.charCodeAt(i))) i++
      const joiner = lower.charCodeAt(i)
      // ' . , - joined to a following letter or digit continue the word (as in spacedWord).
      if ((joiner === 39 || joiner === 46 || joiner === 44 || joiner === 45) && i + 1 < n && isAsciiAlnum(lower.charCodeAt(i + 1))) i++
      else break
    }
    out.push(lower.slice(start, i))
  }
  return out
}

function rawWords(text: string, language: string): string[] {
  const ascii = !nonAscii.test(text)
  // NFKC leaves ASCII as it is; most texts are, and normalising them is not free.
  const lower = (ascii ? text : text.normalize('NFKC')).toLowerCase()
  if (!isCjkLanguage(language)) return ascii ? asciiWords(lower) : (lower.match(spacedWord) ?? [])
  let segmenter = segmenters.get(language)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, {granularity: 'word'})
    segmenters.set(language, segmenter)
  }
  const out: string[] = []
  for (const segment of segmenter.segment(lower)) if (segment.isWordLike) out.push(segment.segment)
  return out
}

/** Content words of `text` in `language` (a BCP 47 tag; its primary subtag picks the stop-word list), lower case, in text order. */
export function toContentWords(text: string, language: string): string[] {
  const primary = language.toLowerCase().split('-')[0] ?? ''
  const stop = stopwordLists[primary]
  const all = rawWords(text, language)
  return stop ? all.filter((word) => !stop.has(word)) : all
}

/** Terms of `text` in `language` (see {@link toContentWords}). */
export function toContentTerms(text: string, language: string): ContentTerms {
  const words = toContentWords(text, language)
  const terms: string[] = [...words]
  const shingles: number[] = []
  for (let i = 1; i < words.length; i++) {
    shingles.push(terms.length)
    terms.push(`${words[i - 1]} ${words[i]}`)
  }
  // A one-word text has no bigram; its word is its only shingle.
  if (words.length === 1) shingles.push(0)
  return {words, terms, shingles}
}
