import type {Message} from '../model/edition.js'

/**
 * Most cells one line of a table keeps as cells. The parser keeps some 5 KB of events a cell until
 * the parse of the line's table ends, and a line cannot be parsed in parts: one row of 200,000
 * cells took 51 s and 3.3 GB. A thousand columns is fifty times what a printed page holds, and parses
 * in a fraction of a second.
 */
export const maxTableCells = 1000

/** Markdown whose lines hold at most {@link maxTableCells} table cells, and what was changed. */
export interface BoundedCells {
  text: string
  messages: Message[]
}

const fence = /^(?:[ \t]*>)*[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)*(`{3,}|~{3,})/u
const indentedCode = /^(?: {4}|\t)/u
const blankLine = /^(?:[ \t]*>)*[ \t]*\r?$/u
// A table's delimiter row, behind any quote markers.
const delimiterRow = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$/u

/**
 * Read a table whose head or delimiter row holds more than {@link maxTableCells} cells as the text
 * it is: a backslash before the delimiter row's first mark makes it no delimiter row, so the lines
 * are a paragraph, where pipes cost nothing. A body row holding more, in a table of fewer columns,
 * has each pipe escaped, and is one cell of text. Every character of the text is kept; fenced and
 * indented code is left alone. One warning counts the tables changed. Text within the bound is
 * returned unchanged.
 */
export function boundTableCells(text: string): BoundedCells {
  // Fast path: a text with few pipes in all cannot have a line with too many.
  if (countPipes(text, 0, text.length) <= maxTableCells) return {text, messages: []}
  const lines = text.split('\n')
  let changed = 0
  let first = 0
  let openFence: string | null = null
  let inTable = false
  const note = (index: number) => {
    changed++
    if (first === 0) first = index + 1
  }
  for (const [index, line] of lines.entries()) {
    const marker = fence.exec(line)?.[1]
    if (openFence !== null) {
      if (marker !== undefined && marker[0] === openFence[0] && marker.length >= openFence.length) openFence = null
      continue
    }
    if (marker !== undefined) {
      openFence = marker
      inTable = false
      continue
    }
    if (blankLine.test(line)) {
      inTable = false
      continue
    }
    const next = lines[index + 1]
    if (!inTable && next !== undefined && line.includes('|') && delimiterRow.test(next)) {
      inTable = true
      if (countPipes(line, 0, line.length) > maxTableCells || countPipes(next, 0, next.length) > maxTableCells) {
        const at = /[|:-]/u.exec(next)!.index
        lines[index + 1] = `${next.slice(0, at)}\\${next.slice(at)}`
        inTable = false
        note(index)
      }
      continue
    }
    if (!inTable || indentedCode.test(line) || countPipes(line, 0, line.length) <= maxTableCells) continue
    lines[index] = line.replace(/\\[\s\S]|\|/gu, (match) => (match === '|' ? '\\|' : match))
    note(index)
  }
  if (changed === 0) return {text, messages: []}
  return {
    text: lines.join('\n'),
    messages: [
      {
        severity: 'warning',
        code: 'too-many-cells',
        text: `${changed} table(s) or row(s) hold more than ${maxTableCells} cells; there the pipes were read as plain characters, the text kept`,
        line: first
      }
    ]
  }
}

// Pipes not escaped by a backslash.
function countPipes(text: string, start: number, end: number): number {
  let count = 0
  for (let at = text.indexOf('|', start); at !== -1 && at < end; at = text.indexOf('|', at + 1)) {
    let slashes = 0
    while (at - slashes - 1 >= start && text.charCodeAt(at - slashes - 1) === 92) slashes++
    if (slashes % 2 === 0) count++
  }
  return count
}
