/// <reference lib="dom" />
/**
 * The report site in Chromium: the site index, a series page and its trends page load nothing but
 * themselves and log no error, and none has a serious or critical axe violation in the light or the dark scheme.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {buildSite} from '../../src/report/build-site.js'
import {loadCovenantSeries, loadFixturePair} from '../report/load-fixture.js'
import {describeInChromium, launchChromium, seriousViolations, watchPage} from './chromium.js'

describeInChromium('report site in Chromium', () => {
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    const covenant = await loadCovenantSeries()
    const [old, next] = await loadFixturePair('xss')
    const files = buildSite([
      {series: 'contributor-covenant', title: 'Contributor Covenant', publisher: 'Coraline Ada Ehmke', language: 'en', editions: covenant},
      {series: 'xss', title: 'Hostile <script>alert(1)</script> series', editions: [old, next]}
    ])
    dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-site-'))
    for (const [relative, content] of files) {
      mkdirSync(path.dirname(path.join(dir, relative)), {recursive: true})
      writeFileSync(path.join(dir, relative), content)
    }
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  for (const [page, axe] of [
    ['index.html', true],
    ['contributor-covenant/index.html', true],
    ['xss/index.html', true],
    ['contributor-covenant/trends.html', true]
  ] as const) {
    it(`${page}: no error, no request but itself, no dialog${axe ? ', no serious axe violation, light or dark' : ''}`, {
      timeout: 120_000
    }, async () => {
      const url = pathToFileURL(path.join(dir, page)).href
      const tab = await browser.newPage()
      const watch = watchPage(tab)
      await tab.goto(url)
      expect(watch.consoleErrors).toEqual([])
      expect(watch.requests).toEqual([url])
      expect(watch.dialogs).toEqual([])
      expect(await tab.locator('h1').count()).toBe(1)
      if (axe) expect(await seriousViolations(tab)).toEqual([])
      await tab.close()
      if (!axe) return
      // The dark scheme has colours of its own: checked too.
      const dark = await browser.newPage({colorScheme: 'dark'})
      await dark.goto(url)
      expect(await seriousViolations(dark)).toEqual([])
      await dark.close()
    })
  }

  it('trends: a chart point opens the sentences it counts; the table below scrolls inside its box, not the page', async () => {
    const tab = await browser.newPage({viewport: {width: 1280, height: 600}})
    await tab.goto(pathToFileURL(path.join(dir, 'contributor-covenant/trends.html')).href)
    const point = tab.locator('#_terms .chart circle[data-href]').first()
    const target = (await point.getAttribute('data-href'))!.slice(1)
    expect(await tab.locator(`details#${target}`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    await point.click()
    expect(await tab.locator(`details#${target}`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    // Nothing inside a chart takes keyboard focus (an image holds no control); the table's links do.
    expect(await tab.locator('svg[role="img"] a, svg[role="img"] [tabindex]').count()).toBe(0)
    expect(await tab.locator(`#_terms table a[href="#${target}"]`).count()).toBe(1)
    const wrap = tab.locator('#_terms .table-wrap')
    expect(await wrap.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto')
    await tab.setViewportSize({width: 400, height: 600})
    expect(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
    await tab.close()
  })

  it('links from the index to every series page and report', async () => {
    const tab = await browser.newPage()
    await tab.goto(pathToFileURL(path.join(dir, 'index.html')).href)
    await tab.click('a[href="contributor-covenant/index.html"]')
    await tab.click('a[href="1-0-to-1-1.html"]')
    expect(tab.url()).toMatch(/contributor-covenant\/1-0-to-1-1\.html$/u)
    expect(await tab.locator('article.card').count()).toBeGreaterThan(0)
    await tab.close()
  })
})
