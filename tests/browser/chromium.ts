/**
 * Debian's Chromium driven by playwright-core, for the browser tests. When /usr/bin/chromium is
 * missing the tests are skipped with a notice, unless WPDIFF_REQUIRE_BROWSER=1 (CI), which makes
 * its absence a failure.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {describe, it} from 'vitest'
import {chromiumFlags} from '../support/chromium-flags.js'

export const chromiumPath = process.env.WPDIFF_CHROMIUM ?? '/usr/bin/chromium'
export const requireBrowser = process.env.WPDIFF_REQUIRE_BROWSER === '1'
export const haveChromium = existsSync(chromiumPath)

if (!haveChromium && !requireBrowser) {
  console.warn(
    `\n*** NOTICE: ${chromiumPath} not found: browser tests are SKIPPED (apt-get install -y chromium; set WPDIFF_REQUIRE_BROWSER=1 to make this a failure) ***\n`
  )
}

/** Whether browser tests run: Chromium is there, or CI requires it (and the launch will fail loudly). */
export const runBrowserTests = haveChromium || requireBrowser

/**
 * `describe(name, body)` when the browser tests run; otherwise a single skipped test whose title
 * says why, so a machine without Chromium shows one skip per file, not one per test.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (runBrowserTests) describe(name, body)
  else
    it.skip(`${name}: skipped, ${chromiumPath} not found (apt-get install -y chromium; WPDIFF_REQUIRE_BROWSER=1 makes this a failure)`, () => {})
}

export function launchChromium(): Promise<Browser> {
  if (!haveChromium) throw new Error(`WPDIFF_REQUIRE_BROWSER=1 but ${chromiumPath} does not exist: install chromium`)
  return chromium.launch({executablePath: chromiumPath, args: [...chromiumFlags]})
}

/** Everything a page did that a self-contained report must not do. */
export interface PageWatch {
  consoleErrors: string[]
  requests: string[]
  dialogs: string[]
}

/** Record console errors, page errors, requests and dialogs of `page` (dialogs are dismissed). */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = {consoleErrors: [], requests: [], dialogs: []}
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => watch.consoleErrors.push(String(error)))
  page.on('request', (request) => watch.requests.push(request.url()))
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return watch
}

const axeSource = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'axe-core', 'axe.min.js'),
  'utf8'
)

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: {target: string[]}[]
}

/** Serious and critical axe violations of the page, described one per line. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Runtime evaluation is not subject to the page's CSP, so the report keeps its policy while tested.
  await page.evaluate(axeSource)
  const violations = (await page.evaluate("axe.run(document, {resultTypes: ['violations']}).then((r) => r.violations)")) as AxeViolation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')})`
    )
}
