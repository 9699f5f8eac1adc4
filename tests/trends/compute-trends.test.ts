import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Edition} from '../../src/model/edition.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import type {TrendsResult} from '../../src/trends/trends-result.js'
import {corporaDir, loadFolder} from './load-fixture.js'

// The nine statements copied into tests/fixtures/corpora/un-general-debate-kor (the whole series
// is in `npm run eval`). Verified in that folder with:
// for f in *.txt; do tr -s ' \n\t' '   ' < $f | grep -o -i -w "<term>" | wc -l; done
const years = [1991, 1993, 1995, 2004, 2005, 2020, 2021, 2023, 2024]
const pinned: Record<string, number[]> = {
  nuclear: [6, 13, 10, 20, 9, 0, 0, 2, 0],
  'Korean Peninsula': [12, 2, 3, 3, 2, 9, 15, 0, 2],
  climate: [1, 1, 0, 0, 0, 5, 9, 8, 0],
  pandemic: [0, 0, 0, 1, 1, 0, 5, 1, 0]
}

describe('computeTrends on nine UN General Debate statements, 1991–2024', () => {
  let editions: Edition[]
  let result: TrendsResult
  beforeAll(async () => {
    editions = await loadFolder(path.join(corporaDir, 'un-general-debate-kor'), {language: 'en'})
    result = computeTrends(editions, {
      terms: Object.keys(pinned),
      themes: [{name: 'security', terms: ['nuclear', 'nuclear weapons', '/missiles?/']}],
      ngram: 2
    })
  })

  it('pins the counts verified with grep', () => {
    expect(result.schema).toBe('wpdiff/trends@1')
    expect(result.editions.map((e) => e.year)).toEqual(years)
    for (const term of result.terms) expect(term.counts, term.term).toEqual(pinned[term.term])
  })

  it('gives per 10k from counts and words, and evidence for every non-zero count', () => {
    for (const term of result.terms) {
      term.counts.forEach((count, i) => {
        const words = result.editions[i]!.words
        expect(term.per10k[i]).toBeCloseTo((count / words) * 10000, 2)
        expect(term.evidence[i]!.length > 0).toBe(count > 0)
        expect(term.evidence[i]!.length).toBeLessThanOrEqual(Math.min(count, 10))
      })
    }
    // Words counted are close to wc -w (SOURCE.md: 1991 has 3,612): punctuation-only tokens drop out.
    expect(Math.abs(result.editions[0]!.words - 3612)).toBeLessThan(120)
  })

  it('counts a theme as the union of its terms (nuclear inside "nuclear weapons" once)', () => {
    const security = result.themes[0]!
    security.counts.forEach((count, i) => {
      expect(count).toBeGreaterThanOrEqual(pinned.nuclear![i]!)
      expect(security.shares[i]).toBe(count > 0 ? 1 : 0)
    })
  })

  it('has keyness for every consecutive pair and first ↔ last, cut and sorted', () => {
    expect(result.keyness).toHaveLength(years.length)
    expect(result.keyness.at(-1)).toMatchObject({kind: 'first-last', old: '1991', new: '2024'})
    for (const pair of result.keyness) {
      for (const entry of pair.rising) expect(entry.g2).toBeGreaterThanOrEqual(10.83)
      for (const entry of pair.falling) expect(entry.g2).toBeLessThanOrEqual(-10.83)
      const sizes = pair.rising.map((e) => e.g2)
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    }
    // 2021 says "United Nations" where 2020 said "UN" (grep -w: 2 → 21 and 16 → 0; as a token n-gram
    // "un" counts 14 in 2020, since "UN-led" and the like are tokens of their own).
    const pair = result.keyness.find((p) => p.old === '2020' && p.new === '2021')!
    const full = pair.rising.find((e) => e.term === 'united nations')!
    expect(full).toMatchObject({n: 2, oldCount: 2, newCount: 21})
    expect(full.evidence.length).toBeGreaterThan(0)
    expect(full.evidence.every((line) => line.change === 'added' && /united nations/iu.test(line.sentence) && line.anchor !== '')).toBe(
      true
    )
    expect(pair.falling.find((e) => e.term === 'un')).toMatchObject({oldCount: 14, newCount: 0})
  })

  it('lists new language with sentences that contain it', () => {
    expect(result.newLanguage).toHaveLength(years.length - 1)
    const covid = result.newLanguage.find((change) => change.edition === '2021')!
    expect(covid.new.length).toBeGreaterThan(0)
    for (const change of result.newLanguage) {
      for (const phrase of [...change.new, ...change.vanished]) {
        expect(phrase.phrase.split(' ').length).toBeGreaterThanOrEqual(3)
        expect(phrase.evidence.match).not.toBeNull()
      }
    }
  })

  it('is deterministic and survives a JSON round trip', () => {
    const again = computeTrends(editions, {
      terms: Object.keys(pinned),
      themes: [{name: 'security', terms: ['nuclear', 'nuclear weapons', '/missiles?/']}],
      ngram: 2
    })
    expect(JSON.stringify(again)).toBe(JSON.stringify(result))
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })
})

