import {describe, expect, it} from 'vitest'
import {findContentsPages, type PlacedLine} from '../../src/ingest/find-contents-pages.js'
import type {Message} from '../../src/model/edition.js'
import {skeletonLevels} from '../../src/ingest/skeleton-levels.js'
import {type HeadingCandidate, matchContents, type SkeletonEntry, titleSimilarity} from '../../src/ingest/match-contents.js'

const at = (text: string, x0: number, y: number, size = 8): PlacedLine => ({text, x0, x1: x0 + text.length * size * 0.5, y, size})

/** A contents row: the title at its indent, the page number right-aligned at `edge`. */
const row = (title: string, x0: number, y: number, page: number, edge: number): PlacedLine[] => [
  at(title, x0, y),
  {text: String(page), x0: edge - String(page).length * 4, x1: edge, y, size: 8}
]

describe('findContentsPages', () => {
  it('reads a front-matter entry paged in Roman numerals as an entry without a page, not as body text', () => {
    // OpenChain 2.1 ja and ko: `はじめに ....... iii` and `소개 iii` before the numbered entries.
    for (const front of ['はじめに ..................... iii', '소개 iii']) {
      const page = [
        at('目次', 60, 60, 14),
        at(front, 60, 100),
        ...row('1 適用範囲 ..........', 60, 112, 1, 270),
        ...row('2 用語と定義 ..........', 60, 124, 1, 270),
        ...row('3 要求事項 ..........', 60, 136, 2, 270),
        ...row('3.1 プログラムの基盤 ..........', 60, 148, 2, 270)
      ]
      const found = findContentsPages([page, [at('本文', 60, 80, 10)]])
      expect(found.entries[0]).toMatchObject({title: front.replace(/[ .]+iii$/u, ''), page: null})
      expect(found.entries.map((entry) => entry.title)).toContain('プログラムの基盤')
      expect(found.used[0]!.filter(Boolean)).toHaveLength(page.length)
    }
  })

  it('reads a two-column contents page: indents give levels per column, a wrapped title is one entry', () => {
    const page = [
      at('Index', 60, 60, 20),
      ...row('Executive Summary', 60, 100, 3, 270),
      ...row('Purpose', 66, 112, 3, 270),
      ...row('Problem Analysis', 74, 124, 4, 270),
      ...row('Cloud Native Layers', 60, 136, 8, 270),
      ...row('Lifecycle', 66, 148, 9, 270),
      // The right column continues in the same grid of indents.
      ...row('Image Trust', 334, 100, 23, 540),
      at('Denial of Service (DoS) & Distributed', 326, 112),
      ...row('Denial of Service (DDoS)', 326, 122, 30, 540),
      ...row('Security Assurance', 320, 134, 31, 540),
      ...row('Threat Modeling', 326, 146, 31, 540)
    ]
    const body = [at('Introduction', 60, 80, 18), at('Published in 2020, this paper has 44 pages and 12 chapters.', 60, 100, 10)]
    const found = findContentsPages([[at('Cover', 60, 300, 28)], page, body])
    expect(found.entries.map((entry) => `${entry.level} ${entry.title} ${entry.page}`)).toEqual([
      '1 Executive Summary 3',
      '2 Purpose 3',
      '3 Problem Analysis 4',
      '1 Cloud Native Layers 8',
      '2 Lifecycle 9',
      '3 Image Trust 23',
      '2 Denial of Service (DoS) & Distributed Denial of Service (DDoS) 30',
      '1 Security Assurance 31',
      '2 Threat Modeling 31'
    ])
    // Every line of the contents page is used (its title too); the other pages are untouched.
    expect(found.used[1]!.every(Boolean)).toBe(true)
    expect(found.used[0]).toEqual([false])
    expect(found.used[2]).toEqual([false, false])
  })

  it("trusts an entry's weight over its indent when its own entries are indented as under the next level", () => {
    // CNCF 2020: Deploy pulled flush left with the chapters, but set in the sections' thin weight and
    // with its subsections two indents in. Target Audience (a section in the subsections' size) keeps its indent.
    const weighted = (title: string, x0: number, y: number, page: number, size: number, weight: number): PlacedLine[] => [
      {...at(title, x0, y, size), weight},
      {text: String(page), x0: 262, x1: 270, y, size: 8, weight: 280}
    ]
    const page = [
      at('Index', 60, 60, 20),
      ...weighted('Introduction', 60, 100, 6, 8, 320),
      ...weighted('Target Audience', 66, 112, 6, 7, 280),
      ...weighted('Cloud Native Layers', 60, 124, 8, 8, 320),
      ...weighted('Distribute', 66, 136, 12, 8, 280),
      ...weighted('Build Pipeline', 74, 148, 13, 7, 280),
      ...weighted('Deploy', 60, 160, 17, 8, 280),
      ...weighted('Pre-Flight Deployment Checks', 74, 172, 18, 7, 280),
      ...weighted('Compliance', 60, 184, 37, 8, 320),
      ...weighted('Regulatory Audits', 66, 196, 37, 8, 280)
    ]
    expect(findContentsPages([page]).entries.map((entry) => `${entry.level} ${entry.title}`)).toEqual([
      '1 Introduction',
      '2 Target Audience',
      '1 Cloud Native Layers',
      '2 Distribute',
      '3 Build Pipeline',
      '2 Deploy',
      '3 Pre-Flight Deployment Checks',
      '1 Compliance',
      '2 Regulatory Audits'
    ])
    // Without weights the indent rules: Deploy is a chapter.
    const unweighted = page.map(({weight: _, ...line}) => line)
    expect(findContentsPages([unweighted]).entries.map((entry) => `${entry.level} ${entry.title}`)).toContain('1 Deploy')
  })

  it('takes a title and its number set close enough to read as one line, and Korean numbering labels', () => {
    const page = [
      at('목차', 60, 60, 20),
      at('제1장 총칙 3', 60, 100),
      at('제1절 목적 3', 70, 112),
      at('제2절 정의 4', 70, 124),
      at('제2장 인공지능 영향평가 9', 60, 136),
      at('제1절 사전 준비 단계 10', 70, 148)
    ]
    const found = findContentsPages([page])
    expect(found.entries).toEqual([
      {level: 1, numbering: '제1장', title: '총칙', page: 3},
      {level: 2, numbering: '제1절', title: '목적', page: 3},
      {level: 2, numbering: '제2절', title: '정의', page: 4},
      {level: 1, numbering: '제2장', title: '인공지능 영향평가', page: 9},
      {level: 2, numbering: '제1절', title: '사전 준비 단계', page: 10}
    ])
  })

  it('reads a chapter-only contents page under its title: numbered entries without page numbers, runs of one entry joined', () => {
    const page = [
      at('목차', 60, 60, 20),
      at('제1장 총론', 60, 100),
      at('제1절 인공지능 영향평가 개요', 70, 112),
      at('제2절 추진 근거 및 용어 정의', 70, 124),
      at('•환경변화', 80, 136),
      // Label, title, slash and number set as separate runs on one baseline.
      at('제2장', 60, 148),
      at('수행 단계', 90, 148),
      at('/', 114, 148),
      {text: '9', x0: 124, x1: 128, y: 148, size: 8},
      at('제1절 사전 준비 단계', 70, 160)
    ]
    const found = findContentsPages([page])
    expect(found.entries).toEqual([
      {level: 1, numbering: '제1장', title: '총론', page: null},
      {level: 2, numbering: '제1절', title: '인공지능 영향평가 개요', page: null},
      {level: 2, numbering: '제2절', title: '추진 근거 및 용어 정의', page: null},
      {level: 3, numbering: null, title: '환경변화', page: null},
      {level: 1, numbering: '제2장', title: '수행 단계', page: 9},
      {level: 2, numbering: '제1절', title: '사전 준비 단계', page: null}
    ])
    // The topic bullet is part of the contents page, not body text.
    expect(found.used[0]![4]).toBe(true)
  })

  it('lists the bullet topics under an entry as entries one level below it, a wrapped topic as one', () => {
    // sw-supply-chain summary p. 3: `•환경변화` … under `제1장 추진배경 / 1`, `•SBOM 최소요건` under `제2절 … / 5`.
    const entry = (label: string, title: string, x0: number, y: number, page: number): PlacedLine[] => {
      const slash = at('/', at(title, x0 + 30, y).x1 + 8, y)
      return [at(label, x0, y), at(title, x0 + 30, y), slash, {text: String(page), x0: slash.x1 + 6, x1: slash.x1 + 14, y, size: 8}]
    }
    const page = [
      at('Contents', 40, 60, 20),
      ...entry('제1장', '추진배경', 60, 100, 1),
      at('•환경변화', 70, 114),
      at('•SW 공급망 보안 필요성', 70, 128),
      ...entry('제2장', 'SW 공급망 위험관리 방안', 60, 150, 3),
      ...entry('제1절', '위험관리 체계 구축 방안', 70, 164, 3),
      at('•공급망 위험관리 개요', 70, 178),
      ...entry('제2절', 'SW 구성요소의 신뢰성 확보 방안', 70, 200, 5),
      at('•기업지원허브, 디지털헬스케어 보안리빙랩,', 70, 214),
      at('국가사이버안보협력센터 기술공유실', 74, 228),
      ...entry('제3장', 'SBOM 기반 SW 공급망 강화방안', 60, 250, 10)
    ]
    const found = findContentsPages([page, [at('본문', 60, 80, 10)]])
    expect(found.entries.map(({level, title, page}) => [level, title, page])).toEqual([
      [1, '추진배경', 1],
      [2, '환경변화', null],
      [2, 'SW 공급망 보안 필요성', null],
      [1, 'SW 공급망 위험관리 방안', 3],
      [2, '위험관리 체계 구축 방안', 3],
      [3, '공급망 위험관리 개요', null],
      [2, 'SW 구성요소의 신뢰성 확보 방안', 5],
      [3, '기업지원허브, 디지털헬스케어 보안리빙랩, 국가사이버안보협력센터 기술공유실', null],
      [1, 'SBOM 기반 SW 공급망 강화방안', 10]
    ])
    // The wrapped topic's second line is contents too, not a stray line of body text.
    expect(found.used[0]!.every(Boolean)).toBe(true)
  })

  it('reads the few entries atop the next page as the contents carried over, when their pages go on from it', () => {
    // KISA p. 271–272: `<서식 제17호> … 295` to `제40호 … 320`, then `제41호 … 322` to `제43호 … 324` on the next page.
    const first = [20, 21, 22, 23, 24].flatMap((n, k) => row(`<서식 제${n}호> 서식 ${n} ········`, 60, 100 + 12 * k, 296 + n, 270))
    const next = [
      ...[41, 42, 43].flatMap((n, k) => row(`<서식 제${n}호> 서식 ${n} ········`, 60, 100 + 12 * k, 281 + n, 270)),
      at('<서식 제1호>', 60, 200)
    ]
    const found = findContentsPages([first, next, [at('본문', 60, 80, 10)]])
    expect(found.entries.map((entry) => entry.page)).toEqual([316, 317, 318, 319, 320, 322, 323, 324])
    expect(found.used[1]).toEqual([true, true, true, true, true, true, false])
    // Numbers that do not go on from the contents page are a body page's own (a table's rows, say).
    const table = [...[1, 2, 3].flatMap((n, k) => row(`항목 ${n} ········`, 60, 100 + 12 * k, 10 - n, 270)), at('본문', 60, 200)]
    expect(findContentsPages([first, table]).used[1]!.some(Boolean)).toBe(false)
  })

  it('takes an unnumbered line set like the chapters for an entry that holds the entries after it', () => {
    // msit-ai-impact p. 2: `부록` in the chapters' bold, then its numbered appendices in the sections' regular type.
    const bold = (text: string, y: number): PlacedLine => ({...at(text, 60, y), weight: 700, bold: true})
    const page = [
      at('목차', 60, 60, 20),
      bold('제1장 총론', 100),
      at('제1절 개요', 60, 112),
      at('제2절 추진 근거', 60, 124),
      bold('제2장 단계별 고려사항', 140),
      at('제1절 사전 준비 단계', 60, 152),
      bold('부록', 168),
      at('1. 영향평가서 양식', 60, 180),
      at('2. 지원 안내', 60, 192)
    ]
    expect(findContentsPages([page]).entries.map((entry) => [entry.level, entry.numbering, entry.title])).toEqual([
      [1, '제1장', '총론'],
      [2, '제1절', '개요'],
      [2, '제2절', '추진 근거'],
      [1, '제2장', '단계별 고려사항'],
      [2, '제1절', '사전 준비 단계'],
      [1, null, '부록'],
      [2, '1.', '영향평가서 양식'],
      [2, '2.', '지원 안내']
    ])
    // Every line set alike: no style marks a level, and an unnumbered line is no entry.
    const plain = page.map((line) => ({...line, weight: 400, bold: false}))
    expect(findContentsPages([plain]).entries.map((entry) => entry.title)).not.toContain('부록')
  })

  it("reads a chapter opener's list of its sections as contents, and keeps its title and the body's headings", () => {
    const contents = [
      at('목차', 60, 60, 20),
      at('제1장 총론', 60, 100),
      at('제1절 인공지능 영향평가 개요', 60, 112),
      at('제2절 추진 근거 및 용어 정의', 60, 124),
      at('제2장 단계별 고려사항', 60, 140),
      at('제1절 사전 준비 단계', 60, 152)
    ]
    // The opener: `제1장` over `총론`, its sections listed below, the second one wrapped.
    const opener = [
      at('제1장', 250, 300, 16),
      at('총론', 250, 330, 16),
      at('제1절 인공지능 영향평가 개요', 250, 380, 10),
      at('제2절 추진 근거 및', 250, 395, 10),
      at('용어 정의', 250, 410, 10)
    ]
    // The body: a heading, its first section's heading right below it, and that section's text.
    const body = [
      at('제2장 단계별 고려사항', 60, 80, 16),
      at('제1절 사전 준비 단계', 60, 110, 12),
      at('평가 필요성을 검토한다.', 60, 130, 10)
    ]
    const found = findContentsPages([contents, opener, body])
    expect(found.entries).toHaveLength(5)
    expect(found.used[1]).toEqual([false, false, true, true, true])
    expect(found.used[2]).toEqual([false, false, false])
  })

  it("reads a chapter opener's sections printed with their leaders and pages as contents, however few, beside running text", () => {
    // The KISA guide's openers: `Chapter 01` over `개요`, then `1. 개요 ····· 7` … (p. 6); `Chapter 03` lists one section (p. 215).
    const contents = [
      at('목차', 60, 60, 20),
      ...row('I. 개요', 60, 100, 6, 270),
      ...row('1. 개요', 70, 112, 7, 270),
      ...row('2. 목적 및 구성', 70, 124, 7, 270),
      ...row('II. 관리적 분야', 60, 136, 9, 270),
      ...row('III. 물리적 분야', 60, 148, 215, 270),
      ...row('1. 물리보안', 70, 160, 217, 270)
    ]
    const leader = ' ························ '
    const opener = [
      at('Chapter 01', 60, 80, 20),
      at('개요', 250, 110, 20),
      at(`1. 개요${leader}7`, 60, 200, 10),
      at(`2. 목적 및 구성${leader}7`, 60, 215, 10)
    ]
    const single = [
      at('Chapter 03', 60, 80, 20),
      at('2026 주요정보통신기반시설 안내서', 300, 40, 8),
      at('물리적 분야 기본 항목', 250, 110, 20),
      at(`1. 물리보안${leader}217`, 60, 200, 10),
      at('6', 300, 800, 8)
    ]
    // In the body a heading has no leader, and a line that ends in a number is no entry.
    const body = [at('1. 개요', 60, 80, 12), at('이 안내서는 7개 분야를 다룬다', 60, 100, 10)]
    const found = findContentsPages([contents, opener, single, body])
    expect(found.used[1]).toEqual([false, false, true, true])
    expect(found.used[2]).toEqual([false, false, false, true, false])
    expect(found.used[3]).toEqual([false, false])
  })

  it('ends a title at a tag the contents repeats, and reads a second index below the contents as contents, not entries', () => {
    // After the CNCF Cloud Native Security Whitepaper v2 (2022, Apache-2.0), contents page 3: below
    // Acknowledgements the right column lists the new sections again under `NEW IN V2 INDEX`, the
    // first of them printed without its page number.
    const page = [
      at('TABLE OF CONTENTS', 60, 47, 21),
      ...row('Security Assurance', 60, 100, 31, 270),
      ...row('Threat Modeling', 66, 112, 32, 270),
      ...row('Incident Response', 328, 100, 35, 540),
      ...row('Use case: Ransomware (New in v2)', 328, 112, 35, 540),
      ...row('Secure Defaults (New in v2)', 336, 124, 40, 540),
      ...row('Appendix', 320, 136, 51, 540),
      ...row('Citations', 328, 148, 54, 540),
      at('NEW IN V2 INDEX', 320, 172, 9),
      at('Threat Matrix for Containers (New in v2)', 320, 184),
      ...row('Use case: Ransomware (New in v2)', 320, 196, 35, 540),
      ...row('Secure Defaults (New in v2)', 320, 208, 40, 540)
    ]
    const found = findContentsPages([page])
    expect(found.entries.map((entry) => `${entry.level} ${entry.title} ${entry.page}`)).toEqual([
      '1 Security Assurance 31',
      '2 Threat Modeling 32',
      '2 Incident Response 35',
      '2 Use case: Ransomware (New in v2) 35',
      '3 Secure Defaults (New in v2) 40',
      '1 Appendix 51',
      '2 Citations 54'
    ])
    // Nothing of the page is left for the body: not the second index's title, not its unnumbered entry.
    expect(found.used[0]!.every(Boolean)).toBe(true)
  })

  it('leaves body pages alone: a table of figures with numbers is not a contents page', () => {
    const table = [
      at('Region', 60, 100, 10),
      ...row('North', 60, 112, 12, 270),
      ...row('South', 60, 124, 7, 270),
      at('Sales grew in every region but the west, where two stores closed during the year.', 60, 140, 10),
      at('The north opened five new stores and hired more staff than planned in spring.', 60, 154, 10),
      at('Costs rose less than sales, so the margin improved for the third year running.', 60, 168, 10)
    ]
    expect(findContentsPages([table]).entries).toEqual([])
  })
})

