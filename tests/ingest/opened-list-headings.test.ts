/**
 * Issue #18, the MSIT AI transparency guideline (`ko/msit-ai-transparency-guideline-2026.pdf`),
 * pp. 15–23: `서비스 내 제공 시 표시 방법 예시`, boxed, is followed at once by `1) 대화 기반 서비스`,
 * `2) 음성 어시스턴트` … in the same 13 pt bold, and `외부 반출 시 표시 방법 예시` by `1) 텍스트
 * 생성물` … `5) 기타 파일 형식의 생성물`; the numbered examples were read as siblings of the heading
 * that announces them. Rebuilt in English with the standard fonts (which cannot print Hangul).
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type OpenedHeading, openedListHeadings} from '../../src/ingest/opened-list-headings.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const body = (y: number, topic: string): TestLine[] =>
  [`This part says how ${topic} are marked for the people who use them.`, `Each mark for ${topic} is shown before use.`].map(
    (text, index) => ({text, x: 72, y: y + index * 14, size: 10})
  )
const head = (text: string, y: number, size = 13): TestLine => ({text, x: 72, y, size, bold: true})

describe('a count that starts again at 1 right under an unnumbered heading of its own type', () => {
  it('is that heading’s parts, one level below it, until the next unnumbered heading of the type', async () => {
    const pages = [
      {lines: [head('4 How to mark', 80, 22), head('Basic principles', 140), ...body(170, 'services')]},
      {lines: [head('Examples within the service', 80), head('1) Chat services', 110), ...body(140, 'chat services')]},
      {lines: [head('2) Voice assistants', 80), ...body(110, 'voice assistants'), head('Examples outside the service', 180)]},
      {lines: [head('1) Generated text', 80), ...body(110, 'texts'), head('2) Generated images', 180), ...body(210, 'images')]},
      {lines: [head('5 References', 80, 22), head('1) Cases', 140), ...body(170, 'cases')]}
    ]
    const parsed = await fromPdf(writePdf(pages))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
    expect(headings).toEqual([
      '1 4 How to mark',
      '2 Basic principles',
      '2 Examples within the service',
      '3 1) Chat services',
      '3 2) Voice assistants',
      '2 Examples outside the service',
      '3 1) Generated text',
      '3 2) Generated images',
      '1 5 References',
      '2 1) Cases'
    ])
  })

  it('needs the count to start at once, at 1, in the opener’s own type', () => {
    const h = (numbering: string | null, atOnce: boolean, style = 'b13', rank = 1): OpenedHeading => ({style, rank, numbering, atOnce})
    expect([...openedListHeadings([h(null, false), h('1)', true), h('2)', false), h(null, false)])]).toEqual([1, 2])
    // Text between the heading and the count, a count that goes on from 2, another type, or a numbered opener: siblings.
    expect(openedListHeadings([h(null, false), h('1)', false), h('2)', false)]).size).toBe(0)
    expect(openedListHeadings([h(null, false), h('2)', true), h('3)', false)]).size).toBe(0)
    expect(openedListHeadings([h(null, false), h('1)', true, 'b12', 2)]).size).toBe(0)
    expect(openedListHeadings([h('1.', false), h('1)', true)]).size).toBe(0)
    // A heading in larger type ends the count, and one in another scheme.
    expect([...openedListHeadings([h(null, false), h('1)', true), h(null, false, 'b22', 0), h('2)', false)])]).toEqual([1])
    expect([...openedListHeadings([h(null, false), h('1)', true), h('가.', false), h('2)', false)])]).toEqual([1])
  })
})
