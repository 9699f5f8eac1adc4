import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {alignSections, type Alignment} from '../../src/align/align-sections.js'
import {createProfileCache} from '../../src/align/profile-sections.js'
import {listAlignableSections} from '../../src/align/list-alignable-sections.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'
import {corporaDir} from '../support/corpora.js'
import {loadCorpusPool} from '../support/synthetic-editions.js'
import {loadCorpusEdition, makeEdition, type Spec} from './load-corpus.js'

/** Every alignable section of each edition appears in exactly one relation. */
function expectCoverage(alignment: Alignment, old: Edition, next: Edition): void {
  const count = (ids: string[]): Map<string, number> => {
    const map = new Map<string, number>()
    for (const id of ids) map.set(id, (map.get(id) ?? 0) + 1)
    return map
  }
  const oldSeen = count(alignment.relations.flatMap((r) => r.old))
  const newSeen = count(alignment.relations.flatMap((r) => r.new))
  expect([...oldSeen.keys()].sort()).toEqual(
    listAlignableSections(old)
      .map((f) => f.section.id)
      .sort()
  )
  expect([...newSeen.keys()].sort()).toEqual(
    listAlignableSections(next)
      .map((f) => f.section.id)
      .sort()
  )
  expect([...oldSeen.values(), ...newSeen.values()].every((n) => n === 1)).toBe(true)
}

const relationOf = (alignment: Alignment, oldPrefix: string): Alignment['relations'][number] | undefined =>
  alignment.relations.find((r) => r.old.some((id) => id === oldPrefix))

/** The id of the section of `edition` whose heading (or title) is `name`. */
const idOf = (edition: Edition, name: string, by: 'heading' | 'title' = 'heading'): string =>
  listAlignableSections(edition).find((f) => f.section[by] === name)!.section.id

/** Two editions of a series of `tests/fixtures/corpora` and their alignment. */
async function alignCorpusPair(
  series: string,
  oldFile: string,
  newFile: string
): Promise<{old: Edition; next: Edition; alignment: Alignment}> {
  const [old, next] = [await loadCorpusEdition(series, oldFile), await loadCorpusEdition(series, newFile)]
  return {old, next, alignment: alignSections(old, next)}
}

/** The headings (or titles) of the sections of `edition` with these ids. */
const namesOf = (edition: Edition, ids: string[], by: 'heading' | 'title' = 'heading'): string[] =>
  ids.map((id) => listAlignableSections(edition).find((f) => f.section.id === id)!.section[by])

describe('OWASP API Security Top 10, 2019 → 2023 (the publisher’s own mapping)', () => {
  let old: Edition
  let next: Edition
  let alignment: Alignment
  beforeAll(async () => void ({old, next, alignment} = await alignCorpusPair('owasp-api-security-top10', '2019.en.md', '2023.en.md')))

  // From the 2023 edition's Release Notes and risk table: API3:2019 + API6:2019 were combined into
  // API3:2023; API4 became "Unrestricted Resource Consumption"; API6:2023, API7:2023 and API10:2023
  // are new; API7:2019 is now API8:2023; API8:2019 (Injection) and API10:2019 (Logging) left the list.
  const mapping: [string[], string[]][] = [
    [['API1:2019'], ['API1:2023']],
    [['API2:2019'], ['API2:2023']],
    [['API3:2019', 'API6:2019'], ['API3:2023']],
    [['API4:2019'], ['API4:2023']],
    [['API5:2019'], ['API5:2023']],
    [[], ['API6:2023']],
    [[], ['API7:2023']],
    [['API7:2019'], ['API8:2023']],
    [['API8:2019'], []],
    [['API9:2019'], ['API9:2023']],
    [['API10:2019'], []],
    [[], ['API10:2023']]
  ]

  it('maps the ten categories exactly as the publisher did (F1 = 1.0)', () => {
    const category = /^(API\d+:\d{4})/
    const label = (edition: Edition, id: string): string | null => category.exec(namesOf(edition, [id])[0]!)?.[1] ?? null
    const found = alignment.relations
      .map((r): [string[], string[]] => [
        r.old.map((id) => label(old, id)).filter((x) => x !== null),
        r.new.map((id) => label(next, id)).filter((x) => x !== null)
      ])
      .filter(([a, b]) => a.length + b.length > 0)
      .map(([a, b]) => JSON.stringify([a, b]))
      .sort()
    expect(found).toEqual(mapping.map((m) => JSON.stringify(m)).sort())
    const merge = alignment.relations.find((r) => r.kind === 'merged')!
    expect(merge.old).toEqual(['api3-2019-excessive-data-exposure', 'api6-2019-mass-assignment'])
    expect(merge.new).toEqual(['api3-2023-broken-object-property-level-authorization'])
    expect(relationOf(alignment, 'api2-2019-broken-user-authentication')!.flags).toContain('renamed')
    expect(relationOf(alignment, 'api7-2019-security-misconfiguration')!.flags).toContain('renumbered')
  })

  it('pairs generic subsections only inside their matched category', () => {
    for (const r of alignment.relations) {
      if (r.kind !== 'matched') continue
      const top = (id: string): string => id.split('/')[0]!
      const oldTop = top(r.old[0]!)
      const newTop = top(r.new[0]!)
      if (!oldTop.startsWith('api') || oldTop === r.old[0]) continue
      expect(relationOf(alignment, oldTop)?.new).toContain(newTop)
    }
    for (const sub of ['how-to-prevent', 'is-the-api-vulnerable', 'example-attack-scenarios', 'references'])
      expect(relationOf(alignment, `api1-2019-broken-object-level-authorization/${sub}`)!.new).toEqual([
        `api1-2023-broken-object-level-authorization/${sub}`
      ])
  })

  it('covers every section exactly once and orders relations by the new edition', () => {
    expectCoverage(alignment, old, next)
    const newOrder = new Map(listAlignableSections(next).map((f, i) => [f.section.id, i]))
    const firsts = alignment.relations.filter((r) => r.new.length > 0).map((r) => newOrder.get(r.new[0]!)!)
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b))
  })

  it('is deterministic', () => {
    expect(JSON.stringify(alignSections(old, next))).toBe(JSON.stringify(alignment))
  })
})

