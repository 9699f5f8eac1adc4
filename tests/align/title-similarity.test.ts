import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {alignSections} from '../../src/align/align-sections.js'
import {titleSimilarity, toTitleKey} from '../../src/align/title-similarity.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures/align/openchain-goals-ja')
const load = async (file: string): Promise<Edition> =>
  (await ingestEdition(new Uint8Array(readFileSync(path.join(fixtures, file))), {file: path.join(fixtures, file)})).edition

describe('title similarity in unspaced and particle-bearing scripts', () => {
  it('counts the words Japanese titles share, not their runs between spaces', () => {
    const old = toTitleKey('FOSS コンテンツ ドキュメントとコンプライアンス関連資料の頒布', 'ja')
    const next = toTitleKey('コンプライアンス関連資料の作成と頒布', 'ja')
    // (ICU cuts コンプライアンス into コン|プライア|ン|ス, the same way in both titles.)
    expect([...next.tokens]).toEqual(expect.arrayContaining(['関連', '資料', '作成', '頒布']))
    expect(next.tokens.has('の')).toBe(false)
    expect(titleSimilarity(old, next)).toBeGreaterThan(0.5)
  })

  it('leaves Korean particles out of title words', () => {
    const key = toTitleKey('오픈소스 커뮤니티 참여에 대한 이해', 'ko')
    expect(key.tokens.has('참여')).toBe(true)
    expect(key.tokens.has('참여에')).toBe(false)
  })

  it('keeps spaced languages split at spaces', () => {
    expect([...toTitleKey('Broken Object Level Authorization', 'en').tokens]).toEqual(['broken', 'object', 'level', 'authorization'])
  })

  it('pairs OpenChain 1.2 goal 4 with 2.0 goal 4.0 in Japanese, its text rewritten and its title reworded', async () => {
    const [old, next] = [await load('1.2.ja.md'), await load('2.0.ja.md')]
    const relation = alignSections(old, next).relations.find((r) => r.new.some((id) => id.startsWith('4-0-')))!
    expect(relation.kind).toBe('matched')
    expect(relation.old).toHaveLength(1)
    expect(relation.old[0]).toMatch(/^ゴール-4-/u)
    expect(relation.evidence.title).toBeGreaterThan(0.5)
  })
})
