import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {fakeIo} from './fake-io.js'

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'trends', 'korean-particles')
const files = ['2019.md', '2020.md', '2021.md'].map((name) => path.join(fixture, name))

describe('wpdiff trends', () => {
  it('prints wpdiff/trends@1 JSON with --terms (regex with a comma inside kept whole)', async () => {
    const io = fakeIo()
    expect(await execute(['trends', '--json', '--terms', '한반도,/신[남북]방정책{1,2}/', ...files], io)).toBe(0)
    const result = JSON.parse(io.out())
    expect(result.schema).toBe('wpdiff/trends@1')
    expect(result.terms.map((t: {term: string; counts: number[]}) => [t.term, t.counts])).toEqual([
      ['한반도', [4, 2, 1]],
      ['/신[남북]방정책{1,2}/', [1, 3, 1]]
    ])
    expect(result.editions.map((e: {label: string}) => e.label)).toEqual(['2019', '2020', '2021'])
  })

  it('prints tidy CSV, reads --terms-file and --themes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-trends-'))
    writeFileSync(path.join(dir, 'terms.txt'), '# terms\n기후변화\n')
    writeFileSync(path.join(dir, 'themes.yaml'), 'climate: [기후변화, 탄소중립]\npeninsula: [한반도]\n')
    const io = fakeIo({cwd: dir})
    expect(await execute(['trends', '--csv', '--terms-file', 'terms.txt', '--themes', 'themes.yaml', ...files], io)).toBe(0)
    const lines = io.out().trim().split('\n')
    expect(lines[0]).toBe('edition,year,kind,key,count,per10k')
    expect(lines).toContain(`2021,2021,theme,climate,3,${lines.find((l) => l.startsWith('2021,2021,theme,climate,'))!.split(',')[5]}`)
    expect(lines.filter((l) => /^\d{4},\d{4},term,기후변화,/u.test(l)).map((l) => l.split(',')[4])).toEqual(['0', '1', '2'])
  })

  it('writes the HTML page with -o and refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-trends-'))
    const io = fakeIo({cwd: dir})
    expect(await execute(['trends', '--terms', '한반도', '-o', 'trends.html', ...files], io)).toBe(0)
    const html = readFileSync(path.join(dir, 'trends.html'), 'utf8')
    expect(html).toContain('<html lang="ko">')
    expect(html).toContain('role="img"')
    expect(io.out()).toBe('')
    expect(io.err()).toMatch(/wpdiff: wrote trends\.html \(\d+\.\d kB\)\n$/u)
    const again = fakeIo({cwd: dir})
    expect(await execute(['trends', '--terms', '한반도', '-o', 'trends.html', ...files], again)).toBe(2)
    expect(await execute(['trends', '--force', '--terms', '한반도', '-o', 'trends.html', ...files], fakeIo({cwd: dir}))).toBe(0)
  })

  it('prints a text summary by default, help with --help, and exits 2 on bad usage', async () => {
    const io = fakeIo()
    expect(await execute(['trends', '--terms', '신남방정책', ...files], io)).toBe(0)
    expect(io.out()).toMatch(/신남방정책: 2019 1 \(\d+\.\d\), 2020 2 \(\d+\.\d\), 2021 1 \(\d+\.\d\)/u)
    expect(io.out()).toContain('Occurrences per edition (per 10,000 words in brackets):')
    const help = fakeIo()
    expect(await execute(['trends', '--help'], help)).toBe(0)
    expect(help.out()).toContain('Usage: wpdiff trends')
    expect(await execute(['trends', '--ngram', '4', ...files], fakeIo())).toBe(2)
    expect(await execute(['trends', '--json', '--csv', ...files], fakeIo())).toBe(2)
    expect(await execute(['trends', '--terms', '/[unclosed/', ...files], fakeIo())).toBe(2)
    expect(await execute(['trends', files[0]!], fakeIo())).toBe(2)
  })
})
