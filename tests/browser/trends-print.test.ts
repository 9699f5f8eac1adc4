/// <reference lib="dom" />
/**
 * The trends page of the shipped UN series (34 statements, one table column each) printed on A4
 * portrait: no table runs past the printed width, and every edition's column is printed in every
 * table (issue 20: the tables were cut after the 2010 column).
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {renderTrendsPage} from '../../src/report/render-trends-page.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {loadFolder} from '../trends/load-fixture.js'
import {describeInChromium, launchChromium} from './chromium.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
// A4 is 210 mm wide; at 96 px per inch, less the report's 14 mm margins, the printed column is ~687 px.
const a4ContentWidth = Math.floor(((210 - 2 * 14) / 25.4) * 96)

describeInChromium('a trends page of 34 editions printed on A4', () => {
  let browser: Browser
  let url: string
  let labels: string[]
  let sectionRows: number

  beforeAll(async () => {
    const editions = await loadFolder(path.join(repo, 'editions', 'un-general-debate-kor'))
    // The themes of the series' own series.yaml (the site build reads them from there).
    const result = computeTrends(editions, {
      themes: [
        {name: 'security', terms: ['nuclear', 'denuclearization', 'Korean Peninsula', 'North Korea']},
        {name: 'development', terms: ['development', 'sustainable development', 'ODA']},
        {name: 'climate', terms: ['climate change', 'green growth', 'carbon']},
        {name: 'health', terms: ['pandemic', 'COVID-19', 'health']}
      ]
    })
    labels = result.editions.map((edition) => edition.label)
    sectionRows = result.sections.length
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-trends-print-')), 'trends.html')
    writeFileSync(file, renderTrendsPage(result))
    url = pathToFileURL(file).href
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('prints every table within the A4 width, with every edition’s column in each', {timeout: 120_000}, async () => {
    expect(labels).toHaveLength(34)
    const page = await browser.newPage({viewport: {width: a4ContentWidth, height: 1100}})
    await page.goto(url)
    await page.emulateMedia({media: 'print'})
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('table')]
        .filter((table) => table.getClientRects().length > 0)
        .map((table) => ({
          caption: table.caption?.textContent?.replace(/^[^:]*–[^:]*: /u, '') ?? '',
          // The right edge of the table and of its widest cell: either past the page is cut off on paper.
          right: Math.max(
            table.getBoundingClientRect().right,
            ...[...table.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect().right)
          ),
          columns: [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent ?? '')
        }))
    )
    const width = await page.evaluate(() => document.documentElement.clientWidth)
    expect(width).toBe(a4ContentWidth)
    for (const table of tables) expect(table.right, table.caption).toBeLessThanOrEqual(width)
    // Each table with a column per edition (terms, themes, section shares) prints all 34 of them, each once;
    // the section shares only where there are sections to share the words (a statement without headings has none).
    const shares = sectionRows > 1 ? ["Share of the edition's words (%)"] : []
    for (const caption of ['Terms per 10,000 words', 'Theme matches per 10,000 words', ...shares]) {
      const columns = tables.filter((table) => table.caption.startsWith(caption)).flatMap((table) => table.columns)
      expect(columns, caption).toEqual(labels)
    }
    // Nothing is left in a scrolling box, which paper cuts at its edge.
    const boxed = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        // (a visually hidden label is a 1 px box on purpose)
        .filter(
          (el) => !el.matches('.visually-hidden') && getComputedStyle(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1
        )
        .map((el) => `${el.tagName}.${el.className}`)
    )
    expect(boxed).toEqual([])
    // No one-word column heading is broken across lines ("Y e a r", "Sentence s").
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('thead th')]
        .filter((th) => th.getClientRects().length > 0 && !/\s/u.test(th.textContent!.trim()))
        .filter((th) => {
          const range = document.createRange()
          range.selectNodeContents(th)
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1
        })
        .map((th) => th.textContent)
    )
    expect(broken).toEqual([])
    // The screen's one table is the one not printed, and on screen the printed groups are not shown.
    await page.emulateMedia({media: 'screen'})
    expect(await page.locator('.print-groups').first().isVisible()).toBe(false)
    expect(await page.locator('#_terms .table-wrap table').isVisible()).toBe(true)
    await page.close()
  })

  it('keeps each printed table row on one page: a rate and its count in brackets never part (OpenChain ko: 프로그램 111.34 on one page, (16) on the next)', {
    timeout: 120_000
  }, async () => {
    const page = await browser.newPage({viewport: {width: a4ContentWidth, height: 1100}})
    await page.goto(url)
    await page.emulateMedia({media: 'print'})
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('tr')].filter((tr) => tr.getClientRects().length > 0).map((tr) => getComputedStyle(tr).breakInside)
    )
    expect(rows.length).toBeGreaterThan(34)
    expect(new Set(rows)).toEqual(new Set(['avoid']))
    await page.close()
  })

  it('prints the keyword-in-context groups opened on screen, not the summary line of every closed one', {timeout: 120_000}, async () => {
    const page = await browser.newPage({viewport: {width: a4ContentWidth, height: 1100}})
    await page.goto(url)
    await page.emulateMedia({media: 'print'})
    const printed = () =>
      page.evaluate(() => [...document.querySelectorAll('details.kwic')].filter((d) => d.getClientRects().length > 0).length)
    expect(await page.evaluate(() => document.querySelectorAll('details.kwic').length)).toBeGreaterThan(10)
    expect(await printed()).toBe(0)
    await page.evaluate(() => {
      document.querySelector('details.kwic')!.setAttribute('open', '')
    })
    expect(await printed()).toBe(1)
    await page.close()
  })
})
