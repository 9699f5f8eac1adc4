/**
 * Issue 20: a figure a reader meets twice says the same both times. On the shipped editions, each
 * entry of "Sections that changed most" gives the words its section's card gives (HTML), and its line
 * in the Markdown's list of changes (`--format md`); a new section whose size and whose added words
 * differ (paragraphs moved in, link targets) once said 9 words in the list and 22 on its card.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {compareEditions, type CompareResult} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {renderCompareMarkdown} from '../../src/report/render-compare-markdown.js'
import {renderCompareReport} from '../../src/report/render-compare-report.js'

const editions = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'editions')

async function compareShipped(series: string, old: string, next: string): Promise<CompareResult> {
  const read = async (label: string) => {
    const file = path.join(editions, series, `${label}.md`)
    return (await ingestEdition(new Uint8Array(readFileSync(file)), {file})).edition
  }
  return compareEditions(await read(old), await read(next), {detail: 'blocks'})
}

/** "+1,234 −5 words" or "new, 22 words" / "new section, 22 words" as [added, removed] (null where not given). */
function figures(text: string): [number | null, number | null] {
  const n = (s: string) => Number(s.replace(/\D/gu, ''))
  const pair = /\+([\d,]+) −([\d,]+) words?/u.exec(text)
  if (pair) return [n(pair[1]!), n(pair[2]!)]
  const whole = /(new|removed)(?: section)?, ([\d,]+) words?/u.exec(text)
  if (!whole) throw new Error(`no word figure in "${text}"`)
  return whole[1] === 'new' ? [n(whole[2]!), null] : [null, n(whole[2]!)]
}

const stripTags = (html: string): string =>
  html
    .replace(/<[^>]+>/gu, '')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&')

describe.each([
  ['cncf-cloud-native-security-whitepaper', '2020', '2022'],
  ['cncf-cloud-native-security-whitepaper-zh-cn', '2020', '2022'],
  ['owasp-api-security-top10', '2019', '2023']
])('%s %s → %s: "changed most" and the cards give the same words', (series, old, next) => {
  let result: CompareResult
  beforeAll(async () => {
    result = await compareShipped(series, old, next)
  })

  it('HTML: each entry of the list and the card it links to', () => {
    // A longer list than the default ten, so that new and removed sections are in it on every pair.
    const html = renderCompareReport(result, {mostChanged: 40})
    const list = /<ol class="most-changed">([\s\S]*?)<\/ol>/u.exec(html)?.[1] ?? ''
    const entries = [...list.matchAll(/<li><a href="#([^"]+)" dir="auto">[\s\S]*?<span class="muted">([^<]*)<\/span><\/li>/gu)]
    expect(entries.length).toBe(40)
    let whole = 0
    for (const [, anchor, text] of entries) {
      const card = new RegExp(
        `<article [^>]*id="${anchor!.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}"[\\s\\S]*?<p class="meta">([\\s\\S]*?)</p>`,
        'u'
      ).exec(html)
      expect(card, anchor).not.toBeNull()
      expect(figures(stripTags(card![1]!)), anchor).toEqual(figures(text!))
      if (/^\((new|removed),/u.test(text!)) whole++
    }
    // The lists hold new or removed sections, where the two counts used to part.
    expect(whole).toBeGreaterThan(0)
  })

  it('Markdown: each entry of the list and its line among the changes', () => {
    const md = renderCompareMarkdown(result)
    const [, most = '', changes = ''] = md.split(/^## (?:Sections that changed most|Changes \(\d+\))$/mu)
    const entries = [...most.matchAll(/^\d+\. (.+) \(([^()]*)\)$/gmu)]
    expect(entries.length).toBe(10)
    // Each named by its path, not a bare title ("API3:2023 › Scenario #2").
    expect(entries.some(([, place]) => place!.includes(' › '))).toBe(true)
    for (const [, place, text] of entries) {
      const heading = place!.split(' + ')[0]!.split(' › ').at(-1)!
      const lines = changes.split('\n').filter((line) => line.startsWith(`- **${heading}**`))
      expect(lines.length, heading).toBeGreaterThan(0)
      const [added, removed] = figures(text!)
      const want =
        added !== null && removed !== null ? `(+${text!.match(/\+([\d,]+)/u)![1]} −` : `(${(added ?? removed)!.toLocaleString('en')} word`
      expect(
        lines.some((line) => line.includes(want)),
        `${heading}: ${text} in ${lines.join(' | ')}`
      ).toBe(true)
    }
  })
})
