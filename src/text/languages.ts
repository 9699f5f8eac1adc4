/**
 * What wpdiff knows of each language, in one place: how its words are cut and counted, how its
 * sentences are split, its stop words, whether it is written without spaces, the size of the
 * character n-grams its titles are compared by, and its particles. Alignment, diffs and trends all
 * read it from here, so that they drop the same stop words and cut the same words (a word is defined
 * once, at the end of this file).
 *
 * Adding a language: its primary subtag in `stopWordLists` (a list of the `stopword` package), and
 * in `segmented` / `unspaced` when its words are not separated by spaces.
 */
import {createRequire} from 'node:module'
import {splitKoreanParticle} from './korean-particles.js'

/** The facts of one language (see {@link languageOf}). */
export interface Language {
  /** Primary subtag, lower case: `en`, `zh`, `ko`. */
  base: string
  /**
   * Words are cut by `Intl.Segmenter` rather than by the word patterns below, for content words and
   * word counts: Chinese and Japanese (no spaces), Korean (particles attached to words).
   */
  segmented: boolean
  /** Written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Burmese. */
  unspaced: boolean
  /** Size of the character n-grams titles are compared by: 2 where words are one or two characters, else 3. */
  titleGram: number
  /** Stop words, normalised like compared words (NFKC, lower case); one token each. */
  stopWords: ReadonlySet<string>
  /** Splits a trailing particle or ending off a word (`한반도의` → `한반도` + `의`); null where words carry none. */
  splitParticle: ((word: string) => [stem: string, particle: string]) | null
}

// BCP 47 primary subtag → the `stopword` package's list (ISO 639-3). Only languages the corpora and
// users are expected to bring; any other gets no stop words (counts stay right, lists get noisier).
const stopWordLists: Record<string, string> = {
  en: 'eng',
  ko: 'kor',
  ja: 'jpn',
  zh: 'zho',
  fr: 'fra',
  de: 'deu',
  es: 'spa',
  it: 'ita',
  pt: 'por',
  nl: 'nld',
  ru: 'rus',
  fa: 'fas',
  id: 'ind',
  ar: 'ara',
  pl: 'pol',
  sv: 'swe',
  tr: 'tur',
  vi: 'vie'
}

// Missing from the package's 108-word English list, yet function words in every edition we read.
const extraEnglish = [
  'will',
  'not',
  'no',
  'nor',
  'its',
  "it's",
  'us',
  'all',
  'so',
  'also',
  'shall',
  'may',
  'upon',
  'yet',
  'every',
  'own',
  'against',
  'during',
  'within',
  'without',
  'toward',
  'towards',
  'among',
  'across',
  'let',
  'whose',
  'whom',
  'onto',
  'per',
  'via',
  'ours',
  'ourselves',
  'themselves',
  'itself',
  'herself',
  'yours',
  'few',
  'once',
  'again',
  'further',
  'above',
  'below',
  'off',
  'down',
  'why',
  'just',
  'don',
  's',
  't',
  'ever'
]

const segmented = new Set(['zh', 'ja', 'ko'])
const unspaced = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my'])

const languages = new Map<string, Language>()

/** The primary subtag of a BCP 47 tag, lower case (`zh-CN` → `zh`). */
export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? ''
}

/** What is known of the language tagged `tag` (BCP 47); a language not listed gets the defaults of a spaced one without stop words. */
export function languageOf(tag: string): Language {
  const known = languages.get(tag)
  if (known) return known
  const base = baseLanguage(tag)
  let language = languages.get(base)
  if (!language) {
    let stops: ReadonlySet<string> | null = null
    language = {
      base,
      segmented: segmented.has(base),
      unspaced: unspaced.has(base),
      titleGram: segmented.has(base) ? 2 : 3,
      // Made when first read: counting words, which is all reading an edition asks of a language, never does.
      get stopWords() {
        stops ??= toStopWords(base)
        return stops
      },
      splitParticle: base === 'ko' ? splitKoreanParticle : null
    }
    languages.set(base, language)
  }
  languages.set(tag, language)
  return language
}

/**
 * The `stopword` package, loaded on first use: its 320 KB of lists cost some 9 ms of CPU to load, at
 * the start of every command, where only alignment and trends read them.
 */
let stopWordPackage: Record<string, string[] | undefined> | null = null

