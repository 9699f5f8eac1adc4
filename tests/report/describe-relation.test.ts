import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import type {Relation} from '../../src/compare/compare-editions.js'
import {isDoubtful, relationBadges, sharePercent} from '../../src/report/describe-relation.js'
import {loadCorpusEdition} from '../align/load-corpus.js'

describe('relationBadges', () => {
  it('names a section by its heading where its title is empty (the text before the first heading)', async () => {
    // SemVer 1.0.0 opens with untitled text; 2.0.0 puts it under "Introduction".
    const result = compareEditions(
      await loadCorpusEdition('semver-spec', 'v1.0.0.en.md'),
      await loadCorpusEdition('semver-spec', 'v2.0.0.en.md')
    )
    const preamble = result.relations.find((r) => r.old[0]?.id === '(preamble)')!
    expect([preamble.old[0]!.title, preamble.new[0]!.title, preamble.flags]).toEqual(['', 'Introduction', ['renamed', 'modified']])
    expect(relationBadges(preamble).map((b) => b.text)).toEqual(['renamed: (preamble) → Introduction', 'modified'])
  })

  it('says where an added section’s text was, and where a removed one’s went', () => {
    const section = {
      id: 'x',
      heading: '8.1 Instructions',
      numbering: '8.1',
      title: 'Instructions',
      level: 2,
      path: ['Implementation', '8.1 Instructions'],
      words: 30,
      totalWords: 30,
      page: null
    }
    const relation = (kind: 'added' | 'removed', share?: number): Relation => ({
      kind,
      flags: [],
      similarity: 0.15,
      old: kind === 'removed' ? [section] : [],
      new: kind === 'added' ? [section] : [],
      stats: {wordsAdded: 0, wordsRemoved: 0, wordsUnchanged: 0, paragraphsMoved: 0},
      measures: {cosine: 0, jaccard: 0, edit: 0, simple: 0},
      ...(share === undefined ? {} : {foundIn: {section, share}})
    })
    expect(relationBadges(relation('added', 0.957)).map((b) => b.text)).toEqual([
      'added: 96% of its text was in Implementation › 8.1 Instructions'
    ])
    expect(relationBadges(relation('removed', 1)).map((b) => b.text)).toEqual([
      'removed: 100% of its text is in Implementation › 8.1 Instructions'
    ])
    expect(relationBadges(relation('added')).map((b) => b.text)).toEqual(['added'])
  })
})

describe('sharePercent', () => {
  it('rounds to whole percents but says 100% only of all of it', () => {
    expect([0.5, 0.957, 0.996, 1].map(sharePercent)).toEqual(['50%', '96%', '99%', '100%'])
  })
})

describe('isDoubtful', () => {
  const section = {
    id: 'x',
    heading: 'Scope',
    numbering: null,
    title: 'Scope',
    level: 1,
    path: ['Scope'],
    words: 7,
    totalWords: 7,
    page: null
  }
  const relation = (kind: Relation['kind'], flags: Relation['flags'], similarity: number): Relation => ({
    kind,
    flags,
    similarity,
    old: kind === 'added' ? [] : [section],
    new: kind === 'removed' ? [] : [section],
    stats: {wordsAdded: 0, wordsRemoved: 0, wordsUnchanged: 0, paragraphsMoved: 0},
    measures: {cosine: 0, jaccard: 0, edit: 0, simple: 0}
  })

  it('doubts a weak pairing that rests on content: renamed, moved, split or merged', () => {
    expect(isDoubtful(relation('matched', ['renamed', 'modified'], 0.41))).toBe(true)
    expect(isDoubtful(relation('matched', ['moved', 'modified'], 0.41))).toBe(true)
    expect(isDoubtful(relation('merged', ['modified'], 0.5))).toBe(true)
    expect(isDoubtful(relation('split', ['modified'], 0.5))).toBe(true)
  })

  it('does not doubt a section that kept its title and place, nor a strong pairing, nor an added one', () => {
    expect(isDoubtful(relation('matched', ['modified'], 0.41))).toBe(false)
    expect(isDoubtful(relation('matched', ['renumbered', 'modified'], 0.35))).toBe(false)
    expect(isDoubtful(relation('matched', ['renamed', 'modified'], 0.6))).toBe(false)
    expect(isDoubtful(relation('added', [], 0.1))).toBe(false)
    // The threshold is the caller's.
    expect(isDoubtful(relation('matched', ['renamed', 'modified'], 0.65), 0.7)).toBe(true)
  })
})

describe('evidenceLine', () => {
  it('names a numbering code that only changed the width of its characters as kept, not as a renumbering', async () => {
    const {evidenceLine} = await import('../../src/report/describe-relation.js')
    const {ingestEdition} = await import('../../src/ingest/ingest-edition.js')
    const edition = async (text: string, file: string) =>
      (await ingestEdition(new TextEncoder().encode(text), {file, language: 'ja'})).edition
    // A Japanese edition typed its numbers with full-width parentheses, the next with ASCII ones.
    const old = await edition('# 1）はじめに\n\n本書は要件を定める。組織はこれに従う。\n\n# 2）用語の定義\n\n用語を定める。\n', 'old.md')
    const next = await edition(
      '# 1) はじめに\n\n本書は要件を定める。組織はこれに従う。追記。\n\n# 2) 用語の定義\n\n用語を定める。\n',
      'new.md'
    )
    const result = compareEditions(old, next)
    const intro = result.relations.find((r) => r.new[0]?.heading === '1) はじめに')!
    expect(intro.evidence?.decidedBy).toContain('code')
    const line = evidenceLine(intro)
    expect(line).toContain('same code 1)')
    expect(line).not.toContain('→')
  })
})
