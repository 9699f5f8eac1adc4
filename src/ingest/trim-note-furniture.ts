/**
 * A page's running footer and its page number, read into the footnote above them. A note runs on
 * over lines of its size until a wide gap (pdf-footnotes.ts), and a page is read on its own: where
 * the footer is set in the notes' size close below the last note (Word's OpenChain 2.1 ja sets both
 * at 10 pt, 1.0 ja its page number in the notes' 11 pt), the note takes it in, and the footer's
 * words (`6 © Joint Development Foundation 2020 – …`) become the note's. The footer is known once the
 * whole document has been read: the same line, page number aside, removed as furniture on other pages.
 */

/** A line's text as running heads and footers are compared: digits (page numbers, years in a date), spaces and case aside. */
export function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/[\p{N}\s]+/gu, '')
}

/**
 * `lines` of one note without the lines at its end whose {@link furnitureKey} is among `furniture`
 * (the keys of the lines removed as page furniture elsewhere): a bare page number has the empty
 * key, furniture only when some page's number was removed. A note never loses all its lines: one
 * made of furniture alone is left as it is.
 */
export function trimNoteFurniture(lines: readonly string[], furniture: ReadonlySet<string>): string[] {
  let end = lines.length
  while (end > 1 && furniture.has(furnitureKey(lines[end - 1]!))) end--
  return lines.slice(0, end)
}
