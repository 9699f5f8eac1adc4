import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {yearlyEdition} from '../support/yearly-edition.js'

async function edition(year: number, text: string) {
  const bytes = new TextEncoder().encode(`---\nseries: toy\nedition: "${year}"\nyear: ${year}\nlanguage: en\n---\n# Policy\n\n${text}\n`)
  return (await ingestEdition(bytes, {file: `${year}.md`})).edition
}

describe('new and vanished language', () => {
  it('finds phrases used for the first and for the last time, grown to their shared length', async () => {
    const editions = [
      await edition(2019, 'We support the free trade agreement. Maritime security matters. We support the free trade agreement again.'),
      await edition(2020, 'Maritime security matters. The green growth strategy starts. We back the green growth strategy fully.'),
      await edition(2021, 'Maritime security matters. Carbon neutral economy by 2050.')
    ]
    const result = computeTrends(editions, {terms: ['security'], lineages: false})
    const [first, second] = result.newLanguage
    expect(first).toMatchObject({edition: '2020', previous: '2019'})
    expect(first!.new[0]).toMatchObject({phrase: 'green growth strategy', count: 2})
    expect(first!.new[0]!.evidence.sentence).toBe('The green growth strategy starts.')
    expect(first!.vanished.map((p) => p.phrase)).toContain('support the free trade agreement')
    // Maritime security matters is in every edition: never new, never vanished.
    const all = result.newLanguage.flatMap((c) => [...c.new, ...c.vanished]).map((p) => p.phrase)
    expect(all.some((phrase) => phrase.includes('maritime security'))).toBe(false)
    expect(second!.new.map((p) => p.phrase)).toContain('carbon neutral economy')
    expect(second!.vanished.map((p) => p.phrase)).toContain('green growth strategy')
  })

  it('lists a long sentence once, not as its pieces of eight words or fewer', async () => {
    // CNCF 2020 → 2022: one sentence of the 2020 Problem Analysis gave four of twenty vanished phrases.
    const long =
      'Security concerns within this landscape are complex because of the explicit focus on rapid development and deployment in addition to impracticality of traditional perimeter-based security.'
    const editions = [
      await edition(2019, `Maritime security matters. ${long}`),
      await edition(2020, 'Maritime security matters. The green growth strategy starts. Carbon neutral economy by 2050.')
    ]
    const vanished = computeTrends(editions, {terms: ['security'], lineages: false}).newLanguage[0]!.vanished
    const fromLong = vanished.filter((p) => p.evidence.sentence === long)
    expect(fromLong).toHaveLength(1)
    expect(fromLong[0]!.phrase).toBe('security concerns within this landscape are complex')
    expect(computeTrends(editions, {terms: ['security'], lineages: false}).newLanguage[0]!.new.map((p) => p.phrase)).toEqual([
      'green growth strategy starts',
      'carbon neutral economy'
    ])
  })

  it('never opens or closes a Japanese phrase inside a katakana compound', async () => {
    // OpenChain ja 1.2 → 2.0: `構成するオープン` was new, cut out of 構成するオープンソースコンポーネント.
    const editions = [
      await yearlyEdition('ja', 2019, '組織は規則を定める。組織は規則を守る。'),
      await yearlyEdition('ja', 2020, '製品を構成するオープンソースを記録する。部品を構成するオープンな仕様を公開する。')
    ]
    const phrases = computeTrends(editions, {ngram: 1, top: 20, lineages: false}).newLanguage[0]!.new.map((p) => p.phrase)
    expect(phrases.length).toBeGreaterThan(0)
    expect(phrases.filter((phrase) => /オープン$|^ソース/u.test(phrase))).toEqual([])
  })

  it('marks a Korean phrase in its sentence to the end of its last word, ending included', async () => {
    // OpenChain ko 1.0 → 1.1: the page showed `조직이 시간이 지나` out of 조직이 시간이 지나도, `아니지` out of 아니지만.
    const editions = [
      await yearlyEdition('ko', 2019, '조직은 정책을 수립한다. 조직은 교육을 제공한다.'),
      await yearlyEdition('ko', 2020, '조직이 시간이 지나도 정책을 유지한다. 조직이 시간이 지나도 교육을 바꾼다.')
    ]
    const found = computeTrends(editions, {ngram: 1, top: 20, lineages: false}).newLanguage[0]!.new
    const shown = found.map(({evidence: {sentence, match}}) => (match ? sentence.slice(match[0], match[1]) : null))
    expect(found.map((p) => p.phrase)).toContain('조직 시간 지나')
    expect(shown).toContain('조직이 시간이 지나도')
    expect(shown.filter((text) => text !== null && / \S*지나$/u.test(text))).toEqual([])
  })
})