describe('matchContents', () => {
  const heading = (text: string, page: number, rank = 1): HeadingCandidate => ({text, page, heading: true, rank})
  const body = (text: string, page: number): HeadingCandidate => ({text, page, heading: false, rank: 0})
  const entry = (level: number, title: string, page: number | null): SkeletonEntry => ({level, numbering: null, title, page})
  const printed = {physicalPages: false, labels: [], source: 'printed contents'}

  it('does not warn about a topic listed under a section that the body prints as a lead-in, not a heading', () => {
    // sw-supply-chain summary: `•환경변화` under `제1장 추진배경 / 1` is `(환경변화) 사람과 사물…` in the body.
    const candidates = [
      heading('추진배경', 3),
      body('(환경변화) 사람과 사물이 서로 연결되는 초연결사회 도래', 3),
      heading('위험관리 방안', 5)
    ]
    const entries = [entry(1, '추진배경', 1), entry(2, '환경변화', null), entry(1, '위험관리 방안', 3)]
    const match = matchContents(candidates, entries, printed)
    expect(match.levels).toEqual([1, null, 1])
    expect(match.messages).toEqual([])
    // An entry the contents pages is still one to warn about when no heading has its words.
    const paged = matchContents(candidates, [...entries, entry(1, '시사점', 4)], printed)
    expect(paged.messages.map((message) => message.text)).toEqual([
      '1 of 3 printed contents entries have no heading on the page they name ("시사점"); the outline there follows type sizes'
    ])
  })

  it('keeps listed headings of one numbering depth siblings at the deepest level, however differently they are set', () => {
    // OpenChain 2.1 ko: `3.1.3 인식` set at 11 pt (rank 3), `3.1.4 프로그램 적용 범위` at 10.6 (rank 6), both listed at level 3.
    const candidates = [
      heading('3 요구사항', 6, 2),
      heading('3.1 프로그램 설립', 6, 5),
      heading('3.1.3 인식', 7, 3),
      heading('3.1.4 프로그램 적용 범위', 7, 6)
    ]
    const entries = [
      entry(1, '3 요구사항', 2),
      entry(2, '3.1 프로그램 설립', 2),
      entry(3, '3.1.3 인식', 3),
      entry(3, '3.1.4 프로그램 적용 범위', 3)
    ]
    expect(matchContents(candidates, entries, printed).levels).toEqual([1, 2, 3, 3])
    // Unnumbered, type sizes still nest a deeper heading the contents lists at its deepest level.
    const unnumbered = [heading('Requirements', 6, 2), heading('Program', 6, 5), heading('Awareness', 7, 3), heading('Scope', 7, 6)]
    const plain = [entry(1, 'Requirements', 2), entry(2, 'Program', 2), entry(3, 'Awareness', 3), entry(3, 'Scope', 3)]
    expect(matchContents(unnumbered, plain, printed).levels).toEqual([1, 2, 3, 4])
  })

  it('nests none of the deepest listed headings by type where the skeleton already overruled the type of one of them', () => {
    // OWASP ASVS ko, p. 14: its bookmarks list `ASVS 의 구조`, `릴리스 전략`, `ASVS 의 유연성` at level 3, but
    // `ASVS 의 구조` is measured at 10.5 pt like the level-2 `ASVS 사용 방법` (its Latin word is set larger), the others at 9.5.
    const candidates = [
      heading('ASVS 란 무엇인가', 10, 1),
      heading('ASVS 사용 방법', 14, 2),
      heading('ASVS 의 구조', 14, 2),
      heading('릴리스 전략', 14, 3),
      heading('ASVS 의 유연성', 14, 3),
      heading('ASVS 의 사용 사례', 15, 2)
    ]
    const entries = [
      entry(1, 'ASVS 란 무엇인가', 10),
      entry(2, 'ASVS 사용 방법', 14),
      entry(3, 'ASVS의 구조', 14),
      entry(3, '릴리스 전략', 14),
      entry(3, 'ASVS의 유연성', 14),
      entry(2, 'ASVS의 사용 사례', 15)
    ]
    const match = matchContents(candidates, entries, {physicalPages: true, labels: [], source: 'bookmark'})
    expect(match.levels).toEqual([1, 2, 3, 3, 3, 2])
    expect(match.messages.map((message) => message.code)).toEqual(['structure-signals-disagree'])
  })

  it('learns the offset from printed to physical pages and sets each listed heading to its entry depth', () => {
    const candidates = [heading('Introduction', 3), heading('Goals', 4), heading('Cloud Native Layers', 10), heading('Deploy', 12)]
    const entries = [entry(1, 'Introduction', 1), entry(2, 'Goals', 2), entry(1, 'Cloud Native Layers', 8), entry(2, 'Deploy', 10)]
    const match = matchContents(candidates, entries, printed)
    expect(match.levels).toEqual([1, 2, 1, 2])
    expect(match.found).toBe(4)
    expect(match.messages).toEqual([])
  })

  it('a heading-styled line before the contents page and before every listed heading is front matter, not a heading', () => {
    // CNCF 2022 page 2: `VERSION 2` and `VERSION 1 (NOV 2020)` over the contributors; the contents is on page 3.
    const candidates = [heading('VERSION 2', 2), heading('VERSION 1 (NOV 2020)', 2), heading('Introduction', 5), heading('Remarks', 6, 2)]
    const entries = [entry(1, 'Introduction', 1)]
    expect(matchContents(candidates, entries, {...printed, contentsPage: 3}).levels).toEqual([null, null, 1, 2])
    // Where the contents page is not known, they stay headings at their type rank.
    expect(matchContents(candidates, entries, printed).levels).toEqual([1, 1, 1, 2])
  })

  it('uses page labels when the PDF has them, and a same-titled heading on another page is not taken', () => {
    // The first Scope (a summary's heading, rank 3) stays at its type rank; the listed one is level 1.
    const candidates = [heading('Scope', 2, 3), heading('Scope', 5, 3), heading('Terms', 6, 3)]
    const labels = [null, null, null, null, '1', '2']
    const match = matchContents(candidates, [entry(1, 'Scope', 1), entry(1, 'Terms', 2)], {...printed, labels})
    expect(match.levels).toEqual([3, 1, 1])
    expect(match.found).toBe(2)
  })

  it('matches entries worded differently, finds a listed heading set in body type, and warns once for the rest', () => {
    const candidates = [
      heading('Part 01 인공지능기본법 소개', 5),
      body('사례 01 채용 AI의 편향', 6),
      body('사례 02 의료 AI의 설명', 7),
      body('이 사례는 채용 과정에서 발생한 문제를 다룬다.', 7)
    ]
    const entries = [
      entry(1, '제1장. 인공지능기본법 소개', 3),
      entry(2, '사례 01 채용 AI의 편향', 4),
      entry(2, '사례 02 의료 AI의 설명', 5),
      entry(2, '사례 03 금융 AI', 9),
      entry(2, '사례 04 공공 AI', 10)
    ]
    const match = matchContents(candidates, entries, printed)
    expect(match.levels).toEqual([1, 2, 2, null])
    expect(match.messages).toHaveLength(1)
    expect(match.messages[0]).toMatchObject({severity: 'warning', code: 'contents-entry-unmatched'})
    expect(match.messages[0]!.text).toContain('2 of 5 printed contents entries')
    expect(titleSimilarity('GitOps (New in v2)', 'GitOps')).toBe(1)
    // Word's list number before the section's own label (OpenChain 1.1 ko: `3) 제 3 절 요구사항`).
    expect(titleSimilarity('제 3 절 요구사항', '3) 제 3 절 요구사항')).toBe(1)
    expect(titleSimilarity('제 3 절 요구사항', '3) 제 4 절 정의')).toBeLessThan(0.6)
  })

  it('finds an entry the contents prints out of place among the entries of its page', () => {
    // govcio: `3) 人材育成や組織設立の支援 … 52` is listed after `2) … 55`; the body opens 5.5 with it on page 52.
    const candidates = [
      heading('５.５ 国際連携', 52),
      heading('1) 人材育成や組織設立の支援', 52, 2),
      heading('2) ソリューションの提供と共有', 53, 2),
      heading('3) 方法論や手法の提供および共有', 55, 2)
    ]
    const entries = [
      entry(1, '国際連携', 52),
      entry(2, 'ソリューションの提供と共有', 53),
      entry(2, '方法論や手法の提供および共有', 55),
      entry(2, '人材育成や組織設立の支援', 52)
    ]
    const match = matchContents(candidates, entries, {...printed, physicalPages: true})
    expect(match.found).toBe(4)
    expect(match.levels).toEqual([1, 2, 2, 2])
    expect(match.messages).toEqual([])
    // Pages that start again and go on (a second numbering) keep the listed order: the first Scope is not taken.
    const restarted = [entry(1, 'Scope', 5), entry(1, 'Terms', 6), entry(1, 'Annex', 1), entry(1, 'Tables', 2)]
    const again = [heading('Scope', 5), heading('Terms', 6), heading('Annex', 1), heading('Tables', 2)]
    expect(matchContents(again, restarted, {...printed, physicalPages: true}).found).toBe(4)
  })

  it("takes a chapter's opener and the band atop its first page for one chapter, and an appendix's label for its number", () => {
    const unpaged = (level: number, numbering: string | null, title: string): SkeletonEntry => ({level, numbering, title, page: null})
    const candidates = [
      heading('제1장 총론', 3),
      heading('제1장 인공지능 영향평가 개요', 4),
      heading('제1절 인공지능 영향평가 개요', 4, 2),
      heading('제2장 단계별 고려사항', 11),
      heading('제2장 단계별 고려사항', 12),
      heading('제1절 사전 준비 단계', 13, 2),
      heading('부록', 26),
      heading('부록4 인공지능 영향평가 관련 FAQ', 37, 2)
    ]
    const entries = [
      unpaged(1, '제1장', '총론'),
      unpaged(2, '제1절', '인공지능 영향평가 개요'),
      unpaged(1, '제2장', '단계별 고려사항'),
      unpaged(2, '제1절', '사전 준비 단계'),
      unpaged(1, null, '부록'),
      unpaged(2, '4.', '인공지능 영향평가 FAQ')
    ]
    const match = matchContents(candidates, entries, printed)
    // The band on p. 4 and the second copy of 제2장 on p. 12 are no headings; the chapter starts at its opener.
    expect(match.levels).toEqual([1, null, 2, 1, null, 2, 1, 2])
    expect(match.found).toBe(6)
    expect(titleSimilarity('인공지능 영향평가 FAQ', '부록4 인공지능 영향평가 관련 FAQ')).toBeGreaterThanOrEqual(0.8)
  })

  it('says in one warning where the contents and the type sizes disagree, and follows the contents', () => {
    const candidates = [
      heading('Summary', 2, 1),
      heading('Layers', 3, 1),
      heading('Lifecycle', 4, 2),
      heading('Develop', 5, 2),
      heading('Deploy', 6, 2),
      heading('Runtime', 7, 2),
      heading('Compute', 8, 2),
      heading('Assurance', 9, 1)
    ]
    const entries = [
      entry(1, 'Summary', 2),
      entry(1, 'Layers', 3),
      entry(2, 'Lifecycle', 4),
      entry(2, 'Develop', 5),
      entry(1, 'Deploy', 6),
      entry(1, 'Runtime', 7),
      entry(2, 'Compute', 8),
      entry(1, 'Assurance', 9)
    ]
    const match = matchContents(candidates, entries, {...printed, physicalPages: true})
    expect(match.levels).toEqual([1, 1, 2, 2, 1, 1, 2, 1])
    expect(match.messages.map((message) => message.code)).toEqual(['structure-signals-disagree'])
    expect(match.messages[0]!.text).toBe(
      'the printed contents and the type sizes disagree on 2 headings (first "Deploy": level 1 in the printed contents, set like level 2); the printed contents are followed'
    )
  })

  it('lets the pages decide where a printed contents lists a lone heading one level higher than they set it, and says so once', () => {
    // CNCF 2022: the contents indents `Incident Response` as a sibling of `Threat Modeling`; the pages
    // set it like Threat Modeling's sections, and the Markdown source nests it there.
    const candidates: HeadingCandidate[] = []
    const entries: SkeletonEntry[] = []
    for (let chapter = 1; chapter <= 10; chapter++) {
      candidates.push(heading(`Chapter ${'ABCDEFGHIJ'[chapter - 1]}`, chapter, 1))
      entries.push(entry(1, `Chapter ${'ABCDEFGHIJ'[chapter - 1]}`, chapter))
      for (const name of ['Scope', 'Threats', 'Controls']) {
        candidates.push(heading(`${name} of ${chapter}`, chapter, 2), heading(`Detail of ${name} ${chapter}`, chapter, 3))
        entries.push(entry(2, `${name} of ${chapter}`, chapter), entry(3, `Detail of ${name} ${chapter}`, chapter))
      }
    }
    candidates.splice(5, 0, heading('Incident Response', 1, 3))
    entries.splice(5, 0, entry(2, 'Incident Response', 1))
    const match = matchContents(candidates, entries, {...printed, physicalPages: true})
    expect(match.levels.slice(0, 8)).toEqual([1, 2, 3, 2, 3, 3, 2, 3])
    expect(match.messages.map((message) => message.text)).toEqual([
      'the printed contents list 1 heading one level higher than the pages set it (first "Incident Response"); the pages are followed'
    ])
    // Bookmarks are the author's own tree: they are followed whatever the type says.
    expect(matchContents(candidates, entries, {...printed, physicalPages: true, source: 'bookmark'}).levels[5]).toBe(2)
  })

  it('nests headings below the deepest listed level by type size, and unlisted headings below the listed one before them', () => {
    const candidates = [
      heading('Runtime', 3, 1),
      heading('Orchestration', 4, 2),
      heading('Policies', 4, 3),
      heading('Limits', 5, 3),
      heading('Notes', 5, 4)
    ]
    const entries = [entry(1, 'Runtime', 3), entry(2, 'Orchestration', 4), entry(2, 'Policies', 4), entry(2, 'Limits', 5)]
    const match = matchContents(candidates, entries, {...printed, physicalPages: true})
    expect(match.levels).toEqual([1, 2, 3, 3, 4])
  })
})

