import {readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {diffRelations, type BlockDiff, type RelationsDiff} from '../../src/diff/diff-relations.js'
import type {Section} from '../../src/model/edition.js'
import {loadEdition, pairInOrder} from './load-fixture.js'

const fixtures = path.join(import.meta.dirname, '../fixtures/diff')

/** A section of one paragraph per text, the rest of it empty. */
const sectionOf = (id: string, paragraphs: string[]): Section => ({
  id,
  heading: id,
  numbering: null,
  title: id,
  level: 1,
  words: 0,
  totalWords: 0,
  page: null,
  children: [],
  blocks: paragraphs.map((text) => ({type: 'paragraph' as const, children: [{type: 'text' as const, value: text}]}))
})

async function runFixture(name: string): Promise<RelationsDiff> {
  const old = await loadEdition(path.join(fixtures, name, 'old.md'))
  const neu = await loadEdition(path.join(fixtures, name, 'new.md'))
  return diffRelations(pairInOrder(old, neu), {language: neu.language})
}

const newText = (block: BlockDiff) =>
  block
    .tokens!.filter(([op]) => op !== '-')
    .map(([, text]) => text)
    .join('')

describe('fixtures (expected.json: a missing one fails; regenerate with `npx vitest run -u` and review the diff)', () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(name, async () => {
      const result = await runFixture(name)
      await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(path.join(fixtures, name, 'expected.json'))
      // Plain invariants beside the snapshot: word diffs rebuild the new text.
      for (const relation of result.relations) {
        for (const block of relation.blocks) if (block.tokens) expect(newText(block)).toBe(block.text)
      }
    })
  }
})

describe('moved paragraphs', () => {
  test('moved unchanged, moved and edited, moved to another section', async () => {
    const {relations} = await runFixture('moved-paragraphs')
    const [scope, reporting] = relations
    // Scope: two paragraphs swapped (one stays, one moved), one left for Reporting.
    expect(scope!.blocks.map((b) => [b.op, b.text.slice(0, 11), b.movedTo?.section ?? null])).toEqual([
      ['deleted', 'This policy', 'scope'],
      ['equal', 'Reports are', null],
      ['deleted', 'Data is ret', 'reporting'],
      ['moved', 'This policy', null]
    ])
    expect(scope!.blocks[2]!.movedTo).toEqual({section: 'reporting', block: 2, page: null})
    expect(scope!.stats).toEqual({wordsAdded: 0, wordsRemoved: 0, wordsUnchanged: 25, paragraphsMoved: 1})

    expect(reporting!.blocks.map((b) => [b.op, b.text.slice(0, 11)])).toEqual([
      ['moved', 'Contractors'],
      ['equal', 'Incidents m'],
      ['moved', 'Data is ret'],
      ['changed', 'The securit'],
      ['deleted', 'Contractors']
    ])
    const arrived = reporting!.blocks.find((b) => b.op === 'moved' && b.text.startsWith('Data'))!
    expect(arrived.old).toEqual({section: 'scope', block: 2, page: null})
    expect(arrived.tokens).toBeUndefined()
    const edited = reporting!.blocks.find((b) => b.op === 'moved' && b.text.startsWith('Contractors'))!
    expect(edited.old).toEqual({section: 'reporting', block: 2, page: null})
    expect(edited.tokens).toContainEqual(['-', 'when'])
    expect(edited.tokens).toContainEqual(['+', 'whenever'])
    expect(reporting!.stats.paragraphsMoved).toBe(2)
  })
})

describe('noise classes', () => {
  test('renumbering, year bump and figure update are told apart from real edits', async () => {
    const {relations} = await runFixture('noise-classes')
    const blocks = relations[0]!.blocks
    const noise = (start: string) => blocks.find((b) => b.text.startsWith(start))!
    expect(noise('Section 4.3')).toMatchObject({op: 'changed', noise: 'renumbering'})
    expect(noise('§ 13')).toMatchObject({op: 'changed', noise: 'renumbering'})
    expect(noise('The budget')).toMatchObject({op: 'changed', noise: 'figure-update'})
    expect(noise('This report')).toMatchObject({op: 'changed', noise: 'year-bump'})
    expect(noise('The committee')).toMatchObject({op: 'changed', noise: null})
    expect(noise('Members')).toMatchObject({op: 'equal', noise: null})
  })

  test('ignoreNumbers makes figure and year changes disappear', async () => {
    const old = await loadEdition(path.join(fixtures, 'noise-classes', 'old.md'))
    const neu = await loadEdition(path.join(fixtures, 'noise-classes', 'new.md'))
    const {relations} = diffRelations(pairInOrder(old, neu), {ignoreNumbers: true})
    const ops = relations[0]!.blocks.map((b) => b.op)
    expect(ops).toEqual(['equal', 'equal', 'equal', 'equal', 'changed', 'equal'])
  })
})

