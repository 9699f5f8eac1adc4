import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {blankWebAddresses} from '../../src/trends/blank-web-addresses.js'
import {computeTrends} from '../../src/trends/compute-trends.js'

async function edition(year: number, body: string) {
  const text = `---\ntitle: paper\nyear: ${year}\nlanguage: en\n---\n\n# Sources\n\n${body}\n`
  return (await ingestEdition(new TextEncoder().encode(text), {file: `paper-${year}.md`, language: 'en'})).edition
}

describe('blankWebAddresses', () => {
  it('blanks web addresses, keeping every offset', () => {
    const text = 'See https:// github.com/cncf/tag-security and www.cncf.io for the glossary.'
    const blanked = blankWebAddresses(text)
    expect(blanked).toHaveLength(text.length)
    expect(blanked.replace(/\s+/gu, ' ')).toBe('See and for the glossary.')
    expect(blankWebAddresses('A ratio of 3:1 stays.')).toBe('A ratio of 3:1 stays.')
  })

  it('gives a series no https, com or github for a term (CNCF 2022: https rose 4 → 16)', async () => {
    const cite = (n: number) => Array.from({length: n}, (_, i) => `Read https://github.com/cncf/report-${i} on threats.`).join(' ')
    const editions = [await edition(2020, `Threats matter. ${cite(1)}`), await edition(2022, `Threats matter. ${cite(12)}`)]
    const result = computeTrends(editions, {ngram: 1, top: 30})
    const keys = result.editions.flatMap((e) => e.top.map((t) => t.key))
    expect(keys).toContain('threats')
    expect(keys.filter((key) => ['https', 'com', 'github', 'cncf'].includes(key))).toEqual([])
    expect(result.editions.map((e) => e.words)).toEqual([2 + 3, 2 + 36])
  })
})
