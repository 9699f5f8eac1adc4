import {beforeAll, describe, expect, it} from 'vitest'
import {alignSections} from '../../src/align/align-sections.js'
import {compareEditions, isSameEdition, type CompareResult} from '../../src/compare/compare-editions.js'
import {loadCorpusEdition} from '../align/load-corpus.js'

describe('compareEditions on OWASP API Security Top 10 2019 → 2023', () => {
  let result: CompareResult
  beforeAll(async () => {
    const old = await loadCorpusEdition('owasp-api-security-top10', '2019.en.md')
    const next = await loadCorpusEdition('owasp-api-security-top10', '2023.en.md')
    result = compareEditions(old, next)
  })

  it('produces wpdiff/compare@1 with consistent totals', () => {
    expect(result.schema).toBe('wpdiff/compare@1')
    expect(Object.keys(result)).toEqual(['schema', 'old', 'new', 'summary', 'relations', 'messages'])
    expect(result.old).toMatchObject({series: 'owasp-api-security-top10', edition: '2019', year: 2019, language: 'en'})
    const s = result.summary
    // The two categories merged, and under them each pair of sub-sections of one title (How To Prevent, References…).
    const merges = result.relations.filter((r) => r.kind === 'merged')
    expect(merges.filter((r) => r.old.every((x) => x.level === 1)).map((r) => r.old.map((x) => x.numbering))).toEqual([
      ['API3:2019', 'API6:2019']
    ])
    expect(
      merges.every((r) => r.old.map((x) => x.id.split('/')[0]).join() === 'api3-2019-excessive-data-exposure,api6-2019-mass-assignment')
    ).toBe(true)
    expect(s.merged).toBe(merges.length)
    expect(s.wordsAdded).toBe(result.relations.reduce((n, r) => n + r.stats.wordsAdded, 0))
    expect(
      s.unchanged +
        s.split +
        s.merged +
        s.added +
        s.removed +
        result.relations.filter((r) => r.kind === 'matched' && r.flags.length > 0).length
    ).toBe(result.relations.length)
    expect(s.similarity).toBeGreaterThan(0.3)
    expect(s.similarity).toBeLessThan(0.9)
    expect(Object.keys(s.measures).sort()).toEqual(['cosine', 'edit', 'jaccard', 'simple'])
    expect(isSameEdition(result)).toBe(false)
  })

  it('carries outline fields on sections, stats and measures on relations, blocks only on request', () => {
    const merged = result.relations.find((r) => r.kind === 'merged')!
    expect(merged.old.map((s) => s.heading)).toEqual(['API3:2019 Excessive Data Exposure', 'API6:2019 - Mass Assignment'])
    expect(Object.keys(merged.old[0]!)).toEqual(['id', 'heading', 'numbering', 'title', 'level', 'path', 'words', 'totalWords', 'page'])
    expect(merged.stats.wordsAdded).toBeGreaterThan(0)
    expect(result.relations.every((r) => r.blocks === undefined)).toBe(true)
  })

  it('uses a given alignment instead of aligning again', async () => {
    const old = await loadCorpusEdition('owasp-api-security-top10', '2019.en.md')
    const next = await loadCorpusEdition('owasp-api-security-top10', '2023.en.md')
    const alignment = alignSections(old, next)
    expect(JSON.stringify(compareEditions(old, next, {alignment}))).toBe(JSON.stringify(result))
    // Really used: a doctored alignment shows through.
    const first = alignment.relations[0]!
    const doctored = {...alignment, relations: [{...first, similarity: 0.123}, ...alignment.relations.slice(1)]}
    expect(compareEditions(old, next, {alignment: doctored}).relations[0]!.similarity).toBe(0.123)
  })
})

describe('compareEditions on CISA SCuBA Exchange Online v1.2.0 → v1.4.0 (copied instructions)', () => {
  it('names, on an added section, the old section its text was in, as an outline section with the share', async () => {
    const old = await loadCorpusEdition('cisa-scuba-m365-baselines', 'exo-v1.2.0-2024-04-04.md')
    const next = await loadCorpusEdition('cisa-scuba-m365-baselines', 'exo-v1.4.0-2024-11-22.md')
    const result = compareEditions(old, next)
    const copy = result.relations.find((r) => r.new[0]?.title === 'MS.EXO.8.3v1 Instructions')!
    expect(copy.kind).toBe('added')
    expect(copy.foundIn!.share).toBe(1)
    expect(copy.foundIn!.section).toMatchObject({
      heading: 'MS.EXO.8.1v1 Instructions',
      path: ['Baseline Policies', '8. Data Loss Prevention Solutions', 'Implementation', 'MS.EXO.8.1v1 Instructions']
    })
    expect(Object.keys(copy.foundIn!.section)).toEqual([
      'id',
      'heading',
      'numbering',
      'title',
      'level',
      'path',
      'words',
      'totalWords',
      'page'
    ])
    // Only sections left added or removed carry it; five of this pair's eight added sections do.
    expect(result.relations.filter((r) => r.foundIn).map((r) => r.kind)).toEqual(['added', 'added', 'added', 'added', 'added'])
    expect(result.relations.filter((r) => r.kind === 'added')).toHaveLength(8)
  })
})

describe('compareEditions of an edition with itself', () => {
  it('is all unchanged, similarity 1, "same"', async () => {
    const a = await loadCorpusEdition('cncf-cloud-native-security-whitepaper', 'v1-2020.en.md')
    const result = compareEditions(a, a, {detail: 'blocks'})
    expect(isSameEdition(result)).toBe(true)
    expect(result.summary).toMatchObject({unchanged: result.relations.length, wordsAdded: 0, wordsRemoved: 0, similarity: 1})
    expect(result.relations.every((r) => Array.isArray(r.blocks))).toBe(true)
  })
})
