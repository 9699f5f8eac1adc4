/// <reference lib="dom" />
/**
 * A Persian pair's comparison report in Chromium: the report speaks English, the edition runs right
 * to left. Each Persian paragraph and heading is set right to left, and the figures printed after a
 * Persian heading keep their order: "(+12 −3 words)", never "(+3− 12 words)", which the bidi
 * algorithm made of them when the heading was not isolated from the English around it.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {renderCompareReport} from '../../src/report/render-compare-report.js'
import {describeInChromium, launchChromium} from './chromium.js'

async function edition(year: number, body: string) {
  const text = `---\ntitle: راهنما\nyear: ${year}\nlanguage: fa\n---\n\n${body}\n`
  return (await ingestEdition(new TextEncoder().encode(text), {file: `guide-${year}.md`, language: 'fa'})).edition
}

const unchanged = 'این بخش بدون تغییر باقی مانده است و همان متن سال گذشته را دارد.'
const old = `# مقدمه\n\n${unchanged}\n\n# امنیت\n\nسازمان باید سیاست امنیتی داشته باشد. این سیاست هر سال بازبینی می‌شود.`
const next = `# مقدمه\n\n${unchanged}\n\n# امنیت\n\nسازمان باید سیاست امنیتی نوشته شده و روشن داشته باشد که همه کارکنان آن را بدانند و در برنامه آموزشی سالانه دوباره بخوانند. این سیاست هر سال بازبینی می‌شود.`

describeInChromium('a Persian comparison report in Chromium', () => {
  let browser: Browser
  let url: string

  beforeAll(async () => {
    const html = renderCompareReport(compareEditions(await edition(2019, old), await edition(2020, next), {detail: 'blocks'}))
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-rtl-')), 'report.html')
    writeFileSync(file, html)
    url = pathToFileURL(file).href
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('keeps the figures after a Persian heading in order, and sets Persian text right to left', {timeout: 120_000}, async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(url)
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll('.most-changed li .muted')].map((span) => {
        const text = span.firstChild as Text
        const where = (at: number): number => {
          const range = document.createRange()
          range.setStart(text, at)
          range.setEnd(text, at + 1)
          return range.getBoundingClientRect().left
        }
        // The first digit of the words added, and of the words removed.
        return {text: text.data, added: where(text.data.indexOf('+') + 1), removed: where(text.data.indexOf('−') + 1)}
      })
    )
    expect(figures.length).toBeGreaterThan(0)
    for (const figure of figures) expect(figure.added, figure.text).toBeLessThan(figure.removed)

    const directions = await page.evaluate(() => ({
      heading: getComputedStyle(document.querySelector('#_changes .card h3')!).direction,
      unchanged: [...document.querySelectorAll('.blk.op-equal')].map((p) => getComputedStyle(p).direction),
      changed: [...document.querySelectorAll('.blk.op-changed .inline')].map((p) => getComputedStyle(p).direction),
      block: [...document.querySelectorAll('.blk.op-changed')].map((p) => getComputedStyle(p).direction)
    }))
    expect(directions.heading).toBe('rtl')
    expect(directions.unchanged.length).toBeGreaterThan(0)
    expect(new Set(directions.unchanged)).toEqual(new Set(['rtl']))
    expect(directions.changed.length).toBeGreaterThan(0)
    expect(new Set(directions.changed)).toEqual(new Set(['rtl']))
    // The block around the text stays left to right: side by side keeps old on the left.
    expect(new Set(directions.block)).toEqual(new Set(['ltr']))
    await page.close()
  })
})
