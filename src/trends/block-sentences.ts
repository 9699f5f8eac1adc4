/**
 * The sentences of one block: `splitSentences`, skipped for a block that cannot hold a sentence
 * break (a heading-like line, a list item or table cell without a full stop), which is then one
 * sentence.
 */
import {splitSentences, type Sentence} from '../text/split-sentences.js'

// The segmenter (Unicode sentence rules, UAX #29) breaks only after a sentence terminator — `.`
// and its look-alikes (ATerm) or `!`, `?`, `。`… (STerm, all Sentence_Terminal) — or after a
// paragraph separator (SB4, SB11). Text without any has one segment, and splitSentences' fixes
// (joins and quote moves) need two.
const mayBreak = /[\p{Sentence_Terminal}.\u2024\ufe52\uff0e\n\r\u0085\u2028\u2029]/u

/** The sentences of `text`, exactly as `splitSentences(text, language)` gives them. */
export function blockSentences(text: string, language: string): Sentence[] {
  if (mayBreak.test(text)) return splitSentences(text, language)
  const trimmed = text.trim()
  if (trimmed === '') return []
  const start = text.length - text.trimStart().length
  return [{text: trimmed, start, end: start + trimmed.length}]
}
