import {describe, expect, it} from 'vitest'
import {yearlyEdition} from '../support/yearly-edition.js'
import {tokenize} from '../../src/text/tokenize.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {joinJapaneseAffixes} from '../../src/trends/join-japanese-affixes.js'
import {joinKatakana} from '../../src/trends/join-katakana.js'
import {joinOkurigana} from '../../src/trends/join-okurigana.js'

// As the trends index reads Japanese.
const words = (text: string): string[] =>
  joinOkurigana(joinJapaneseAffixes(joinKatakana(tokenize(text, 'ja'))))
    .filter((t) => t.kind !== 'space')
    .map((t) => t.text)

describe('joinOkurigana', () => {
  it('joins a kanji stem to its inflection, up to the first particle', () => {
    // The segmenter alone gives 満|た|し|て|いる, 含|ま|れる, 基|づ|い|て.
    expect(words('要件を満たしている。FOSSが含まれること。規約に基づいて')).toEqual([
      '要件',
      'を',
      '満たしている',
      '。',
      'FOSS',
      'が',
      '含まれる',
      'こと',
      '。',
      '規約',
      'に',
      '基づいて'
    ])
  })

  it('leaves a one-kanji noun apart from its particle, and a longer kanji word apart from する', () => {
    expect(words('次の節では表を示す。文書化される。')).toEqual([
      '次',
      'の',
      '節',
      'では',
      '表',
      'を',
      '示す',
      '。',
      '文書化',
      'さ',
      'れる',
      '。'
    ])
  })

  it('never ends a new or vanished phrase on a bare stem', async () => {
    // OpenChain ja 2.0 → 2.1: `要件を満` vanished, `要求事項を満` was new.
    const editions = [
      await yearlyEdition('ja', 2019, '組織は要件を満たしている。会社も要件を満たしている。'),
      await yearlyEdition('ja', 2020, '組織は規則を満たしている。会社も規則を満たしている。')
    ]
    const [change] = computeTrends(editions, {ngram: 1, top: 20, lineages: false}).newLanguage
    const phrases = [...change!.new, ...change!.vanished].map((p) => p.phrase)
    expect(phrases).toContain('要件を満たしている')
    expect(phrases).toContain('規則を満たしている')
    expect(phrases.filter((p) => p.endsWith('満'))).toEqual([])
  })
})
