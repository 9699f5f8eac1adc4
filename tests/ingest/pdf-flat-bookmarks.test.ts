/**
 * Issue #18, the KISA guide's shape: bookmarks that all sit one level deep under an exporter's
 * wrapper (Hwp's `책갈피`) mark where sections start but not how they nest; the printed contents
 * (dot leaders run into the page number, `<참고 제1호>` entries indented under their appendix, and
 * chapter openers repeating their part of it) give the levels.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {findContentsPages, type PlacedLine} from '../../src/ingest/find-contents-pages.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {titleSimilarity} from '../../src/ingest/match-contents.js'
import {flatBookmarks, unwrapBookmarks} from '../../src/ingest/skeleton-levels.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const leaders = '·'.repeat(40)
/** Body text, worded per section (a line repeated on every page would be a running head). */
const body = (y: number, topic: string): TestLine[] =>
  [`This section says how ${topic} is checked, by whom and how often, in plain words.`, `Each ${topic} check is written down.`].map(
    (text, index) => ({text, x: 72, y: y + index * 12, size: 10})
  )

/** A five-page guide: a contents page, then sections whose type sizes alone would not nest the appendix entry. */
function guide(): Uint8Array {
  const contents: TestLine[] = [
    {text: 'Contents', x: 72, y: 80, size: 20, bold: true},
    {text: `I. Overview ${leaders}2`, x: 66, y: 120, size: 12, bold: true},
    {text: `1. Purpose ${leaders}2`, x: 76, y: 140, size: 10},
    {text: `2. Scope ${leaders}3`, x: 76, y: 160, size: 10},
    {text: `II. Appendix ${leaders}4`, x: 66, y: 180, size: 12, bold: true},
    {text: `<Ref 1> Budget table ${leaders}4`, x: 76, y: 200, size: 10},
    {text: `<Ref 2> Vendor rules ${leaders}5`, x: 76, y: 220, size: 10}
  ]
  const heading = (text: string, y: number, size = 16): TestLine => ({text, x: 72, y, size, bold: true})
  return writePdf(
    [
      {lines: contents},
      {lines: [heading('Overview', 80), heading('01 Purpose', 120), ...body(150, 'the purpose')]},
      {lines: [heading('02 Scope', 80), ...body(110, 'the scope')]},
      // The appendix entries are set like the appendix itself: only the contents nest them.
      {lines: [heading('Appendix', 80), heading('Budget table', 200), ...body(230, 'the budget')]},
      {lines: [heading('Vendor rules', 80), ...body(110, 'a vendor')]}
    ],
    [
      {
        title: 'Bookmarks',
        page: 1,
        children: [
          {title: 'Overview', page: 2},
          {title: 'Purpose', page: 2},
          {title: 'Scope', page: 3},
          {title: 'Appendix', page: 4},
          {title: 'Budget table', page: 4},
          {title: 'Vendor rules', page: 5}
        ]
      }
    ]
  )
}

describe('flat bookmarks and a printed contents', () => {
  it('tells flat bookmarks from a tree', () => {
    const flat = [
      {title: 'Bookmarks', level: 1},
      {title: 'One', level: 2},
      {title: 'Two', level: 2},
      {title: 'Three', level: 2}
    ]
    expect(flatBookmarks(unwrapBookmarks(flat))).toBe(true)
    const tree = ['A', 'a1', 'B', 'b1', 'C', 'c1'].map((title) => ({title, level: title.length}))
    expect(flatBookmarks(tree)).toBe(false)
  })

  it('takes the levels from the printed contents and the positions from the page', async () => {
    const parsed = await fromPdf(guide())
    expect(parsed.toc.map((entry) => `${entry.level} ${entry.numbering ?? '-'} ${entry.title} ${entry.page}`)).toEqual([
      '1 I. Overview 2',
      '2 1. Purpose 2',
      '2 2. Scope 3',
      '1 II. Appendix 4',
      '2 - <Ref 1> Budget table 4',
      '2 - <Ref 2> Vendor rules 5'
    ])
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
    expect(headings).toEqual(['1 Overview', '2 01 Purpose', '2 02 Scope', '1 Appendix', '2 Budget table', '2 Vendor rules'])
    // The contents page is not body text, and every entry was found.
    expect(parsed.root.children.some((node) => toString(node).includes('····'))).toBe(false)
    expect(parsed.messages.filter((message) => message.code === 'contents-entry-unmatched')).toEqual([])
  })

  it('matches an entry to a heading that sets its number as a badge or leaves its bracketed label out', () => {
    expect(titleSimilarity('자산분류', '03 자산분류')).toBe(1)
    expect(titleSimilarity('<참고 제1호> 정보보호 정책 목차 (예시)', '정보보호 정책 목차 (예시)')).toBe(1)
    expect(titleSimilarity('<사례 01> 공급망 공격', '공급망 공격')).toBe(1)
    expect(titleSimilarity('자산분류', '03 위험관리')).toBeLessThan(0.6)
  })
})

