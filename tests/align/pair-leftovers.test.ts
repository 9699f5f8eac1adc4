import {describe, expect, it} from 'vitest'
import {alignSections, type Alignment} from '../../src/align/align-sections.js'
import {listAlignableSections} from '../../src/align/list-alignable-sections.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'
import {makeEdition, type Spec} from './load-corpus.js'

const headingOf = (edition: Edition, id: string): string => listAlignableSections(edition).find((f) => f.section.id === id)!.section.heading

/** The relations as `kind old headings -> new headings`, sorted. */
function lines(alignment: Alignment, old: Edition, next: Edition): string[] {
  return alignment.relations
    .map((r) => `${r.kind} ${r.old.map((id) => headingOf(old, id)).join(' + ')} -> ${r.new.map((id) => headingOf(next, id)).join(' + ')}`)
    .sort()
}

const deployText = [
  'Deployment checks verify image signatures, admission policies and configuration drift before workloads reach production clusters.',
  'Observability pipelines collect traces, metrics and logs so that responders can reconstruct what a compromised workload touched.',
  'Rollbacks restore the last known good release while investigators preserve forensic evidence from the affected nodes.'
]

// "Deploy" is a repeated heading (also in the summary), so it pairs only inside its chapter's
// relation; it moved from the Introduction (kept) to a new chapter, which used to leave it removed +
// added although nearly all its text moved with it (the CNCF whitepaper, 2020 → 2022).
const oldSpecs: Spec[] = [
  ['Summary', ['A short overview of the paper and its audience.'], [['Deploy', ['Deploy securely and watch what runs.']]]],
  [
    'Introduction',
    ['Historic remarks about mainframes, batch jobs, punched cards and the long road to virtual machines.'],
    [
      ['Deploy', deployText],
      ['Mainframes', ['Time sharing terminals queued batch jobs overnight; operators mounted tapes and printed ledgers for auditors.']]
    ]
  ]
]
const newSpecs: Spec[] = [
  ['Summary', ['A short overview of the paper and its audience.'], [['Deploy', ['Deploy securely and watch what runs.']]]],
  [
    'Introduction',
    ['Historic remarks about mainframes, batch jobs, punched cards and the long road to virtual machines.'],
    [['Mainframes', ['Time sharing terminals queued batch jobs overnight; operators mounted tapes and printed ledgers for auditors.']]]
  ],
  [
    'Cloud Native Layers',
    ['Layers of the stack from silicon through orchestrators to serverless functions, each with threats of its own.'],
    [
      ['Deploy', [...deployText.slice(0, 2), 'Rollbacks restore the last known good release while investigators keep evidence.']],
      ['Storage', ['Volumes encrypt blocks at rest; snapshots replicate across zones and erasure codes survive disk failures.']],
      ['Access', ['Federated identities receive short lived tokens scoped to namespaces, rotated by the platform every hour.']],
      [
        'Compute',
        ['Hypervisors isolate tenants with hardware virtualisation; confidential enclaves attest firmware measurements remotely.']
      ],
      ['Networking', ['Meshes terminate mutual TLS at sidecars, and eBPF filters drop packets that violate declared segmentation.']],
      ['Functions', ['Serverless handlers cold start in microVMs whose quotas cap memory, concurrency and outbound connections.']],
      ['Registries', ['Artifact registries mirror upstream images, scan layers for known flaws and sign promoted tags.']]
    ]
  ]
]

