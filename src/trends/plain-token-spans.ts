/**
 * Where the counted tokens of a plain sentence are, as offsets into the text that holds it: the
 * trends index looks words up by their characters and makes a string only for a word it has not
 * seen, so the millions of tokens of a long series cost no allocation each.
 *
 * The tokens are those of `plainTokens` (and so of `tokenize`) on `text.slice(from, to)`; nothing
 * at or after `to` is read.
 */

import {spanStart, tokenKinds, tokenSpans} from '../text/tokenize.js'

/** Kinds of a plain token (the `TokenKind`s that can occur in plain text, spaces left out). */
export const plainWord = tokenKinds.indexOf('word')
export const plainNumber = tokenKinds.indexOf('number')
export const plainPunct = tokenKinds.indexOf('punct')
const spaceKind = tokenKinds.indexOf('space')

/**
 * Push `start, end, kind` for every non-space token of plain `text.slice(from, to)` onto `spans`
 * (offsets into `text`; kinds `plainWord`, `plainNumber`, `plainPunct`, which are `tokenKinds`'
 * codes). The caller checked that the text is plain.
 */
export function plainTokenSpans(text: string, from: number, to: number, spans: number[]): void {
  // Plain text holds nothing that needs a language (no Chinese, Japanese or Korean).
  const found = tokenSpans(text, 'en', from, to)
  const {ends, kinds} = found
  for (let i = 0; i < ends.length; i++) if (kinds[i] !== spaceKind) spans.push(spanStart(found, i), ends[i]!, kinds[i]!)
}
