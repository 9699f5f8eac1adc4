import {isAscii} from '../text/detect-script.js'
import {languageOf} from '../text/languages.js'
import {toContentWords} from './content-terms.js'

/** A title prepared for comparison (numbering already stripped by `parseNumbering`). */
export interface TitleKey {
  /** Lower case, NFKC, every run of non-letters/digits one space: `supply chain vulnerabilities`. */
  text: string
  /**
   * Distinct words of `text`; in Chinese, Japanese and Korean its content words (segmenter words,
   * particles and stop words left out), since a run between spaces there is a phrase, not a word.
   */
  tokens: Set<string>
  /** Distinct character n-grams of ` text ` (of the language's `titleGram` size). */
  grams: Set<string>
}

/** Prepare `title` in `language` for {@link titleSimilarity}. */
export function toTitleKey(title: string, language: string): TitleKey {
  // ASCII titles (most) skip NFKC, which leaves them as they are, and the Unicode-aware pattern.
  const text = isAscii(title)
    ? title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : title
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
        .trim()
  const {segmented, titleGram: n} = languageOf(language)
  // "コミュニティへの（積極的な）関わり方の理解" is three runs and "コミュニティ活動への理解" one: as
  // runs they share nothing, as words コミュニティ and 理解.
  const tokens = new Set(text === '' ? [] : segmented ? toContentWords(text, language) : text.split(' '))
  const padded = ` ${text} `
  const grams = new Set<string>()
  if (text !== '') for (let i = 0; i + n <= padded.length; i++) grams.add(padded.slice(i, i + n))
  return {text, tokens, grams}
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const item of small) if (large.has(item)) shared++
  return (2 * shared) / (a.size + b.size)
}

/**
 * How alike two titles are, 0..1: the mean of word overlap and character n-gram overlap (Dice), so
 * a reworded title ("Broken User Authentication" → "Broken Authentication") and a respelled one
 * ("Supply-Chain" → "Supply Chain") both score high. Identical titles score 1; empty ones 0.
 */
export function titleSimilarity(a: TitleKey, b: TitleKey): number {
  if (a.text === '' || b.text === '') return 0
  if (a.text === b.text) return 1
  return (dice(a.tokens, b.tokens) + dice(a.grams, b.grams)) / 2
}

/**
 * How much of the shorter title stands in the longer, 0..1: the share of its character n-grams the
 * other holds. 1 when one title is inside the other whole (`認証の不備` in `認証の不備 (…)`), which
 * {@link titleSimilarity} scores low because of everything the longer one adds.
 */
export function titleContainment(a: TitleKey, b: TitleKey): number {
  if (a.grams.size === 0 || b.grams.size === 0) return 0
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams]
  let shared = 0
  for (const item of small) if (large.has(item)) shared++
  return shared / small.size
}
