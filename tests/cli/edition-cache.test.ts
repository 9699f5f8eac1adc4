import {createHash} from 'node:crypto'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cacheFolder, cacheKey, openEditionCache} from '../../src/cli/edition-cache.js'
import {codeStamp, version} from '../../src/cli/version.js'
import {execute} from '../../src/cli/execute.js'
import {loadEdition} from '../../src/cli/load-edition.js'
import {accessGuidePdf} from '../support/access-guide-pdf.js'
import {fakeIo} from './fake-io.js'

const fixtures = path.join(import.meta.dirname, '..', 'fixtures')

const html = `<!doctype html><html lang="en"><head><title>Access Guide</title></head><body>
<h1>Access Guide</h1><h2>1 Scope</h2><p>This guide applies to every system that holds customer records.</p>
<h2>2 Passwords</h2><p>Passwords have fourteen characters or more.</p><p>Accounts that stay unused for sixty days are locked.</p>
</body></html>\n`

const markdown =
  '# Access Guide\n\n## 1 Scope\n\nThis guide applies to every system and every service that holds customer records.\n\n## 2 Passwords\n\nPasswords have sixteen characters or more.\n'

/** A series folder of four editions in four formats (PDF, HTML, Word, Markdown), and a cache folder. */
function raw(): {root: string; cache: string} {
  const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-raw-'))
  const folder = path.join(root, 'editions', 'access-guide')
  mkdirSync(folder, {recursive: true})
  writeFileSync(path.join(folder, 'access-guide-2020.pdf'), accessGuidePdf('Passwords have twelve characters or more.'))
  writeFileSync(path.join(folder, 'access-guide-2021.html'), html)
  copyFileSync(path.join(fixtures, 'ingest', 'docx-headings', 'input.docx'), path.join(folder, 'access-guide-2022.docx'))
  writeFileSync(path.join(folder, 'access-guide-2023.md'), markdown)
  return {root, cache: path.join(root, 'cache')}
}

const entries = (cache: string): string[] =>
  existsSync(path.join(cache, 'editions-1')) ? readdirSync(path.join(cache, 'editions-1')).sort() : []
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8')
const site = [
  'access-guide/2020-to-2021.html',
  'access-guide/2021-to-2022.html',
  'access-guide/2022-to-2023.html',
  'access-guide/index.html'
]

