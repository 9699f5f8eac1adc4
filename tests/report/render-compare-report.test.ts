import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {escapeHtml} from '../../src/report/escape-html.js'
import {renderCompareReport} from '../../src/report/render-compare-report.js'
import {loadCorpusEdition} from '../align/load-corpus.js'
import {loadCncfPair, loadFixturePair} from './load-fixture.js'

describe('renderCompareReport', () => {
  it('renders the small pair: every heading of both editions, one card per relation (snapshot)', async () => {
    const [before, after] = await loadFixturePair('small-pair')
    const result = compareEditions(before, after, {detail: 'blocks'})
    const html = renderCompareReport(result)
    await expect(html).toMatchFileSnapshot('../fixtures/report/small-pair/report.html')

    for (const edition of [before, after]) {
      for (const {section} of flattenSections(edition)) expect(html).toContain(escapeHtml(section.heading))
    }
    const cards = html.match(/<article class="card /gu) ?? []
    expect(cards).toHaveLength(result.relations.length)
    for (const relation of result.relations) {
      const id = relation.new[0]?.id ?? `_old/${relation.old[0]!.id}`
      expect(html).toContain(`<article class="card kind-`)
      expect(html).toContain(`id="${escapeHtml(id)}"`)
    }
    expect(html.match(/<h1[\s>]/gu)).toHaveLength(1)
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('http-equiv="Content-Security-Policy"')
  })

  it('shows the changes of the small pair as a reader expects them', async () => {
    const [before, after] = await loadFixturePair('small-pair')
    const html = renderCompareReport(compareEditions(before, after, {detail: 'blocks'}))
    // Passwords became Authentication: a rename with its old and new titles.
    expect(html).toContain('renamed: <bdi>Passwords</bdi> → <bdi>Authentication</bdi>')
    // Word-level redline; the spoken labels are CSS generated content, so the markup stays light.
    expect(html).toMatch(/<del>30<\/del><ins>14/u)
    expect(html).toContain('ins::before { content: "[inserted: "; }')
    expect(html).toContain('Turn on multi-factor authentication')
    // Nothing from outside the file.
    expect(html).not.toMatch(/\s(?:src|href)="(?:https?:)?\/\//u)
    expect(html).not.toMatch(/<link\b/u)
    expect(html).not.toMatch(/@import|url\(/u)
  })

  it('links an added section’s badge to the card of the old section its text was in', async () => {
    const old = await loadCorpusEdition('cisa-scuba-m365-baselines', 'exo-v1.2.0-2024-04-04.md')
    const next = await loadCorpusEdition('cisa-scuba-m365-baselines', 'exo-v1.4.0-2024-11-22.md')
    const result = compareEditions(old, next, {detail: 'blocks'})
    const html = renderCompareReport(result)
    const copy = result.relations.find((r) => r.new[0]?.title === 'MS.EXO.8.3v1 Instructions')!
    // Old 8.1v1's instructions went on as 8.1v2's: their card is the new section's.
    const home = result.relations.find((r) => r.old[0]?.id === copy.foundIn!.section.id)!
    expect(home.new[0]!.title).toBe('MS.EXO.8.1v2 Instructions')
    const card = html.slice(html.indexOf(`<article class="card kind-added" id="${escapeHtml(copy.new[0]!.id)}"`))
    expect(card).toMatch(
      new RegExp(
        `^[^]*?<p class="badges"><span class="badge kind-added"><a href="#${escapeHtml(home.new[0]!.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">added: 100% of its text was in <bdi>Implementation › MS\\.EXO\\.8\\.1v1 Instructions</bdi></a></span>`
      )
    )

    // The other way round, the removed copy links to the section that holds its text, by its own id.
    const back = renderCompareReport(compareEditions(next, old, {detail: 'blocks'}))
    const links = [
      ...back.matchAll(
        /<span class="badge kind-removed"><a href="#([^"]+)">removed: 100% of its text is in <bdi>Implementation › MS\.EXO\.8\.1v1 Instructions<\/bdi><\/a>/gu
      )
    ].map((m) => m[1])
    expect(links).toEqual([escapeHtml(copy.foundIn!.section.id)])
    expect(back).toContain(`id="${links[0]}"`)
  })

  it('counts an edition’s sections as its outline does, the text before the first heading not one (OpenChain 1.2 ko: 49 here, 48 in the series index)', async () => {
    const edition = async (year: number, body: string) =>
      (
        await ingestEdition(new TextEncoder().encode(`---\ntitle: Guide\nyear: ${year}\n---\n\nGuide, version ${year}.\n\n${body}`), {
          file: `guide-${year}.md`
        })
      ).edition
    const old = await edition(2021, '# Scope\n\nAll staff.\n\n# Passwords\n\nEight characters.\n')
    const next = await edition(2022, '# Scope\n\nAll staff.\n\n# Passwords\n\nFifteen characters.\n\n## Reset\n\nBy the help desk.\n')
    expect(old.preambleWords).toBeGreaterThan(0)
    const result = compareEditions(old, next)
    expect(result.relations.some((r) => r.old.some((s) => s.id === '(preamble)'))).toBe(true)
    const html = renderCompareReport(result)
    expect(flattenSections(old)).toHaveLength(2)
    expect(flattenSections(next)).toHaveLength(3)
    expect(html).toMatch(/<strong>guide-2021<\/strong>: <bdi>Guide<\/bdi> \(2021\) <span class="muted">· [\d,]+ words · 2 sections ·/u)
    expect(html).toMatch(/<strong>guide-2022<\/strong>: <bdi>Guide<\/bdi> \(2022\) <span class="muted">· [\d,]+ words · 3 sections ·/u)
  })

  it('says what a new or removed (preamble) is: the text before the first heading, not a section at the top level', async () => {
    const edition = async (year: number, preamble: string) =>
      (
        await ingestEdition(new TextEncoder().encode(`---\ntitle: Guide\nyear: ${year}\n---\n\n${preamble}# Scope\n\nAll staff.\n`), {
          file: `guide-${year}.md`
        })
      ).edition
    const result = compareEditions(await edition(2021, ''), await edition(2022, 'Given as is, without any warranty of any kind.\n\n'))
    expect(result.relations.some((r) => r.kind === 'added' && r.new[0]?.id === '(preamble)')).toBe(true)
    const html = renderCompareReport(result)
    expect(html).toMatch(/>\(preamble\)<\/a> <span class="muted">the text before the first heading<\/span>/u)
    expect(html).not.toContain('(preamble)</a> <span class="muted">at the top level')
    const {renderCompareMarkdown} = await import('../../src/report/render-compare-markdown.js')
    expect(renderCompareMarkdown(result)).toContain('- New: \\(preamble\\) (the text before the first heading)')
  })

  it('is deterministic and prints a time only when asked', async () => {
    const [before, after] = await loadFixturePair('small-pair')
    const result = compareEditions(before, after, {detail: 'blocks'})
    expect(renderCompareReport(result)).toBe(renderCompareReport(result))
    expect(renderCompareReport(result, {generatedAt: '2025-06-01 12:00'})).toContain('on 2025-06-01 12:00')
  })

  it('renders hostile text as text', async () => {
    const [before, after] = await loadFixturePair('xss')
    const html = renderCompareReport(compareEditions(before, after, {detail: 'blocks'}))
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('[x](javascript:alert(1))')
    expect(html).toContain('Hostile &lt;b&gt;Title&lt;/b&gt;')
    expect(html).not.toMatch(/<script>alert/u)
    expect(html).not.toMatch(/<img/u)
    expect(html).not.toMatch(/href="javascript:/u)
    expect(html.match(/<script[\s>]/gu)).toHaveLength(1)
  })

  it('gives one headline figure with its sentence, and the other measures under details, each with a definition (issue 20)', async () => {
    const [before, after] = await loadCncfPair()
    const result = compareEditions(before, after)
    const html = renderCompareReport(result)
    const summary = html.slice(html.indexOf('id="_summary"'), html.indexOf('id="_structure"'))
    const percent = `${Math.round(result.summary.similarity * 100)}%`
    // One figure in bold, then the sentence that says what it means.
    expect(summary.match(/<p class="headline">/gu)).toHaveLength(1)
    expect(summary).toContain(`<p class="headline"><strong>${percent} alike.</strong> Section by section, weighted by length`)
    // The measures sit in a closed <details>, not beside the headline; each row has its definition.
    const details = /<details class="numbers">([\s\S]*?)<\/details>/u.exec(summary)?.[1] ?? ''
    const rows = [...details.matchAll(/<tr><th scope="row">([^<]+)<\/th><td class="num">([\d.]+)<\/td><td>([^<]*)<\/td><\/tr>/gu)]
    expect(rows).toHaveLength(1 + Object.keys(result.summary.measures).length)
    expect(rows[0]![1]).toBe('Similarity (the headline)')
    expect(rows[0]![2]).toBe(result.summary.similarity.toFixed(3))
    for (const row of rows) expect(row[3]!.length, row[1]).toBeGreaterThan(20)
    expect(summary.slice(0, summary.indexOf('<details class="numbers">'))).not.toMatch(/cosine|jaccard/iu)
  })

  it('renders the CNCF 2020 → 2022 report with every relation and both outlines', async () => {
    const [before, after] = await loadCncfPair()
    const result = compareEditions(before, after, {detail: 'blocks'})
    const html = renderCompareReport(result)
    expect(html.match(/<article class="card /gu)).toHaveLength(result.relations.length)
    const structureRows = html.slice(html.indexOf('id="_structure"'), html.indexOf('id="_changes"')).match(/<tr class="kind-/gu)
    expect(structureRows).toHaveLength(result.relations.length)
    for (const {section} of flattenSections(after)) expect(html).toContain(`id="${escapeHtml(section.id)}"`)
    expect(result.summary.wordsAdded).toBeGreaterThan(0)
    expect(html).toContain('<ins>')
  })
})

describe('renderCompareReport, right-to-left names', () => {
  const persian = async (year: number, body: string) =>
    (await ingestEdition(new TextEncoder().encode(body), {file: `${year}.fa.md`, language: 'fa'})).edition

  it('isolates every heading a badge names, so a Persian rename reads old → new', async () => {
    // OWASP API Security Top 10 in Persian renamed its items; the badge is English around two Persian names.
    const before = await persian(
      2019,
      '# API1:2019 مجوزدهی نادرست در سطح اشیاء\n\nمتن اول درباره مجوزدهی و اشیاء است.\n\n## مراجع\n\nپیوندهای بیرونی و منابع بیشتر.\n\n# API2:2019 احرازهویت نادرست کاربر\n\nمتن دوم درباره احراز هویت است.\n'
    )
    const after = await persian(
      2023,
      '# API1:2023 نقض مجوزدهی در سطح اشیاء\n\nمتن اول درباره مجوزدهی و اشیاء است.\n\n# API2:2023 احرازهویت نادرست کاربر\n\nمتن دوم درباره احراز هویت است.\n\n## مراجع\n\nپیوندهای بیرونی و منابع بیشتر.\n'
    )
    const html = renderCompareReport(compareEditions(before, after, {detail: 'blocks'}))
    const badges = [...html.matchAll(/<span class="badge kind-(?:renamed|moved|renumbered)">(.*?)<\/span>/gu)].map((m) => m[1]!)
    expect(badges).toContain('renamed: <bdi>مجوزدهی نادرست در سطح اشیاء</bdi> → <bdi>نقض مجوزدهی در سطح اشیاء</bdi>')
    expect(badges.some((badge) => badge.startsWith('moved from <bdi>API1:2019'))).toBe(true)
    // No name outside an isolate: every run of Persian letters in a badge sits in a <bdi>.
    for (const badge of badges) expect(badge.replace(/<bdi>[^<]*<\/bdi>/gu, '')).not.toMatch(/[\u0600-\u06FF]/u)
  })
})
