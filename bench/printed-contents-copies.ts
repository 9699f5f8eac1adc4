/**
 * How many times the pages print a contents entry as a contents line, for `npm run eval:pdf`'s
 * `words`: a chapter opener that reprints its part of the contents (the kisa guide's appendices)
 * gives the same navigation again, which the outline keeps once, as its `toc`.
 */
import type {PdfContent} from '../src/ingest/pdf.js'
import {baselineRows, rowText, squeezed} from './runs-aside.js'

/**
 * Per entry (title and printed page number), the rows of runs on one baseline, spaces aside, that hold
 * its title and end with its page number; at least one (an entry without a page, or worded otherwise
 * on the page, is counted once).
 */
export function printedContentsCopies(content: PdfContent): (title: string, page: number | null) => number {
  const lines: string[] = []
  for (const page of content.pages) {
    for (const row of baselineRows(page.items)) {
      const text = rowText(row)
      if (/\d$/u.test(text)) lines.push(text)
    }
  }
  return (title, page) => {
    const key = squeezed(title)
    if (page === null || key === '') return 1
    const number = String(page)
    // A longer number ending in the same digits (`297` for page 97) is another entry's.
    const copies = lines.filter((line) => line.endsWith(number) && !/\d/u.test(line.at(-number.length - 1) ?? '') && line.includes(key))
    return Math.max(1, copies.length)
  }
}