describe('computeTrends on other real series', () => {
  it('Go developer survey: "generics" peaks in 2022-q2', async () => {
    const editions = await loadFolder(path.join(corporaDir, 'go-developer-survey-results'))
    const result = computeTrends(editions, {terms: ['generics']})
    const counts = Object.fromEntries(result.editions.map((e, i) => [e.label, result.terms[0]!.counts[i]]))
    // grep -o -i -w generics: 2016 1, 2017 1, 2018 3, 2022-q2 34, 2024-h1 0 (markdown link targets are not text)
    expect(counts).toMatchObject({'2016': 1, '2017': 1, '2018': 3, '2024-h1': 0})
    expect(Math.max(...result.terms[0]!.counts)).toBe(counts['2022-q2'])
    expect(result.sections.length).toBeGreaterThan(0)
  })

  it('Kubernetes SIG Node reports 2020–2025 and FOMC statements 2000–2001', async () => {
    const node = await loadFolder(path.join(corporaDir, 'kubernetes-sig-annual-reports'), {filter: (name) => name.startsWith('sig-node-')})
    const k8s = computeTrends(node, {terms: ['cgroup', 'swap']})
    expect(k8s.editions).toHaveLength(6)
    for (const row of k8s.sections) {
      for (const [i, share] of row.shares.entries()) {
        if (share === null) expect(row.sections[i]).toBeNull()
        else expect(share).toBeLessThanOrEqual(1)
      }
    }
    const fomc = await loadFolder(path.join(corporaDir, 'fomc-policy-statements'), {
      filter: (name) => /^200[01]-/u.test(name),
      language: 'en'
    })
    const rates = computeTrends(fomc, {terms: ['inflation']})
    // grep -o -i -w inflation over the 19 statements of 2000–2001
    expect(rates.terms[0]!.counts).toEqual([1, 1, 1, 1, 1, 2, 3, 2, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1])
  })
})

describe('computeTrends default terms', () => {
  async function edition(language: string, year: number, body: string): Promise<Edition> {
    const text = `---\ntitle: paper\nyear: ${year}\nlanguage: ${language}\n---\n\n# One\n\n${body}\n`
    return (await ingestEdition(new TextEncoder().encode(text), {file: `paper-${year}.md`, language})).edition
  }

  it('follows a phrase in place of a word that nearly always stands inside it (CNCF: native in cloud native)', async () => {
    const body = (extra: string) =>
      `Cloud native systems need cloud native controls. Cloud native teams review cloud storage. ${extra} Audits check workloads.`
    const editions = [await edition('en', 2020, body('Teams patch workloads.')), await edition('en', 2022, body('Teams scan images.'))]
    const terms = computeTrends(editions, {ngram: 2}).terms.map((t) => t.term)
    expect(terms).toContain('cloud native')
    expect(terms).toContain('cloud')
    expect(terms).not.toContain('native')
    expect(terms).toHaveLength(new Set(terms).size)
  })

  it('follows a katakana compound the segmenter cut in two as one (OpenChain ja: オープン, ソース, オープンソース)', async () => {
    const body = 'オープンソースのポリシーを定める。組織はオープンソースを確認する。オープンソースの記録を残す。組織は記録を残す。'
    const editions = [await edition('ja', 2019, body), await edition('ja', 2020, `${body}組織は手順を定める。`)]
    const terms = computeTrends(editions, {ngram: 2}).terms.map((t) => t.term)
    expect(terms).toContain('オープンソース')
    expect(terms.filter((t) => t === 'オープン' || t === 'ソース')).toEqual([])
  })
})