describe('pairing leftovers by containment and title', () => {
  it('matches a repeated heading whose text stands mostly inside its namesake under another parent', () => {
    const [old, next] = [makeEdition(oldSpecs), makeEdition(newSpecs)]
    const alignment = alignSections(old, next)
    const deploy = alignment.relations.find((r) => r.old.includes('introduction/deploy'))!
    expect(deploy.kind).toBe('matched')
    expect(deploy.new).toEqual(['cloud-native-layers/deploy'])
    expect(deploy.evidence.decidedBy).toContain('containment')
    expect(deploy.evidence.containment).toBeGreaterThanOrEqual(0.6)
    expect(deploy.evidence.title).toBe(1)
    expect(deploy.evidence.doubtful).toBe(false)
    expect(lines(alignment, old, next)).toMatchSnapshot()
  })

  it('finds the same pair comparing the editions the other way round', () => {
    const [old, next] = [makeEdition(oldSpecs), makeEdition(newSpecs)]
    const forward = alignSections(old, next)
      .relations.filter((r) => r.kind === 'matched')
      .map((r) => `${r.old[0]} ${r.new[0]}`)
    const backward = alignSections(next, old)
      .relations.filter((r) => r.kind === 'matched')
      .map((r) => `${r.new[0]} ${r.old[0]}`)
    expect(backward.sort()).toEqual(forward.sort())
  })

  it('leaves a repeated heading unpaired when its text is not held by the other section', () => {
    const rewritten: Spec[] = structuredClone(newSpecs)
    rewritten[2]![2]![0]![1] = ['Canary releases shift traffic gradually, and a failed health probe halts the rollout automatically.']
    const [old, next] = [makeEdition(oldSpecs), makeEdition(rewritten)]
    const deploy = alignSections(old, next).relations.find((r) => r.old.includes('introduction/deploy'))!
    expect(deploy.kind).toBe('removed')
  })

  it('pairs a Japanese category by its title when only its code changed and its text was rewritten', async () => {
    const markdown = (sections: [string, string][]): Promise<Edition> =>
      ingestEdition(new TextEncoder().encode(sections.map(([h, p]) => `# ${h}\n\n${p}\n`).join('\n')), {file: 'top10.ja.md'}).then(
        (r) => r.edition
      )
    const old = await markdown([
      ['A1:2017-インジェクション', 'SQLやOSコマンドへの信頼できないデータの送信により、攻撃者は意図しない命令を実行させることができる。'],
      ['A2:2017-認証の不備', '認証やセッション管理の実装が不適切だと、攻撃者はパスワードや鍵、セッショントークンを侵害できる。'],
      ['A3:2017-機微な情報の露出', '多くのWebアプリケーションは金融情報や医療情報などの機微なデータを適切に保護していない。']
    ])
    const next = await markdown([
      ['A01:2021 – アクセス制御の不備', 'アクセス制御はユーザーが権限の外で行動できないようにポリシーを強制するものである。'],
      [
        'A07:2021 – 認証の不備 (Identification and Authentication Failures)',
        '利用者の身元確認と認証、セッション管理はクレデンシャルスタッフィングなど自動化された攻撃から守るために不可欠である。'
      ],
      ['A03:2021 – インジェクション', 'SQLやOSコマンドへの信頼できないデータの送信により、攻撃者は意図しない命令を実行させることができる。']
    ])
    const alignment = alignSections(old, next)
    const authentication = alignment.relations.find((r) => r.old.some((id) => headingOf(old, id).includes('認証の不備')))!
    expect(authentication.kind).toBe('matched')
    expect(headingOf(next, authentication.new[0]!)).toContain('A07:2021')
    expect(authentication.evidence.decidedBy).toContain('title')
    expect(authentication.evidence.code).toEqual({old: 'A2:2017', new: 'A07:2021'})
    // A code alone pairs nothing: the unrelated third category of each edition stays unpaired.
    expect(lines(alignment, old, next)).toMatchSnapshot()
  })
})

describe('a section added or removed while its code is left on the other side', () => {
  it('is doubtful: perhaps one section renamed and rewritten', () => {
    const edition = (specs: [string, string, string][]) => {
      const e = makeEdition(specs.map(([, title, text]) => [title, [text]]))
      e.sections.forEach((s, k) => void (s.numbering = specs[k]![0]))
      return e
    }
    const kept = 'Every request is logged with its caller, time and outcome so that incidents can be traced.'
    const old = edition([
      ['API1:2019', 'Logging', kept],
      ['API4:2019', 'Lack of Resources', 'Quotas were never enforced on the cheap endpoints of the service.'],
      ['API8:2019', 'Injection', 'Queries built from strings let attackers run their own commands.']
    ])
    const next = edition([
      ['API1:2023', 'Logging', kept],
      ['API04:2023', 'Unrestricted Consumption', 'Paying for every message sent by a partner drains budgets overnight.'],
      ['API9:2023', 'Inventory', 'Old hosts linger in the inventory long after their owners left.']
    ])
    const doubt = Object.fromEntries(
      alignSections(old, next)
        .relations.filter((r) => r.kind !== 'matched')
        .map((r) => [[...r.old, ...r.new][0]!, r.evidence.doubtful])
    )
    expect(doubt).toEqual({'lack-of-resources': true, 'unrestricted-consumption': true, injection: false, inventory: false})
  })
})
