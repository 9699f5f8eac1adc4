import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadSeries} from '../../src/cli/load-series.js'
import {execute} from '../../src/cli/execute.js'
import {fakeIo} from './fake-io.js'

const edition = (year: number, language = 'en'): string =>
  `---\nseries: guide\nedition: "${year}"\nyear: ${year}\nlanguage: ${language}\n---\n\n# Scope\n\nThis guide covers the scope of the work in ${year}.\n\n# Duties\n\nEvery member keeps the records.\n`

function seriesFolder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wpdiff-load-series-'))
  const folder = path.join(root, 'editions', 'guide')
  mkdirSync(folder, {recursive: true})
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text)
  return root
}

describe('loadSeries', () => {
  it('reads every extension of the format registry, and series.yml as well as series.yaml, parsed once', async () => {
    const root = seriesFolder({
      '2020.mdown': edition(2020),
      '2021.text': 'Scope\n\nThis guide covers the scope of the work.\n',
      'series.yml': 'title: The Guide\nthemes:\n  records: [records, archive]\n'
    })
    const loaded = await loadSeries(['editions/guide'], fakeIo({cwd: root}), {purpose: 'a test', seriesFile: true})
    expect(loaded.editions.map((e) => e.source.format)).toEqual(['md', 'txt'])
    expect(loaded.seriesYaml).toBe(path.join('editions/guide', 'series.yml'))
    expect(loaded.series?.fields.title).toBe('The Guide')
    expect(loaded.series?.themes).toEqual([{name: 'records', terms: ['records', 'archive']}])
  })

  it('leaves series.yaml unread unless asked, and lists the files `select` turns down', async () => {
    const root = seriesFolder({'2020.md': edition(2020), '2021.md': edition(2021), '2022.txt': 'plain', 'series.yaml': 'title: [1, 2\n'})
    const loaded = await loadSeries(['editions/guide'], fakeIo({cwd: root}), {
      purpose: 'a test',
      select: async (file) => file.endsWith('.md')
    })
    expect(loaded.series).toBeNull()
    expect(loaded.skipped).toEqual([path.join('editions/guide', '2022.txt')])
    await expect(loadSeries(['editions/guide'], fakeIo({cwd: root}), {purpose: 'a test', seriesFile: true})).rejects.toThrow(
      /series\.yaml does not parse/u
    )
  })

  it('reads an original once, through the normalised edition beside it (same name, or its source:)', async () => {
    const normalised = (year: number, source: string) => edition(year).replace('---\n\n', `source:\n  file: ${source}\n---\n\n`)
    const root = seriesFolder({
      '2020.md': normalised(2020, 'guide-2020.docx'),
      'guide-2020.docx': 'not read: its normalised edition is 2020.md',
      '2021.md': edition(2021),
      '2021.pdf': '%PDF-1.7 not read either\n',
      '2022.md': '# Scope\n\nMarkdown without front matter is an edition of its own.\n'
    })
    const io = fakeIo({cwd: root})
    const loaded = await loadSeries(['editions/guide'], io, {purpose: 'a test', verbose: true})
    expect(loaded.editions.map((e) => e.edition)).toEqual(['2020', '2021', '2022'])
    expect(io.err()).toBe(
      `wpdiff: ${path.join('editions', 'guide')}: info: read 2 originals through the normalised edition beside it, not twice: 2021.pdf, guide-2020.docx\n`
    )
  })

  it('keeps several languages only when asked, and an empty folder is no error with least 0', async () => {
    const root = seriesFolder({'2020.md': edition(2020), '2021.ko.md': edition(2021, 'ko')})
    await expect(loadSeries(['editions/guide'], fakeIo({cwd: root}), {purpose: 'a test'})).rejects.toThrow(/several languages/u)
    expect((await loadSeries(['editions/guide'], fakeIo({cwd: root}), {purpose: 'a test', mixedLanguages: true})).editions).toHaveLength(2)
    const empty = seriesFolder({'notes.png': ''})
    expect((await loadSeries(['editions/guide'], fakeIo({cwd: empty}), {purpose: 'a test', least: 0})).editions).toEqual([])
  })
})

describe('wpdiff report reads series.yml', () => {
  it('takes the series title from series.yml', async () => {
    const root = seriesFolder({'2020.md': edition(2020), '2021.md': edition(2021), 'series.yml': 'title: The Yml Guide\n'})
    const io = fakeIo({cwd: root})
    expect(await execute(['report', 'editions', '-o', 'out', '--quiet'], io)).toBe(0)
    expect(readFileSync(path.join(root, 'out', 'guide', 'index.html'), 'utf8')).toContain('The Yml Guide')
  })
})
