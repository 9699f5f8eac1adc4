import type {BadgeLine} from './merge-heading-badges.js'
import {joinLineList, type Lexicon} from './repair-words.js'

/**
 * A document's title as its cover prints it, for PDFs whose title is not a heading style of its own
 * (a cover set in the size of the chapter titles, or a title in two sizes), and a test for the
 * document information's title, which Word and Hwp often fill with the file's name.
 */

/** A cover title and its second line in the same type: more lines in the largest type are display text, not a title. */
const maxCoverLines = 4
/** Longer text in the cover's largest type is a paragraph set large, not a title. */
const maxCoverChars = 120
/** Fewer letters are a badge or a year (`05`, `2026`, `요약본`), not what the document is called. */
const minCoverLetters = 4
/** Lines within this many points of the largest size are set in it (sizes are measured in half points). */
const sameSize = 0.5
/** A contents page's own title is never the document's. */
const contentsTitle = /^(?:table\s*of\s*)?contents$|^목\s*차$|^차\s*례$|^目\s*次$|^目\s*录$/iu

/**
 * The lines set in the largest type on the cover (the first page), joined in reading order, when
 * that type is a heading's (`minSize` and above) and what it says reads as a title: a few lines, some
 * letters, not a contents page's heading. Null otherwise: a document that opens with body text, or
 * a cover that is a picture.
 */
export function coverTitle(lines: readonly BadgeLine[], minSize: number, lexicon: Lexicon): string | null {
  const largest = lines.reduce((size, line) => Math.max(size, line.size), 0)
  if (largest < minSize) return null
  const title = lines.filter((line) => line.size >= largest - sameSize && line.text.trim() !== '')
  if (title.length > maxCoverLines) return null
  const text = joinLineList(
    title.map((line) => line.text),
    lexicon
  )
  if (text.length > maxCoverChars || (text.match(/\p{L}/gu) ?? []).length < minCoverLetters) return null
  return contentsTitle.test(text.trim()) ? null : text
}

/**
 * The document information's title names a file, not the document: `OpenChain-2.1_original_ja`,
 * `Microsoft Word - draft.docx`. Such a title is worse than none.
 */
export function isFileNameTitle(title: string): boolean {
  return /\.(?:docx?|pdf|hwpx?|indd|pptx?|odt|rtf|txt)$/iu.test(title.trim()) || (!/\s/u.test(title.trim()) && title.includes('_'))
}
