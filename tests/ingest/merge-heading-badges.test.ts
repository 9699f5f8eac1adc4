import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type BadgeLine, isBadge, mergeHeadingBadges} from '../../src/ingest/merge-heading-badges.js'
import {writePdf} from './pdf-writer.js'

const line = (text: string, x0: number, y: number, size: number, page = 1): BadgeLine => ({
  text,
  page,
  x0,
  x1: x0 + text.length * size * 0.5,
  y,
  size
})
const big = (item: BadgeLine): boolean => item.size >= 14

describe('isBadge', () => {
  it.each(['제1장', 'Part 01', '01', '3.1', '第1章', 'Chapter 2', '부록1', '부록 2', '付録3'])('takes %s for a number alone', (text) => {
    expect(isBadge(text)).toBe(true)
  })
  it.each(['추진 배경', '2023', 'Part 01 인공지능기본법 소개', '1. Scope', '부록', '부록1 양식'])('does not take %s for one', (text) => {
    expect(isBadge(text)).toBe(false)
  })
})

describe('mergeHeadingBadges', () => {
  it('puts an annex label, its kind in brackets and its title, one a line, into one heading', () => {
    // OpenChain 2.1 ko, page 12 (ISO's layout): `부록 A` 13.9 pt, `(정보)` 10.6 pt, `다국어 번역` 13.9 pt, centred.
    const lines = [
      line('부록 A', 285, 95, 14),
      line('(정보)', 292, 115, 10),
      line('다국어 번역', 269, 154, 14),
      line('body text', 55, 187, 10)
    ]
    expect(mergeHeadingBadges(lines, big).map((item) => item.text)).toEqual(['부록 A (정보) 다국어 번역', 'body text'])
    // A bracketed line under a title that is no badge stays apart.
    const titled = [line('Translations', 285, 95, 14), line('(informative)', 292, 115, 10), line('Scope', 269, 154, 14)]
    expect(mergeHeadingBadges(titled, big).map((item) => item.text)).toEqual(['Translations', '(informative)', 'Scope'])
  })

  it('puts a badge above a title at the start of the title', () => {
    const lines = [line('제1장', 120, 133, 24), line('추진 배경', 113, 197, 28), line('body text of the chapter', 67, 254, 10)]
    expect(mergeHeadingBadges(lines, big).map((item) => item.text)).toEqual(['제1장 추진 배경', 'body text of the chapter'])
  })

  it("puts an appendix's number above its title at the start of the title", () => {
    // msit-ai-impact p. 27: `부록1` above `인공지능 영향평가서 양식 및 작성 예시`, not a heading of its own.
    const lines = [line('부록1', 60, 80, 16), line('인공지능 영향평가서 양식 및 작성 예시', 60, 110, 20), line('body text', 60, 150, 10)]
    expect(mergeHeadingBadges(lines, big).map((item) => item.text)).toEqual(['부록1 인공지능 영향평가서 양식 및 작성 예시', 'body text'])
  })

  it('puts the badge of a chapter opener, set well above its title, at the start of the title', () => {
    // KISA guide, page 6: `Chapter 01` (24 pt) 103 pt above `개요` (32 pt), a running line between them gone as furniture.
    const lines = [line('Chapter 01', 92, 183, 24), line('개요', 281, 286, 32), line('body text of the chapter', 67, 380, 10)]
    expect(mergeHeadingBadges(lines, big).map((item) => item.text)).toEqual(['Chapter 01 개요', 'body text of the chapter'])
  })

  it('puts a large chapter number set left of its title, its baseline a little lower, before the title', () => {
    // ko/msit-ai-transparency-guideline-2026.pdf, page 8: `2` at 35.5 pt on 153.1, `투명성 의무별 설명` at 22 pt on 150.2.
    const lines = [line('투명성 의무별 설명', 159.8, 150.2, 22), line('2', 98.2, 153.1, 35.5), line('1) 사전 고지 의무', 79.3, 225.2, 13)]
    expect(mergeHeadingBadges(lines, big).map((item) => item.text)).toEqual(['2 투명성 의무별 설명', '1) 사전 고지 의무'])
  })

  it('puts a badge beside a two-line title before its first line, not between its lines', () => {
    const lines = [
      line('Securing Financial Institutions', 140, 100, 20),
      line('01', 72, 112, 28),
      line('under EU regulations', 140, 124, 20),
      line('body text', 72, 160, 10)
    ]
    expect(mergeHeadingBadges(lines, big).map((item) => item.text)).toEqual([
      '01 Securing Financial Institutions',
      'under EU regulations',
      'body text'
    ])
  })

  it('leaves a number that no title follows, on its page, alone', () => {
    const lines = [line('01', 72, 700, 24), line('The next title', 72, 90, 24, 2)]
    expect(mergeHeadingBadges(lines, big).map((item) => item.text)).toEqual(['01', 'The next title'])
  })

  it('leaves a number in body type alone', () => {
    const lines = [line('3.1', 72, 100, 10), line('Next Heading', 72, 112, 16)]
    expect(mergeHeadingBadges(lines, big).map((item) => item.text)).toEqual(['3.1', 'Next Heading'])
  })
})

describe('a slide title with its badge, in a PDF', async () => {
  const parsed = await fromPdf(
    writePdf([
      {
        lines: [
          {text: 'Cloud Security Guide', x: 72, y: 50, size: 36, bold: true},
          {text: '02', x: 72, y: 112, size: 28, bold: true},
          {text: 'Securing Financial Institutions', x: 140, y: 100, size: 20, bold: true},
          {text: 'under EU regulations', x: 140, y: 124, size: 20, bold: true},
          {text: 'Financial institutions in the EU follow the rules of their regulators for cloud services.', x: 72, y: 170, size: 10},
          {text: 'They report incidents within a day and test their recovery plans every year.', x: 72, y: 184, size: 10}
        ]
      }
    ])
  )

  it('is one heading, badge first', () => {
    expect(parsed.title).toBe('Cloud Security Guide')
    const headings = parsed.root.children.filter((node) => node.type === 'heading').map((node) => toString(node))
    expect(headings).toEqual(['02 Securing Financial Institutions under EU regulations'])
  })
})
