/**
 * The one adapter for the template engine: only this file imports nunjucks, so swapping or pinning
 * the engine touches nothing else. It is required on the first render, not at import, so commands
 * and library users that render no HTML never load it (nunjucks is CommonJS, so a lazy `require`
 * keeps rendering synchronous).
 *
 * Templates live in `templates/` at the package root. The root is found by walking up from this
 * module to the folder holding `package.json`, so the same code works from `src/` (vitest, tsx) and
 * from `dist/` after `tsc`. Autoescape is on and undefined or null output throws, so a missing field
 * is a loud bug rather than an empty cell in a report. Only HTML our own code built may be marked
 * `| safe`; user-supplied templates are never rendered.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type * as Nunjucks from 'nunjucks'
import {countOf, thousands} from './count-of.js'

/** Folder holding `package.json` above this module (the installed or checked-out package). */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'templates'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('wpdiff: cannot find the package root (package.json + templates/) above src/report/render')
    dir = parent
  }
}

const packageRoot = findPackageRoot()

/** Absolute path of the `templates/` folder. */
export const templatesDir = path.join(packageRoot, 'templates')

/** wpdiff's own version, from package.json: printed in every report's header and footer. */
export const wpdiffVersion: string = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version

// Placeholder in templates/layout.njk's Content-Security-Policy, replaced by the hashes of the
// page's own inline scripts after rendering, so nothing else can run even if escaping failed.
const cspScriptPlaceholder = '%%WPDIFF_CSP_SCRIPT_SOURCES%%'

let environment: Nunjucks.Environment | undefined

function getEnvironment(): Nunjucks.Environment {
  if (environment) return environment
  const nunjucks = createRequire(import.meta.url)('nunjucks') as typeof Nunjucks
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir, {noCache: false}), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true
  })
  env.addGlobal('wpdiffVersion', wpdiffVersion)
  // Digits grouped the same way everywhere (no locale of the machine leaks into the bytes).
  env.addFilter('thousands', (value: unknown) => {
    const n = typeof value === 'number' ? value : Number(value)
    return Number.isFinite(n) ? thousands(n) : String(value)
  })
  // `{{ n | count("section") }}`: "1 section", "2 sections", digits grouped as by `thousands`.
  env.addFilter('count', (value: unknown, singular: string, plural?: string) => {
    const n = typeof value === 'number' ? value : Number(value)
    return Number.isFinite(n) ? countOf(n, singular, plural) : String(value)
  })
  env.addFilter('percent', (value: unknown, digits = 0) => {
    const n = typeof value === 'number' ? value : Number(value)
    return Number.isFinite(n) ? `${(n * 100).toFixed(digits as number)}%` : String(value)
  })
  env.addFilter('fixed', (value: unknown, digits = 2) => {
    const n = typeof value === 'number' ? value : Number(value)
    return Number.isFinite(n) ? n.toFixed(digits as number) : String(value)
  })
  environment = env
  return env
}

/** `'sha256-…'` sources for every inline `<script>` of a rendered page. */
function scriptHashes(html: string): string {
  const sources = new Set<string>()
  for (const match of html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/gu)) {
    const body = match[1] ?? ''
    if (body.trim() === '') continue
    sources.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return sources.size === 0 ? "'none'" : [...sources].join(' ')
}

/**
 * Render `templates/<name>` with `context`. Autoescaped; throws when the template outputs an
 * undefined or null value. Pages extending `layout.njk` get a Content-Security-Policy that allows
 * exactly their own inline scripts.
 */
export function renderTemplate(name: string, context: Record<string, unknown>): string {
  const html = getEnvironment().render(name, context)
  const at = html.indexOf(cspScriptPlaceholder)
  if (at === -1) return html
  return html.slice(0, at) + scriptHashes(html) + html.slice(at + cspScriptPlaceholder.length)
}
