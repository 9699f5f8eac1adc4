/**
 * Issue #18, Hancom's Hwp 5.0 file format spec (`ko/hwp-5.0-file-format-spec-rev1.3-2018.pdf`): 94
 * bookmarks name every section, but its prose is set at 10 pt over 9 pt tables that carry most
 * characters, so every prose line was heading type and 237 headings were found (precision 0.397):
 * sentences (`FileHeader 스트림에 저장되는 데이터는 다음과 같다.`), table captions (`표 3 파일 인식 정보`),
 * `Tag ID : HWPTAG_…` lines and the column head `설명`. Rebuilt in English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {notHeading, readsAsProse} from '../../src/ingest/classify-pdf-lines.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestBookmark, type TestLine, type TestPage, writePdf} from './pdf-writer.js'

const pageWord = ['alpha', 'bravo', 'charlie', 'delta']

/** A table of 9 pt rows worded per page, under its column head and over its caption. */
function table(n: number, y: number): TestLine[] {
  const word = pageWord[n - 1]!
  return [
    {text: 'Description', x: 72, y, size: 9, bold: true},
    ...Array.from({length: 16}, (_, k) => ({
      text: `${word} field ${k + 1}: an unsigned integer that says how the ${word} record is stored`,
      x: 90,
      y: y + 14 + k * 12,
      size: 9
    })),
    {text: `Table ${n} The ${word} record`, x: 200, y: y + 14 + 16 * 12 + 6, size: 10}
  ]
}

function page(n: number): TestPage {
  const word = pageWord[n - 1]!
  return {
    lines: [
      {text: `${n}. The ${word} chapter`, x: 72, y: 70, size: 14, bold: true},
      {text: `${n}.1 ${word} records`, x: 72, y: 100, size: 12, bold: true},
      {text: `The ${word} records are stored in the stream below.`, x: 72, y: 122, size: 10},
      {text: `Tag ID : HWPTAG_${word.toUpperCase()}_DATA`, x: 72, y: 140, size: 10},
      ...table(n, 160),
      // Not listed in the bookmarks, but set like a heading and worded like one: it stays.
      ...(n === 2 ? [{text: 'Reading order', x: 72, y: 420, size: 11, bold: true}] : []),
      // A diagram's caption set larger than the sections (the spec's `Control Object Instance`, 12 pt beside 11.5 pt bold, p. 17).
      ...(n === 3 ? [{text: 'Control Object Instance', x: 300, y: 400, size: 13}] : []),
      {text: `Each ${word} record is read in the order the table gives.`, x: 72, y: 440, size: 10}
    ]
  }
}

const bookmarks: TestBookmark[] = pageWord.map((word, k) => ({
  title: `${k + 1}. The ${word} chapter`,
  page: k + 1,
  children: [{title: `${k + 1}.1 ${word} records`, page: k + 1}]
}))

describe('headings in type only, in a PDF whose bookmarks name every section', () => {
  it('are paragraphs when they read as prose, captions, a column head or a style larger than the smallest listed that no bookmark uses; a heading-like one stays', async () => {
    const parsed = await fromPdf(writePdf([1, 2, 3, 4].map(page), bookmarks))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual([
      '1. The alpha chapter',
      '1.1 alpha records',
      '2. The bravo chapter',
      '2.1 bravo records',
      'Reading order',
      '3. The charlie chapter',
      '3.1 charlie records',
      '4. The delta chapter',
      '4.1 delta records'
    ])
    const text = parsed.root.children.map((node) => toString(node)).join('\n')
    expect(text).toContain('The bravo records are stored in the stream below.')
    expect(text).toContain('Tag ID : HWPTAG_BRAVO_DATA')
    expect(text).toContain('Control Object Instance')
  })

  it('read as prose: a sentence, a caption, a line carrying on; a title does not', () => {
    expect(readsAsProse('FileHeader 스트림에 저장되는 데이터는 다음과 같다.')).toBe('sentence')
    expect(readsAsProse('표 3 파일 인식 정보')).toBe('caption')
    expect(readsAsProse('Figure 1: license')).toBe('caption')
    expect(readsAsProse('Sanitization)’장에 속한다.')).toBe('sentence')
    expect(readsAsProse('v‑.')).toBe('continuation')
    expect(readsAsProse('’장의 인젝션 방지 섹션')).toBe('continuation')
    expect(readsAsProse('and the rest of the sentence')).toBe('continuation')
    expect(readsAsProse('본 문서에 대하여...')).toBeNull()
    expect(readsAsProse('4.2.1. 문서 속성')).toBeNull()
    expect(readsAsProse('Tables and figures')).toBeNull()
  })

  it('a line with a telephone number is never a heading', () => {
    expect(notHeading('경기도 성남시 분당구 대왕판교로 644번길 49 한컴타워 10층 전화: (031) 627-7000')).toBe('contact')
    expect(notHeading('팩스: 02-405-5000')).toBe('contact')
    expect(notHeading('4.3.9.2.1. 개체 요소')).toBeNull()
    expect(notHeading('ISO/IEC 5230:2020')).toBeNull()
  })
})
