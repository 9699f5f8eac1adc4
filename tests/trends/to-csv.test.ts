import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {trendsToCsv} from '../../src/trends/to-csv.js'
import {fixturesDir, loadFolder} from './load-fixture.js'

/** A small RFC 4180 reader, independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  return rows
}

describe('trendsToCsv', () => {
  it('round-trips every term, theme and word count of the result', async () => {
    const editions = await loadFolder(path.join(fixturesDir, 'korean-particles'))
    const result = computeTrends(editions, {
      terms: ['한반도', '한반도 비핵화', '/신[남북]방정책/'],
      themes: [{name: 'policy, "new"', terms: ['신남방정책', '신북방정책']}]
    })
    const [header, ...rows] = parseCsv(trendsToCsv(result))
    expect(header).toEqual(['edition', 'year', 'kind', 'key', 'count', 'per10k'])
    const get = (edition: string, kind: string, key: string) => rows.find((r) => r[0] === edition && r[2] === kind && r[3] === key)
    result.editions.forEach((edition, i) => {
      expect(get(edition.label, 'words', '')).toEqual([edition.label, String(edition.year), 'words', '', String(edition.words), '10000'])
      for (const term of result.terms) {
        const row = get(edition.label, 'term', term.term)!
        expect(Number(row[4])).toBe(term.counts[i])
        expect(Number(row[5])).toBe(term.per10k[i])
      }
      const theme = get(edition.label, 'theme', 'policy, "new"')!
      expect(Number(theme[4])).toBe(result.themes[0]!.counts[i])
    })
    // Every row has six fields and a known kind.
    for (const row of rows) {
      expect(row).toHaveLength(6)
      expect(['words', 'term', 'theme', 'top', 'section', 'new']).toContain(row[2])
    }
  })

  it('prefixes text cells that a spreadsheet would run as a formula (issue #22), not numbers', async () => {
    const editions = await loadFolder(path.join(fixturesDir, 'korean-particles'))
    const result = computeTrends(editions, {terms: ['=HYPERLINK("http://x")', '+1', '@SUM(A1)', '-x', '한반도']})
    const rows = parseCsv(trendsToCsv(result)).filter((row) => row[2] === 'term')
    const keys = [...new Set(rows.map((row) => row[3]))]
    expect(keys).toEqual(['\'=HYPERLINK("http://x")', "'+1", "'@SUM(A1)", "'-x", '한반도'])
    for (const row of parseCsv(trendsToCsv(result)).slice(1)) expect(row[4]).toMatch(/^\d+$/u)
  })
})