describe('CNCF Cloud Native Security Whitepaper, v1 (2020) → v2 (2022)', () => {
  let alignment: Alignment
  let old: Edition
  let next: Edition
  beforeAll(
    async () =>
      void ({old, next, alignment} = await alignCorpusPair('cncf-cloud-native-security-whitepaper', 'v1-2020.en.md', 'v2-2022.en.md'))
  )
  const byNewHeading = (heading: string) => {
    const id = idOf(next, heading)
    return alignment.relations.find((r) => r.new.includes(id))!
  }
  const headingOf = (id: string): string => namesOf(old, [id])[0]!

  it('covers every section exactly once', () => expectCoverage(alignment, old, next))

  // Checked by reading both editions: v2 nests the same chapters one level deeper in places
  // (Lifecycle Phases, Orchestration…), renames "Detection at Runtime" and "Response & Investigation",
  // and marks its new sections "(New in v2)".
  it('pairs the chapters kept from v1, whatever their level', () => {
    for (const heading of [
      'Executive Summary',
      'Introduction',
      'Cloud Native Layers',
      'Security Assurance',
      'Storage Encryption',
      'Threat Modeling'
    ])
      expect(byNewHeading(heading).old.map(headingOf)).toEqual([heading])
  })

  it('finds that v2 folded v1’s "Security Benchmarks" into "Compliance"', () => {
    // v2's Compliance opens with v1's Security Benchmarks paragraph, lightly reworded.
    const r = byNewHeading('Compliance')
    expect([r.kind, r.old.map(headingOf)]).toEqual(['merged', ['Security Benchmarks', 'Compliance']])
  })

  it('finds the renamed sections', () => {
    expect(byNewHeading('Runtime Detection').old.map(headingOf)).toEqual(['Detection at Runtime'])
    expect(byNewHeading('Incident Response & Mitigation').old.map(headingOf)).toEqual(['Response & Investigation'])
  })

  it('reports the sections marked "New in v2" as added', () => {
    const added = listAlignableSections(next).filter((f) => /New in v2/.test(f.section.heading))
    expect(added.length).toBeGreaterThan(5)
    for (const f of added) {
      const r = alignment.relations.find((x) => x.new.includes(f.section.id))!
      if (f.section.heading.startsWith('Security Stack')) continue // v1 had a "Security Stack" section; v2 rewrote it
      expect([r.kind, f.section.heading]).toEqual(['added', f.section.heading])
    }
  })
})

describe('CISA SCuBA Entra ID baseline, v0.1.0 (2022) → v1.0.0 (2023)', () => {
  let alignment: Alignment
  let old: Edition
  let next: Edition
  beforeAll(
    async () =>
      void ({old, next, alignment} = await alignCorpusPair(
        'cisa-scuba-m365-baselines',
        'aad-v0.1.0-2022-10-20.md',
        'aad-v1.0.0-2023-12-13.md'
      ))
  )

  it('covers every section exactly once', () => expectCoverage(alignment, old, next))

  // Checked by reading both editions: v1.0.0 turned "1. Introduction" (no text of its own) into an
  // unnumbered chapter named after the baseline, with an introduction of its own and the same
  // sections; the licence paragraph of "1.4 Resources" became "License Compliance and Copyright".
  it('pairs the introduction chapter by what it holds, and the licence paragraph where it went', () => {
    const of = (heading: string): string[][] => {
      const r = relationOf(alignment, idOf(old, heading))!
      return [[r.kind], namesOf(next, r.new)]
    }
    expect(of('1. Introduction')).toEqual([['matched'], ['CISA M365 Security Configuration Baseline for Azure Active Directory']])
    expect(of('1.4 Resources')).toEqual([['matched'], ['License Compliance and Copyright']])
    expect(of('1.1 Key Terminology')).toEqual([['matched'], ['Key Terminology']])
    expect(of('1.2 Assumptions')).toEqual([['matched'], ['Assumptions']])
  })
})