describe('Korean', () => {
  test('a particle change marks the particle only', async () => {
    const {relations} = await runFixture('korean-particles')
    const [first, second] = relations[0]!.blocks
    expect(first!.tokens).toEqual([
      ['=', '정부는 한반도'],
      ['-', '의'],
      ['+', '에서'],
      ['=', ' 평화를 위해 계속 노력합니다.']
    ])
    expect(second!.tokens).toEqual([
      ['=', '국민의 안전을 최우선으로 '],
      ['-', '생각'],
      ['+', '고려'],
      ['=', '합니다.']
    ])
  })
})

describe('rewritten', () => {
  test('a section whose paragraphs all changed is one rewritten block with both texts', async () => {
    const {relations} = await runFixture('rewritten-section')
    const blocks = relations[0]!.blocks
    expect(blocks).toHaveLength(1)
    expect(blocks[0]).toMatchObject({op: 'rewritten'})
    expect(blocks[0]!.oldText).toMatch(/^The economy grew slowly[\s\S]*faster than expected\.$/u)
    expect(blocks[0]!.text).toMatch(/^Our priorities[\s\S]*twice yearly\.$/u)
    expect(relations[0]!.measures.edit).toBeLessThan(0.2)
  })

  test('a paragraph beyond the edit budget is rewritten, never empty', () => {
    const a = `${Array.from({length: 300}, (_, i) => `alpha${i}`).join(' ')} shared words stay here`
    const b = `${Array.from({length: 300}, (_, i) => `beta${i}`).join(' ')} shared words stay here`
    const result = diffRelations([{old: [sectionOf('s', [a])], new: [sectionOf('s', [b])]}], {maxEditLength: 50, changedThreshold: 0})
    const block = result.relations[0]!.blocks[0]!
    expect(block.op).toBe('rewritten')
    expect(block.oldText).toBe(a)
    expect(block.text).toBe(b)
    expect(result.messages.map((m) => m.code)).toContain('word-diff-skipped')
  })
})

describe('statistics across relations', () => {
  test('words a paragraph lost on its way to an added section count as removed where it left, not in the added section', () => {
    const before = 'Operators review every deployment manifest against the policy baseline before it reaches the production cluster today.'
    const after = 'Operators review every deployment manifest against the signed policy baseline before it reaches any cluster.'
    const result = diffRelations([
      {old: [sectionOf('old-home', [before])], new: []},
      {old: [], new: [sectionOf('deploy', [after])]}
    ])
    const [removed, added] = result.relations
    expect(added!.blocks.map((b) => b.op)).toEqual(['moved'])
    expect(added!.stats).toEqual({wordsAdded: 2, wordsRemoved: 0, wordsUnchanged: 13, paragraphsMoved: 1})
    expect(removed!.stats).toEqual({wordsAdded: 0, wordsRemoved: 3, wordsUnchanged: 0, paragraphsMoved: 0})
  })
})

describe('similarity measures', () => {
  test('a section whose paragraphs were joined into one keeps a high edit similarity (was 0: joined text counted deleted and inserted)', () => {
    const paragraphs = [
      'Security concerns within this landscape are complex because of the many moving parts of cloud native systems.',
      'These paradigm shifts require the adoption of increased automation across the whole development lifecycle.',
      'Cloud native development can be modeled in distinct phases that together form the application lifecycle.',
      'It is critical to note that without perpetual education and training the practices will not be adopted.'
    ]
    const joined = paragraphs.join(' ').replace('many moving parts', 'many parts').replace('perpetual education', 'continuous education')
    const {relations} = diffRelations([{old: [sectionOf('problem', paragraphs)], new: [sectionOf('problem', [joined])]}])
    const {stats, measures} = relations[0]!
    // The paragraph-by-paragraph count cannot see the joined paragraphs' words as kept.
    expect(stats.wordsRemoved + stats.wordsAdded).toBeGreaterThan(40)
    expect(measures.edit).toBeGreaterThan(0.9)
    expect(measures.simple).toBeGreaterThan(0.9)
  })
})

describe('a paragraph moved word for word', () => {
  test('goes where its twin is, though an edited paragraph in its old place resembles it', () => {
    const kept = 'Scope covers every office and every contractor of the firm.'
    const moved = 'Backups run nightly and are kept for thirty days in two regions.'
    // Shares half its words with the moved paragraph: alone, it would be taken for its edit in place.
    const rewritten = 'Backups run weekly and are kept for ninety days offline.'
    const other = 'Incidents are reported to the security team within one day.'
    const result = diffRelations([
      {old: [sectionOf('a', [kept, moved])], new: [sectionOf('a', [kept, rewritten])]},
      {old: [sectionOf('b', [other])], new: [sectionOf('b', [other, moved])]}
    ])
    const [a, b] = result.relations
    expect(a!.blocks.map((x) => [x.op, x.movedTo?.section ?? null])).toEqual([
      ['equal', null],
      ['deleted', 'b'],
      ['inserted', null]
    ])
    expect(b!.blocks.map((x) => [x.op, x.old?.section ?? null])).toEqual([
      ['equal', 'b'],
      ['moved', 'a']
    ])
  })
})

describe('edge cases', () => {
  test('added and removed relations, empty input', () => {
    expect(diffRelations([])).toEqual({relations: [], measures: {cosine: 1, jaccard: 1, edit: 1, simple: 1}, messages: []})
  })
})
