/**
 * The numbered terms of a list set in bold body type, each with its description hanging under it:
 * a reader sees a list inside the section, not sections of their own (govcio's six principles of
 * service design, `1. 人間中心（Human-centered）` over `サービスの影響を受ける…`, which its printed
 * contents leaves out under `2) サービスデザイン思考の 6 原則`).
 */

/** What {@link hangingListLabels} reads of a line. */
export interface HangingLine {
  text: string
  page: number
  /** Column: 0 full width or single column, 1 left, 2 right. */
  column: number
  /** Left edge. */
  x0: number
  /** Baseline from the page top. */
  y: number
  size: number
  bold: boolean
}

/** A list item's number before its term: `1.`, `2)`, `３）`, `(4)`, `⑤`. */
const itemNumber = /^(?:([0-9０-９]{1,3})[.)．）]|[（(]([0-9０-９]{1,3})[)）]|([①-⑳]))/u
/** A description hangs under its term: right of the number's edge by at least this many of its sizes… */
const minHang = 0.5
/** …and at most this many, as far as a number and its space reach (further right is a table's cell or a centred line). */
const maxHang = 4
/** Two labels this many of their sizes apart or less start at one edge. */
const sameEdge = 0.5

/** The number of a list item's label, in half-width digits; null for a line that does not open with one. */
function numberOf(text: string): number | null {
  const match = itemNumber.exec(text.trim())
  if (match === null) return null
  if (match[3] !== undefined) return match[3].charCodeAt(0) - '①'.charCodeAt(0) + 1
  const digits = (match[1] ?? match[2]!).replace(/[０-９]/gu, (digit) => String(digit.charCodeAt(0) - 0xff10))
  return Number(digits)
}

/**
 * The labels among `lines` (in reading order) that `isLabelType` holds in heading type and that open
 * items of a numbered list: each is followed at once, a line step below (`step`) and with no space
 * between, by lines in another weight that start right of its number's edge and stay there (the
 * description hangs under the term, where a section's paragraph comes back to the margin in its
 * second line); the next label of the list follows its description at once; and its number
 * goes on from the label before it or on to the label after it, at the same edge, in the same type.
 * A lone bold line over an indented paragraph is left to the other rules: two items make a list.
 */
export function hangingListLabels<T extends HangingLine>(
  lines: readonly T[],
  isLabelType: (line: T) => boolean,
  step: (line: T) => number
): Set<T> {
  const close = (above: T, below: T): boolean =>
    above.page === below.page && above.column === below.column && below.y > above.y && below.y - above.y <= step(below)
  // Each candidate label with the index of the line after its description.
  const items: {label: T; number: number; next: number}[] = []
  for (let index = 0; index < lines.length; index++) {
    const label = lines[index]!
    const number = isLabelType(label) ? numberOf(label.text) : null
    if (number === null) continue
    let end = index + 1
    let above = label
    for (; end < lines.length; end++) {
      const line = lines[end]!
      const hangs = line.x0 >= label.x0 + minHang * label.size && line.x0 <= label.x0 + maxHang * label.size
      if (line.bold === label.bold || !hangs || !close(above, line)) break
      above = line
    }
    if (end === index + 1) continue
    // A line set solid under the description that comes back left of it is the rest of a paragraph whose first line was indented.
    const after = lines[end]
    if (after !== undefined && close(above, after) && numberOf(after.text) === null) continue
    items.push({label, number, next: end})
  }
  const labels = new Set<T>()
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!
    const b = items[i]!
    const sibling =
      b.number === a.number + 1 &&
      lines[a.next] === b.label &&
      Math.abs(a.label.x0 - b.label.x0) <= sameEdge * a.label.size &&
      a.label.size === b.label.size &&
      a.label.bold === b.label.bold
    if (sibling) {
      labels.add(a.label)
      labels.add(b.label)
    }
  }
  return labels
}
