import type {Message} from '../model/edition.js'

/**
 * Most emphasis and link marks (`*`, `_`, `~`, `[`, `]`) one paragraph keeps as marks. The parser
 * pairs them by splicing its list of events once per pair, so its time grows with the square of
 * their number in one paragraph (a 480 KB paragraph of 36,000 took over a minute; a run of 16,000
 * `*` nesting 8,000 deep overflowed the stack). A thousand is some 300 links or 500 emphases in
 * one paragraph, far beyond a written one, and parses in a few tens of milliseconds.
 */
export const maxInlineMarks = 1000

/** Markdown whose paragraphs hold at most {@link maxInlineMarks} marks, and what was changed. */
export interface BoundedMarks {
  text: string
  messages: Message[]
}

const marks = /\\[\s\S]|[*_~[\]`]/gu
const fence = /^(?:[ \t]*>)*[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)*(`{3,}|~{3,})/u
const blankLine = /^(?:[ \t]*>)*[ \t]*$/u
const thematicBreak = /^(?:[ \t]*>)*[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u
// A table's delimiter row: its cells are read one at a time, so a table counts row by row.
const delimiterRow = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u

/**
 * Read the marks of a paragraph holding more than {@link maxInlineMarks} of them (a table: of a
 * row) as the characters they are: each is escaped with a backslash, so the parser has nothing to
 * pair and the text keeps every character. Fenced code is left alone. One warning counts the
 * paragraphs changed. Text within the bound is returned unchanged.
 */
export function boundInlineMarks(text: string): BoundedMarks {
  // Fast path: a text with few marks in all cannot have a paragraph with too many.
  if (countMarks(text) <= maxInlineMarks) return {text, messages: []}
  const lines = text.split('\n')
  let changed = 0
  let first = 0
  const bound = (start: number, end: number) => {
    let count = 0
    for (let index = start; index < end; index++) count += countMarks(lines[index]!)
    if (count <= maxInlineMarks) return
    for (let index = start; index < end; index++) {
      if (!thematicBreak.test(lines[index]!)) lines[index] = escapeMarks(lines[index]!)
    }
    changed++
    if (first === 0) first = start + 1
  }
  let openFence: string | null = null
  let start = 0
  let table = false
  const close = (end: number) => {
    if (table) for (let index = start; index < end; index++) bound(index, index + 1)
    else bound(start, end)
  }
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index]
    if (openFence !== null) {
      const closing = line === undefined ? undefined : fence.exec(line)?.[1]
      if (line === undefined || (closing !== undefined && closing[0] === openFence[0] && closing.length >= openFence.length))
        openFence = null
      start = index + 1
      continue
    }
    const opening = line === undefined ? undefined : fence.exec(line)?.[1]
    if (line === undefined || blankLine.test(line) || opening !== undefined) {
      close(index)
      if (opening !== undefined) openFence = opening
      start = index + 1
      table = false
      continue
    }
    if (line.includes('|') && delimiterRow.test(line)) table = true
  }
  if (changed === 0) return {text, messages: []}
  return {
    text: lines.join('\n'),
    messages: [
      {
        severity: 'warning',
        code: 'too-many-marks',
        text: `${changed} paragraph(s) hold more than ${maxInlineMarks} emphasis or link marks (* _ ~ [ ] \`); there they were read as plain characters, the text kept`,
        line: first
      }
    ]
  }
}

// Marks not escaped: a normalised edition's `\_\_\_` (a form's blank) pairs nothing.
function countMarks(text: string): number {
  let count = 0
  for (const [match] of text.matchAll(marks)) if (match.length === 1) count++
  return count
}

// A line's quote and list markers, which stay markers.
const containerPrefix = /^(?:[ \t]*>)*[ \t]*(?:[-*+][ \t]+(?:[ \t]*>)*|\d{1,9}[.)][ \t]+(?:[ \t]*>)*)*/u

// Each mark past the line's container markers and not already escaped gets a backslash.
function escapeMarks(line: string): string {
  const prefix = containerPrefix.exec(line)![0]
  let out = prefix
  for (let i = prefix.length; i < line.length; i++) {
    const char = line[i]!
    if (char === '\\' && i + 1 < line.length) {
      out += char + line[i + 1]
      i++
      continue
    }
    out += /[*_~[\]`]/u.test(char) ? `\\${char}` : char
  }
  return out
}
