import type {Message} from '../model/edition.js'

/**
 * Deepest container nesting (quotes and list items on one line) kept as written; markdown-it stops
 * at 100 too. Deeper markers cost the parser quadratic time and every tree walk a stack frame each.
 */
export const maxMarkdownNesting = 100

/**
 * Widest indentation kept, in columns: two per nested list level at {@link maxMarkdownNesting}.
 * Lines indented further are moved left to it, so a list nested thousands of levels by
 * indentation flattens into siblings at that level.
 */
export const maxMarkdownIndent = 2 * maxMarkdownNesting

const tabWidth = 4

/** Markdown whose nesting is at most {@link maxMarkdownNesting} deep, and what was flattened. */
export interface BoundedMarkdown {
  text: string
  messages: Message[]
}

/**
 * Flatten Markdown nested deeper than a parser can bear: on each line, container markers (`>`,
 * `-`, `*`, `+`, `1.`, `1)`) past the {@link maxMarkdownNesting}th are dropped and indentation
 * wider than {@link maxMarkdownIndent} columns is cut to it. The text of every line is kept; one
 * warning counts the lines changed. Text within the bounds is returned unchanged.
 */
export function boundMarkdownNesting(text: string): BoundedMarkdown {
  // Fast path: a line shorter than both bounds cannot exceed them.
  if (!longLine(text)) return {text, messages: []}
  let changed = 0
  let first = 0
  const lines = text.split('\n')
  for (const [index, line] of lines.entries()) {
    if (line.length <= maxMarkdownNesting) continue
    const bounded = boundLine(line)
    if (bounded !== line) {
      lines[index] = bounded
      changed++
      if (first === 0) first = index + 1
    }
  }
  if (changed === 0) return {text, messages: []}
  return {
    text: lines.join('\n'),
    messages: [
      {
        severity: 'warning',
        code: 'nesting-too-deep',
        text: `${changed} line(s) nest lists or quotes more than ${maxMarkdownNesting} levels deep; the deeper levels were flattened, their text kept`,
        line: first
      }
    ]
  }
}

function longLine(text: string): boolean {
  let start = 0
  while (start < text.length) {
    const end = text.indexOf('\n', start)
    const stop = end < 0 ? text.length : end
    if (stop - start > maxMarkdownNesting) return true
    start = stop + 1
  }
  return false
}

// A line's container prefix, read as CommonMark would: whitespace runs and markers, alternating.
function boundLine(line: string): string {
  let out = ''
  let markers = 0
  let i = 0
  for (;;) {
    let width = 0
    let kept = ''
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
      const step = line[i] === '\t' ? tabWidth : 1
      if (width + step <= maxMarkdownIndent) kept += line[i]
      width += step
      i++
    }
    const marker = markerAt(line, i)
    if (marker === 0) return out + kept + line.slice(i)
    markers++
    // Past the bound a marker goes, with the whitespace before it; one space still separates text.
    if (markers <= maxMarkdownNesting) out += kept + line.slice(i, i + marker)
    else if (!out.endsWith(' ')) out += ' '
    i += marker
  }
}

// The length of a container marker at `i` (`>`, or a bullet or ordinal followed by a space), else 0.
function markerAt(line: string, i: number): number {
  const char = line[i]
  if (char === '>') return 1
  const spaced = (at: number): boolean => at >= line.length || line[at] === ' ' || line[at] === '\t'
  if ((char === '-' || char === '*' || char === '+') && spaced(i + 1)) return 1
  let digits = 0
  while (digits < 9 && /[0-9]/u.test(line[i + digits] ?? '')) digits++
  if (digits > 0 && (line[i + digits] === '.' || line[i + digits] === ')') && spaced(i + digits + 1)) return digits + 1
  return 0
}