describe('skeletonLevels', () => {
  const block = (text: string, page: number, heading = true) => ({lines: [{text, page}], heading, code: false})

  it('takes the bookmark tree over the printed contents, with physical pages', () => {
    const blocks = [block('Overview', 2), block('Scope', 2), block('Terms', 3), block('Plain text line', 3, false), block('Annex', 4)]
    const messages: Message[] = []
    const toc = [
      {level: 1, numbering: null, title: 'Overview', page: 1},
      {level: 1, numbering: null, title: 'Scope', page: 1}
    ]
    // Hwp wraps the tree in the file name and a `책갈피` entry (no levels of the document) and glues anchor names to titles.
    const bookmarks = [
      {title: 'NTF0000352803f4.hwp', level: 1, page: 1},
      {title: '책갈피', level: 2, page: 1},
      {title: 'C01_01Overview', level: 3, page: 2},
      {title: 'Scope', level: 4, page: 2},
      {title: 'Terms', level: 5, page: 3},
      {title: 'Annex', level: 3, page: 4}
    ]
    const levels = skeletonLevels(blocks, () => 1, {bookmarks, labels: []}, toc, messages)
    expect(blocks.map((item) => levels.get(item))).toEqual([1, 2, 3, null, 1])
    expect(messages).toEqual([])
  })

  it('decides nothing without bookmarks or contents, and warns once when none of the entries is found', () => {
    const blocks = [block('Overview', 2)]
    const messages: Message[] = []
    expect(skeletonLevels(blocks, () => 1, {bookmarks: [], labels: []}, [], messages).size).toBe(0)
    const toc = [{level: 1, numbering: null, title: 'Something else entirely', page: 1}]
    expect(skeletonLevels(blocks, () => 1, {bookmarks: [], labels: []}, toc, messages).size).toBe(0)
    expect(messages.map((message) => message.code)).toEqual(['contents-entry-unmatched'])
  })
})

describe('titleSimilarity, its forms remembered per text', () => {
  it('gives every pair the same score whatever was compared before, and after more texts than it keeps', () => {
    const titles = [
      '제1장 총론',
      '1) 제 1 절 소개',
      '<참고 제1호> 예산',
      'GitOps (New in v2)',
      'GitOps',
      '03 자산분류',
      '자산 분류',
      'G5: FOSS',
      ''
    ]
    const scores = () => titles.flatMap((a) => titles.map((b) => titleSimilarity(a, b)))
    const first = scores()
    expect(first.filter((score) => score === 1).length).toBeGreaterThan(titles.length)
    // Fill the store past its bound with texts never seen, so it is emptied once on the way.
    for (let i = 0; i < 25_000; i++) titleSimilarity(`제${i}장 항목 ${i}`, '총론')
    expect([...scores()].reverse()).toEqual([...first].reverse())
    expect(titles.map((a) => titleSimilarity(a, '자산 분류'))).toEqual(titles.map((a) => first[titles.indexOf(a) * titles.length + 6]))
  })
})
