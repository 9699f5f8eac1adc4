import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {alignSections} from '../../src/align/align-sections.js'
import {cues, extractDeclarations, holdsCue} from '../../src/align/extract-declarations.js'
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

  it('reads the cue words of translated editions (French, Portuguese, Indonesian)', () => {
    const old = makeEdition([
      ['1 Excessive Data Exposure', ['Old text.']],
      ['2 Mass Assignment', ['Old text.']]
    ])
    for (const sentence of [
      "Nous avons combiné l'Excessive Data Exposure et le Mass Assignment.",
      'Combinámos Excessive Data Exposure e Mass Assignment.',
      'Kami menggabungkan Excessive Data Exposure dan Mass Assignment.'
    ]) {
      const next = makeEdition([
        ['1 Notes', [sentence]],
        ['2 Object Property Authorization', ['New text.']]
      ])
      const {old: olds, new: news} = profileSections(old, next)
      expect(extractDeclarations(olds, news).map((d) => [d.kind, d.old])).toEqual([['merged', [0, 1]]])
    }
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

describe('holdsCue', () => {
  // Words of the cues and their near misses, joined by what does and does not end a word, including
  // the two letters the `iu` flags fold onto ASCII (ſ for s, the Kelvin sign for k).
  const pieces = [
    'renamed',
    'unrenamed',
    'formerly',
    'previously known as',
    'previouſly',
    'known',
    'merged',
    'emerged',
    'combined',
    'combinée',
    'now part of',
    'now a part of',
    'replaces',
    'replaced by',
    'supersedes',
    'ſupersedes',
    'new in this',
    'new in v2',
    'renew in v2',
    'new section',
    'new sections',
    'we added',
    'previously \u212Anown as',
    'digabungkan',
    'digabung\u212Aan',
    '\u017F',
    '통합',
    '統合',
    '新規',
    'x',
    '_',
    '1',
    'é',
    ' ',
    '-',
    '.',
    '(',
    '\n'
  ]
  const text = fc.array(fc.constantFrom(...pieces), {maxLength: 8}).map((parts) => parts.join(''))

  it('says what each cue pattern says, on text with and without cue words', () => {
    fc.assert(
      fc.property(text, (sample) => {
        for (const cue of cues) expect(holdsCue(cue, sample)).toBe(cue.pattern.test(sample))
      }),
      {numRuns: 2000}
    )
    // Each cue is met, and a word boundary still decides.
    expect(cues.map((cue) => holdsCue(cue, 'It was renamed, merged, replaces it; new section.'))).toEqual([true, true, true, true])
    expect(cues.map((cue) => holdsCue(cue, 'Unrenamed, emerged, unreplaces it; renew sections.'))).toEqual([false, false, false, false])
  })
})

describe('declarations pair sections', () => {
  const words = (prefix: string, n: number) => Array.from({length: n}, (_, i) => `${prefix}${String.fromCharCode(97 + (i % 26))}${i}`)
  const text = (list: string[]) => `${list.join(' ')}.`
  const session = words('sess', 40)
  const auth = words('auth', 40)
  const vulnerable = words('vuln', 40)
  const logging = words('logg', 40)
  const old = makeEdition([
    ['A1 Session Management', [text(session)]],
    ['A2 Broken Authentication', [text(auth)]],
    ['A3 Vulnerable Components', [text(vulnerable)]],
    ['A4 Security Logging', [text(logging)]]
  ])
  // Each rewritten: a few words of the old text kept in a new text, too few for any pair or containment.
  const next = (declare: boolean) =>
    makeEdition([
      [
        '1 Introduction',
        declare
          ? [
              'In this edition we merged Session Management and Broken Authentication into one category. Vulnerable Components was renamed Supply Chain Failures.'
            ]
          : ['In this edition some categories changed.']
      ],
      ['2 Identity Failures', [text([...session.slice(0, 5), ...auth.slice(0, 5), ...words('iden', 40)])]],
      ['3 Supply Chain Failures', [text(words('supp', 40))]],
      ['4 Security Logging', [text(logging)]]
    ])
  const shape = (declare: boolean) =>
    alignSections(old, next(declare))
      .relations.filter((r) => r.old.length > 0 || r.new[0] !== '1-introduction')
      .map((r) => [r.kind, r.old, r.new, r.evidence.decidedBy.includes('declared'), r.evidence.doubtful])

  it('gathers a declared merge into the new section most like its parts, and pairs a declared rename', () => {
    expect(shape(true)).toEqual([
      ['merged', ['a1-session-management', 'a2-broken-authentication'], ['2-identity-failures'], true, false],
      ['matched', ['a3-vulnerable-components'], ['3-supply-chain-failures'], true, false],
      ['matched', ['a4-security-logging'], ['4-security-logging'], false, false]
    ])
  })

  it('without the declaration, the same sections stay removed and added', () => {
    const kinds = shape(false).map(([kind]) => kind)
    expect(kinds.filter((k) => k === 'removed')).toHaveLength(3)
    expect(kinds.filter((k) => k === 'added')).toHaveLength(2)
  })
})