describe('findContentsPages on chapter openers', () => {
  const at = (text: string, x0: number, y: number, size = 10): PlacedLine => ({text, x0, x1: x0 + text.length * size * 0.5, y, size})
  it('reads leaders run into the number, keeps `Chapter 02` out, and lists the repeated entries once', () => {
    const contents = [
      at('CONTENTS', 60, 60, 30),
      at(`I. 개요 ${leaders}6`, 66, 100, 13),
      at(`1. 개요 ${leaders}7`, 74, 120),
      at(`2. 목적 및 구성 ${leaders}7`, 74, 140),
      at(`II. 관리적 분야 ${leaders}9`, 66, 160, 13),
      at(`1. 정보보호 정책 ${leaders}17`, 74, 180),
      at(`2. 정보보호 조직 ${leaders}29`, 74, 200),
      at(`3. 자산분류 ${leaders}33`, 74, 220),
      at(`4. 위험관리 ${leaders}41`, 74, 240),
      at(`Ⅵ. 부록 ${leaders}50`, 66, 260, 13)
    ]
    const opener = [
      at('Chapter 02', 60, 60, 20),
      at('관리적 분야', 200, 120, 20),
      at(`1. 정보보호 정책 ${leaders}17`, 74, 180),
      at(`2. 정보보호 조직${leaders}29`, 74, 200),
      at(`3. 자산분류 ${leaders}33`, 74, 220),
      at(`4. 위험관리 ${leaders}41`, 74, 240),
      at(`5. 감사 ${leaders}47`, 74, 260)
    ]
    const found = findContentsPages([contents, opener])
    expect(found.entries.map((entry) => `${entry.level} ${entry.numbering ?? '-'} ${entry.title} ${entry.page}`)).toEqual([
      '1 I. 개요 6',
      '2 1. 개요 7',
      '2 2. 목적 및 구성 7',
      '1 II. 관리적 분야 9',
      '2 1. 정보보호 정책 17',
      '2 2. 정보보호 조직 29',
      '2 3. 자산분류 33',
      '2 4. 위험관리 41',
      '1 VI. 부록 50',
      // An entry only the opener lists is kept.
      '1 5. 감사 47'
    ])
    expect(found.used[1]!.slice(2).every(Boolean)).toBe(true)
  })
})

describe('titleSimilarity on requirement codes', () => {
  it('matches two titles opening with one code, however they translate the rest', () => {
    expect(titleSimilarity('G5: FOSS Community 참여를 이해하라', 'G5: FOSS 커뮤니티참여를 이해하라')).toBeGreaterThanOrEqual(0.8)
    expect(titleSimilarity('G5: FOSS Community 참여를 이해하라', 'G6: OpenChain 요구사항 준수를 인증하라')).toBeLessThan(0.6)
  })
})

describe('titleSimilarity on chapter numbers', () => {
  // ko/msit-ai-transparency-guideline-2026.pdf: the contents list `2 투명성 조항별 설명`, the chapter opener prints `2 투명성 의무별 설명`.
  it('matches two titles opening with one chapter number and worded alike for half their words', () => {
    expect(titleSimilarity('2 투명성 조항별 설명', '2 투명성 의무별 설명')).toBeGreaterThanOrEqual(0.8)
    expect(titleSimilarity('2 투명성 조항별 설명', '3 투명성 의무별 설명')).toBeLessThan(0.6)
    expect(titleSimilarity('1 개요', '1 목적')).toBeLessThan(0.6)
  })
})
