import {describe, expect, it} from 'vitest'
import {yearlyEdition} from '../support/yearly-edition.js'
import {stopWords} from '../../src/text/languages.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {termStopWords} from '../../src/trends/term-stop-words.js'

describe('termStopWords', () => {
  it('adds Korean bound nouns, light verbs and verbs used as postpositions to the shared list', () => {
    const ko = termStopWords('ko')
    for (const word of ['수', '있', '한다', '위한', '위해', '대한', '것', '모든']) expect(ko.has(word), word).toBe(true)
    // Negation, the copula and auxiliaries in the forms the tokeniser leaves (Contributor Covenant ko: 않, 같, 입니다 among its terms).
    for (const word of ['않', '같', '입니다', '아닌', '있어야', '있음', '합니다', '됩니다', '외', '더'])
      expect(ko.has(word), word).toBe(true)
    for (const word of ['프로그램', '오픈소스', '정책', '조직']) expect(ko.has(word), word).toBe(false)
  })

  it('takes a Japanese word all in hiragana for grammar', () => {
    const ja = termStopWords('ja-JP')
    for (const word of ['した', 'ました', 'ません', 'の']) expect(ja.has(word), word).toBe(true)
    for (const word of ['組織', 'オープンソース', 'ポリシー', '仕様書', '責任者', 'foss']) expect(ja.has(word), word).toBe(false)
  })

  it('takes the Japanese determiners and relational nouns written in kanji for grammar', () => {
    const ja = termStopWords('ja')
    for (const word of ['本', '各', '当該', '第', '等', '内', '中', '間', '上']) expect(ja.has(word), word).toBe(true)
    for (const word of ['本文', '組織', '文書', '法']) expect(ja.has(word), word).toBe(false)
    // The list is Japanese: Chinese keeps its shared list.
    expect(termStopWords('zh').has('当該')).toBe(false)
  })

  it('is the shared list in every other language', () => {
    const en = termStopWords('en')
    for (const word of stopWords('en')) expect(en.has(word), word).toBe(true)
    for (const word of ['security', 'cloud', 'pw.8.1']) expect(en.has(word), word).toBe(false)
  })

  it('takes a letter alone for no term, in any language; a Han character or a Hangul syllable stays one', () => {
    // CNCF 2020: `e` of e.g. was its twentieth term, 32 times.
    for (const tag of ['en', 'ko', 'ja', 'fr'])
      for (const word of ['e', 'g', 'b', 'ж', 'λ']) expect(termStopWords(tag).has(word), `${tag} ${word}`).toBe(true)
    expect(termStopWords('ko').has('법')).toBe(false)
    expect(termStopWords('ja').has('法')).toBe(false)
    expect(termStopWords('en').has('eg')).toBe(false)
  })

  it('keeps grammar out of a series’ default terms (OpenChain ko: 수 "can" was the sixth)', async () => {
    const ko = [
      await yearlyEdition('ko', 2019, '조직은 정책을 수립할 수 있다. 조직은 교육을 제공할 수 있다. 조직은 문서를 공개할 수 있다.'),
      await yearlyEdition('ko', 2020, '조직은 정책을 수립할 수 있다. 조직은 교육을 제공할 수 있다. 프로그램을 운영할 수 있다.')
    ]
    const koTerms = computeTrends(ko, {ngram: 2}).terms.map((t) => t.term)
    expect(koTerms).toContain('조직')
    expect(koTerms.filter((t) => /(^| )(수|있)( |$)/u.test(t))).toEqual([])
    const ja = [
      await yearlyEdition('ja', 2019, '組織はポリシーを文書化しました。組織は技術的な手順を確認しました。'),
      await yearlyEdition('ja', 2020, '組織はポリシーを文書化しました。組織は法的な手順を確認しました。')
    ]
    const jaTerms = computeTrends(ja, {ngram: 1}).terms.map((t) => t.term)
    expect(jaTerms).toContain('組織')
    expect(jaTerms.filter((t) => ['した', 'ました', 'まし', 'た'].includes(t))).toEqual([])
  })
})