describe('report on editions that are not normalised', () => {
  it('reads PDF, HTML, Word and Markdown editions into one report, and the second run reads the cache', async () => {
    const {root, cache} = raw()
    const env = {WPDIFF_CACHE_DIR: cache}
    const first = fakeIo({cwd: root, env})
    expect(await execute(['report', 'editions', '-o', 'out'], first)).toBe(0)
    expect(first.err()).toBe('')
    for (const file of site) expect(existsSync(path.join(root, 'out', file)), file).toBe(true)
    const index = read(root, 'out/access-guide/index.html')
    for (const year of ['2020', '2021', '2022', '2023']) expect(index).toContain(`<td>${year}</td>`)
    expect(read(root, 'out/access-guide/2020-to-2021.html')).toContain('<title>access-guide: 2020 → 2021</title>')
    // One entry per edition that is not Markdown: the Markdown is its own canonical form.
    const stored = entries(cache)
    expect(stored).toHaveLength(3)
    const before = stored.map((name) => statSync(path.join(cache, 'editions-1', name)))
    const pages = site.map((file) => read(root, `out/${file}`))

    const second = fakeIo({cwd: root, env})
    expect(await execute(['report', 'editions', '-o', 'out', '--verbose'], second)).toBe(0)
    expect(second.err()).toContain(`wpdiff: ${cache}: info: read 3 editions from the cache instead of the originals\n`)
    expect(site.map((file) => read(root, `out/${file}`))).toEqual(pages)
    // Read, not rewritten: the same files, untouched.
    const after = entries(cache).map((name) => statSync(path.join(cache, 'editions-1', name)))
    expect(after.map((info) => [info.ino, info.mtimeMs])).toEqual(before.map((info) => [info.ino, info.mtimeMs]))
  })

  it('serves what the entry holds: an entry edited with its hash made to match is what the report shows', async () => {
    const {root, cache} = raw()
    const env = {WPDIFF_CACHE_DIR: cache}
    expect(await execute(['report', 'editions', '-o', 'out', '-q'], fakeIo({cwd: root, env}))).toBe(0)
    for (const name of entries(cache)) {
      const file = path.join(cache, 'editions-1', name)
      const entry = JSON.parse(readFileSync(file, 'utf8'))
      if (!entry.markdown.includes('twelve characters')) continue
      entry.markdown = entry.markdown.replace('twelve characters', 'twenty characters')
      entry.sha256 = createHash('sha256')
        .update(JSON.stringify([entry.markdown, entry.messages]))
        .digest('hex')
      writeFileSync(file, JSON.stringify(entry))
    }
    expect(await execute(['report', 'editions', '-o', 'out', '-q'], fakeIo({cwd: root, env}))).toBe(0)
    expect(read(root, 'out/access-guide/2020-to-2021.html')).toContain('twenty')
  })

  it('ignores and rewrites a truncated or edited entry', async () => {
    const {root, cache} = raw()
    const env = {WPDIFF_CACHE_DIR: cache}
    expect(await execute(['report', 'editions', '-o', 'out', '-q'], fakeIo({cwd: root, env}))).toBe(0)
    const pages = site.map((file) => read(root, `out/${file}`))
    const [truncated, edited] = entries(cache).map((name) => path.join(cache, 'editions-1', name)) as [string, string]
    const whole = [readFileSync(truncated, 'utf8'), readFileSync(edited, 'utf8')]
    writeFileSync(truncated, whole[0]!.slice(0, whole[0]!.length / 2))
    // A changed value whose stored hash no longer matches is not trusted either.
    const tampered = JSON.parse(whole[1]!)
    tampered.markdown = `${tampered.markdown}\nA sentence the original never held.\n`
    writeFileSync(edited, JSON.stringify(tampered))
    const io = fakeIo({cwd: root, env})
    expect(await execute(['report', 'editions', '-o', 'out', '--verbose'], io)).toBe(0)
    expect(io.err()).toContain('read 1 edition from the cache')
    expect(site.map((file) => read(root, `out/${file}`))).toEqual(pages)
    expect([readFileSync(truncated, 'utf8'), readFileSync(edited, 'utf8')]).toEqual(whole)
  })

  it('--no-cache reads afresh and writes nothing; --cache-dir chooses the folder', async () => {
    const {root, cache} = raw()
    const env = {WPDIFF_CACHE_DIR: cache}
    expect(await execute(['report', 'editions', '-o', 'out', '--no-cache', '-q'], fakeIo({cwd: root, env}))).toBe(0)
    expect(existsSync(cache)).toBe(false)
    expect(await execute(['report', 'editions', '-o', 'out', '--cache-dir', 'mine', '-q'], fakeIo({cwd: root, env}))).toBe(0)
    expect(existsSync(cache)).toBe(false)
    expect(entries(path.join(root, 'mine'))).toHaveLength(3)
    const both = fakeIo({cwd: root, env})
    expect(await execute(['report', 'editions', '--no-cache', '--cache-dir', 'mine'], both)).toBe(2)
    expect(both.err()).toBe('wpdiff report: give --cache-dir or --no-cache, not both — run `wpdiff report --help`\n')
  })

  it('a cache that cannot be written is one warning, not a failure', async () => {
    const {root} = raw()
    writeFileSync(path.join(root, 'a-file'), 'not a folder')
    const io = fakeIo({cwd: root, env: {WPDIFF_CACHE_DIR: path.join(root, 'a-file')}})
    expect(await execute(['report', 'editions', '-o', 'out'], io)).toBe(0)
    const lines = io.err().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^wpdiff: .*a-file: warning: cannot write the cache in .*a-file .*--no-cache$/u)
  })

  it('shows a progress line per edition on a terminal only', async () => {
    const {root, cache} = raw()
    const tty = fakeIo({cwd: root, env: {WPDIFF_CACHE_DIR: cache}, tty: true})
    expect(await execute(['report', 'editions', '-o', 'out'], tty)).toBe(0)
    for (const [index, name] of [
      'access-guide-2020.pdf',
      'access-guide-2021.html',
      'access-guide-2022.docx',
      'access-guide-2023.md'
    ].entries())
      expect(tty.err()).toContain(`reading ${path.join('editions', 'access-guide', name)} (${index + 1}/4)`)
    const pipe = fakeIo({cwd: root, env: {WPDIFF_CACHE_DIR: cache}})
    expect(await execute(['report', 'editions', '-o', 'out'], pipe)).toBe(0)
    expect(pipe.err()).toBe('')
  })

  it('an encrypted PDF without --password is the usual one line naming it; with it, it is read and never cached', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-raw-'))
    const folder = path.join(root, 'editions', 'locked')
    mkdirSync(folder, {recursive: true})
    copyFileSync(path.join(fixtures, 'pdf', 'bad', 'encrypted.pdf'), path.join(folder, '2020.pdf'))
    writeFileSync(path.join(folder, '2021.md'), markdown)
    const cache = path.join(root, 'cache')
    const env = {WPDIFF_CACHE_DIR: cache}
    const without = fakeIo({cwd: root, env})
    expect(await execute(['report', 'editions', '-o', 'out'], without)).toBe(2)
    expect(without.err()).toMatch(/^wpdiff: editions\/locked\/2020\.pdf: [^\n]*--password[^\n]*\n$/u)
    expect(existsSync(path.join(root, 'out'))).toBe(false)
    const withPassword = fakeIo({cwd: root, env})
    expect(await execute(['report', 'editions', '-o', 'out', '--password', 'secret'], withPassword)).toBe(0)
    expect(withPassword.err()).toBe('')
    expect(entries(cache)).toEqual([])
    // Nothing was kept that would open it without the password.
    const again = fakeIo({cwd: root, env})
    expect(await execute(['report', 'editions', '-o', 'out'], again)).toBe(2)
    expect(again.err()).toContain('--password')
  })
})

