/**
 * Where a long GFM table may be cut, so that its rows are parsed a group at a time. micromark keeps
 * some 1 KB of events a character of a table until the parse ends, and its table resolver works on
 * them all: one table of 20,000 rows (1.7 MB) took 14 s and 1.6 GB in one parse. A body row is one
 * line, read by itself under the table's head and delimiter row, so a group of rows parsed after
 * those two lines gives the rows a parse of the whole table gives.
 */

import {closesBlock, closesFence, lineEnd, openingFence} from './block-lines.js'

/** A table whose body rows may be parsed a group at a time. */
export interface TableRows {
  /** Offset of the head row's first character. */
  head: number
  /** The head and delimiter rows as written, line ends included: what a group of rows is parsed after. */
  prefix: string
  /** Offsets of the body lines after the first, each a place to cut; in increasing order. */
  cuts: number[]
}

// A delimiter row: cells of dashes, with colons for alignment, between pipes.
const delimiterRow = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$/u
// A head row at the top level: not indented as code, not in a quote or a list.
const headRow = /^ {0,3}(?![>*+-][ \t]|\d{1,9}[.)][ \t]|[>#])[^\n]*\|/u
const blank = /^[ \t]*\r?$/u

/**
 * The tables of `text` from offset `from` (past front matter) longer than `minChars` that may be cut: a head row holding a pipe at the
 * top level, a delimiter row, and body lines up to a blank one. What this finds is only a guess
 * (a head row must also match the delimiter row's cells, and a line may begin another block): the
 * parse of the rows before a cut must end in this very table, or the cuts are not used.
 */
export function findTableRows(text: string, minChars: number, from = 0): TableRows[] {
  const tables: TableRows[] = []
  if (!text.includes('|', from)) return tables
  let at = from
  let openFence: string | null = null
  // Whether the line before closed its block (a blank line or a heading): a table opens after one.
  let previousBlank = true
  while (at < text.length) {
    const end = lineEnd(text, at)
    const line = text.slice(at, end)
    if (openFence !== null) {
      if (closesFence(line, openFence)) openFence = null
      at = end + 1
      continue
    }
    const opening = openingFence(line)
    if (opening !== null) {
      openFence = opening
      previousBlank = false
      at = end + 1
      continue
    }
    const next = end + 1
    if (previousBlank && headRow.test(line) && next < text.length) {
      const delimiterEnd = lineEnd(text, next)
      if (delimiterRow.test(text.slice(next, delimiterEnd))) {
        const body = delimiterEnd + 1
        const table: TableRows = {head: at, prefix: text.slice(at, Math.min(body, text.length)), cuts: []}
        let row = body
        while (row < text.length) {
          const rowEnd = lineEnd(text, row)
          if (blank.test(text.slice(row, rowEnd))) break
          if (row > body) table.cuts.push(row)
          row = rowEnd + 1
        }
        if (row - at > minChars && table.cuts.length > 0) tables.push(table)
        at = row
        previousBlank = false
        continue
      }
    }
    previousBlank = closesBlock.test(line)
    at = next
  }
  return tables
}
