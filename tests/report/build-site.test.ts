import {readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Edition} from '../../src/model/edition.js'
import {buildSite} from '../../src/report/build-site.js'
import {corporaDir, loadEditionFile, loadFixturePair} from './load-fixture.js'

/** Contributor Covenant 1.0 … 1.4 in English plus 1.4 in Japanese: one series, two languages. */
async function loadCovenant(): Promise<Edition[]> {
  const dir = path.join(corporaDir, 'contributor-covenant')
  const files = readdirSync(dir).filter((name) => /^v1\.\d\.(en|ja)\.md$/u.test(name))
  const editions: Edition[] = []
  for (const name of files) {
    const [, minor, language] = /^v1\.(\d)\.(en|ja)\.md$/u.exec(name)!
    editions.push(
      await loadEditionFile(path.join(dir, name), {
        series: 'contributor-covenant',
        edition: `1.${minor}.${language}`,
        year: 2014 + Number(minor)
      })
    )
  }
  return editions
}

describe('buildSite', () => {
  it('builds the index, the series page, one report per consecutive pair per language, and trends from three editions', async () => {
    const covenant = await loadCovenant()
    const [old, next] = await loadFixturePair('small-pair')
    const files = buildSite([
      {
        series: 'contributor-covenant',
        title: 'Contributor Covenant',
        publisher: 'Organization for Ethical Source',
        language: 'en',
        editions: covenant
      },
      {series: 'small-pair', editions: [next, old]}
    ])
    expect([...files.keys()].sort()).toEqual([
      'contributor-covenant/1-0-en-to-1-1-en.html',
      'contributor-covenant/1-1-en-to-1-2-en.html',
      'contributor-covenant/1-2-en-to-1-3-en.html',
      'contributor-covenant/1-3-en-to-1-4-en.html',
      'contributor-covenant/1-3-ja-to-1-4-ja.html',
      'contributor-covenant/index.html',
      'contributor-covenant/trends.html',
      'index.html',
      'small-pair/2022-to-2023.html',
      'small-pair/index.html'
    ])
    const index = files.get('index.html')!
    expect(index).toContain('href="contributor-covenant/index.html"')
    expect(index).toContain('Organization for Ethical Source')
    expect(index).toContain('href="small-pair/index.html"')
    const series = files.get('contributor-covenant/index.html')!
    for (const edition of covenant) expect(series).toContain(`>${edition.edition}</a>`)
    for (const name of ['1-0-en-to-1-1-en.html', '1-3-ja-to-1-4-ja.html', 'trends.html']) expect(series).toContain(`href="${name}"`)
    // Every heading of every edition is in the outlines.
    expect(series).toContain('Contributor Code of Conduct')
    // Each report is in its own language and links home.
    expect(files.get('contributor-covenant/1-3-ja-to-1-4-ja.html')).toContain('<html lang="ja">')
    expect(files.get('small-pair/2022-to-2023.html')).toContain('href="../index.html"')
    expect(files.get('contributor-covenant/trends.html')).toContain('<html lang="en">')
  })

  it('is deterministic', async () => {
    const [old, next] = await loadFixturePair('small-pair')
    const a = buildSite([{series: 'small-pair', editions: [old, next]}])
    const b = buildSite([{series: 'small-pair', editions: [next, old]}])
    expect([...a.entries()]).toEqual([...b.entries()])
    expect([...a.values()].join('')).not.toContain(' on 20')
  })

  it('says so when a series has a single edition', async () => {
    const [old] = await loadFixturePair('small-pair')
    const files = buildSite([{series: 'single', editions: [old]}])
    expect([...files.keys()].sort()).toEqual(['index.html', 'single/index.html'])
    expect(files.get('single/index.html')).toContain('nothing to compare yet')
  })

  it('shows a printed table of contents on the series page', async () => {
    const seed = path.resolve(corporaDir, '../seed/diplomatic-white-paper-2020-front-matter.txt')
    const edition = await loadEditionFile(seed, {series: 'diplomatic-white-paper', edition: '2020', year: 2020})
    expect(edition.toc.length).toBeGreaterThan(30)
    const page = buildSite([{series: 'diplomatic-white-paper', editions: [edition]}]).get('diplomatic-white-paper/index.html')!
    expect(page).toContain('Contents as printed')
    expect(page).toContain('<bdi>Section 3 Diplomacy with Europe</bdi> <span class="muted">(p. 120)</span>')
  })

  it('charts the terms of the series themes on the trends page, under the series title', async () => {
    const editions = (await loadCovenant()).filter((edition) => edition.language === 'en')
    const files = buildSite([
      {
        series: 'contributor-covenant',
        title: 'Contributor Covenant',
        themes: [{name: 'conduct', terms: ['harassment', 'unacceptable behavior']}],
        editions
      }
    ])
    const trends = files.get('contributor-covenant/trends.html')!
    expect(trends).toContain('<h1>Trends: Contributor Covenant (2014–2018)</h1>')
    expect(trends).toContain('unacceptable behavior')
    expect(trends).toContain('<title>conduct, 1.0.en:')
  })
})
