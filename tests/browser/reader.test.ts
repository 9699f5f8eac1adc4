/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * What a busy reader sees in Chromium (issue 20): the summary comes first, every change is in the
 * page from the start (so the browser's find and print reach it), side by side puts the old text on
 * the left and the new on the right in one row on a PDF pair, and nothing scrolls sideways at 400 px
 * or at A4 print width. Writes screenshots of each page type to reports/screenshots/ for a look.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'
import {buildSite} from '../../src/report/build-site.js'
import {renderCompareReport} from '../../src/report/render-compare-report.js'
import {accessGuidePdf} from '../support/access-guide-pdf.js'
import {loadCncfPair, loadCovenantSeries} from '../report/load-fixture.js'
import {describeInChromium, launchChromium} from './chromium.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
// A4 is 210 mm wide; at 96 px per inch, less the report's 14 mm margins, the printed column is ~687 px.
const a4ContentWidth = Math.floor(((210 - 2 * 14) / 25.4) * 96)

/** A two-page PDF edition: a heading and a paragraph per section, the second section on page 2. */
async function pdfEdition(edition: string, passwordRule: string): Promise<Edition> {
  const bytes = accessGuidePdf(passwordRule)
  const {edition: result} = await ingestEdition(bytes, {file: `${edition}.pdf`, series: 'access-guide', edition, year: Number(edition)})
  return result
}

/** Horizontal overflow of the page: scroll width beyond the viewport, in px. */
const overflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth) as Promise<number>

