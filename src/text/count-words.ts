import {countedWordSource, languageOf, segmenterOf} from './languages.js'

const spacedWord = new RegExp(countedWordSource, 'gu')

/**
 * Count the words of `text` the way readers of `language` would: space-separated words for most
 * languages; `Intl.Segmenter` word-like segments for Chinese, Japanese and Korean, whose words are not
 * (or not only) separated by spaces.
 */
export function countWords(text: string, language: string): number {
  if (!languageOf(language).segmented) return text.match(spacedWord)?.length ?? 0
  let count = 0
  for (const segment of segmenterOf(language, 'word').segment(text)) {
    if (segment.isWordLike) count++
  }
  return count
}
