/// <reference lib="dom" />
/**
 * A Korean series' trends page on a phone (390 px): a term in a narrow table column wraps at its
 * spaces, never between the syllables of a word (`컴플라 / 이언스` read as two words), and a table's
 * frame is as wide as its table, not a full-width empty panel.
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
  const text = `---\ntitle: 설명서\nyear: ${year}\nlanguage: ko\n---\n\n# 요구사항\n\n${body}\n`
  return (await ingestEdition(new TextEncoder().encode(text), {file: `spec-${year}.md`, language: 'ko'})).edition
}

describeInChromium('a Korean trends page at 390 px', () => {
  let browser: Browser
  let url: string

  beforeAll(async () => {
    const old = '조직은 정책을 수립한다. 조직은 교육을 제공한다. 조직은 문서를 공개한다. '.repeat(4)
    const next = '조직은 오픈소스 컴플라이언스 프로그램을 운영한다. 오픈소스 컴플라이언스 담당자를 둔다. '.repeat(6)
    const result = computeTrends([await edition(2019, old), await edition(2020, next)], {ngram: 2})
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-trends-phone-')), 'trends.html')
    writeFileSync(file, renderTrendsPage(result))
    url = pathToFileURL(file).href
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('keeps each Korean word of a term on one line, and frames a table no wider than it', {timeout: 120_000}, async () => {
    const page = await browser.newPage({viewport: {width: 390, height: 900}})
    await page.goto(url)
    const terms = await page.evaluate(() =>
      [...document.querySelectorAll('table.key th[scope="row"]')].map((th) => {
        const text = th.querySelector('a')?.firstChild ?? th.firstChild
        let at = 0
        const words = (th.textContent ?? '').split(' ')
        // How many lines each word of the term is set on.
        const split = words.map((word) => {
          const range = document.createRange()
          range.setStart(text!, at)
          range.setEnd(text!, at + word.length)
          at += word.length + 1
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
        })
        return {term: th.textContent, split}
      })
    )
    expect(terms.map((t) => t.term)).toContain('오픈소스 컴플라이언스')
    for (const term of terms) expect(term.split, term.term ?? '').toEqual(term.split.map(() => 1))
    const frames = await page.evaluate(() =>
      [...document.querySelectorAll('.table-wrap')].map(
        (wrap) => wrap.getBoundingClientRect().width - wrap.querySelector('table')!.getBoundingClientRect().width
      )
    )
    expect(frames.length).toBeGreaterThan(0)
    for (const extra of frames) expect(extra).toBeLessThanOrEqual(2)
    await page.close()
  })
})
