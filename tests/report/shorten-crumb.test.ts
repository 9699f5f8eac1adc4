import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {formatCompareStat} from '../../src/report/format-compare-stat.js'
import {formatCompareText} from '../../src/report/format-compare-text.js'
import {renderCompareReport} from '../../src/report/render-compare-report.js'
import {crumbParents, crumbPath, shortenApart, shortenCrumb} from '../../src/report/shorten-crumb.js'
import {summarizeChanges} from '../../src/report/summarize-changes.js'

async function edition(text: string, file: string) {
  return (await ingestEdition(new TextEncoder().encode(text), {file, language: 'ja'})).edition
}

// A numbered requirement set as a heading, as in a specification whose requirements are sentences.
const requirement =
  '1.1 供給ソフトウェアの頒布について FOSS ライセンス コンプライアンスを統制する FOSS ポリシーが書面として存在していること。そのポリシーは組織内に周知されていなければならない。'

describe('shortenCrumb', () => {
  it('keeps a heading of a contents-page line whole', () => {
    expect(shortenCrumb('Control Plane Authentication and Certificate Root of Trust')).toBe(
      'Control Plane Authentication and Certificate Root of Trust'
    )
    expect(shortenCrumb('ゴール 1：FOSS に関わる責任の理解')).toBe('ゴール 1：FOSS に関わる責任の理解')
  })

  it('cuts a sentence set as a heading after its number and first words, at a break, marked with …', () => {
    expect(shortenCrumb(requirement)).toBe('1.1 供給ソフトウェアの頒布について FOSS ライセンス…')
    const english = 'A documented policy exists that governs open source license compliance of the supplied software'
    expect(shortenCrumb(english)).toBe('A documented policy exists that governs open source license…')
    expect(shortenCrumb(english).length).toBeLessThanOrEqual(61)
  })

  it('shortens every step of a path but the section itself', () => {
    expect(crumbPath(['3) 満たすべき要件', requirement, '論拠：'])).toBe(
      '3) 満たすべき要件 › 1.1 供給ソフトウェアの頒布について FOSS ライセンス… › 論拠：'
    )
    expect(crumbPath([requirement])).toBe(requirement)
    expect(crumbParents(['3) 満たすべき要件', requirement, '論拠：'])).toBe(
      '3) 満たすべき要件 › 1.1 供給ソフトウェアの頒布について FOSS ライセンス…'
    )
    expect(crumbParents(['Top'])).toBe('')
  })
})

describe('a long heading as the parent of removed sections', () => {
  const old = `# 1) はじめに\n\n本書は要件を定める。\n\n# 3) 満たすべき要件\n\n## ${requirement}\n\n書面のポリシーがある。\n\n### 証跡となる資料：\n\n文書化された FOSS ポリシー。\n\n### 論拠：\n\nポリシーを作成し、記録する。\n`
  const next = `# 1) はじめに\n\n本書は要件を定める。\n\n# 3) 満たすべき要件\n\n## 1.1 ポリシー\n\n書面のポリシーがある。\n`

  it('names the parent by its beginning in the text, stat, summary and HTML outputs, and the section itself whole', async () => {
    const result = compareEditions(await edition(old, 'old.md'), await edition(next, 'new.md'))
    const text = formatCompareText(result)
    const removed = text.split('\n').filter((line) => line.includes('論拠：'))
    expect(removed).toEqual([expect.stringContaining('- 1.1 供給ソフトウェアの頒布について FOSS ライセンス… › 論拠：')])
    expect(text).not.toContain('そのポリシーは組織内に周知されていなければならない。 › ')
    // The section's own line names it by its number and first words too (80 columns); the JSON and HTML keep it whole.
    expect(text).not.toContain(requirement)
    expect(text).toContain('› 1.1 供給ソフトウェアの頒布について FOSS ライセンス コンプライアンスを統制する… → ')
    // The stat's narrow column shortens that step further, so that its number stays in view.
    expect(formatCompareStat(result)).toContain('› 1.1 供給ソフトウェアの… › 論拠：')
    const summary = summarizeChanges(result)
    expect(summary.removed.map((s) => s.parent)).toContain('3) 満たすべき要件 › 1.1 供給ソフトウェアの頒布について FOSS ライセンス…')
    const html = renderCompareReport(result)
    expect(html).toContain('<p class="path">in <bdi>3) 満たすべき要件 › 1.1 供給ソフトウェアの頒布について FOSS ライセンス…</bdi></p>')
    // The summary's renamed line names it by its number and first words, as the text output does;
    // the card's badge, where it is the section, quotes it whole; never whole as a step of another's path.
    expect(html).toContain('› 1.1 供給ソフトウェアの頒布について FOSS ライセンス コンプライアンスを統制する…</bdi> →')
    expect(html).toContain(`renamed: <bdi>${requirement.slice(4)}</bdi> →`)
    expect(html).not.toContain(`${requirement} ›`)
  })
})

describe('shortenApart', () => {
  it('keeps two renamed sentences up to a little past where they differ, where shortening alike would hide the change', () => {
    // OpenChain ja 1.1 → 1.2: requirement 6.1 names its own version near its end.
    const before =
      '6.1 組織が OpenChain に適合していると認定されるためには、本 OpenChain 仕様書第 1.1 版に記載された基準を満たす FOSS マネジメント プログラムを有していることを確認する必要がある。'
    const after = before.replace('1.1 版', '1.2 版')
    expect(shortenCrumb(before, 80)).toBe(shortenCrumb(after, 80))
    const [old, now] = shortenApart(before, after)
    expect([old, now]).toEqual([
      '6.1 組織が OpenChain に適合していると認定されるためには、本 OpenChain 仕様書第 1.1…',
      '6.1 組織が OpenChain に適合していると認定されるためには、本 OpenChain 仕様書第 1.2…'
    ])
    expect(shortenApart('Scope', 'Purpose and scope')).toEqual(['Scope', 'Purpose and scope'])
  })
})
