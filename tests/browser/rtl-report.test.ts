/// <reference lib="dom" />
/**
 * A Persian pair's comparison report in Chromium: the report speaks English, the edition runs right
 * to left. Each Persian paragraph and heading is set right to left, and the figures printed after a
 * Persian heading keep their order: "(+12 −3 words)", never "(+3− 12 words)", which the bidi
 * algorithm made of them when the heading was not isolated from the English around it.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {buildSite} from '../../src/report/build-site.js'
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
  let dir: string

  beforeAll(async () => {
    const html = renderCompareReport(compareEditions(await edition(2019, old), await edition(2020, next), {detail: 'blocks'}))
    dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-rtl-'))
    const file = path.join(dir, 'report.html')
    writeFileSync(file, html)
    url = pathToFileURL(file).href
    // A series of three editions, for its index page and its trends page.
    const third = `${next}\n\n# پرسش\n\n## آیا سیاست امنیتی نوشته شده است؟\n\nسازمان سیاست امنیتی نوشته شده و روشن را هر سال منتشر می‌کند.`
    const site = buildSite([{series: 'guide', editions: [await edition(2019, old), await edition(2020, next), await edition(2021, third)]}])
    for (const [name, content] of site) {
      mkdirSync(path.dirname(path.join(dir, 'site', name)), {recursive: true})
      writeFileSync(path.join(dir, 'site', name), content)
    }
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

  it('sets a Persian heading of the series outline and a quoted Persian sentence of the trends page right to left', {
    timeout: 120_000
  }, async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    // The direction each text node beginning with `begins` is set in, inside the elements `selector` finds.
    const directions = (selector: string, begins: string) =>
      page.evaluate(
        ([selector, begins]) => {
          const found: string[] = []
          for (const el of document.querySelectorAll(selector)) {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
            for (let text = walker.nextNode(); text; text = walker.nextNode()) {
              if ((text.textContent ?? '').startsWith(begins)) found.push(getComputedStyle(text.parentElement!).direction)
            }
          }
          return found
        },
        [selector, begins] as const
      )
    await page.goto(pathToFileURL(path.join(dir, 'site', 'guide', 'index.html')).href)
    const headings = await directions('details[open] .outline li', 'آیا')
    expect(headings).toEqual(['rtl'])
    await page.goto(pathToFileURL(path.join(dir, 'site', 'guide', 'trends.html')).href)
    const sentences = await directions('#_new-language details[open] li', 'سازمان')
    expect(sentences.length).toBeGreaterThan(0)
    expect(new Set(sentences)).toEqual(new Set(['rtl']))
    await page.close()
  })
})
