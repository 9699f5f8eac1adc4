/**
 * Text set vertically, one glyph under the other (a contents page's `C o n t e n t s` down the
 * margin at 48 pt, a side title `SW 공급망 보안 …` running down every page), reaches the layout
 * as one single-glyph line per letter. Such a stack is one line: its letters read top to bottom,
 * a space where the step between two glyphs is wider than a glyph.
 */

/** A laid-out line as the PDF adapter has it (page coordinates, y of the baseline from the top). */
export interface VerticalLetterLine {
  text: string
  x0: number
  x1: number
  y: number
  size: number
}

/** Fewer stacked glyphs than this are a few stray marks (a table column of ticks), not a word set vertically. */
const minLetters = 4
/** Glyphs of one stack start at most this many points apart horizontally (centred glyphs of varying width drift a little). */
const sameColumn = 1
/** A step down wider than this share of the size ends the stack: no vertical word spaces its letters that far. */
const maxStep = 1.3
/** A step wider than this share of the size is a word space between two stacked letters (a glyph advances about one em). */
const spaceStep = 1.02
/** Most steps of a stack are tighter than this share of the size: closer than any line spacing of horizontal text. */
const letterStep = 1

/** `lines` with each vertical stack of single-glyph lines made one line, where its first letter was. Sorts, then one pass. */
export function joinVerticalLetters<L extends VerticalLetterLine>(lines: readonly L[]): L[] {
  const single = lines.flatMap((line, index) => ([...line.text.trim()].length === 1 ? [index] : []))
  if (single.length < minLetters) return [...lines]
  // Columns: single glyphs whose left edges lie within `sameColumn` of the column's first, by size.
  single.sort((a, b) => lines[a]!.size - lines[b]!.size || lines[a]!.x0 - lines[b]!.x0)
  const columns: number[][] = []
  for (const index of single) {
    const column = columns[columns.length - 1]
    const head = column === undefined ? undefined : lines[column[0]!]!
    if (head && head.size === lines[index]!.size && lines[index]!.x0 - head.x0 <= sameColumn) column!.push(index)
    else columns.push([index])
  }
  const joined = new Map<number, L>()
  const dropped = new Set<number>()
  for (const column of columns) {
    column.sort((a, b) => lines[a]!.y - lines[b]!.y)
    const size = lines[column[0]!]!.size
    let stack: number[] = []
    const flush = (): void => {
      const steps = stack.slice(1).map((index, k) => lines[index]!.y - lines[stack[k]!]!.y)
      if (stack.length >= minLetters && steps.filter((step) => step < letterStep * size).length * 2 >= steps.length) {
        const text = stack.map((index, k) => (k > 0 && steps[k - 1]! > spaceStep * size ? ' ' : '') + lines[index]!.text.trim()).join('')
        const x1 = stack.reduce((right, index) => Math.max(right, lines[index]!.x1), -Infinity)
        const top = Math.min(...stack)
        joined.set(top, {...lines[top]!, text, x0: lines[stack[0]!]!.x0, x1, y: lines[stack[0]!]!.y})
        for (const index of stack) if (index !== top) dropped.add(index)
      }
      stack = []
    }
    for (const index of column) {
      const last = stack[stack.length - 1]
      const step = last === undefined ? 0 : lines[index]!.y - lines[last]!.y
      if (last !== undefined && (step <= 0 || step > maxStep * size)) flush()
      stack.push(index)
    }
    flush()
  }
  return lines.flatMap((line, index) => (dropped.has(index) ? [] : [joined.get(index) ?? line]))
}