function toStopWords(base: string): ReadonlySet<string> {
  const name = stopWordLists[base]
  stopWordPackage ??= name ? (createRequire(import.meta.url)('stopword') as Record<string, string[] | undefined>) : null
  const list = name ? (stopWordPackage?.[name] ?? []) : []
  const words = base === 'en' ? [...list, ...extraEnglish] : list
  // Multi-word entries never match: stop words are dropped a token at a time.
  return new Set(words.filter((word) => !/\s/u.test(word)).map((word) => word.normalize('NFKC').toLowerCase()))
}

/** The stop words of the language tagged `tag` (see {@link Language.stopWords}). */
export function stopWords(tag: string): ReadonlySet<string> {
  return languageOf(tag).stopWords
}

/**
 * A Han, Hiragana or Katakana character: script written without spaces, whatever the edition's
 * language. The long-vowel mark ー is of neither kana script in Unicode (it is shared by both), yet
 * it ends katakana words (ポリシー, メンバー), which meet the next word without a space.
 */
export const unspacedChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u

// Every Intl.Segmenter made, by granularity and locale: making one costs far more than using it.
const segmenters = new Map<string, Intl.Segmenter>()

/** The `Intl.Segmenter` of `locale` at `granularity`, made once. Throws a RangeError on a malformed tag. */
export function segmenterOf(locale: string, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${granularity} ${locale}`
  let segmenter = segmenters.get(key)
  if (!segmenter) segmenters.set(key, (segmenter = new Intl.Segmenter(locale, {granularity})))
  return segmenter
}

/*
 * What a word is, defined once. Every stage reads words from here: the tokeniser (`tokenize`,
 * whose `word` and `number` tokens are the words of a redline, of trends and, folded, the content
 * words alignment compares) and the word count of an outline, which counts like a word processor.
 * tests/text/word-definition.test.ts shows how the two relate.
 */

/** A character words are made of: a letter, a combining mark, a digit or `_`. */
export const wordCharSource = String.raw`[\p{L}\p{M}\p{N}_]`

/**
 * What follows the full stop of a dotted code (`PW.8.1`, `A.5.1`, `MS.EXO.4.1v1`, `PR.AC-1`): more
 * letter parts, then a number of two levels or a letter part hyphenated to a digit. A reader reads
 * such a code as one name of a practice or requirement; cut at its full stops, its letters (`pw`,
 * `exo`) would count as words. A word with a full stop and one number after it (`cluster.1`) is
 * left cut: that is a footnote mark or a missing space as often as a code.
 */
export const codeTailSource = String.raw`(?:[\p{L}\p{M}]+\.)*(?:\p{N}+\.\p{N}|[\p{L}\p{M}]+-\p{N})`

/**
 * A word: word characters, joined across `'`, `’` and `-`, across `.` and `:` between digits
 * (`don't`, `well-known`, `v1.2.0`), across the full stops of a dotted code (`PW.8.1`, see
 * {@link codeTailSource}), and across `&` between letters (`R&D`, `ATT&CK`, one name), so that a redline marks the word a reader would say changed and
 * alignment compares a compound as one term. Figures (`$35,000`, `3.81%`, `2019–2020`) are
 * `tokenize`'s `number` tokens, which begin where a word would (with a digit) or with a currency sign.
 */
export const wordSource = String.raw`${wordCharSource}+(?:(?:['’\-]|(?<=\p{N})[.:](?=\p{N})|\.(?=${codeTailSource})|(?<=[\p{L}\p{M}])&(?=[\p{L}\p{M}]))${wordCharSource}+)*`

/**
 * A word as a word processor counts it (`countWords`), in spaced scripts: a run of non-space
 * characters holding a word character. Like `wc -w` but ignoring bare punctuation (`–`, `*`, `|`), so
 * a Markdown edition and the same text extracted from a PDF count alike. Each such run holds at
 * least one word or number token of `tokenize`, and more where punctuation joins them (`and/or`).
 * A run is only tried from its start: tried from each of its characters, a long run without a word
 * character (`|-|-|…`, a rule of dashes) cost time in the square of its length (a 400 KB one, 20 s).
 */
export const countedWordSource = String.raw`(?<!\S)[^\s]*${wordCharSource}[^\s]*`