describe('the edition cache', () => {
  it('keys an edition by the build reading it, so a rebuilt checkout of one version reads it afresh', () => {
    const sha = 'a'.repeat(64)
    const inputs = {format: 'pdf', file: 'guide-2026.pdf'}
    expect(cacheKey(sha, inputs)).toBe(cacheKey(sha, inputs, codeStamp()))
    expect(cacheKey(sha, inputs, `${version}+1.2`)).not.toBe(cacheKey(sha, inputs, `${version}+1.3`))
    const file = statSync(path.resolve(import.meta.dirname, '../../src/cli/version.ts'))
    expect(codeStamp()).toBe(`${version}+${file.size}.${Math.trunc(file.mtimeMs)}`)
  })

  it('gives the edition a fresh reading gives, for PDF, HTML and Word', async () => {
    const {root, cache} = raw()
    const io = fakeIo({cwd: root, env: {WPDIFF_CACHE_DIR: cache}})
    for (const name of ['access-guide-2020.pdf', 'access-guide-2021.html', 'access-guide-2022.docx']) {
      const file = path.join('editions', 'access-guide', name)
      const fresh = await loadEdition(file, io)
      const opened = openEditionCache(io, {})!
      const stored = await loadEdition(file, io, {}, opened)
      const reread = await loadEdition(file, io, {}, opened)
      expect([opened.misses, opened.hits]).toEqual([1, 1])
      expect(stored).toEqual(fresh)
      expect(reread).toEqual(fresh)
    }
  })

  it('compare uses it too', async () => {
    const {root, cache} = raw()
    const argv = ['compare', 'editions/access-guide/access-guide-2020.pdf', 'editions/access-guide/access-guide-2021.html', '--stat']
    const first = fakeIo({cwd: root, env: {WPDIFF_CACHE_DIR: cache}})
    expect(await execute(argv, first)).toBe(1)
    const second = fakeIo({cwd: root, env: {WPDIFF_CACHE_DIR: cache}})
    expect(await execute([...argv, '--verbose'], second)).toBe(1)
    expect(second.err()).toContain('read 2 editions from the cache')
    expect(second.out()).toBe(first.out())
  })

  it('lives in --cache-dir, else $WPDIFF_CACHE_DIR, else $XDG_CACHE_HOME/wpdiff, else ~/.cache/wpdiff; nowhere without a home', () => {
    const at = (env: Record<string, string>, settings = {}) => cacheFolder(fakeIo({cwd: '/work', env}), settings)
    const all = {WPDIFF_CACHE_DIR: '/c/wpdiff', XDG_CACHE_HOME: '/xdg', HOME: '/home/me'}
    expect(at(all, {cacheDir: 'here'})).toBe(path.resolve('/work', 'here'))
    expect(at(all)).toBe('/c/wpdiff')
    expect(at({XDG_CACHE_HOME: '/xdg', HOME: '/home/me'})).toBe(path.join('/xdg', 'wpdiff'))
    expect(at({HOME: '/home/me'})).toBe(path.join('/home/me', '.cache', 'wpdiff'))
    expect(at({})).toBeNull()
    expect(at(all, {noCache: true})).toBeNull()
  })
})
