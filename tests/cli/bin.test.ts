import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lazyEngines, loadedModules} from '../support/loaded-modules.js'

// The real executable, as `npx wpdiff` runs it: bin/wpdiff.js over the bundled dist/cli-bundle/
// (built by `npm ci` through the prepare script).
const root = path.resolve(import.meta.dirname, '../..')
const bin = path.join(root, 'bin/wpdiff.js')
const wpdiff = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], {cwd: root, encoding: 'utf8'})

describe('the wpdiff executable', () => {
  it('is built', () => {
    expect(existsSync(path.join(root, 'dist/cli-bundle/main.js')), 'dist/ is missing: run `npm run build` (npm ci does it)').toBe(true)
  })

  it('prints its version and help', () => {
    const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
    expect(wpdiff('--version')).toMatchObject({status: 0, stdout: `${version}\n`, stderr: ''})
    const help = wpdiff('--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('Usage: wpdiff <command>')
  })

  it('prints the outline of a shipped edition on stdout', () => {
    const result = wpdiff('outline', 'editions/owasp-api-security-top10/2019.md')
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('  API1:2019 Broken Object Level Authorization  [')
  })

  it('exits 2 with one line on stderr for a missing file', () => {
    const result = wpdiff('outline', 'no/such/edition.md')
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('wpdiff: no/such/edition.md: no such file — check the path\n')
  })

  it('exits 1 when compare finds differences, 0 for the same file twice', () => {
    expect(wpdiff('compare', 'editions/owasp-api-security-top10/2019.md', 'editions/owasp-api-security-top10/2023.md').status).toBe(1)
    expect(wpdiff('compare', 'editions/owasp-api-security-top10/2019.md', 'editions/owasp-api-security-top10/2019.md').status).toBe(0)
  })

  it('loads only what the command needs: nothing for --help, no PDF, Word, HTML or template engine for a Markdown outline', () => {
    const help = loadedModules([bin, '--help'], {cwd: root})
    expect(help.status).toBe(0)
    expect(help.packages).toEqual([])
    expect(help.urls.filter((url) => /outline/u.test(url))).toEqual([])
    const outline = loadedModules([bin, 'outline', 'editions/owasp-api-security-top10/2019.md'], {cwd: root})
    expect(outline.status).toBe(0)
    expect(outline.urls.filter((url) => /outline/u.test(url))).toHaveLength(1)
    expect(outline.packages.filter((name) => lazyEngines.includes(name))).toEqual([])
  })

  it('compare --json of editions read from the cache loads no reader, writer or renderer (nor the parser behind them)', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'wpdiff-bin-cache-'))
    try {
      // The CNCF pair: Markdown editions large enough (≥ 64 KB) to be kept in the cache as parsed.
      const args = [
        bin,
        'compare',
        ...['2020', '2022'].map((year) => `editions/cncf-cloud-native-security-whitepaper/${year}.md`),
        '--json'
      ]
      const first = loadedModules(args, {cwd: root, env: {WPDIFF_CACHE_DIR: cache}})
      expect(first.status).toBe(1)
      // The packages bundled into the files a run loaded: esbuild heads each module with its path.
      const bundled = (urls: string[]) =>
        new Set(
          urls
            .filter((url) => url.includes('/dist/cli-bundle/'))
            .flatMap((url) =>
              [...readFileSync(new URL(url), 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gmu)].map((m) => m[1]!)
            )
        )
      const parsers = ['micromark', 'mdast-util-from-markdown', 'yaml', 'mdast-util-to-markdown']
      expect(parsers.filter((name) => bundled(first.urls).has(name))).toEqual(parsers)
      const second = loadedModules(args, {cwd: root, env: {WPDIFF_CACHE_DIR: cache}})
      expect(second.status).toBe(1)
      expect(second.stdout).toBe(first.stdout)
      expect(parsers.filter((name) => bundled(second.urls).has(name))).toEqual([])
    } finally {
      rmSync(cache, {recursive: true, force: true})
    }
  })

  // The bundled command line leaves the engines outside: each must still load, on first use.
  it.each([
    ['tests/fixtures/ingest/docx-headings/input.docx', 'mammoth', 'Chapter I World Trends'],
    ['tests/fixtures/ingest/html-page/input.html', 'rehype-parse', 'Chapter 1 Security Environment'],
    ['tests/fixtures/pdf/semver-2.0.0/document.pdf', '@embedpdf/pdfium', 'Introduction']
  ])('loads the engine for %s when it reads one', (file, engine, heading) => {
    const outline = loadedModules([bin, 'outline', file], {cwd: root})
    expect(outline.stderr).toBe('')
    expect(outline.status).toBe(0)
    expect(outline.stdout).toContain(heading)
    expect(outline.packages).toContain(engine)
  })
})
