/**
 * The document's title printed again above its first numbered clause. ISO's layout (and the Word
 * templates that copy it) sets the title once more at the head of the normative text, on the page
 * where clause 1 begins (`Information technology — OpenChain Specification`, `정보 기술— OpenChain
 * 규격`, `情報技術 - OpenChain 仕様`): set like a heading, with nothing under it, it would become a section
 * of the introduction before it, with no text, which the contents do not list and which a later
 * edition that drops the line reports as removed. A reader takes it for the title, not a section.
 */
import type {Message, TocEntry} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import type {LayoutBlock} from './build-document.js'

/**
 * At least this share of the line's letter pairs occur in the title: the line repeats the title's
 * words, with at most a field prefix (`Information technology —`) or the edition (`Version 2.1`)
 * differing.
 */
const minSharedPairs = 0.5
/** Fewer letters say too little to be known as the title's (`Part 1`). */
const minLetters = 4

const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/** Adjacent letter pairs of a key: a measure that needs no word breaks, as Japanese prints none. */
function letterPairs(text: string): string[] {
  const chars = [...key(text)]
  return chars.slice(1).map((char, index) => chars[index]! + char)
}

/** The share of `line`'s letter pairs that `title` also has (0 when the line has too few letters). */
export function titleShare(line: string, title: string): number {
  if ((line.match(/\p{L}/gu) ?? []).length < minLetters) return 0
  const pairs = letterPairs(line)
  if (pairs.length === 0) return 0
  const inTitle = new Set(letterPairs(title))
  return pairs.filter((pair) => inTitle.has(pair)).length / pairs.length
}

const headingText = (block: LayoutBlock): string => block.lines.map((line) => line.trim()).join(' ')

/**
 * `blocks` without the title printed again above the first numbered clause: an unnumbered heading
 * after other blocks and past the first page, directly followed by the document's first numbered
 * heading (so nothing stands under it), that the printed contents do not list, and whose letters
 * repeat `title`'s (see {@link minSharedPairs}).
 * An `info` message names the line dropped. Blocks are unchanged when there is no title or no such line.
 */
export function dropRepeatedTitle(
  blocks: readonly LayoutBlock[],
  title: string | null,
  toc: readonly TocEntry[]
): {blocks: LayoutBlock[]; messages: Message[]} {
  const unchanged = {blocks: [...blocks], messages: []}
  if (title === null) return unchanged
  const firstNumbered = blocks.findIndex((block) => block.kind === 'heading' && parseNumbering(headingText(block)).numbering !== null)
  const candidate = blocks[firstNumbered - 1]
  // Printed again: after the front matter, on a page after the first (where a one-page paper's cover
  // title and its first heading may well share their words).
  const again = firstNumbered >= 2 && candidate !== undefined && candidate.page !== null && candidate.page > 1
  if (!again || candidate.kind !== 'heading') return unchanged
  const text = headingText(candidate)
  const listed = toc.some((entry) => key(entry.title) === key(text))
  if (listed || titleShare(text, title) < minSharedPairs) return unchanged
  return {
    blocks: blocks.filter((block) => block !== candidate),
    messages: [
      {
        severity: 'info',
        code: 'title-repeated',
        text: `the title printed again above the first numbered clause is not a section: "${text}"`,
        actual: text,
        ...(candidate.page === null ? {} : {page: candidate.page})
      }
    ]
  }
}
