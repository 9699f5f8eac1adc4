import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {fakeIo} from '../cli/fake-io.js'
import {fixturesDir} from './load-fixture.js'

function listFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

function makeEditions(root: string): void {
  const series = path.join(root, 'editions', 'small-pair')
  mkdirSync(series, {recursive: true})
  copyFileSync(path.join(fixturesDir, 'small-pair', 'old.md'), path.join(series, '2022.md'))
  copyFileSync(path.join(fixturesDir, 'small-pair', 'new.md'), path.join(series, '2023.md'))
  // Notes beside the editions are not editions.
  writeFileSync(path.join(series, 'SOURCE.md'), '# Where these editions come from\n\nA note, not an edition.\n')
  writeFileSync(path.join(series, 'series.yaml'), 'title: Small Security Guide\npublisher: The Working Group\nlanguage: en\n')
}

describe('wpdiff report', () => {
  it('writes the site into the output folder, leaves other files alone, and is reproducible', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-report-cli-'))
    makeEditions(root)
    mkdirSync(path.join(root, 'out'))
    writeFileSync(path.join(root, 'out', 'keep.txt'), 'mine')
    writeFileSync(path.join(root, 'beside.txt'), 'also mine')

    const io = fakeIo({cwd: root})
    expect(await execute(['report', 'editions', '-o', 'out'], io)).toBe(0)
    expect(io.err()).toBe('')
    expect(listFiles(path.join(root, 'out'))).toEqual(['index.html', 'keep.txt', 'small-pair/2022-to-2023.html', 'small-pair/index.html'])
    expect(readFileSync(path.join(root, 'out', 'keep.txt'), 'utf8')).toBe('mine')
    expect(readFileSync(path.join(root, 'beside.txt'), 'utf8')).toBe('also mine')
    const series = readFileSync(path.join(root, 'out', 'small-pair', 'index.html'), 'utf8')
    expect(series).toContain('<title>Small Security Guide</title>')
    expect(series).toContain('Published by The Working Group.')
    expect(series).not.toContain('Where these editions come from')

    const first = readFileSync(path.join(root, 'out', 'small-pair', '2022-to-2023.html'), 'utf8')
    expect(await execute(['report', 'editions', '-o', 'out'], fakeIo({cwd: root}))).toBe(0)
    expect(readFileSync(path.join(root, 'out', 'small-pair', '2022-to-2023.html'), 'utf8')).toBe(first)
    expect(listFiles(path.join(root, 'out'))).toHaveLength(4)
  })

  it('prints --generated-at only when asked', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-report-cli-'))
    makeEditions(root)
    expect(await execute(['report', 'editions', '-o', 'out', '--generated-at', '2025-06-01'], fakeIo({cwd: root}))).toBe(0)
    expect(readFileSync(path.join(root, 'out', 'index.html'), 'utf8')).toContain('on 2025-06-01')
  })

  it('reads an original once, through the normalised edition beside it, and reads Markdown without front matter as it is', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-report-cli-'))
    makeEditions(root)
    // A source kept beside its normalised edition (it would not even read), and an edition not normalised yet.
    writeFileSync(path.join(root, 'editions', 'small-pair', '2023.pdf'), '%PDF-1.7\n')
    const withoutFrontMatter = readFileSync(path.join(fixturesDir, 'small-pair', 'new.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
    writeFileSync(path.join(root, 'editions', 'small-pair', '2024.md'), withoutFrontMatter)
    const io = fakeIo({cwd: root})
    expect(await execute(['report', 'editions', '-o', 'out'], io)).toBe(0)
    expect(io.err()).toBe('')
    expect(listFiles(path.join(root, 'out'))).toEqual([
      'index.html',
      'small-pair/2022-to-2023.html',
      'small-pair/2023-to-2024.html',
      'small-pair/index.html',
      'small-pair/trends.html'
    ])
    const verbose = fakeIo({cwd: root})
    expect(await execute(['report', 'editions', '-o', 'out', '--verbose'], verbose)).toBe(0)
    expect(verbose.err()).toContain(
      `wpdiff: ${path.join('editions', 'small-pair')}: info: read 1 original through the normalised edition beside it, not twice: 2023.pdf\n`
    )
  })

  it('builds the site from editions that are not normalised', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-report-cli-'))
    mkdirSync(path.join(root, 'raw', 'guide'), {recursive: true})
    writeFileSync(path.join(root, 'raw', 'guide', 'SOURCE.md'), '# A note\n')
    writeFileSync(path.join(root, 'raw', 'guide', 'guide-2022.md'), '# Guide\n\nText.\n')
    writeFileSync(path.join(root, 'raw', 'guide', 'guide-2023.md'), '# Guide\n\nMore text.\n')
    const io = fakeIo({cwd: root})
    expect(await execute(['report', 'raw', '-o', 'out'], io)).toBe(0)
    expect(io.err()).toBe('')
    expect(listFiles(path.join(root, 'out'))).toEqual(['guide/2022-to-2023.html', 'guide/index.html', 'index.html'])
  })

  it('tells a person at a terminal how many files it wrote and which page to open', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-report-cli-'))
    mkdirSync(path.join(root, 'downloads'))
    writeFileSync(path.join(root, 'downloads', 'guide-2022.md'), '# Guide\n\nText.\n')
    writeFileSync(path.join(root, 'downloads', 'guide-2023.md'), '# Guide\n\nMore text.\n')
    const io = fakeIo({cwd: root, tty: true})
    expect(await execute(['report', 'downloads', '-o', 'out'], io)).toBe(0)
    // After the progress lines a terminal shows while the editions are read.
    expect(io.err().endsWith(`wpdiff: wrote 3 files to out — open ${path.join('out', 'index.html')}\n`)).toBe(true)
  })

  it('reads a folder that holds the editions themselves as one series named after it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-report-cli-'))
    mkdirSync(path.join(root, 'downloads'))
    writeFileSync(path.join(root, 'downloads', 'guide-2022.md'), '# Guide\n\nText.\n')
    writeFileSync(path.join(root, 'downloads', 'guide-2023.md'), '# Guide\n\nMore text.\n')
    const io = fakeIo({cwd: root})
    expect(await execute(['report', 'downloads', '-o', 'out'], io)).toBe(0)
    expect(io.err()).toBe('')
    expect(listFiles(path.join(root, 'out'))).toEqual(['downloads/2022-to-2023.html', 'downloads/index.html', 'index.html'])
  })

  it('exits 2 with one line when the folder holds no series', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-report-cli-'))
    mkdirSync(path.join(root, 'raw', 'guide'), {recursive: true})
    writeFileSync(path.join(root, 'raw', 'guide', 'SOURCE.md'), '# A note\n')
    const io = fakeIo({cwd: root})
    expect(await execute(['report', 'raw', '-o', 'out'], io)).toBe(2)
    expect(io.err()).toMatch(
      /^wpdiff: raw: no series found \(no edition files in it or in a <series>\/ folder of it\) — put each series in its own folder of \.md, .*\n$/u
    )
    expect(readdirSync(root)).toEqual(['raw'])
  })

  it('prints help, and exits 2 with one line on a missing folder or a bad flag', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-report-cli-'))
    const help = fakeIo({cwd: root})
    expect(await execute(['report', '--help'], help)).toBe(0)
    expect(help.out()).toContain('Usage: wpdiff report [editions-folder]')
    const missing = fakeIo({cwd: root})
    expect(await execute(['report', 'nowhere', '-o', 'out'], missing)).toBe(2)
    expect(missing.err().trim().split('\n')).toHaveLength(1)
    const bad = fakeIo({cwd: root})
    expect(await execute(['report', '--bogus'], bad)).toBe(2)
    expect(bad.err()).toContain('wpdiff report --help')
  })
})
