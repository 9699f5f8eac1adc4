import {describe, expect, it} from 'vitest'
import {alignSections} from '../../src/align/align-sections.js'
import {extractDeclarations} from '../../src/align/extract-declarations.js'
import {profileSections} from '../../src/align/profile-sections.js'
import {loadCorpusEdition, makeEdition} from './load-corpus.js'

describe('extractDeclarations', () => {
  it('resolves what the OWASP API 2023 edition says about its changes to the sections it names', async () => {
    const [old, next] = [
      await loadCorpusEdition('owasp-api-security-top10', '2019.en.md'),
      await loadCorpusEdition('owasp-api-security-top10', '2023.en.md')
    ]
    const alignment = alignSections(old, next)
    const merged = alignment.relations.find((r) => r.kind === 'merged')!
    expect(merged.old).toEqual(['api3-2019-excessive-data-exposure', 'api6-2019-mass-assignment'])
    expect(merged.evidence.decidedBy[0]).toBe('declared')
    expect(merged.evidence.declared?.kind).toBe('merged')
    expect(merged.evidence.declared?.sentence).toContain("We've combined Excessive Data Exposure and Mass Assignment")
    expect(merged.evidence.doubtful).toBe(false)
    const declaredNew = alignment.relations.filter((r) => r.kind === 'added' && r.evidence.declared?.kind === 'new').flatMap((r) => r.new)
    expect(declaredNew).toEqual(['api6-2023-unrestricted-access-to-sensitive-business-flows', 'api10-2023-unsafe-consumption-of-apis'])
  })

  it('reads Japanese cue words and names sections by their titles', () => {
    const old = makeEdition(
      [
        ['1 セッション管理', ['セッションの有効期限を設定する。']],
        ['2 認証の不備', ['パスワードを適切に保存する。']]
      ],
      {language: 'ja'}
    )
    const next = makeEdition(
      [
        ['1 はじめに', ['本版では「セッション管理」と「認証の不備」を統合した。']],
        ['2 認証とセッション', ['パスワードとセッションを守る。']]
      ],
      {language: 'ja'}
    )
    const {old: olds, new: news} = profileSections(old, next)
    const declarations = extractDeclarations(olds, news)
    expect(declarations).toEqual([
      {kind: 'merged', sentence: '本版では「セッション管理」と「認証の不備」を統合した。', old: [0, 1], new: []}
    ])
  })

  it('takes no sentence naming nothing, nor a contents listing naming everything', () => {
    const titles = ['Deploy Phase', 'Runtime Phase', 'Storage Layer', 'Access Control', 'Compute Nodes']
    const old = makeEdition(titles.map((t) => [t, [`About ${t.toLowerCase()}.`]]))
    const next = makeEdition([
      ['Preface', [`None of the projects replaces another. New in this version: ${titles.join(', ')}.`]],
      ...titles.map((t): [string, string[]] => [t, [`About ${t.toLowerCase()}.`]])
    ])
    const {old: olds, new: news} = profileSections(old, next)
    expect(extractDeclarations(olds, news)).toEqual([])
  })
})
