/**
 * What a single line says of the Markdown blocks around it, read before any parse: the facts that
 * findParagraphCuts and findTableRows both scan a long text by, line by line, to find where it may
 * be cut (inside fenced code nothing may be cut, and a paragraph or table opens only after a line
 * that closes its block).
 */

const fence = /^ {0,3}(`{3,}|~{3,})/u

/** A line that closes its block, after which a paragraph or a table may open: a blank line or an ATX heading. */
export const closesBlock = /^(?:[ \t]*| {0,3}#{1,6}(?:[ \t][^\n]*)?)\r?$/u

/** Offset of the line ending after `from`, or the text's end. */
export function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end === -1 ? text.length : end
}

/** The fence (a run of 3+ backticks or tildes, at most 3 spaces in) a line opens code with, else null. */
export function openingFence(line: string): string | null {
  return fence.exec(line)?.[1] ?? null
}

/** Whether `line` closes the code that the fence `open` opened: the same character, at least as many. */
export function closesFence(line: string, open: string): boolean {
  const closing = openingFence(line)
  return closing !== null && closing[0] === open[0] && closing.length >= open.length
}
