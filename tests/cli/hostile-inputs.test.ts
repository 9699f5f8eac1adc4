import {copyFileSync, mkdtempSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {fakeIo} from './fake-io.js'

// Issue #22: what a careful user or an attacker can hand the command line. Generated inputs; the
// test runner's timeout bounds them.
const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'trends', 'korean-particles')
const files = ['2019.md', '2020.md', '2021.md'].map((name) => path.join(fixture, name))

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'wpdiff-hostile-'))
}

describe('user regular expressions', () => {
  it('a catastrophic --terms pattern is counted, not hung on', async () => {
    const io = fakeIo()
    expect(await execute(['trends', '--json', '--terms', '/(.*a){25}/,/(x+x+)+y/', ...files], io)).toBe(0)
    const result = JSON.parse(io.out())
    expect(result.terms.map((term: {counts: number[]}) => term.counts)).toEqual([
      [0, 0, 0],
      [0, 0, 0]
    ])
  })

  it('a pattern RE2 cannot run is a usage error naming the term', async () => {
    const io = fakeIo()
    expect(await execute(['trends', '--terms', '/(a)\\1/', ...files], io)).toBe(2)
    expect(io.err()).toMatch(/^wpdiff trends: term \/\(a\)\\1\/ is not a regular expression wpdiff can run/u)
  })

  it('a series.yaml theme RE2 cannot run is refused, naming the file and theme', async () => {
    const dir = scratch()
    for (const file of files) copyFileSync(file, path.join(dir, path.basename(file)))
    writeFileSync(path.join(dir, 'series.yaml'), 'title: T\nthemes:\n  bad: ["/a(?=b)/"]\n')
    const io = fakeIo({cwd: dir})
    expect(await execute(['trends', '.'], io)).toBe(2)
    expect(io.err()).toMatch(/^wpdiff: series\.yaml: theme "bad": term \/a\(\?=b\)\//mu)
  })
})

describe('many terms', () => {
  it('trends -o with 50,000 terms writes the page (Math.max over a spread overflowed the stack)', async () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'terms.txt'), Array.from({length: 50_000}, (_, i) => `term${i}`).join('\n'))
    const io = fakeIo({cwd: dir})
    expect(await execute(['trends', '--terms-file', 'terms.txt', '-o', 'trends.html', ...files], io)).toBe(0)
    expect(io.err()).toBe('')
    expect(statSync(path.join(dir, 'trends.html')).size).toBeGreaterThan(0)
  })
})
