import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {alignSections} from '../../src/align/align-sections.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures/align/openchain-goal-3-ko')
const load = async (file: string): Promise<Edition> =>
  (await ingestEdition(new Uint8Array(readFileSync(path.join(fixtures, file))), {file: path.join(fixtures, file)})).edition
const partnerOf = (relations: ReturnType<typeof alignSections>['relations'], newId: RegExp): string[] =>
  relations.find((r) => r.new.some((id) => newId.test(id)))?.old ?? []

describe('pairs that cross levels both ways (OpenChain 1.2 → 2.0, Korean)', () => {
  it('pair the goal with the goal and the requirement with the requirement', async () => {
    const relations = alignSections(await load('1.2.ko.md'), await load('2.0.ko.md')).relations
    // 3.0 is goal 3, not its requirement 3.2; 2.0's 3.2 is 1.2's 3.2.
    expect(partnerOf(relations, /^3-0-[^/]*$/u)).toEqual([expect.stringMatching(/^목표-3-[^/]*$/u)])
    expect(partnerOf(relations, /\/3-2-라이선스-컴플라이언스$/u)).toEqual([
      expect.stringMatching(/목표-3-[^/]*\/3-2-foss-관리-프로그램은/u)
    ])
    // Every goal goes on as the goal of its number, never as a requirement.
    for (const goal of ['1', '2', '3', '4', '5', '6'])
      expect(partnerOf(relations, new RegExp(`^${goal}-0-[^/]*$`, 'u'))).toEqual([
        expect.stringMatching(new RegExp(`^목표-${goal}-[^/]*$`, 'u'))
      ])
  })
})
