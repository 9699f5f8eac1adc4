import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {alignSections} from '../../src/align/align-sections.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures/align/openchain-goals-ja')
const load = async (file: string): Promise<Edition> =>
  (await ingestEdition(new Uint8Array(readFileSync(path.join(fixtures, file))), {file: path.join(fixtures, file)})).edition

describe('leftovers in the same place between paired siblings (OpenChain 1.2 → 2.0, Japanese)', () => {
  it('pairs goals 1 and 2, rewritten and retitled, each the other’s most similar sibling', async () => {
    const [old, next] = [await load('1.2.ja.md'), await load('2.0.ja.md')]
    const relations = alignSections(old, next).relations
    for (const goal of ['1', '2']) {
      const relation = relations.find((r) => r.new.some((id) => id.startsWith(`${goal}-0-`)))!
      expect(relation.kind).toBe('matched')
      expect(relation.old).toHaveLength(1)
      expect(relation.old[0]).toMatch(new RegExp(`^ゴール-${goal}-`, 'u'))
      // Too little alike for a pair on content or title: the place made it, and it stays doubtful.
      expect(relation.similarity).toBeLessThan(0.3)
      expect(relation.evidence.doubtful).toBe(true)
    }
    // Every goal of 1.2 ends in a relation with its goal of 2.0.
    for (const goal of ['1', '2', '3', '4', '5', '6']) {
      const relation = relations.find((r) => r.new.some((id) => id.startsWith(`${goal}-0-`)))!
      expect(relation.old.some((id) => id.startsWith(`ゴール-${goal}-`))).toBe(true)
    }
  })
})

describe('leftovers that kept their number in a gap that gained sections (OpenChain 1.2 → 2.0, Korean)', () => {
  const korean = path.resolve(import.meta.dirname, '../fixtures/align/openchain-goal-3-ko')
  const loadKorean = async (file: string): Promise<Edition> =>
    (await ingestEdition(new Uint8Array(readFileSync(path.join(korean, file))), {file: path.join(korean, file)})).edition

  it('pairs requirement 1.1 with 1.1 of the goal paired in place before it, and leaves the rest added', async () => {
    const relations = alignSections(await loadKorean('1.2.ko.md'), await loadKorean('2.0.ko.md')).relations
    const policy = relations.find((r) => r.new.some((id) => id.endsWith('/1-1-정책')))!
    expect(policy.kind).toBe('matched')
    expect(policy.old).toEqual([expect.stringMatching(/목표-1-[^/]*\/1-1-[^/]*$/u)])
    // Goal 1 itself was paired in place (too little alike otherwise): its requirement is found one round later.
    expect(relations.find((r) => r.new.some((id) => /^1-0-[^/]*$/u.test(id)))!.old).toEqual([expect.stringMatching(/목표-1-[^/]*$/u)])
    // 1.2 역량 and 1.4 have no number of 1.2 and resemble nothing there.
    for (const added of ['/1-2-역량', '/1-4-프로그램-적용-범위'])
      expect(relations.find((r) => r.new.some((id) => id.endsWith(added)))!.kind).toBe('added')
  })
})
