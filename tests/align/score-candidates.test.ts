import {beforeAll, describe, expect, it} from 'vitest'
import {profileSections, type SectionProfile} from '../../src/align/profile-sections.js'
import {cosine} from '../../src/align/sparse-vector.js'
import {pairSimilarity, scoreCandidates, termPostings} from '../../src/align/score-candidates.js'
import {corporaDir} from '../support/corpora.js'
import {loadCorpusPool} from '../support/synthetic-editions.js'
import {loadCorpusEdition, makeEdition} from './load-corpus.js'

// Real sentences from the corpora, two per paragraph, a different pair for every topic.
const pool = loadCorpusPool(corporaDir)
const topics = new Map<string, number>()
const para = (topic: string): string => {
  if (!topics.has(topic)) topics.set(topic, topics.size)
  const i = topics.get(topic)! * 2
  return `${pool.sentences[i]} ${pool.sentences[i + 1]}`
}

const byTitle = (profiles: SectionProfile[], title: string): SectionProfile => profiles.find((p) => p.flat.section.title === title)!

describe('pairSimilarity of chapters', () => {
  // The old chapter goes straight into its sections; the new one opens with an introduction of its own.
  const old = makeEdition([
    [
      'Introduction',
      [],
      [
        ['Key Terminology', [para('terms')]],
        ['Assumptions', [para('assumptions')]],
        ['Resources', [para('licence')]]
      ]
    ]
  ])
  const next = makeEdition([
    [
      'Baseline for Entra ID',
      [para('new introduction')],
      [
        ['Key Terminology', [para('terms')]],
        ['Assumptions', [para('assumptions')]],
        ['Licence', [para('licence')]]
      ]
    ]
  ])
  const profiles = profileSections(old, next)
  const a = byTitle(profiles.old, 'Introduction')
  const b = byTitle(profiles.new, 'Baseline for Entra ID')

  it('compares a chapter with no text of its own by what the chapters hold', () => {
    expect(a.own).toBe(a.tree)
    const trees = cosine(a.tree, b.tree)
    expect(trees).toBeGreaterThan(0.7)
    // The titles share nothing, so the similarity is the content's: the subtrees alone. Blending in
    // the old chapter's subtree against the new introduction would about halve it.
    expect(pairSimilarity(a, b)).toBeCloseTo(trees, 12)
    expect(pairSimilarity(b, a)).toBeCloseTo(trees, 12)
  })

  it('blends own text and subtree when both chapters have an introduction', () => {
    const withIntro = makeEdition([
      [
        'Introduction',
        [para('old introduction')],
        [
          ['Key Terminology', [para('terms')]],
          ['Assumptions', [para('assumptions')]],
          ['Resources', [para('licence')]]
        ]
      ]
    ])
    const p = profileSections(withIntro, next)
    const x = byTitle(p.old, 'Introduction')
    const y = byTitle(p.new, 'Baseline for Entra ID')
    expect(pairSimilarity(x, y)).toBeCloseTo(0.5 * cosine(x.own, y.own) + 0.5 * cosine(x.tree, y.tree), 12)
  })
})

describe('scoreCandidates', () => {
  let olds: SectionProfile[]
  let news: SectionProfile[]
  beforeAll(async () => {
    // Chapters with and without introductions, generic headings, sections moved between them.
    const profiles = profileSections(
      await loadCorpusEdition('cisa-scuba-m365-baselines', 'aad-v0.1.0-2022-10-20.md'),
      await loadCorpusEdition('cisa-scuba-m365-baselines', 'aad-v1.0.0-2023-12-13.md')
    )
    olds = profiles.old
    news = profiles.new
  })

  it('gives, through its inverted indexes, the similarity pairSimilarity gives for every pair', () => {
    // Far more than the few pairs scored one by one, so the indexes are used.
    expect(olds.length * news.length).toBeGreaterThan(10_000)
    const listed = new Map(scoreCandidates(olds, news, 0.2).map((c) => [`${c.oldIndex} ${c.newIndex}`, c.similarity]))
    let expected = 0
    for (const [i, a] of olds.entries())
      news.forEach((b, j) => {
        const similarity = pairSimilarity(a, b)
        const found = listed.get(`${i} ${j}`)
        if (similarity >= 0.2 + 1e-9) {
          expected++
          expect(found, `${a.flat.section.heading} → ${b.flat.section.heading}`).toBeCloseTo(similarity, 9)
        } else if (similarity < 0.2 - 1e-9) expect(found).toBeUndefined()
      })
    expect(expected).toBeGreaterThan(50)
  })
})

