import {isCjkLanguage} from './detect-script.js'

const segmenters = new Map<string, Intl.Segmenter>()

function wordSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, {granularity: 'word'})
    segmenters.set(language, segmenter)
  }
  return segmenter
}

// A "word" in a space-separated language: a run of non-space characters holding a letter or digit.
// Counting like `wc -w` but ignoring bare punctuation (`–`, `*`, `|`) keeps counts comparable
// between a markdown edition and the same text extracted from a PDF.
const spacedWord = /[^\s]*[\p{L}\p{N}][^\s]*/gu

/**
 * Count the words of `text` the way readers of `language` would: space-separated words for most
 * languages; `Intl.Segmenter` word-like segments for Chinese, Japanese and Korean, whose words are not
 * (or not only) separated by spaces.
 */
export function countWords(text: string, language: string): number {
  if (!isCjkLanguage(language)) return text.match(spacedWord)?.length ?? 0
  let count = 0
  for (const segment of wordSegmenter(language).segment(text)) {
    if (segment.isWordLike) count++
  }
  return count
}
