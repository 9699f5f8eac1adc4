import {readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {alignSections, type AlignedRelation} from '../../src/align/align-sections.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures/align/owasp-api-renamed-fr')
const load = async (file: string): Promise<Edition> =>
  (await ingestEdition(new Uint8Array(readFileSync(path.join(fixtures, file))), {file: path.join(fixtures, file)})).edition

const api4 = {old: 'api4-2019-lack-of-resources-rate-limiting', new: 'api4-2023-unrestricted-resource-consumption'}
const api10 = {old: 'api10-2019-insufficient-logging-monitoring', new: 'api10-2023-unsafe-consumption-of-apis'}

describe('a category renamed and rewritten under its kept code (OWASP API 2019 → 2023, French)', () => {
  let old: Edition
  let next: Edition
  let relations: AlignedRelation[]
  beforeAll(async () => {
    ;[old, next] = [await load('2019.fr.md'), await load('2023.fr.md')]
    relations = alignSections(old, next).relations
  })
  const holding = (id: string): AlignedRelation => relations.find((r) => r.old.includes(id) || r.new.includes(id))!

  it('pairs API4 "Lack of Resources & Rate Limiting" with API4 "Unrestricted Resource Consumption", as the publisher maps it', () => {
    const relation = holding(api4.old)
    expect(relation.kind).toBe('matched')
    expect(relation.new).toEqual([api4.new])
    // Too little alike for a pair on content: the kept code and distinctive resemblance made it.
    expect(relation.similarity).toBeLessThan(0.3)
    expect(relation.evidence.decidedBy).toContain('code')
    expect(relation.evidence.code).toEqual({old: 'API4:2019', new: 'API4:2023'})
    expect(relation.evidence.doubtful).toBe(true)
  })

  it('pairs the generic sub-sections of API4 inside the pair', () => {
    const prevent = holding(`${api4.old}/comment-s-en-prémunir`)
    expect(prevent.kind).toBe('matched')
    expect(prevent.new).toEqual([`${api4.new}/comment-s-en-prémunir`])
  })

  it('leaves API10, removed and replaced by another category under the same code, unpaired', () => {
    expect(holding(api10.old).kind).toBe('removed')
    expect(holding(api10.new).kind).toBe('added')
  })

  it('finds the same pair comparing the editions the other way round', () => {
    const backward = alignSections(next, old).relations.find((r) => r.new.includes(api4.old))!
    expect(backward.kind).toBe('matched')
    expect(backward.old).toEqual([api4.new])
  })
})
