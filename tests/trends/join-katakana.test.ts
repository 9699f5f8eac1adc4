import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {tokenize} from '../../src/text/tokenize.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {joinKatakana} from '../../src/trends/join-katakana.js'

const words = (text: string): string[] =>
  joinKatakana(tokenize(text, 'ja'))
    .filter((t) => t.kind !== 'space')
    .map((t) => t.text)

async function edition(year: number, body: string) {
  const text = `---\ntitle: 仕様書\nyear: ${year}\nlanguage: ja\n---\n\n# はじめに\n\n${body}\n`
  return (await ingestEdition(new TextEncoder().encode(text), {file: `spec-${year}.md`, language: 'ja'})).edition
}

describe('joinKatakana', () => {
  it('joins the pieces of a loanword the dictionary does not know, and keeps the words of a compound it knows', () => {
    // The segmenter alone gives コン|プライア|ン|ス and コン|トリ|ビュ|ー|ション.
    expect(words('コンプライアンス プログラムへのコントリビューション')).toEqual([
      'コンプライアンス',
      'プログラム',
      'へ',
      'の',
      'コントリビューション'
    ])
    expect(words('サプライチェーンのセキュリティ・ポリシー')).toEqual(['サプライ', 'チェーン', 'の', 'セキュリティ', '・', 'ポリシー'])
    expect(
      joinKatakana(tokenize('ライセンスコンプライアンスを', 'ja'))
        .map((t) => t.text)
        .join('')
    ).toBe('ライセンスコンプライアンスを')
  })

  it('gives a Japanese series whole loanwords as its terms, never a letter of one', async () => {
    const old = await edition(2019, 'コンプライアンスの要件を定める。組織はコンプライアンスを確認する。コンプライアンスの記録を残す。')
    const next = await edition(
      2020,
      'コンプライアンスの要件を定める。組織はコントリビューションを確認する。コントリビューションの記録を残す。'
    )
    const result = computeTrends([old, next], {ngram: 1})
    const terms = result.terms.map((t) => t.term)
    expect(terms).toContain('コンプライアンス')
    expect(terms.filter((t) => /^[\p{Script=Katakana}ー]{1,2}$/u.test(t))).toEqual([])
    const counted = computeTrends([old, next], {terms: ['コンプライアンス']}).terms[0]!
    expect(counted.counts).toEqual([3, 1])
  })
})
