/// <reference lib="dom" />
/**
 * A trends page whose new language quotes a sentence holding a long web address (as FOMC
 * statements link their implementation notes): the page never scrolls sideways, on a desktop or a
 * phone; the address breaks inside its column instead.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {renderTrendsPage} from '../../src/report/render-trends-page.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {describeInChromium, launchChromium} from './chromium.js'

async function edition(year: number, body: string) {
  const text = `---\ntitle: statement\nyear: ${year}\nlanguage: en\n---\n\n# Statement\n\n${body}\n`
  return (await ingestEdition(new TextEncoder().encode(text), {file: `statement-${year}.md`, language: 'en'})).edition
}

const address = `https://www.example.org/newsevents/pressreleases/monetary/${'implementationnote'.repeat(8)}20160921a1.htm`

describeInChromium('a trends page quoting a long web address', () => {
  let browser: Browser
  let url: string

  beforeAll(async () => {
    const editions = [
      await edition(2014, 'The Committee kept the target range. Inflation remained low. '.repeat(3)),
      await edition(2015, 'The Committee kept the target range. Inflation remained low. Growth was moderate. '.repeat(3)),
      await edition(
        2016,
        `The Committee kept the target range. Inflation remained low. Implementation note issued today at ${address} for the record.`
      )
    ]
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-trends-overflow-')), 'trends.html')
    writeFileSync(file, renderTrendsPage(computeTrends(editions, {ngram: 2})))
    url = pathToFileURL(file).href
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it.each([1280, 390])('at %i px: quotes the address and does not scroll sideways', {timeout: 120_000}, async (width) => {
    const page = await browser.newPage({viewport: {width, height: 900}})
    await page.goto(url)
    const found = await page.evaluate(
      (text) => [...document.querySelectorAll('#_new-language details[open] li')].some((li) => (li.textContent ?? '').includes(text)),
      address
    )
    expect(found).toBe(true)
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(sideways).toBe(0)
    await page.close()
  })
})