describe('CISA SCuBA Exchange Online baseline, v1.2.0 → v1.4.0', () => {
  let alignment: Alignment
  let old: Edition
  let next: Edition
  beforeAll(
    async () =>
      void ({old, next, alignment} = await alignCorpusPair(
        'cisa-scuba-m365-baselines',
        'exo-v1.2.0-2024-04-04.md',
        'exo-v1.4.0-2024-11-22.md'
      ))
  )
  const of = (title: string): unknown[] => {
    const r = relationOf(alignment, idOf(old, title, 'title'))!
    return [r.kind, namesOf(old, r.old, 'title'), namesOf(next, r.new, 'title')]
  }
  const added = (title: string): boolean => {
    const id = idOf(next, title, 'title')
    return alignment.relations.some((r) => r.kind === 'added' && r.new.includes(id))
  }

  it('covers every section exactly once', () => expectCoverage(alignment, old, next))

  // Checked by reading both editions: v1.4.0 re-versions policies 8.1 and 8.2 (v1 → v2) and adds 8.3
  // and 8.4, whose instructions repeat 8.1's and 8.2's word for word; it splits 14.1v1 ("A spam
  // filter SHALL be enabled. The filtering solution selected SHOULD offer…") into 14.1v2 and 14.4v1,
  // each with the same rationale.
  it('pairs each policy’s instructions with its next version, and reports the copies as added', () => {
    expect(of('MS.EXO.8.1v1 Instructions')).toEqual(['matched', ['MS.EXO.8.1v1 Instructions'], ['MS.EXO.8.1v2 Instructions']])
    expect(of('MS.EXO.8.2v1 Instructions')).toEqual(['matched', ['MS.EXO.8.2v1 Instructions'], ['MS.EXO.8.2v2 Instructions']])
    expect(of('MS.EXO.14.1v1 Instructions')).toEqual(['matched', ['MS.EXO.14.1v1 Instructions'], ['MS.EXO.14.1v2 Instructions']])
    for (const title of ['MS.EXO.8.3v1 Instructions', 'MS.EXO.8.4v1 Instructions', 'MS.EXO.14.4v1 Instructions'])
      expect([title, added(title)]).toEqual([title, true])
  })

  it('finds the policy that was split in two', () => {
    expect(of('MS.EXO.14.1v1')).toEqual(['split', ['MS.EXO.14.1v1'], ['MS.EXO.14.1v2', 'MS.EXO.14.4v1']])
  })

  it('says which old instructions each added copy repeats', () => {
    const homes = alignment.relations
      .filter((r) => r.kind === 'added' && r.foundIn)
      .map((r) => [namesOf(next, r.new, 'title')[0], namesOf(old, [r.foundIn!.id], 'title')[0], r.foundIn!.share])
    expect(homes).toEqual([
      ['MS.EXO.8.3v1 Instructions', 'MS.EXO.8.1v1 Instructions', 1],
      ['MS.EXO.8.4v1 Instructions', 'MS.EXO.8.2v1 Instructions', 1],
      ['MS.EXO.9.4v1 Instructions', 'MS.EXO.9.3v1 Instructions', 1],
      ['MS.EXO.9.5v1 Instructions', 'MS.EXO.9.3v1 Instructions', 1],
      ['MS.EXO.14.4v1 Instructions', 'MS.EXO.14.1v1 Instructions', 1]
    ])
    // The new policies themselves are new text: no home.
    expect(alignment.relations.find((r) => r.new.includes(idOf(next, 'MS.EXO.8.3v1', 'title')))?.foundIn).toBeUndefined()
  })
})

