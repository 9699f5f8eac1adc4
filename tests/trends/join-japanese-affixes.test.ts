import {describe, expect, it} from 'vitest'
import {yearlyEdition} from '../support/yearly-edition.js'
import {tokenize} from '../../src/text/tokenize.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {joinJapaneseAffixes} from '../../src/trends/join-japanese-affixes.js'
import {joinKatakana} from '../../src/trends/join-katakana.js'

const words = (text: string): string[] =>
  joinJapaneseAffixes(joinKatakana(tokenize(text, 'ja')))
    .filter((t) => t.kind !== 'space')
    .map((t) => t.text)

describe('joinJapaneseAffixes', () => {
  it('joins a suffix to the noun before it and a prefix to the noun after it', () => {
    // The segmenter alone gives 技術|的, 法|的, 責任|者, 仕様|書, 再|配布, 文書|化, 不|変性.
    expect(words('組織は技術的な手順と法的な責任者を定め、仕様書を再配布する。文書化と不変性。')).toEqual([
      '組織',
      'は',
      '技術的',
      'な',
      '手順',
      'と',
      '法的',
      'な',
      '責任者',
      'を',
      '定め',
      '、',
      '仕様書',
      'を',
      '再配布',
      'する',
      '。',
      '文書化',
      'と',
      '不変性',
      '。'
    ])
  })

  it('leaves an affix apart from a particle, a space or a mark', () => {
    expect(words('法的、者 書の再。')).toEqual(['法的', '、', '者', '書', 'の', '再', '。'])
  })

  it('gives a Japanese series 責任者 and 仕様書 as terms, never 的 or 者 alone; Chinese keeps its 的 a particle', async () => {
    const ja = [
      await yearlyEdition('ja', 2019, '責任者は技術的な仕様書を確認する。責任者は法的な仕様書を確認する。'),
      await yearlyEdition('ja', 2020, '責任者は技術的な仕様書を確認する。担当者は法的な手順書を確認する。')
    ]
    const result = computeTrends(ja, {ngram: 1, top: 20})
    const top = result.editions[0]!.top.map((t) => t.key)
    expect(top).toContain('責任者')
    expect(top).toContain('仕様書')
    expect(top.filter((t) => ['的', '者', '書'].includes(t))).toEqual([])
    // The match text is unchanged: a term written as two pieces or one is found alike.
    expect(computeTrends(ja, {terms: ['責任者', '責任']}).terms.map((t) => t.counts)).toEqual([
      [2, 1],
      [2, 1]
    ])
    const zh = [await yearlyEdition('zh', 2019, '中国的发展和中国的安全。'), await yearlyEdition('zh', 2020, '中国的发展。')]
    expect(computeTrends(zh, {ngram: 1, top: 20}).editions[0]!.top.map((t) => t.key)).not.toContain('中国的')
  })
})
