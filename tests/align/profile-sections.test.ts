import {describe, expect, it} from 'vitest'
import {profileSections} from '../../src/align/profile-sections.js'
import {cosine, type SparseVector} from '../../src/align/sparse-vector.js'
import {makeEdition} from './load-corpus.js'

function vector(entries: [number, number][]): SparseVector {
  const norm = Math.hypot(...entries.map(([, w]) => w))
  return {
    ids: Int32Array.from(entries.map(([id]) => id)),
    weights: Float64Array.from(entries.map(([, w]) => w / norm)),
    bound: Math.max(0, ...entries.map(([id]) => id + 1))
  }
}

describe('cosine', () => {
  it('matches the dense dot product, whatever the order of the ids', () => {
    const a = vector([
      [5, 1],
      [2, 2],
      [900_000, 3]
    ])
    const b = vector([
      [2, 4],
      [900_000, 1],
      [7, 2]
    ])
    const expected = (2 * 4 + 3 * 1) / (Math.hypot(1, 2, 3) * Math.hypot(4, 1, 2))
    expect(cosine(a, b)).toBeCloseTo(expected, 12)
    expect(cosine(b, a)).toBeCloseTo(expected, 12)
    const shuffled = vector([
      [900_000, 3],
      [5, 1],
      [2, 2]
    ])
    expect(cosine(shuffled, b)).toBeCloseTo(expected, 12)
  })

  it('is 1 for a vector with itself, 0 for disjoint or empty vectors, and leaves no trace between calls', () => {
    const a = vector([
      [1, 1],
      [3, 1]
    ])
    expect(cosine(a, a)).toBeCloseTo(1, 12)
    expect(
      cosine(
        a,
        vector([
          [2, 1],
          [4, 1]
        ])
      )
    ).toBe(0)
    expect(cosine(a, {ids: new Int32Array(0), weights: new Float64Array(0), bound: 0})).toBe(0)
    // The scratch array filled by the first call must be clean again.
    expect(cosine(vector([[3, 1]]), vector([[1, 1]]))).toBe(0)
  })
})

describe('profileSections', () => {
  it("keeps each section's own text with white space collapsed, so spacing alone never reads as a change", () => {
    const paragraphs = [
      'plain text here',
      'two  spaces',
      '\u00a0no-break lead',
      'tab\there',
      'trailing ',
      ' leading',
      'line\nbreak',
      'ideographic\u3000space'
    ]
    const edition = makeEdition([['Spacing', paragraphs]])
    const [profile] = profileSections(edition, edition).old
    expect(profile!.text).toBe(paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).join(' '))
    expect(profile!.text).toBe('plain text here two spaces no-break lead tab here trailing leading line break ideographic space')
  })
})

describe('profileSections subtrees', () => {
  const union = (lists: Int32Array[]): number[] => [...new Set(lists.flatMap((list) => [...list]))].sort((a, b) => a - b)
  const sorted = (list: Int32Array): number[] => [...list].sort((a, b) => a - b)

  it('gives a parent the shingles of its whole subtree, whether or not a one-word text lies below', () => {
    const edition = makeEdition([
      [
        'Oceans',
        ['Warming seas change fishing grounds.'],
        [
          ['Arctic', ['Sea ice retreats earlier every summer.', 'Fishing grounds move north.']],
          ['Pacific', ['Coral reefs bleach in warming seas.']]
        ]
      ],
      [
        'Forests',
        ['Forests store carbon for centuries.'],
        [
          ['Boreal', ['Wildfires burn longer seasons.']],
          ['Note', ['Deforestation.']]
        ]
      ]
    ])
    const profiles = profileSections(edition, edition).old
    const byTitle = new Map(profiles.map((p) => [p.flat.section.title, p]))
    const note = byTitle.get('Note')!
    // A one-word text has no bigram: its word is its only shingle.
    expect(note.contentWords).toBe(1)
    expect(note.shingles.length).toBe(1)
    for (const title of ['Oceans', 'Forests']) {
      const parent = byTitle.get(title)!
      const below = [parent, ...parent.children.map((c) => profiles[c]!)]
      expect(sorted(parent.treeShingles)).toEqual(union(below.map((p) => p.shingles)))
    }
    // Bigrams are the shingles of texts of two words or more; the subtree's words are not among them.
    const oceans = byTitle.get('Oceans')!
    const wordIds = new Set(
      oceans.children.flatMap((c) => [...profiles[c]!.own.ids]).filter((id) => !profiles.some((p) => p.shingles.includes(id)))
    )
    expect(wordIds.size).toBeGreaterThan(0)
    for (const id of oceans.treeShingles) expect(wordIds.has(id)).toBe(false)
  })

  it('profiles a recurring paragraph the same in both editions and in the same edition twice', () => {
    const old = makeEdition([['Trade', ['Exports of semiconductors rose sharply.', 'Tariffs fell.']]])
    const next = makeEdition([['Commerce', ['Tariffs fell.', 'Exports of semiconductors rose sharply.']]])
    const {
      old: [a],
      new: [b]
    } = profileSections(old, next)
    const only = (x: Int32Array, y: Int32Array): number[] => [...x].filter((id) => !y.includes(id))
    // The same words and inner bigrams; only the bigram across the paragraph end differs
    // ("sharply tariffs" in the old, "fell exports" in the new).
    expect(only(a!.own.ids, b!.own.ids)).toHaveLength(1)
    expect(only(b!.own.ids, a!.own.ids)).toHaveLength(1)
    expect(only(a!.shingles, b!.shingles)).toEqual(only(a!.own.ids, b!.own.ids))
    expect(a!.shingles.length).toBe(b!.shingles.length)
  })
})

describe('profileSections weights', () => {
  it('leaves out terms found in more than half of 40 or more sections, and keeps every other term once, normalised', () => {
    const words = ['amber', 'basil', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'heron', 'inlet', 'jetty']
    // 50 sections: each says "treaty" (every section) plus two words of its own.
    const specs = Array.from({length: 50}, (_, i): [string, string[]] => [
      `Part ${words[i % 10]} ${words[Math.floor(i / 10)]}`,
      [`treaty ${words[i % 10]}${i} ${words[Math.floor(i / 10)]}x${i}`]
    ])
    const edition = makeEdition(specs)
    const {old: profiles} = profileSections(edition, edition)
    const treaty = profiles
      .map((p) => new Set(p.own.ids))
      .reduce((a, b) => {
        for (const id of a) if (!b.has(id)) a.delete(id)
        return a
      })
    // Nothing is common to all vectors: "treaty" (in every section) was left out.
    expect(treaty.size).toBe(0)
    for (const p of profiles) {
      expect(new Set(p.own.ids).size).toBe(p.own.ids.length)
      expect(p.own.weights.length).toBe(p.own.ids.length)
      // Two own words and their bigram, "treaty" and its bigram gone… the bigram "treaty x" is in one section only.
      expect(p.own.ids.length).toBe(4)
      expect(Math.hypot(...p.own.weights)).toBeCloseTo(1, 12)
      expect(p.own.bound).toBe(Math.max(...p.own.ids) + 1)
    }
    // Sections share no kept term, so their cosine is 0.
    expect(cosine(profiles[0]!.own, profiles[1]!.own)).toBe(0)
  })
})