describe('alignSections on hand-built editions', () => {
  // Real sentences from the corpora, two per paragraph, a different pair for every topic and number.
  const pool = loadCorpusPool(corporaDir)
  const topics = new Map<string, number>()
  const para = (topic: string, n = 1): string => {
    const key = `${topic}/${n}`
    if (!topics.has(key)) topics.set(key, topics.size)
    const i = topics.get(key)! * 2
    return `${pool.sentences[i]} ${pool.sentences[i + 1]}`
  }

  it('finds a complete rename by its content', () => {
    const a = makeEdition([
      ['1 Sensitive Data Exposure', [para('encryption'), para('keys', 2)]],
      ['2 Logging', [para('logging')]]
    ])
    const b = makeEdition([
      ['1 Cryptographic Failures', [para('encryption'), para('keys', 2)]],
      ['2 Logging', [para('logging')]]
    ])
    const r = alignSections(a, b).relations[0]!
    expect([r.kind, r.flags, r.old, r.new]).toEqual(['matched', ['renamed'], ['1-sensitive-data-exposure'], ['1-cryptographic-failures']])
    expect(r.similarity).toBeGreaterThan(0.9)
  })

  it('finds a merge and a split by containment', () => {
    const a = makeEdition([
      ['Injection', [para('sql'), para('nosql', 2)]],
      ['Cross-Site Scripting', [para('xss'), para('dom', 3)]],
      ['Access', [para('roles'), para('tokens', 2), para('sessions', 3), para('audit', 4)]]
    ])
    const b = makeEdition([
      ['Injection', [para('sql'), para('nosql', 2), para('xss'), para('dom', 3)]],
      ['Roles', [para('roles'), para('tokens', 2)]],
      ['Sessions', [para('sessions', 3), para('audit', 4)]]
    ])
    const kinds = alignSections(a, b).relations.map((r) => [r.kind, r.old, r.new])
    expect(kinds).toEqual([
      ['merged', ['injection', 'cross-site-scripting'], ['injection']],
      ['split', ['access'], ['roles', 'sessions']]
    ])
  })

  it('does not call a section moved that only changed its heading level in its place; one that left its place is', () => {
    // A PDF read with one heading set a level too high, or an edition that raised a sub-section:
    // Security Policies stands where it stood, after Orchestration, under Runtime.
    const a = makeEdition([
      [
        'Runtime',
        [para('runtime')],
        [
          ['Compute', [para('compute')], [['Orchestration', [para('orchestration')], [['Security Policies', [para('policies')]]]]]],
          ['Storage', [para('storage')]]
        ]
      ],
      ['Access', [para('access')], [['Availability', [para('availability')]]]]
    ])
    const b = makeEdition([
      [
        'Runtime',
        [para('runtime')],
        [
          ['Compute', [para('compute')], [['Orchestration', [para('orchestration')]]]],
          ['Security Policies', [para('policies')]],
          ['Storage', [para('storage')]]
        ]
      ],
      ['Access', [para('access')], [['Availability', [para('availability')]]]]
    ])
    const flags = (heading: string): string[] => {
      const id = idOf(a, heading)
      return alignSections(a, b).relations.find((r) => r.old.includes(id))!.flags
    }
    expect(flags('Security Policies')).toEqual([])
    // Sunk back a level, the mirror image: in place too.
    const back = alignSections(b, a).relations.find((r) => r.old.includes(idOf(b, 'Security Policies')))!
    expect(back.flags).toEqual([])
    // Taken out of its place (after Storage now): moved.
    const c = makeEdition([
      [
        'Runtime',
        [para('runtime')],
        [
          ['Compute', [para('compute')], [['Orchestration', [para('orchestration')]]]],
          ['Storage', [para('storage')]],
          ['Security Policies', [para('policies')]]
        ]
      ],
      ['Access', [para('access')], [['Availability', [para('availability')]]]]
    ])
    expect(alignSections(a, c).relations.find((r) => r.old.includes(idOf(a, 'Security Policies')))!.flags).toEqual(['moved'])
  })

  it('reports a section that repeats another’s text as added, not split off it, and the mirror image as removed', () => {
    const a = makeEdition([
      ['Alpha', [para('steps')]],
      ['Beta', [para('beta')]]
    ])
    const b = makeEdition([
      ['Alpha', [para('steps')]],
      ['Beta', [para('beta')]],
      ['Gamma', [para('steps')]]
    ])
    const kinds = (x: Edition, y: Edition): unknown[] => alignSections(x, y).relations.map((r) => [r.kind, r.old, r.new])
    expect(kinds(a, b)).toEqual([
      ['matched', ['alpha'], ['alpha']],
      ['matched', ['beta'], ['beta']],
      ['added', [], ['gamma']]
    ])
    expect(kinds(b, a)).toEqual([
      ['matched', ['alpha'], ['alpha']],
      ['matched', ['beta'], ['beta']],
      ['removed', ['gamma'], []]
    ])
    // Where the copied text stands in the other edition, both ways.
    expect(alignSections(a, b).relations[2]!.foundIn).toEqual({id: 'alpha', share: 1})
    expect(alignSections(b, a).relations[2]!.foundIn).toEqual({id: 'alpha', share: 1})
  })

  it('places an added section’s text in the sub-section that holds it, not in the chapter above, and never in a long one', () => {
    const long = Array.from({length: 40}, (_, i) => para('long', i))
    const aside = 'The annex lists every control in full.'
    const big: Spec = [
      'Big',
      [],
      [
        [
          'T',
          [],
          [
            ['T1', [para('p1'), para('p2')]],
            ['T2', [para('p3')]]
          ]
        ],
        ['U', [aside, ...long.slice(0, 6)]]
      ]
    ]
    const group: Spec = ['Group', [], [['Only', [para('only')]]]]
    const a = makeEdition([big, group, ['Long', [...long, para('needle')]]])
    const b = makeEdition([
      big,
      group,
      ['Long', [...long, para('needle')]],
      [
        'S',
        [],
        [
          ['S1', [para('p1'), para('p2')]],
          ['S2', [para('p3'), aside]]
        ]
      ],
      ['Needle', [para('needle')]],
      ['Again', [para('only')]]
    ])
    const added = Object.fromEntries(
      alignSections(a, b)
        .relations.filter((r) => r.kind === 'added')
        .map((r) => [r.new[0], r.foundIn ?? null])
    )
    // All of S's text is in "Big", and nearly all of it in "T" alone (all but the line S2 took from
    // "U"): the smaller home is the telling one. Needle repeats a paragraph of "Long", which is
    // over twenty times longer: that alone says nothing.
    expect(added.s?.id).toBe('big/t')
    expect(added.s!.share).toBeGreaterThan(0.85)
    expect(added.s!.share).toBeLessThan(0.99)
    expect(added['s/s1']).toEqual({id: 'big/t/t1', share: 1})
    expect(added.needle).toBeNull()
    // "Group" holds Only's text in its subtree and nothing else: the section that holds it as its
    // own text is named, not the one above it.
    expect(added.again).toEqual({id: 'group/only', share: 1})
  })

  it('still finds a split whose parts both repeat the same boilerplate', () => {
    const rationale = para('rationale')
    const a = makeEdition([['Spam Filter', [para('filter'), para('third party'), rationale]]])
    const b = makeEdition([
      ['Spam Filter', [para('filter'), rationale]],
      ['Third-Party Filters', [para('third party'), rationale]]
    ])
    const relations = alignSections(a, b).relations.map((r) => [r.kind, r.old, r.new])
    expect(relations).toEqual([['split', ['spam-filter'], ['spam-filter', 'third-party-filters']]])
  })

  it('is level-insensitive: the same sections nested one level deeper still pair', () => {
    const leaves: Spec[] = [
      ['Alpha', [para('alpha')]],
      ['Beta', [para('beta')]],
      ['Gamma', [para('gamma')]]
    ]
    const a = makeEdition(leaves)
    const b = makeEdition([['Part One', [], leaves]])
    const relations = alignSections(a, b).relations
    expect(relations.filter((r) => r.kind === 'matched').map((r) => [r.old[0], r.new[0]])).toEqual([
      ['alpha', 'part-one/alpha'],
      ['beta', 'part-one/beta'],
      ['gamma', 'part-one/gamma']
    ])
    expect(relations.find((r) => r.kind === 'added')!.new).toEqual(['part-one'])
  })

  it('calls a title that only changed its year or date renumbered, not renamed', () => {
    const a = makeEdition([
      ['OWASP Top 10 Risks – 2019', [para('risks')]],
      ['Statement of 2016-07-27', [para('statement')]],
      ['Outlook 2019–2020', [para('outlook')]],
      ['Top 10', [para('top')]]
    ])
    const b = makeEdition([
      ['OWASP Top 10 Risks – 2023', [para('risks')]],
      ['Statement of 2016-09-21', [para('statement')]],
      ['Outlook 2020–21', [para('outlook')]],
      ['Top 25', [para('top')]]
    ])
    const flags = (x: Edition, y: Edition): string[][] => alignSections(x, y).relations.map((r) => r.flags)
    // A number that is not a year ("Top 10" → "Top 25") is a new name.
    expect(flags(a, b)).toEqual([['renumbered'], ['renumbered'], ['renumbered'], ['renamed']])
    expect(flags(b, a)).toEqual(flags(a, b))
  })

  it('does not call a number set in full-width forms renumbered (`1）` → `1)`, `２.１` → `2.1`)', async () => {
    const edition = async (text: string): Promise<Edition> =>
      (await ingestEdition(new TextEncoder().encode(text), {file: 'spec.ja.md'})).edition
    const body = 'オープンソースのライセンスを守るための要件を定める。'
    const a = await edition(`# 1）はじめに\n\n${body}\n\n## ２.１ 用語\n\n${body}用語。\n\n## 2.2 要件\n\n${body}要件。\n`)
    const b = await edition(`# 1) はじめに\n\n${body}\n\n## 2.1 用語\n\n${body}用語。\n\n## 2.3 要件\n\n${body}要件。\n`)
    const relations = alignSections(a, b).relations
    expect(relations.map((r) => [r.kind, r.flags])).toEqual([
      ['matched', []],
      ['matched', []],
      ['matched', ['renumbered']]
    ])
  })

  it('does not call a list number put before the same number renumbered (`제 1 절` → `1) 제 1 절` → `1)`)', async () => {
    // After OpenChain 1.0 → 1.1 → 2.0 ko (CC-BY-4.0): Word's numbered heading style put `1)` before the typed `제 1 절`, then the typed number went.
    const edition = async (text: string): Promise<Edition> =>
      (await ingestEdition(new TextEncoder().encode(text), {file: 'spec.ko.md'})).edition
    const body = '오픈소스 라이선스 컴플라이언스 프로그램의 핵심 요구사항을 정의한다.'
    const v1 = await edition(`# 제 1 절 소개\n\n${body}\n\n# 제 2 절 정의\n\n${body} 정의.\n\n# 제 3 절 요구사항\n\n${body} 요구.\n`)
    const v2 = await edition(
      `# 1) 제 1 절 소개\n\n${body}\n\n# 2) 제 2 절 정의\n\n${body} 정의.\n\n# 3) 제 4 절 요구사항\n\n${body} 요구.\n`
    )
    const v3 = await edition(`# 1) 소개\n\n${body}\n\n# 2) 정의\n\n${body} 정의.\n\n# 4) 요구사항\n\n${body} 요구.\n`)
    const flags = (x: Edition, y: Edition): string[][] => alignSections(x, y).relations.map((r) => r.flags)
    // `3) 제 4 절` is a new number all the same: the list number does not repeat it.
    expect(flags(v1, v2)).toEqual([[], [], ['renumbered']])
    expect(flags(v2, v3)).toEqual([[], [], ['renumbered']])
    expect(flags(v2, v1)).toEqual(flags(v1, v2))
  })

  it('calls a section whose number and title both changed renamed and renumbered (1.3 인지도 → 3.1.3 인식)', () => {
    const a = makeEdition([
      ['1.3 Awareness', [para('awareness')]],
      ['1.4 Scope', [para('scope')]]
    ])
    const b = makeEdition([
      ['3.1.3 Awareness of the programme', [para('awareness')]],
      ['1.4 Programme scope', [para('scope')]]
    ])
    // A year in the code beside a new title (API2:2019 → API2:2023) is no new number: traceLineages' OWASP test.
    expect(alignSections(a, b).relations.map((r) => r.flags)).toEqual([['renamed', 'renumbered'], ['renamed']])
    expect(alignSections(b, a).relations.map((r) => r.flags)).toEqual([['renamed', 'renumbered'], ['renamed']])
  })

  it('does not call a title renamed for its spaces beside punctuation or Japanese (`G1: FOSS に` → `G1：FOSS に`)', async () => {
    const edition = async (text: string): Promise<Edition> =>
      (await ingestEdition(new TextEncoder().encode(text), {file: 'spec.ja.md'})).edition
    const body = 'オープンソースのライセンスを守るための要件を定める。'
    const a = await edition(`# G1: FOSS に関わる責任の理解\n\n${body}\n\n# G2: 責任者 の アサイン\n\n${body}責任者。\n`)
    const b = await edition(`# G1：FOSS に関わる責任の理解\n\n${body}\n\n# G2：責任者のアサインと教育\n\n${body}責任者。\n`)
    expect(alignSections(a, b).relations.map((r) => [r.kind, r.flags])).toEqual([
      ['matched', []],
      ['matched', ['renamed']]
    ])
  })

  it('does not call a title renamed for a colon or full stop closing it (`…존재한다 :` → `…존재한다`)', async () => {
    // OpenChain 1.0 ko closes a requirement that a list follows with ` :`, 1.1 ko does not; Mozilla's
    // privacy notice of 2024 closes its opening heading with a full stop, 2025's does not.
    const edition = async (text: string): Promise<Edition> =>
      (await ingestEdition(new TextEncoder().encode(text), {file: 'spec.ko.md'})).edition
    const body = '교육은 최소한 다음 주제를 다룬다. 정책과 사본을 찾을 수 있는 곳.'
    const a = await edition(
      `# 필수 교육이 존재한다 :\n\n${body}\n\n# At Mozilla, privacy is fundamental.\n\n${body}\n\n# 검증 자료\n\n${body}\n`
    )
    const b = await edition(
      `# 필수 교육이 존재한다\n\n${body}\n\n# At Mozilla, privacy is fundamental\n\n${body}\n\n# 입증 자료:\n\n${body}\n`
    )
    expect(alignSections(a, b).relations.map((r) => [r.kind, r.flags])).toEqual([
      ['matched', []],
      ['matched', []],
      ['matched', ['renamed']]
    ])
  })

  it('pairs a repeated sub-heading retitled and reworded under its paired section, in its place', async () => {
    // OpenChain 2.0 → 2.1 ja: each requirement's `論拠` became `理由` and its text was translated anew
    // (similarity 0.2–0.3, below what pairs generic sections on their text alone).
    const edition = async (text: string): Promise<Edition> =>
      (await ingestEdition(new TextEncoder().encode(text), {file: 'spec.en.md'})).edition
    const requirement = (n: string, label: string, reason: string): string =>
      `## ${n} Requirement ${n}\n\nThe organization keeps a documented process for requirement ${n} and its records.\n\n### Evidence\n\nA documented procedure for requirement ${n} with its owner and date.\n\n### ${label}\n\n${reason}\n\n`
    const a = await edition(
      `# Requirements\n\n${requirement('1.1', 'Rationale', 'To make sure that the policy is known to every developer in the company.')}${requirement('1.2', 'Rationale', 'To make sure that releases carry the notices their licences require.')}`
    )
    const b = await edition(
      `# Requirements\n\n${requirement('1.1', 'Reason', 'So that every developer in each team knows the policy.')}${requirement('1.2', 'Reason', 'So that each release carries the notices of its licences.')}`
    )
    const relations = alignSections(a, b).relations
    expect(relations.map((r) => [r.kind, r.flags, r.old, r.new])).toContainEqual([
      'matched',
      ['renamed', 'modified'],
      ['1-1-requirement-1-1/rationale'],
      ['1-1-requirement-1-1/reason']
    ])
    expect(relations.filter((r) => r.kind !== 'matched')).toEqual([])
  })

  it('compares two editions without headings as one section each', () => {
    const flat = (text: string): Edition => ({
      ...makeEdition([]),
      preamble: [{type: 'paragraph', children: [{type: 'text', value: text}]}],
      preambleWords: 10
    })
    const relations = alignSections(flat(para('alpha')), flat(`${para('alpha')} Amended.`)).relations
    expect(relations.map((r) => [r.kind, r.flags, r.old, r.new])).toEqual([['matched', ['modified'], ['(preamble)'], ['(preamble)']]])
  })

  it('pairs the text before the first heading with the other edition’s however rewritten, or joins it to the merge that became it', () => {
    // After OpenChain 2.0 → 2.1 ko (CC-BY-4.0): a translator's notice before the first heading, then a cover's list of standards.
    const withPreamble = (text: string, specs: Spec[]): Edition => ({
      ...makeEdition(specs),
      preamble: [{type: 'paragraph', children: [{type: 'text', value: text}]}],
      preambleWords: 20
    })
    const body: Spec[] = [
      ['1 Scope', [para('scope')]],
      ['2 Terms', [para('terms')]]
    ]
    const rewritten = alignSections(withPreamble(para('notice'), body), withPreamble(para('cover'), body)).relations
    expect(rewritten.map((r) => [r.kind, r.flags, r.old, r.new])).toEqual([
      ['matched', ['modified'], ['(preamble)'], ['(preamble)']],
      ['matched', [], ['1-scope'], ['1-scope']],
      ['matched', [], ['2-terms'], ['2-terms']]
    ])
    // The old disclaimer and copyright sections went into the new preamble: the old preamble went there too.
    const old = withPreamble(para('cover'), [['Disclaimer', [para('disclaimer')]], ['Copyright', [para('copyright')]], ...body])
    const next = withPreamble(`${para('disclaimer')} ${para('copyright')}`, body)
    const merged = alignSections(old, next).relations.filter((r) => r.new.includes('(preamble)'))
    expect(merged.map((r) => [r.kind, r.old])).toEqual([['merged', ['(preamble)', 'disclaimer', 'copyright']]])
    const split = alignSections(next, old).relations.filter((r) => r.old.includes('(preamble)'))
    expect(split.map((r) => [r.kind, r.new])).toEqual([['split', ['(preamble)', 'disclaimer', 'copyright']]])
  })

  it('reports everything added against an empty edition', () => {
    const full = makeEdition([['Alpha', [para('alpha')], [['Beta', [para('beta')]]]]])
    const relations = alignSections(makeEdition([]), full).relations
    expect(relations.map((r) => [r.kind, r.new])).toEqual([
      ['added', ['alpha']],
      ['added', ['alpha/beta']]
    ])
  })

  it('warns when the editions are in different languages', () => {
    const a = makeEdition([['Alpha', [para('alpha')]]])
    const messages = alignSections(a, {...a, language: 'fr'}).messages
    expect(messages.map((m) => m.code)).toEqual(['different-languages'])
  })

  it('finishes on a 100,000-section edition, saying it only paired exact headings', () => {
    const specs: Spec[] = Array.from({length: 100_000}, (_, i) => [`Article ${i}`, [`Text of article ${i}.`]])
    const big = makeEdition(specs)
    const alignment = alignSections(big, big)
    expect(alignment.relations).toHaveLength(100_000)
    expect(alignment.relations.every((r) => r.kind === 'matched' && r.flags.length === 0)).toBe(true)
    expect(alignment.messages.map((m) => m.code)).toEqual(['alignment-limited'])
  })
})

