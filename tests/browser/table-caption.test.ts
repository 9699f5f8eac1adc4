/// <reference lib="dom" />
/**
 * A table wider than a phone scrolls in its box; its caption, centred over the whole table, began
 * off screen (a trends page of 34 editions showed a blank row above the section shares at 390 px).
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {renderTrendsPage} from '../../src/report/render-trends-page.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {yearlyEdition} from '../support/yearly-edition.js'
import {describeInChromium, launchChromium} from './chromium.js'

describeInChromium('the caption of a table wider than a phone', () => {
  let browser: Browser
  let url: string

  beforeAll(async () => {
    const editions = []
    for (let year = 2001; year <= 2016; year++) {
      editions.push(await yearlyEdition('en', year, `The council met to review nuclear safety and climate policy in ${year}. `.repeat(5)))
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-table-caption-')), 'trends.html')
    writeFileSync(file, renderTrendsPage(computeTrends(editions, {terms: ['nuclear', 'climate']})))
    url = pathToFileURL(file).href
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('begins inside the visible box at 390 px, and stays there when the table is scrolled', {timeout: 120_000}, async () => {
    const tab = await browser.newPage({viewport: {width: 390, height: 900}})
    await tab.goto(url)
    const starts = async () =>
      tab.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.table-wrap')]
          .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1 && wrap.querySelector('caption'))
          .map((wrap) => {
            const caption = wrap.querySelector('caption')!
            const range = document.createRange()
            range.setStart(caption.firstChild!, 0)
            range.setEnd(caption.firstChild!, 1)
            const box = wrap.getBoundingClientRect()
            return {caption: caption.textContent, left: range.getBoundingClientRect().left - box.left, width: box.width}
          })
      )
    const before = await starts()
    expect(before.length).toBeGreaterThan(0)
    for (const start of before) expect([start.caption, start.left >= 0 && start.left < 24]).toEqual([start.caption, true])
    await tab.evaluate(() => {
      for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) wrap.scrollLeft = 300
    })
    const after = await starts()
    for (const start of after) expect([start.caption, start.left >= 0 && start.left < 24]).toEqual([start.caption, true])
  })
})
