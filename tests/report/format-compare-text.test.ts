import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {formatCompareText} from '../../src/report/format-compare-text.js'

async function edition(text: string, file: string) {
  return (await ingestEdition(new TextEncoder().encode(text), {file})).edition
}

describe('formatCompareText', () => {
  it('groups the digits of both word counts of the total line alike', async () => {
    const words = (prefix: string, n: number): string => Array.from({length: n}, (_, i) => `${prefix}${i}`).join(' ')
    const old = await edition(`# Kept\n\nsame text here\n\n# Gone\n\n${words('old', 1200)}\n`, 'old.md')
    const next = await edition(`# Kept\n\nsame text here\n\n# Fresh\n\n${words('new', 1500)}\n`, 'new.md')
    const total = formatCompareText(compareEditions(old, next)).trimEnd().split('\n').at(-1)
    expect(total).toContain('1,500 words added, 1,200 removed;')
  })
})

describe('formatCompareText, a requirement set as a heading', () => {
  // OpenChain 1.x sets each requirement as one numbered sentence (163 to 256 characters in ja).
  const sentence =
    '3.2 FOSS のマネジメント プログラムは、ソフトウェア スタッフが扱う供給ソフトウェアの共通的 FOSS ライセンス ユースケースに対応できること。共通的ライセンスユースケースとして以下のようなものがある（ただしこのリストは網羅的ではなく、組織によっては当てはまらないこともある）。'
  const english = `4.1 ${'A process shall exist for creating and managing the compliance artifacts of each release of the supplied software, '.repeat(3)}including source code.`

  it('names it by its number and first words, ending at a break with …; the result keeps it whole', async () => {
    const old = await edition(
      `# Spec\n\n## G3 Review\n\n### ${sentence}\n\nold evidence text\n\n### ${english}\n\nold artifact text\n`,
      'old.md'
    )
    const next = await edition(
      `# Spec\n\n## G3 Review\n\n### ${sentence}\n\nnew evidence text here\n\n### ${english}\n\nnew artifact text here\n`,
      'new.md'
    )
    const result = compareEditions(old, next)
    const lines = formatCompareText(result).split('\n')
    const ja = lines.find((line) => line.includes('3.2 FOSS'))!
    const en = lines.find((line) => line.includes('4.1 A process'))!
    expect(ja).toContain('G3 Review › 3.2 FOSS のマネジメント プログラムは、ソフトウェア…  +')
    expect(en).toContain('G3 Review › 4.1 A process shall exist for creating and managing the compliance artifacts of…  +')
    for (const line of [ja, en]) expect(line.length).toBeLessThan(160)
    // The JSON keeps the heading as printed.
    expect(result.relations.some((r) => r.new[0]?.heading === sentence)).toBe(true)
  })
})
