import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {formatCompareStat} from '../../src/report/format-compare-stat.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {loadFixturePair} from './load-fixture.js'

async function edition(text: string, file: string) {
  return (await ingestEdition(new TextEncoder().encode(text), {file})).edition
}

describe('formatCompareStat', () => {
  it('prints one line per changed section and a total line (snapshot)', async () => {
    const [before, after] = await loadFixturePair('small-pair')
    const result = compareEditions(before, after)
    const stat = formatCompareStat(result)
    await expect(stat).toMatchFileSnapshot('../fixtures/report/small-pair/stat.txt')
    const changed = result.relations.filter((r) => r.flags.length > 0 || r.kind !== 'matched')
    const lines = stat.trimEnd().split('\n')
    expect(lines).toHaveLength(changed.length + 1)
    expect(lines.at(-1)).toBe(
      ` ${changed.length} sections changed, ${result.summary.wordsAdded} words added(+), ${result.summary.wordsRemoved} removed(-)`
    )
    // Every section line has the same column for its bar separator.
    expect(new Set(lines.slice(0, -1).map((line) => line.indexOf(' | '))).size).toBe(1)
  })

  it('scales the bar to the largest change, and a small change still shows one column', async () => {
    const many = Array.from({length: 200}, (_, i) => `word${i}`).join(' ')
    const old = await edition('# A\n\nalpha beta gamma\n\n# B\n\nkept text here\n', 'old.md')
    const next = await edition(`# A\n\nalpha beta gamma delta\n\n# B\n\nkept text here\n\n${many}\n`, 'new.md')
    const lines = formatCompareStat(compareEditions(old, next), {barWidth: 20}).trimEnd().split('\n')
    expect(lines[0]).toMatch(/^ A \| modified {3}\+1 -0 \+$/u)
    expect(lines[1]).toMatch(/^ B \| modified \+200 -0 \+{20}$/u)
    expect(lines[2]).toBe(' 2 sections changed, 201 words added(+), 0 removed(-)')
  })

  it('shortens long paths from the left and lines up wide characters', async () => {
    // Two chapters, so that the first is no document title and the path has two steps.
    const old = await edition('# 개인정보 처리방침\n\n## 수집하는 항목\n\n이름 주소\n\n# 부칙\n\n시행\n', 'old.md')
    const next = await edition('# 개인정보 처리방침\n\n## 수집하는 항목\n\n이름 주소 전화\n\n# 부칙\n\n시행\n', 'new.md')
    const stat = formatCompareStat(compareEditions(old, next), {pathWidth: 17})
    expect(stat.split('\n')[0]).toBe(' … › 수집하는 항목 | modified +1 -0 +')
  })

  it('keeps the number and first words of a section whose own heading is wider than the path column', async () => {
    // OpenChain 1.2 sets each requirement as one sentence: cut from the left, `1.2` was lost.
    const heading = '1.2 모든 소프트웨어 공급담당자를 대상으로 다음과 같은 필수 FOSS 교육이 존재한다'
    const old = await edition(`# 3) 요건\n\n## ${heading}\n\n교육 자료\n`, 'old.md')
    const next = await edition(`# 3) 요건\n\n## ${heading}\n\n교육 자료 목록\n`, 'new.md')
    const line = formatCompareStat(compareEditions(old, next), {pathWidth: 30}).split('\n')[0]!
    expect(line).toBe(' 1.2 모든 소프트웨어… | modified +1 -0 +')
  })

  it('shortens a sentence that is a step of the path to its number and first words before cutting the path', async () => {
    const heading = '1.2 모든 소프트웨어 공급담당자를 대상으로 다음과 같은 필수 FOSS 교육이 존재한다'
    const old = await edition(`# 3) 요건\n\n## ${heading}\n\n### 이유\n\n교육 자료\n\n# 부록\n\n번역\n`, 'old.md')
    const next = await edition(`# 3) 요건\n\n## ${heading}\n\n### 이유\n\n교육 자료 목록\n\n# 부록\n\n번역\n`, 'new.md')
    const line = formatCompareStat(compareEditions(old, next)).split('\n')[0]!
    expect(line).toBe(' 3) 요건 › 1.2 모든 소프트웨어… › 이유 | modified +1 -0 +')
  })

  it('prints nothing for editions that do not differ, as git does', async () => {
    const old = await edition('# A\n\nsame\n', 'old.md')
    expect(formatCompareStat(compareEditions(old, old))).toBe('')
  })
})
