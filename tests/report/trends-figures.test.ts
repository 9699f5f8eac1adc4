/**
 * Issue 20: the trends page gives a term's count twice, in the terms table (and `wpdiff trends` text)
 * and in the rising and falling tables. On the shipped UN series (34 statements) and the shipped CNCF
 * pair, the two agree except by the term's occurrences inside a longer word ("non-nuclear",
 * "project's"), which the terms table counts (as `grep -w` does) and keyness does not (a word
 * joined by a hyphen or an apostrophe is one word); the page says so beside both tables.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {blocksToText} from '../../src/model/blocks-to-text.js'
import type {Edition, Section} from '../../src/model/edition.js'
import {describeTrends} from '../../src/report/describe-trends.js'
import {renderTrendsPage} from '../../src/report/render-trends-page.js'
import {blankWebAddresses} from '../../src/trends/blank-web-addresses.js'
import {computeTrends} from '../../src/trends/compute-trends.js'

const editions = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'editions')

async function shipped(series: string): Promise<Edition[]> {
  const out: Edition[] = []
  for (const name of readdirSync(path.join(editions, series))
    .filter((n) => /^\d{4}\.md$/u.test(n))
    .sort()) {
    const file = path.join(editions, series, name)
    out.push((await ingestEdition(new Uint8Array(readFileSync(file)), {file})).edition)
  }
  return out
}

/** The edition's text, every section's blocks in reading order, web addresses left out (trends count neither table in them). */
function textOf(edition: Edition): string {
  const walk = (sections: Section[]): string[] => sections.flatMap((s) => [blocksToText(s.blocks), ...walk(s.children)])
  return blankWebAddresses([blocksToText(edition.preamble), ...walk(edition.sections)].join('\n').normalize('NFKC').toLowerCase())
}

/** Occurrences of `word` between non-letters (as the terms table counts), and how many are inside a longer word of the tokeniser (`non-nuclear`, `tag_security`). */
function occurrences(text: string, word: string): {all: number; inside: number} {
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${word}(?![\\p{L}\\p{M}\\p{N}])`, 'gu')
  let all = 0
  let inside = 0
  for (const match of text.matchAll(pattern)) {
    all++
    const before = text.slice(Math.max(0, match.index - 2), match.index)
    const after = text.slice(match.index + word.length, match.index + word.length + 2)
    // The tokeniser's words join letters by a hyphen or an apostrophe, and hold underscores.
    if (/[\p{L}\p{N}_]['’-]$|_$/u.test(before) || /^['’-][\p{L}\p{N}_]|^_/u.test(after)) inside++
  }
  return {all, inside}
}

describe.each([
  ['un-general-debate-kor', 34],
  ['cncf-cloud-native-security-whitepaper', 2]
])('%s: a term counted in the terms table and in keyness', (series, count) => {
  it('differs only by its occurrences inside longer words, and the page and the text output say which count is which', async () => {
    const list = await shipped(series)
    expect(list).toHaveLength(count)
    const result = computeTrends(list)
    const texts = list.map(textOf)
    const labels = result.editions.map((e) => e.label)
    let compared = 0
    let differ = 0
    for (const pair of result.keyness) {
      for (const k of [...pair.rising, ...pair.falling, ...pair.belowCut]) {
        const term = result.terms.find((t) => t.term === k.term)
        if (!term || term.term.includes(' ')) continue
        for (const [label, keyCount] of [
          [pair.old, k.oldCount],
          [pair.new, k.newCount]
        ] as const) {
          const i = labels.indexOf(label)
          const {inside} = occurrences(texts[i]!, term.term)
          expect(term.counts[i]! - keyCount, `${term.term} in ${label}: table less keyness`).toBe(inside)
          compared++
          if (inside > 0) differ++
        }
      }
    }
    // The top terms of each edition (the page's last table) are whole words too.
    for (const [i, edition] of result.editions.entries())
      for (const top of edition.top) {
        const term = result.terms.find((t) => t.term === top.key)
        if (!term || term.term.includes(' ')) continue
        const {inside} = occurrences(texts[i]!, term.term)
        expect(term.counts[i]! - top.count, `${term.term} in ${edition.label}: table less top terms`).toBe(inside)
        compared++
      }
    expect(compared).toBeGreaterThan(series === 'un-general-debate-kor' ? 100 : 5)
    if (series === 'un-general-debate-kor') expect(differ).toBeGreaterThan(0)
    const html = renderTrendsPage(result)
    expect(html).toContain('also inside a longer word joined by a hyphen or an apostrophe')
    expect(html).toContain('The counts here are of whole words')
    expect(describeTrends(result)).toMatch(/rising \(whole words old→new\)/u)
  }, 120_000)
})

describe('the trends text without --terms', () => {
  it('gives the unit of every count: occurrences, with per 10,000 words in brackets (issue 20: raw counts with no unit)', async () => {
    const list = await shipped('un-general-debate-kor')
    const result = computeTrends(list.slice(0, 3))
    const text = describeTrends(result)
    expect(text).toContain('Occurrences per edition (per 10,000 words in brackets):')
    // Ten default terms, each with a count and its rate for every edition.
    const lines = text.split('\n').filter((line) => line.startsWith('  '))
    expect(lines).toHaveLength(10)
    for (const line of lines) expect(line).toMatch(/^ {2}.+: 1991 \d+ \(\d+\.\d\), 1992 \d+ \(\d+\.\d\), 1993 \d+ \(\d+\.\d\)$/u)
  })
})
