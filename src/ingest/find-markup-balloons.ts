/**
 * Word's markup balloons, printed with the page. A document printed with its comments and tracked
 * changes shown (`Print Markup`) is scaled down beside a markup pane in the right margin, where each
 * comment (`Comment [A1]: …`, `コメントの追加 [FH(1]: …`) and each change of format or field
 * (`Formatted: …`, `変更されたフィールド コード`) is a balloon of small type, tied by a line to its
 * place in the text. A reader sees the editors' notes on a draft, not the document's words: read as
 * text they land mid-paragraph, beside headings, and in the quotes of a comparison.
 *
 * What tells them, in any language: type much smaller than the body's, set wholly right of the body's
 * text column, starting at one left edge (the pane's), on more than one page.
 */
import type {PdfLine} from './lay-out-pdf-page.js'

/** The lines the rule reads: their text, place and size. */
export type BalloonLine = Pick<PdfLine, 'text' | 'page' | 'x0' | 'x1' | 'y' | 'size'>

/** A balloon's type is at most this share of the body's (Word sets them at 6 pt beside 8.5–11 pt text). */
const maxSizeRatio = 0.8
/** Share of the body's lines whose right end sets the text column's right edge: a long URL may overhang it. */
const columnEdgeShare = 0.95
/** Lines of the body are within this many points of its size (sizes are measured in half points). */
const sameSize = 0.5
/** A pane on one page could be a single note beside a table; Word's prints down the document. */
const minPages = 2

/** The balloons found: which lines of each page they hold, how many, on which pages. */
export interface MarkupBalloons {
  /** Per page, per line: true for a balloon's line. */
  mask: boolean[][]
  /**
   * Lines of balloons: lines, not balloons, as without the connecting lines a comment's second
   * paragraph sits as far below its first as the next balloon does.
   */
  lines: number
  /** 1-based pages (the lines' own page numbers) that hold any, ascending. */
  pages: number[]
}

/** The body's size: the size carrying most characters. */
function bodySize(lines: readonly BalloonLine[]): number {
  const weight = new Map<number, number>()
  for (const line of lines) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length)
  return [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0
}

/**
 * The lines of Word's markup pane on laid-out pages (see the module comment): none unless the
 * small lines right of the text column sit on {@link minPages} pages or more. Lines of another size
 * or inside the column (footnotes, captions, side headings in the left margin) are never taken.
 */
export function findMarkupBalloons(pages: ReadonlyArray<ReadonlyArray<BalloonLine>>): MarkupBalloons {
  const none: MarkupBalloons = {mask: pages.map((lines) => lines.map(() => false)), lines: 0, pages: []}
  const all = pages.flat()
  const body = bodySize(all)
  const ends = all
    .filter((line) => Math.abs(line.size - body) <= sameSize)
    .map((line) => line.x1)
    .sort((a, b) => a - b)
  if (body <= 0 || ends.length === 0) return none
  // Clear of the column by a body size at least: text that runs a little past the edge is not in the margin.
  const columnRight = ends[Math.min(ends.length - 1, Math.floor(ends.length * columnEdgeShare))]! + body
  const small = (line: BalloonLine): boolean => line.size <= body * maxSizeRatio && line.x0 >= columnRight && line.text.trim() !== ''
  const candidates = all.filter(small)
  if (candidates.length === 0) return none
  // The pane's left edge: the one most of the margin's small lines start at (a reply in a thread is indented a little).
  const starts = new Map<number, number>()
  for (const line of candidates) starts.set(Math.round(line.x0), (starts.get(Math.round(line.x0)) ?? 0) + 1)
  const paneLeft = [...starts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]
  const inPane = (line: BalloonLine): boolean => small(line) && Math.abs(line.x0 - paneLeft) <= body
  const mask = pages.map((lines) => lines.map(inPane))
  const pageNumbers = [...new Set(pages.flatMap((lines, p) => (mask[p]!.some(Boolean) ? [lines[0]!.page] : [])))].sort((a, b) => a - b)
  if (pageNumbers.length < minPages) return none
  const lineCount = mask.flat().filter(Boolean).length
  return {mask, lines: lineCount, pages: pageNumbers}
}