describe('properties', () => {
  const words = [
    'policy',
    'security',
    'network',
    'budget',
    'treaty',
    'energy',
    'climate',
    'trade',
    'health',
    'export',
    'census',
    'tariff',
    'reform',
    'audit',
    'grant'
  ]
  const paragraph = fc.array(fc.constantFrom(...words), {minLength: 6, maxLength: 30}).map((w) => `${w.join(' ')}.`)
  const leaf = fc.tuple(fc.constantFrom(...words, 'Overview', 'References'), fc.array(paragraph, {minLength: 0, maxLength: 3}))
  const spec: fc.Arbitrary<Spec[]> = fc.array(
    fc
      .tuple(
        fc.constantFrom(...words.map((w) => `Chapter ${w}`)),
        fc.array(paragraph, {maxLength: 2}),
        fc.array(
          leaf.map(([h, p]): Spec => [h, p]),
          {maxLength: 4}
        )
      )
      .map(([h, p, c]): Spec => [h, p, c]),
    {minLength: 0, maxLength: 5}
  )

  it('compare(A, A) is all unchanged with similarity 1', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const a = makeEdition(s)
        const alignment = alignSections(a, a)
        expectCoverage(alignment, a, a)
        return alignment.relations.every((r) => r.kind === 'matched' && r.flags.length === 0 && r.similarity === 1 && r.old[0] === r.new[0])
      }),
      {numRuns: 150, seed: 20240}
    )
  })

  const mirror = {matched: 'matched', split: 'merged', merged: 'split', added: 'removed', removed: 'added'} as const
  const mirrored = (a: Edition, b: Edition): {there: string[]; back: string[]} => {
    const forward = alignSections(a, b)
    const backward = alignSections(b, a)
    expectCoverage(forward, a, b)
    expectCoverage(backward, b, a)
    const key = (kind: string, old: string[], next: string[], home = ''): string => `${kind}|${old.join(',')}|${next.join(',')}|${home}`
    const home = (r: Alignment['relations'][number]): string => (r.foundIn ? `${r.foundIn.id}@${r.foundIn.share}` : '')
    return {
      there: forward.relations.map((r) => key(mirror[r.kind], r.new, r.old, home(r))).sort(),
      back: backward.relations.map((r) => key(r.kind, r.old, r.new, home(r))).sort()
    }
  }

  // A fixed seed, so the suite gives the same verdict every time; MIRROR_SEED and MIRROR_RUNS
  // hunt further (30,000 runs take about 3 minutes: add --testTimeout=900000). The failures hunts used to find were exact ties in the optimal
  // assignment (e.g. A = two "Chapter census > policy", B = two "Chapter climate > tariff", chapter
  // and child with the same text): the Hungarian solver broke them by row order, so by which
  // edition was old. Ties are now broken by a hash of the two section ids, the same in both
  // directions (see pairTieBreak). Another kind is the case below.
  it('covers every section once, and compare(B, A) mirrors compare(A, B)', () => {
    fc.assert(
      fc.property(spec, spec, (sa, sb) => {
        const {there, back} = mirrored(makeEdition(sa), makeEdition(sb, {edition: 'b'}))
        expect(back).toEqual(there)
      }),
      {numRuns: Number(process.env.MIRROR_RUNS ?? 300), seed: Number(process.env.MIRROR_SEED ?? 20261127)}
    )
  })

  // A 30,000-run hunt found this one: leftovers used to be looked at as merges (old into new)
  // before splits (new into old), and what the first look took the second could not. Here A's
  // chapter is contained in B's chapter (a pair, seen first forward), while B's chapter is contained
  // in A's section "policy" (a merge, seen first backward). Both looks are now made before either
  // is taken, strongest first.
  it('mirrors a leftover that is both contained and a container', () => {
    const a = makeEdition([
      [
        'Chapter policy',
        ['policy policy export network policy policy.'],
        [['policy', ['policy policy treaty tariff policy policy.', 'treaty treaty network policy energy policy policy policy policy.']]]
      ]
    ])
    const b = makeEdition(
      [
        [
          'Chapter health',
          ['network treaty treaty tariff treaty network.'],
          [
            ['policy', ['audit trade security grant policy grant.']],
            ['trade', ['treaty health export treaty export audit.']],
            [
              'energy',
              [
                'network policy energy policy grant budget treaty budget trade security.',
                'census audit audit climate treaty energy census network.',
                'health security trade health budget trade climate audit energy climate energy trade tariff treaty.'
              ]
            ]
          ]
        ]
      ],
      {edition: 'b'}
    )
    const {there, back} = mirrored(a, b)
    expect(back).toEqual(there)
  })
})

