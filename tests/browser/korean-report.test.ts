/// <reference lib="dom" />
/**
 * A Korean pair's comparison report on a phone (390 px): a section title or a paragraph wraps at the
 * spaces between words, never between two syllables of one word (`라이선 / 스`, `규 / 정하는` read as
 * two words), and the page still does not scroll sideways.
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
  const text = `---\ntitle: 지침\nyear: ${year}\nlanguage: ko\n---\n\n${body}\n`
  return (await ingestEdition(new TextEncoder().encode(text), {file: `guide-${year}.md`, language: 'ko'})).edition
}

const policy = '공급 대상 소프트웨어 배포 시에 필요한 오픈소스 라이선스 컴플라이언스를 규정하는 문서화된 정책이 존재한다'
const body = '조직은 오픈소스 라이선스 컴플라이언스 정책을 문서화하고 모든 참여자에게 정기적으로 전달하며 그 기록을 보관한다.'
const old = `# 요구사항\n\n## 교육\n\n${body}`
// One long compound with no space in it: the structure map's narrow columns must still break it.
const compound = '소프트웨어공급망보안관리체계수립'
const next = `# 요구사항\n\n## 교육\n\n${body}\n\n## ${policy}\n\n${body} ${body}\n\n## ${compound}\n\n${body}`

describeInChromium('a Korean comparison report at 390 px', () => {
  let browser: Browser
  let url: string

  beforeAll(async () => {
    const html = renderCompareReport(compareEditions(await edition(2019, old), await edition(2020, next), {detail: 'blocks'}))
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-korean-')), 'report.html')
    writeFileSync(file, html)
    url = pathToFileURL(file).href
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('keeps each word of a title and of a paragraph on one line', {timeout: 120_000}, async () => {
    const page = await browser.newPage({viewport: {width: 390, height: 900}})
    await page.goto(url)
    const split = await page.evaluate(() => {
      // For each text node of the titles and paragraphs: the words set on more than one line.
      const broken: string[] = []
      const nodes = [...document.querySelectorAll('.digest a, .card h3 a, .blk .para, .blk.op-equal')].filter(
        (node) => !(node.textContent ?? '').includes('공급망')
      )
      for (const node of nodes) {
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
        for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
          let at = 0
          for (const word of text.data.split(' ')) {
            const range = document.createRange()
            range.setStart(text, at)
            range.setEnd(text, at + word.length)
            at += word.length + 1
            if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(word)
          }
        }
      }
      return {checked: nodes.length, broken}
    })
    expect(split.checked).toBeGreaterThan(2)
    expect(split.broken).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
    await page.close()
  })
})
