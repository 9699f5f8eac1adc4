/**
 * Where a long paragraph may be cut between its lines, so that it is parsed a group of lines at a
 * time. micromark keeps every event of a paragraph (some 400 bytes a character) until the paragraph
 * ends, and then tokenizes its inline content in one go: one paragraph of 1,000,000 one-word lines
 * (8 MB) took 43 s and 2.65 GB. The lines before a cut and the lines after it, each parsed as a
 * paragraph of its own, give the paragraph a one-shot parse gives (joined at the line ending) when
 * no inline construct runs across the cut and the line after it neither ends the paragraph nor
 * changes what it is (see {@link findParagraphCuts}).
 */

import {closesBlock, closesFence, lineEnd, openingFence} from './block-lines.js'

/**
 * Inline constructs that may run over a line ending, by the mark that opens one and the marks that
 * can close it: emphasis and strikethrough pair their own marks, a code span its backticks; a link
 * or image opens at `[` and ends at `]` or `)`; inline HTML and autolinks open at `<` and end at
 * `>`. An opener the lines before a cut leave unpaired (it stays in their text) may pair with a
 * closer after the cut, if the paragraph holds one there. And after a `[` left open, GFM finds
 * autolink literals (`www`, `http`, an `@`) in a later pass that gives them no positions, so these
 * count as its closers too.
 */
export const spanningMarks: Readonly<Record<string, readonly string[]>> = {
  '*': ['*'],
  _: ['_'],
  '~': ['~'],
  '`': ['`'],
  '[': [']', ')', 'www', 'http', '@'],
  '<': ['>']
}

/** A place to cut a paragraph, with what could pair across it. */
export interface ParagraphCut {
  /** Offset of the first line after the cut. */
  at: number
  /** For each closing mark of {@link spanningMarks}, its last offset in the lines of the paragraph (any case), or -1. */
  lastCloser: Readonly<Record<string, number>>
}

/**
 * A line that may open or end a block, or be read as part of one, in a paragraph's place: indented,
 * a heading, quote, list item, fence, HTML, table row or delimiter, setext underline or thematic
 * break. The lines of a run are cut only before the first of these.
 */
const notParagraphLine =
  /^(?:[ \t]|[#>|<=]|[-+*](?:[ \t]|\r?$)|`{3}|~{3}|\d{1,9}[.)](?:[ \t]|\r?$)|[-*_](?:[ \t]*[-*_]){2,}[ \t]*\r?$|[ \t|:=-]*\r?$)/u

/**
 * Line starts inside runs of lines longer than `minChars` (a run: lines that may be one paragraph,
 * opening after a blank line or a heading, past offset `from`), at least `minChars` apart, where a
 * paragraph may be cut: the run's lines up to there are plain paragraph lines (see
 * {@link notParagraphLine}), the line before ends in no white space or backslash (a hard break, or
 * white space a paragraph's end strips), and no `]:` comes before (a link definition's destination
 * or title may go on over lines). What this finds is only a guess: the parse of the lines before a
 * cut must end in a paragraph up to the cut leaving no opener that a closer after it could pair
 * with (see {@link ParagraphCut}), and that of the lines after must open with a paragraph.
 */
export function findParagraphCuts(text: string, minChars: number, from = 0): ParagraphCut[] {
  const cuts: ParagraphCut[] = []
  let at = from
  let openFence: string | null = null
  let previousClosed = true
  while (at < text.length) {
    const end = lineEnd(text, at)
    const line = text.slice(at, end)
    if (openFence !== null) {
      if (closesFence(line, openFence)) openFence = null
      at = end + 1
      continue
    }
    const opening = openingFence(line)
    if (opening !== null) openFence = opening
    // A paragraph opens after a closed block; after an open one (a quote, an HTML block) a line may go on with it.
    if (opening !== null || !previousClosed || notParagraphLine.test(line)) {
      previousClosed = opening === null && closesBlock.test(line)
      at = end + 1
      continue
    }
    // A run of paragraph lines from `at`: up to a blank line or a line that may be another block.
    let stop = end + 1
    while (stop < text.length) {
      const next = lineEnd(text, stop)
      if (notParagraphLine.test(text.slice(stop, next))) break
      stop = next + 1
    }
    stop = Math.min(stop, text.length)
    if (stop - at > minChars) cutRun(text, at, stop, paragraphEnd(text, stop), minChars, cuts)
    previousClosed = false
    at = stop
  }
  return cuts
}

// The cuts of the paragraph lines [start, end), `end` the start of the line after the last; the
// paragraph may go on to `last` (lines indented or with `<`, say, may go on with it).
function cutRun(text: string, start: number, end: number, last: number, minChars: number, cuts: ParagraphCut[]): void {
  const run = text.slice(start, end)
  // One long line has nowhere to cut.
  if (!run.slice(0, -1).includes('\n')) return
  const lower = text.slice(start, last).toLowerCase()
  const lastCloser: Record<string, number> = {}
  for (const closers of Object.values(spanningMarks))
    for (const closer of closers) {
      const index = lower.lastIndexOf(closer)
      lastCloser[closer] = index === -1 ? -1 : start + index
    }
  const definition = indexOrEnd(run.indexOf(']:'), run.length)
  let previous = 0
  for (let c = run.indexOf('\n') + 1; c > 0 && c < run.length; c = run.indexOf('\n', c) + 1) {
    if (c - previous < minChars) continue
    if (c > definition) return
    const before = run.charCodeAt(run.charCodeAt(c - 2) === 13 ? c - 3 : c - 2)
    // A space, tab or backslash before the line ending.
    if (before === 32 || before === 9 || before === 92) continue
    cuts.push({at: start + c, lastCloser})
    previous = c
  }
}

// Where the line at `from` or a later one is blank (or the text ends): no paragraph goes on past it.
function paragraphEnd(text: string, from: number): number {
  for (let at = from; at < text.length; ) {
    const end = lineEnd(text, at)
    if (/^[ \t]*\r?$/u.test(text.slice(at, end))) return at
    at = end + 1
  }
  return text.length
}

function indexOrEnd(index: number, end: number): number {
  return index === -1 ? end : index
}
