/**
 * The comparison report in a real browser (Debian's Chromium through playwright-core): it loads
 * nothing but itself, logs no error, its controls work, axe finds no serious or critical
 * violation, and hostile text stays inert. Writes reports/cncf-2020-to-2022.png for the closing note.
 */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {renderCompareReport} from '../../src/report/render-compare-report.js'
import {loadCncfPair, loadFixturePair} from '../report/load-fixture.js'
import {describeInChromium, launchChromium, seriousViolations, watchPage} from './chromium.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

const activeId = (page: Page): Promise<unknown> => page.evaluate('document.activeElement && document.activeElement.id')

describeInChromium('comparison report in Chromium', () => {
  let browser: Browser
  let dir: string
  let cncfUrl: string
  let xssUrl: string

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-report-'))
    const [a, b] = await loadCncfPair()
    writeFileSync(path.join(dir, 'cncf.html'), renderCompareReport(compareEditions(a, b, {detail: 'blocks'})))
    const [x, y] = await loadFixturePair('xss')
    writeFileSync(path.join(dir, 'xss.html'), renderCompareReport(compareEditions(x, y, {detail: 'blocks'})))
    cncfUrl = pathToFileURL(path.join(dir, 'cncf.html')).href
    xssUrl = pathToFileURL(path.join(dir, 'xss.html')).href
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('loads nothing but itself, logs no error, and writes the screenshot', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    const watch = watchPage(page)
    await page.goto(cncfUrl)
    await page.waitForLoadState('load')
    expect(watch.consoleErrors).toEqual([])
    expect(watch.requests).toEqual([cncfUrl])
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    mkdirSync(path.join(repo, 'reports'), {recursive: true})
    const shot = path.join(repo, 'reports', 'cncf-2020-to-2022.png')
    // A renamed section shows badges and a redline at once.
    const renamed = await page.locator('#_changes .card[data-kinds~="renamed"]').first().getAttribute('id')
    expect(renamed).not.toBeNull()
    await page.goto(`${cncfUrl}#${encodeURIComponent(renamed!)}`)
    await page.screenshot({path: shot})
    expect(readFileSync(shot).length).toBeGreaterThan(10_000)
    await page.close()
  })

  it('filters by kind, searches, and toggles side by side, noise and unchanged text', async () => {
    const page = await browser.newPage()
    const watch = watchPage(page)
    await page.goto(cncfUrl)
    const shown = () => page.locator('#_changes .card:visible').count()
    const all = await page.locator('#_changes .card').count()
    expect(await shown()).toBe(all)

    // Only added sections.
    const boxes = page.locator('input[data-filter-kind]')
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i)
      if ((await box.getAttribute('data-filter-kind')) !== 'added') await box.uncheck()
    }
    const added = await page.locator('#_changes .card[data-kinds~="added"]').count()
    expect(added).toBeGreaterThan(0)
    expect(await shown()).toBe(added)
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check()
    expect(await shown()).toBe(all)

    // Search narrows to the cards that contain the words.
    await page.fill('#_search', 'supply chain')
    await expect.poll(() => page.locator('#_changes .card.search-miss').count()).toBeGreaterThan(0)
    const hits = await shown()
    expect(hits).toBeGreaterThan(0)
    expect(hits).toBeLessThan(all)
    for (const text of await page.locator('#_changes .card:visible').allTextContents()) expect(text.toLowerCase()).toContain('supply chain')
    expect(await page.textContent('#_status')).toMatch(/contain/u)
    await page.fill('#_search', '')
    await expect.poll(() => page.locator('#_changes .card.search-miss').count()).toBe(0)

    // Side by side: old and new columns appear, the inline redline hides.
    await page.click('button[data-toggle="sbs"]')
    expect(await page.getAttribute('button[data-toggle="sbs"]', 'aria-pressed')).toBe('true')
    expect(await page.locator('#_changes.sbs').count()).toBe(1)
    expect(await page.locator('.blk .side-old').count()).toBeGreaterThan(0)
    expect(await page.locator('.blk .side-old').count()).toBe(await page.locator('.blk .side-new').count())
    await page.click('button[data-toggle="sbs"]')
    expect(await page.locator('#_changes.sbs').count()).toBe(0)

    // Noise toggle hides noise blocks (if the pair has any) and is announced as pressed.
    await page.click('button[data-toggle="hide-noise"]')
    expect(await page.locator('#_changes.hide-noise').count()).toBe(1)
    expect(await page.locator('#_changes .noise:visible').count()).toBe(0)

    // Expand opens every collapsed unchanged section.
    await page.click('button[data-toggle="expand"]')
    expect(await page.locator('#_changes details:not([open])').count()).toBe(0)
    expect(watch.consoleErrors).toEqual([])
    await page.close()
  })

  it('moves between changes with n and p, updating the permalink', async () => {
    const page = await browser.newPage()
    await page.goto(cncfUrl)
    const changes = await page.locator('#_changes .card:not([data-kind="unchanged"])').evaluateAll((cards) => cards.map((c) => c.id))
    expect(changes.length).toBeGreaterThan(2)
    await page.keyboard.press('n')
    expect(await activeId(page)).toBe(changes[0])
    await page.keyboard.press('n')
    expect(await activeId(page)).toBe(changes[1])
    expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(changes[1])
    await page.keyboard.press('p')
    expect(await activeId(page)).toBe(changes[0])
    // Typing in the search box is not navigation.
    await page.focus('#_search')
    await page.keyboard.press('n')
    expect(await page.inputValue('#_search')).toBe('n')
    await page.close()
  })

  it('has no serious or critical accessibility violations, in light and dark schemes', {timeout: 180_000}, async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({colorScheme})
      await page.goto(cncfUrl)
      await page.click('button[data-toggle="expand"]')
      expect(await seriousViolations(page)).toEqual([])
      await page.close()
    }
  })

  it('renders hostile text inert: no dialog, no injected element, no javascript: link', async () => {
    const page = await browser.newPage()
    const watch = watchPage(page)
    await page.goto(xssUrl)
    await page.click('button[data-toggle="expand"]')
    await page.click('button[data-toggle="sbs"]')
    await page.waitForTimeout(200)
    expect(watch.dialogs).toEqual([])
    expect(watch.consoleErrors).toEqual([])
    expect(watch.requests).toEqual([xssUrl])
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(1)
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
    const text = await page.textContent('main')
    expect(text).toContain('<script>alert(1)</script>')
    expect(text).toContain('<img src=x onerror=alert(1)>')
    expect(text).toContain('[x](javascript:alert(1))')
    await page.close()
  })
})
