import {describe, expect, it} from 'vitest'
import {parseNumbering} from '../../src/text/parse-numbering.js'

describe('parseNumbering', () => {
  const cases: Array<[string, string | null, string]> = [
    ['Chapter II World Trends in 2019', 'Chapter II', 'World Trends in 2019'],
    ['Section 3 Diplomacy with Europe', 'Section 3', 'Diplomacy with Europe'],
    ['Part Two: Outlook', 'Part Two', 'Outlook'],
    ['A01:2021 – Broken Access Control', 'A01:2021', 'Broken Access Control'],
    ['A1:2017-Injection', 'A1:2017', 'Injection'],
    ['API1:2023 Broken Object Level Authorization', 'API1:2023', 'Broken Object Level Authorization'],
    ['7.4.1.2. Server Hello', '7.4.1.2.', 'Server Hello'],
    ['7.4.1.2 Server Hello', '7.4.1.2', 'Server Hello'],
    ['1. Introduction', '1.', 'Introduction'],
    ['A.1 Record layer', 'A.1', 'Record layer'],
    ['IV. Conclusions', 'IV.', 'Conclusions'],
    ['제1장 한반도 평화', '제1장', '한반도 평화'],
    ['제2절 남북관계', '제2절', '남북관계'],
    // A statute's article heads: the title is printed in brackets after the number.
    ['제1조(목적)', '제1조', '목적'],
    ['제2조의2(법의 적용 제외)', '제2조의2', '법의 적용 제외'],
    ['제5조 (재위탁 제한)', '제5조', '재위탁 제한'],
    ['第2節 経済外交', '第2節', '経済外交'],
    ['第一章 总则', '第一章', '总则'],
    ['一、总体要求', '一、', '总体要求'],
    ['1）はじめに', '1）', 'はじめに'],
    ['（2）目的', '（2）', '目的'],
    ['３）適用範囲', '３）', '適用範囲'],
    ['1)はじめに', '1)', 'はじめに'],
    // Word's list number before the printed section label (OpenChain 1.1 and 1.2 ko): both are the numbering.
    ['1) 제 1 절 소개', '1) 제 1 절', '소개'],
    ['2. 第2章 用語の定義', '2. 第2章', '用語の定義'],
    ['3) 제도 개선', '3)', '제도 개선'],
    // Japanese list and section numbers before a Latin word or in full-width digits (govcio dp2021-01).
    ['4)Outside-In の視点', '4)', 'Outside-In の視点'],
    ['1)e-Gov 直接の利用者とのワークショップ', '1)', 'e-Gov 直接の利用者とのワークショップ'],
    ['3)Apple pie', null, '3)Apple pie'],
    ['１ サービスデザインの主要なアプローチ', '１', 'サービスデザインの主要なアプローチ'],
    ['１.１サービスデザインとは', '１.１', 'サービスデザインとは'],
    ['２.３ Lesson Learned', '２.３', 'Lesson Learned'],
    ['２０２１年', null, '２０２１年'],
    ['가. 추진 배경', '가.', '추진 배경'],
    ['(1) 개요', '(1)', '개요'],
    ['① 목적', '①', '목적'],
    // ISO style in Korean and Japanese (OpenChain 2.1): a bare number before a script without capitals, and annexes.
    ['1 적용 범위', '1', '적용 범위'],
    ['2 用語と定義', '2', '用語と定義'],
    ['3 장에서는', '3', '장에서는'],
    ['부록 A (정보) 다국어 번역', '부록 A', '(정보) 다국어 번역'],
    ['부록 I: 언어 번역', '부록 I', '언어 번역'],
    ['附属書 A （参考）', '附属書 A', '（参考）'],
    ['부록', null, '부록'],
    ['Executive Summary', null, 'Executive Summary'],
    ['2020', null, '2020'],
    ['Welcome to the OWASP API Security Top 10 - 2023!', null, 'Welcome to the OWASP API Security Top 10 - 2023!']
  ]
  for (const [heading, numbering, title] of cases) {
    it(heading, () => {
      expect(parseNumbering(heading)).toEqual({numbering, title})
    })
  }

  it('answers the same text alike every time, whatever a caller did to an earlier answer', () => {
    const first = parseNumbering('3.2 자산 분류')
    first.title = 'changed'
    first.numbering = null
    expect(parseNumbering('3.2 자산 분류')).toEqual({numbering: '3.2', title: '자산 분류'})
    // Past the bound of remembered texts (20,000), answers are worked out again and stay the same.
    for (let i = 0; i < 20_050; i++) parseNumbering(`${i % 999}. 항목 ${i}`)
    expect(parseNumbering('3.2 자산 분류')).toEqual({numbering: '3.2', title: '자산 분류'})
    expect(parseNumbering('12. 항목 20012')).toEqual({numbering: '12.', title: '항목 20012'})
  })
})