describeInChromium('what a busy reader sees', () => {
  let browser: Browser
  let dir: string
  const urls: Record<string, string> = {}

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-reader-'))
    const write = (name: string, html: string): void => {
      mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
      writeFileSync(path.join(dir, name), html)
      urls[name] = pathToFileURL(path.join(dir, name)).href
    }
    const [a, b] = await loadCncfPair()
    write('cncf.html', renderCompareReport(compareEditions(a, b, {detail: 'blocks'})))
    const old = await pdfEdition('2021', 'Passwords have at least eight characters and change every month.')
    const next = await pdfEdition('2022', 'Passwords have at least fifteen characters and never expire.')
    write('pdf.html', renderCompareReport(compareEditions(old, next, {detail: 'blocks'})))
    const covenant = await loadCovenantSeries()
    const site = buildSite([{series: 'contributor-covenant', title: 'Contributor Covenant', language: 'en', editions: covenant}])
    for (const [name, html] of site) write(`site/${name}`, html)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('puts the summary first: the first heading of the content, its headline above the fold', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(urls['cncf.html']!)
    expect(await page.locator('main h2').first().textContent()).toBe('Summary')
    const headline = await page.locator('#_summary .headline').boundingBox()
    expect(headline).not.toBeNull()
    expect(headline!.y + headline!.height).toBeLessThan(900)
    // The new chapters are named in it, each linking to its card.
    const links = await page.locator('#_summary .digest a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)))
    expect(links.length).toBeGreaterThan(5)
    for (const id of links) expect(await page.evaluate((x) => document.getElementById(x) !== null, id)).toBe(true)
    expect(await page.locator('#_summary .digest').textContent()).toMatch(/Ransomware/u)
    // Counts agree: the filter of each kind says what the summary table says.
    const table = await page
      .locator('.kind-counts tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('.badge')!.className.replace(/^.*kind-/u, ''), row.querySelector('.num')!.textContent])
      )
    expect(table.length).toBe(9)
    for (const [kind, count] of table) {
      const filter = page.locator(`label:has(input[data-filter-kind="${kind}"])`)
      if (count === '0') expect(await filter.count()).toBe(0)
      else expect(await filter.textContent()).toMatch(new RegExp(`\\(${count}\\)$`, 'u'))
    }
    await page.close()
  })

  it('has every change in the page at load, found by the browser’s find far below the first screen', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(urls['cncf.html']!)
    // The last card with a deletion: its words are in the document before any click or scroll.
    const target = await page.evaluate(() => {
      const cards = [...document.querySelectorAll('#_changes .card')].filter((card) => card.querySelector('del'))
      const card = cards.at(-1)!
      const text = [...card.querySelectorAll('del')].map((d) => d.textContent!.trim()).find((t) => t.length >= 12)!
      return {id: card.id, text, top: card.getBoundingClientRect().top}
    })
    expect(target.top).toBeGreaterThan(5 * 900)
    const found = await page.evaluate((text) => {
      window.getSelection()!.removeAllRanges()
      // window.find is Chromium's find-in-page: it searches what Ctrl+F searches.
      const ok = (window as unknown as {find: (s: string) => boolean}).find(text)
      return ok ? window.getSelection()!.anchorNode!.parentElement!.closest('.card')?.id : null
    }, target.text)
    expect(found).toBe(target.id)
    // Nothing waits to be built: the side-by-side columns are the only copies made on demand.
    const counts = await page.evaluate(() => [document.querySelectorAll('ins').length, document.querySelectorAll('del').length])
    expect(counts[0]).toBeGreaterThan(100)
    expect(counts[1]).toBeGreaterThan(50)
    await page.close()
  })

  it('keeps every changed word for find and print once side by side is on (its columns are built on the click)', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(urls['cncf.html']!)
    expect(await page.locator('.side').count()).toBe(0)
    await page.click('button[data-toggle="sbs"]')
    const changed = page.locator('.blk.op-changed')
    expect(await page.locator('.side-old').count()).toBe(await page.locator('.blk.op-changed, .blk.op-moved-changed').count())
    // The last changed paragraph with a deleted and an inserted word: each found where the reader sees it.
    const {index, ...words} = await changed.evaluateAll((blocks) => {
      const pick = (block: Element, tag: string) =>
        [...block.querySelectorAll(`.inline ${tag}`)].map((x) => x.textContent!.trim()).find((t) => /^\p{L}{8,}$/u.test(t))
      for (let i = blocks.length - 1; i >= 0; i--) {
        const [deleted, inserted] = [pick(blocks[i]!, 'del'), pick(blocks[i]!, 'ins')]
        if (deleted && inserted) return {index: i, deleted, inserted}
      }
      throw new Error('no changed paragraph with a deleted and an inserted word')
    })
    const block = changed.nth(index)
    const foundIn = (text: string) =>
      page.evaluate((t) => {
        window.getSelection()!.removeAllRanges()
        const ok = (window as unknown as {find: (s: string) => boolean}).find(t)
        return ok ? window.getSelection()!.anchorNode!.parentElement!.closest('.side')?.className : null
      }, text)
    expect(await foundIn(words.deleted)).toBe('side side-old')
    expect(await foundIn(words.inserted)).toBe('side side-new')
    // Printed as shown: both columns, the old text with its deletions, the new with its insertions.
    await page.emulateMedia({media: 'print'})
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested
    expect(await block.locator('.side-old').innerText()).toContain(words.deleted)
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested
    expect(await block.locator('.side-new').innerText()).toContain(words.inserted)
    await page.close()
  })

  it('shows side by side on a PDF pair with the old text left and the new right, in one row, under column headings', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(urls['pdf.html']!)
    await page.click('button[data-toggle="sbs"]')
    const block = page.locator('.blk.op-changed').filter({hasText: 'fifteen'}).first()
    // The block is on the pages its card names (`p. 2` among the card's figures), so it does not name them again.
    expect(await page.locator('.card', {has: block}).locator('p.meta').last().textContent()).toMatch(/p\. 2/u)
    expect((await block.locator('.blk-note').allTextContents()).filter((note) => /p\. /u.test(note))).toEqual([])
    const old = (await block.locator('.side-old').boundingBox())!
    const next = (await block.locator('.side-new').boundingBox())!
    expect(old.x).toBeLessThan(next.x)
    expect(Math.abs(old.y - next.y)).toBeLessThan(2)
    // What the reader sees: each column hides the other side's words, which textContent would still hold.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested
    const shown = (side: string): Promise<string> => block.locator(side).innerText()
    expect(await shown('.side-old')).toContain('eight')
    expect(await shown('.side-old')).not.toContain('fifteen')
    expect(await shown('.side-new')).toContain('fifteen')
    expect(await shown('.side-new')).not.toContain('eight')
    const head = page.locator('.card', {has: block}).locator('.sbs-head')
    expect(await head.locator('span').allTextContents()).toEqual(['2021 (old)', '2022 (new)'])
    const [left, right] = [(await head.locator('span').nth(0).boundingBox())!, (await head.locator('span').nth(1).boundingBox())!]
    expect(Math.abs(left.x - old.x)).toBeLessThan(2)
    expect(Math.abs(right.x - next.x)).toBeLessThan(2)
    mkdirSync(path.join(repo, 'reports', 'screenshots'), {recursive: true})
    await page.locator('.card', {has: block}).screenshot({path: path.join(repo, 'reports', 'screenshots', 'side-by-side-pdf.png')})
    await page.close()
  })

  for (const name of [
    'cncf.html',
    'pdf.html',
    'site/index.html',
    'site/contributor-covenant/index.html',
    'site/contributor-covenant/trends.html'
  ]) {
    it(`${name}: no sideways scroll at 400 px (side by side on) nor at A4 print width`, {timeout: 120_000}, async () => {
      const page = await browser.newPage({viewport: {width: 400, height: 900}})
      await page.goto(urls[name]!)
      if (await page.locator('button[data-toggle="sbs"]').count()) await page.click('button[data-toggle="sbs"]')
      expect(await overflow(page)).toBe(0)
      // A phone of 360 px with the structure map opened (it is open by itself up to 60 rows): a
      // relation of three kinds ("merged, moved, modified") is wider than its column there, and
      // must wrap rather than push the page sideways.
      await page.setViewportSize({width: 360, height: 900})
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('#_structure details')) (details as HTMLDetailsElement).open = true
      })
      expect(await overflow(page)).toBe(0)
      await page.setViewportSize({width: 400, height: 900})
      const shot = name.replace(/[/.]/gu, '-')
      mkdirSync(path.join(repo, 'reports', 'screenshots'), {recursive: true})
      await page.screenshot({path: path.join(repo, 'reports', 'screenshots', `${shot}-400.png`)})
      await page.setViewportSize({width: a4ContentWidth, height: 1100})
      await page.emulateMedia({media: 'print'})
      expect(await overflow(page)).toBe(0)
      // Print shows no controls, and keeps each heading with the text under it.
      expect(await page.locator('.controls:visible, .toc:visible, button:visible').count()).toBe(0)
      expect(
        await page.evaluate(
          () => [...document.querySelectorAll('h1, h2, h3')].filter((h) => getComputedStyle(h).breakAfter !== 'avoid-page').length
        )
      ).toBe(0)
      await page.emulateMedia({media: 'screen'})
      await page.setViewportSize({width: 1280, height: 900})
      await page.screenshot({path: path.join(repo, 'reports', 'screenshots', `${shot}-1280.png`)})
      await page.close()
    })
  }
})
