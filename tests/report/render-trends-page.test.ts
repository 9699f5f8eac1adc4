import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {renderTrendsPage} from '../../src/report/render-trends-page.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import type {TrendsResult} from '../../src/trends/trends-result.js'
import {corporaDir, loadFolder} from '../trends/load-fixture.js'

describe('renderTrendsPage on the UN statements', () => {
  let result: TrendsResult
  let html: string
  beforeAll(async () => {
    const editions = await loadFolder(path.join(corporaDir, 'un-general-debate-kor'), {language: 'en'})
    result = computeTrends(editions, {
      terms: ['nuclear', 'Korean Peninsula', 'climate', 'pandemic', '<script>alert(1)</script>'],
      themes: [{name: 'security', terms: ['nuclear', '/missiles?/']}]
    })
    html = renderTrendsPage(result, {home: '../index.html'})
  })

  it('is self-contained: CSP, no external URL, one h1, charts with role=img and a table', () => {
    expect(html).toContain('Content-Security-Policy')
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//u)
    expect(html.match(/<h1[\s>]/gu)).toHaveLength(1)
    // One small chart per term and per theme (small multiples); each statement is one section, so no heat map
    // of section shares (a row of 100s), but a sentence saying why.
    expect(result.sections).toHaveLength(1)
    const charts = html.match(/<svg class="(chart|heat)"[^>]*role="img"/gu) ?? []
    expect(charts).toHaveLength(result.terms.length + result.themes.length)
    expect(html).toContain('Each edition is a single section holding all of its words: there are no shares to compare.')
    // Each group of charts is followed by its table.
    expect((html.match(/<div class="table-wrap[ "]/gu) ?? []).length).toBe(3)
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('names the keyness correction as a reader knows it, not by its JSON key (was "(yates correction)")', () => {
    expect(result.settings.correction).toBe('yates')
    expect(html).toContain("Dunning's log-likelihood G² (Yates continuity correction)")
    expect(html).not.toContain('yates correction')
  })

  it('labels the peak of every term that occurs, and shows keyness rows below the cut marked as such', () => {
    for (const term of result.terms) {
      const max = Math.max(...term.per10k)
      if (max > 0) expect(html).toContain(`>${result.editions[term.per10k.indexOf(max)]!.label}: ${max}</text>`)
    }
    const below = result.keyness.reduce((sum, pair) => sum + pair.belowCut.length, 0)
    expect(below).toBeGreaterThan(0)
    expect((html.match(/<tr class="below">/gu) ?? []).length).toBe(below)
    expect(html).toMatch(/p &lt; 0\.001|p < 0\.001/u)
  })

  it('opens a KWIC group that exists on the page from every chart point and table cell', () => {
    const links = [...html.matchAll(/<a href="#(_kwic-[\d-]+)"/gu)].map((m) => m[1]!)
    const points = [...html.matchAll(/<circle [^>]*data-href="#(_kwic-[\d-]+)"/gu)].map((m) => m[1]!)
    const nonZero = result.terms.reduce((sum, term) => sum + term.counts.filter((c) => c > 0).length, 0)
    // A link from the table cell; the chart point (an image holds no link: axe nested-interactive) is opened by the page's script.
    expect(links).toHaveLength(nonZero)
    expect(points).toEqual(links)
    for (const id of new Set(links)) expect(html).toContain(`<details id="${id}"`)
    expect(html).not.toMatch(/<svg[^>]*role="img"(?:(?!<\/svg>)[\s\S])*<a /u)
  })

  it('links rising and falling terms to the comparison report of consecutive pairs only', () => {
    const links = [...html.matchAll(/href="(\d{4})-to-(\d{4})\.html#([^"]*)"/gu)]
    expect(links.length).toBeGreaterThan(0)
    // Consecutive in the series (the fixture has nine of the 34 statements: 1995 is followed by 2004).
    const labels = result.editions.map((edition) => edition.label)
    for (const [, from, to] of links) expect([from, labels.indexOf(to!) - labels.indexOf(from!)]).toEqual([from, 1])
    expect(html).toContain('href="2020-to-2021.html#')
    const alone = renderTrendsPage(result, {compareHref: null})
    expect(alone).not.toMatch(/-to-\d{4}\.html/u)
  })
})

describe('renderTrendsPage heat map labels', () => {
  it('shortens a long Japanese chapter title to the label column by its width, not its length', async () => {
    const {ingestEdition} = await import('../../src/ingest/ingest-edition.js')
    const {textColumns} = await import('../../src/report/text-columns.js')
    const chapter = 'Annex A （参考） 本仕様書の言語翻訳について'
    const edition = async (year: number) => {
      const text = `---\ntitle: 仕様書\nyear: ${year}\nlanguage: ja\n---\n\n# はじめに\n\n本書は要件を定める。\n\n# ${chapter}\n\n翻訳は参考である。\n`
      return (await ingestEdition(new TextEncoder().encode(text), {file: `spec-${year}.md`, language: 'ja'})).edition
    }
    const html = renderTrendsPage(computeTrends([await edition(2019), await edition(2020)], {}), {home: '../index.html'})
    const labels = [...html.matchAll(/<text class="tick" x="\d+" y="\d+" text-anchor="end">([^<]*)<\/text>/gu)].map((m) => m[1]!)
    expect(labels).toContain('Annex A （参考）…')
    for (const label of labels) expect(textColumns(label)).toBeLessThanOrEqual(34)
  })

  it('shows a new phrase in the words of its sentence, not folded and stripped of particles (OpenChain 2.1 ko)', async () => {
    const {ingestEdition} = await import('../../src/ingest/ingest-edition.js')
    const edition = async (year: number, body: string) => {
      const text = `---\ntitle: 규격\nyear: ${year}\nlanguage: ko\n---\n\n# 소개\n\n${body}\n`
      return (await ingestEdition(new TextEncoder().encode(text), {file: `spec-${year}.md`, language: 'ko'})).edition
    }
    const result = computeTrends([
      await edition(2019, '조직은 정책을 수립한다.'),
      await edition(2020, '조직은 정책을 수립한다. 자세한 내용은 Joint Development Foundation 웹사이트를 참조한다.')
    ])
    const phrases = result.newLanguage[0]!.new.map((p) => p.phrase)
    expect(phrases).toContain('자세 내용 joint development foundation 웹사이트 참조')
    const html = renderTrendsPage(result, {home: '../index.html'})
    // To the end of its last word: 참조한다, not 참조 cut out of it.
    expect(html).toContain('<li><strong dir="auto">자세한 내용은 Joint Development Foundation 웹사이트를 참조한다</strong>')
    expect(html).not.toContain('<strong>자세 내용 joint')
  })

  it('names a term picked from the text as its sentences spell it, where they differ in case only (OpenChain: foss → FOSS)', async () => {
    const {ingestEdition} = await import('../../src/ingest/ingest-edition.js')
    const edition = async (year: number, body: string) => {
      const text = `---\ntitle: Spec\nyear: ${year}\n---\n\n# Scope\n\n${body}\n`
      return (await ingestEdition(new TextEncoder().encode(text), {file: `spec-${year}.md`})).edition
    }
    const result = computeTrends(
      [
        await edition(
          2019,
          'FOSS policy exists. FOSS training exists. The FOSS contact answers. OpenChain conformance lasts. Training lasts.'
        ),
        await edition(
          2020,
          'FOSS policy exists. The OpenChain conformance lasts. Training exists. Open source policy exists. Training lasts.'
        )
      ],
      {ngram: 1}
    )
    expect(result.terms.map((t) => t.term)).toContain('foss')
    const html = renderTrendsPage(result, {home: '../index.html'})
    expect(html).toContain('<tr><th scope="row">FOSS</th>')
    expect(html).toContain('<tr><th scope="row">OpenChain</th>')
    expect(html).not.toContain('<tr><th scope="row">foss</th>')
    // A term the sentences spell as it is keeps its spelling, whatever the capital opening a sentence.
    expect(html).toContain('<tr><th scope="row">policy</th>')
    expect(html).toContain('<tr><th scope="row">training</th>')
  })
})