describe('a profile cache shared between alignments', () => {
  it('changes no result, in a chain of real and synthetic editions, and holds each edition it read', async () => {
    const owasp2019 = await loadCorpusEdition('owasp-api-security-top10', '2019.en.md')
    const owasp2023 = await loadCorpusEdition('owasp-api-security-top10', '2023.en.md')
    const cncf2020 = await loadCorpusEdition('cncf-cloud-native-security-whitepaper', 'v1-2020.en.md')
    const chain = [owasp2019, owasp2023, cncf2020, owasp2019]
    const cache = createProfileCache()
    for (let k = 1; k < chain.length; k++) {
      const cached = alignSections(chain[k - 1]!, chain[k]!, {cache})
      expect(cached).toEqual(alignSections(chain[k - 1]!, chain[k]!))
      expect(cache.holds(chain[k]!)).toBe(true)
    }
    expect(alignSections(owasp2023, owasp2019, {cache})).toEqual(alignSections(owasp2023, owasp2019))
    cache.forget(owasp2019)
    expect(cache.holds(owasp2019)).toBe(false)
    expect(alignSections(owasp2019, cncf2020, {cache})).toEqual(alignSections(owasp2019, cncf2020))
  })
})

describe('maxLevel', () => {
  const p = [
    'Supply chain attacks target build systems and package registries across the ecosystem.',
    'Signed provenance lets consumers verify where every artifact was produced and by whom.',
    'Runtime policies restrict which workloads may talk to the control plane at all.',
    'Incident responders collect audit logs before rotating the credentials that leaked.'
  ]
  const old = makeEdition([['Chapter One', ['An introduction to the chapter and its aims.'], [['Alpha', p]]]])
  const next = makeEdition([
    [
      'Chapter One',
      ['An introduction to the chapter and its aims.'],
      [
        ['Alpha', p.slice(0, 2)],
        ['Beta', p.slice(2)]
      ]
    ]
  ])

  it('finds the split of a deeper section without it', () => {
    const split = alignSections(old, next).relations.find((r) => r.kind === 'split')
    expect(split?.new).toEqual(['chapter-one/alpha', 'chapter-one/beta'])
  })

  it('leaves deeper leftovers added or removed with similarity 0, and everything above as it was', () => {
    const relations = alignSections(old, next, {maxLevel: 1}).relations
    expect(relations.find((r) => r.new.includes('chapter-one/beta'))).toEqual({
      kind: 'added',
      flags: [],
      similarity: 0,
      old: [],
      new: ['chapter-one/beta'],
      evidence: {decidedBy: [], content: 0, doubtful: false}
    })
    expect(relations.some((r) => r.kind === 'split')).toBe(false)
    const chapter = (a: typeof relations) => a.find((r) => r.old.includes('chapter-one'))
    expect(chapter(relations)).toEqual(chapter(alignSections(old, next).relations))
  })
})