describe('scoreCandidates on many sections', () => {
  // 30 × 30 sections, so the inverted indexes are used: a third share some text, a third share only
  // their title's words, and a few have neither title nor text (they may still pair with each other).
  const spec = (tag: string, i: number): [string, string[]] => {
    // A heading that is only a number: no title, no text, nothing shared through the indexes.
    if (i % 10 === 9 && !(tag === 'old' && i === 19)) return [`${i} `, []]
    // No text, and a title whose words a third of the other sections share: those sections are
    // found by a scan, not listed one by one, and the empty ones must be found with them.
    if (i === 19) return ['Governance of item 19', []]
    if (i % 3 === 0) return [`Topic ${i} ${tag}`, [para(`shared ${i}`)]]
    if (i % 3 === 1) return [`Governance of item ${i}`, [para(`${tag} only ${i}`)]]
    return [`${tag} unrelated ${i}`, [para(`${tag} alone ${i}`)]]
  }
  const profiles = profileSections(
    makeEdition(Array.from({length: 30}, (_, i) => spec('old', i))),
    makeEdition(
      Array.from({length: 30}, (_, i) => spec('new', i)),
      {edition: 'b'}
    )
  )

  it('lists exactly the pairs at or above the threshold, by old then new position', () => {
    const candidates = scoreCandidates(profiles.old, profiles.new, 0.3)
    const expected: [number, number][] = []
    for (const [i, a] of profiles.old.entries())
      for (const [j, b] of profiles.new.entries()) if (pairSimilarity(a, b) >= 0.3) expected.push([i, j])
    expect(candidates.map((c) => [c.oldIndex, c.newIndex])).toEqual(expected)
    // Sections with neither title nor text pair with each other.
    expect(profiles.old[9]!.flat.section.title).toBe('')
    expect(candidates.filter((c) => c.oldIndex === 9).map((c) => c.newIndex)).toEqual([9, 19, 29])
    expect(candidates.filter((c) => c.oldIndex === 19 && c.similarity === 1).map((c) => c.newIndex)).toEqual([9, 19, 29])
    const title = (list: SectionProfile[], k: number): string => list[k]!.flat.section.title
    expect(candidates.map((c) => `${title(profiles.old, c.oldIndex)} → ${title(profiles.new, c.newIndex)}`)).toContain(
      'Topic 3 old → Topic 3 new'
    )
  })
})

describe('termPostings', () => {
  it('lists, for each term id, the sections holding it with its weight, skipping missing and empty vectors', () => {
    const vector = (ids: number[], weights: number[]) => ({
      ids: Int32Array.from(ids),
      weights: Float64Array.from(weights),
      bound: Math.max(0, ...ids) + 1
    })
    const postings = termPostings([
      vector([3, 0], [0.6, 0.8]),
      null,
      {ids: new Int32Array(0), weights: new Float64Array(0), bound: 0},
      vector([0, 2], [0.5, 0.5])
    ])
    expect([...postings.start]).toEqual([0, 2, 2, 3, 4])
    expect([...postings.sections]).toEqual([0, 3, 3, 0])
    expect([...postings.weights]).toEqual([0.8, 0.5, 0.5, 0.6])
  })
})
