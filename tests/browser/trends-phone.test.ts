/// <reference lib="dom" />
/**
 * A Korean and a Japanese series' trends pages on a phone (390 px): a term in a narrow table column
 * wraps at its spaces, never inside a word (`컴플라 / 이언스`, `オー / プン / ソー / ス` read as several
 * words), and a table's frame is as wide as its table, not a full-width empty panel.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {yearlyEdition} from '../support/yearly-edition.js'
import {renderTrendsPage} from '../../src/report/render-trends-page.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {describeInChromium, launchChromium} from './chromium.js'

async function page(language: string, old: string, next: string): Promise<string> {
  const result = computeTrends([await yearlyEdition(language, 2019, old), await yearlyEdition(language, 2020, next)], {ngram: 2})
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-trends-phone-')), 'trends.html')
  writeFileSync(file, renderTrendsPage(result))
  return pathToFileURL(file).href
}

describeInChromium('a Korean and a Japanese trends page at 390 px', () => {
  let browser: Browser
  const urls: Record<string, string> = {}

  beforeAll(async () => {
    urls.ko = await page(
      'ko',
      '조직은 정책을 수립한다. 조직은 교육을 제공한다. 조직은 문서를 공개한다. '.repeat(4),
      '조직은 오픈소스 컴플라이언스 프로그램을 운영한다. 오픈소스 컴플라이언스 담당자를 둔다. '.repeat(6)
    )
    urls.ja = await page(
      'ja',
      '組織は方針を定める。組織は教育を行う。組織は文書を公開する。'.repeat(4),
      '組織はオープンソースのプログラムを運営する。オープンソースの担当者を置く。'.repeat(6)
    )
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it.each([
    ['ko', '오픈소스 컴플라이언스'],
    ['ja', 'オープンソース']
  ])('%s: keeps each word of a term on one line, and frames a table no wider than it', {timeout: 120_000}, async (language, expected) => {
    const tab = await browser.newPage({viewport: {width: 390, height: 900}})
    await tab.goto(urls[language]!)
    const terms = await tab.evaluate(() =>
      [...document.querySelectorAll('table.key th[scope="row"]')].map((th) => {
        const text = th.querySelector('a')?.firstChild ?? th.firstChild
        let at = 0
        // How many lines each word of the term is set on.
        const split = (th.textContent ?? '').split(' ').map((word) => {
          const range = document.createRange()
          range.setStart(text!, at)
          range.setEnd(text!, at + word.length)
          at += word.length + 1
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
        })
        return {term: th.textContent, split}
      })
    )
    expect(terms.map((t) => t.term)).toContain(expected)
    for (const term of terms) expect(term.split, term.term ?? '').toEqual(term.split.map(() => 1))
    const frames = await tab.evaluate(() =>
      [...document.querySelectorAll('.table-wrap')].map(
        (wrap) => wrap.getBoundingClientRect().width - wrap.querySelector('table')!.getBoundingClientRect().width
      )
    )
    expect(frames.length).toBeGreaterThan(0)
    for (const extra of frames) expect(extra).toBeLessThanOrEqual(2)
    await tab.close()
  })
})
