/**
 * Tidy CSV of a trends result for spreadsheets and R/pandas: one row per edition and measured
 * thing, columns `edition,year,kind,key,count,per10k`.
 *
 * Kinds: `words` (key empty; count = words counted, per10k = 10000), `term`, `theme`, `top` (a top
 * n-gram of that edition), `section` (key = lineage id; count = words of the chapter; per10k = its
 * share × 10,000), `new` (a phrase new in that edition; per10k from its count).
 */
import type {TrendsResult} from './trends-result.js'
import {per10k} from './top-terms.js'

// A text cell a spreadsheet would run as a formula (OWASP's CSV injection list: = + - @ tab CR).
const formulaStart = /^[=+\-@\t\r]/u

/**
 * One cell, quoted when it holds a comma, quote or line break (RFC 4180). A text cell that starts
 * like a formula (a term `=HYPERLINK(…)`, a phrase from the edition) gets a leading `'`, which
 * spreadsheets show as text; numbers are written as they are.
 */
function cell(value: string | number | null): string {
  if (value === null) return ''
  const text = typeof value === 'string' && formulaStart.test(value) ? `'${value}` : String(value)
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text
}

/** The result as CSV text with a header line, lines ended by `\n`. */
export function trendsToCsv(result: TrendsResult): string {
  const lines = ['edition,year,kind,key,count,per10k']
  const row = (i: number, kind: string, key: string, count: number, rate: number): void => {
    const edition = result.editions[i]!
    lines.push([edition.label, edition.year, kind, key, count, rate].map(cell).join(','))
  }
  result.editions.forEach((edition, i) => {
    row(i, 'words', '', edition.words, edition.words > 0 ? 10000 : 0)
    for (const term of result.terms) row(i, 'term', term.term, term.counts[i]!, term.per10k[i]!)
    for (const theme of result.themes) row(i, 'theme', theme.theme, theme.counts[i]!, theme.per10k[i]!)
    for (const top of edition.top) row(i, 'top', top.key, top.count, top.per10k)
    for (const section of result.sections) {
      const words = section.words[i]
      const share = section.shares[i]
      if (words === null || words === undefined || share === null || share === undefined) continue
      row(i, 'section', section.lineage, words, Math.round(share * 1_000_000) / 100)
    }
    const change = result.newLanguage.find((entry) => entry.edition === edition.label)
    for (const phrase of change?.new ?? []) row(i, 'new', phrase.phrase, phrase.count, per10k(phrase.count, edition.words))
  })
  return `${lines.join('\n')}\n`
}
