import type {Edition} from './edition.js'

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const quarterOrHalf = /(?:^|[^\p{L}\p{N}])([qh])([1-4])(?=$|[^\p{L}\p{N}])/iu
const monthName =
  /(?:^|[^\p{L}])(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?=$|[^\p{L}])/iu
const isoDate = /(?:^|\D)(\d{4})-(\d{2})(?:-(\d{2}))?(?=$|\D)/u

/**
 * Where in its year an edition label points, as a month (1 = January, fractions for days), or 0
 * when it names no part of the year: `2023-q1` 1, `2023-h2` 7, `2024-june` 6, `1994-02-04` 2.1.
 * Labels like these are common in series published several times a year, and their text order
 * (`2023-h2` before `2023-q1`) is not their time order.
 */
function monthOfYear(label: string, year: number | null): number {
  const date = isoDate.exec(label)
  if (date && (year === null || Number(date[1]) === year)) {
    const month = Number(date[2])
    if (month >= 1 && month <= 12) return month + (date[3] ? (Number(date[3]) - 1) / 31 : 0)
  }
  const part = quarterOrHalf.exec(label)
  if (part) {
    const n = Number(part[2])
    if (part[1]!.toLowerCase() === 'q') return 1 + 3 * (n - 1)
    if (n <= 2) return 1 + 6 * (n - 1)
  }
  const name = monthName.exec(label)
  if (name) return months.indexOf(name[1]!.slice(0, 3).toLowerCase()) + 1
  return 0
}

/**
 * Oldest first: by year (unknown years last), then by the part of the year the label names
 * (`2023-q1` before `2023-h2`, `2024-march` before `2024-june`), then by label in natural order
 * (`v9` before `v10`).
 */
export function orderEditions<T extends Pick<Edition, 'year' | 'edition'>>(editions: readonly T[]): T[] {
  return [...editions].sort((a, b) => {
    const ya = a.year ?? Number.POSITIVE_INFINITY
    const yb = b.year ?? Number.POSITIVE_INFINITY
    if (ya !== yb) return ya - yb
    const ma = monthOfYear(a.edition, a.year)
    const mb = monthOfYear(b.edition, b.year)
    if (ma !== mb) return ma - mb
    return a.edition.localeCompare(b.edition, 'en', {numeric: true})
  })
}
