/**
 * Issue #21 item 3 on real PDFs: a cover set in the chapters' type (the MSIT guideline's
 * `인공지능 / 영향평가 / 가이드라인` at 25 pt, its chapters alike), a title in two sizes, and a
 * document information title that names the file (`OpenChain-2.1_original_ja`) gave editions the
 * stand-in title (`Ko`, `Openchain spec`) or the file's name.
 */
import {describe, expect, it} from 'vitest'
import {coverTitle, isFileNameTitle, runningTitle, titleAsWritten} from '../../src/ingest/cover-title.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {BadgeLine} from '../../src/ingest/merge-heading-badges.js'
import {buildLineLexicon} from '../../src/ingest/repair-words.js'
import {type TestLine, type TestPage, writePdf} from './pdf-writer.js'

const line = (text: string, size: number, y: number): BadgeLine => ({text, size, y, page: 1, x0: 72, x1: 72 + text.length * size * 0.5})
const lexicon = buildLineLexicon([])

describe('coverTitle', () => {
  it('joins the lines set in the cover’s largest type, in reading order', () => {
    const cover = [line('2026', 19, 100), line('인공지능', 25, 300), line('영향평가', 25, 330), line('가이드라인', 25, 360)]
    expect(coverTitle(cover, 12, lexicon)).toBe('인공지능 영향평가 가이드라인')
    // Japanese lines join without a space.
    expect(coverTitle([line('行政機関における', 19, 100), line('優良事例', 19, 125), line('2021 年 4 月', 12, 200)], 12, lexicon)).toBe(
      '行政機関における優良事例'
    )
  })

  it('carries the title on through the lines stacked under it in a second display size, lined up with it', () => {
    // KISA's cover: a year and the title's first line at 34 pt, its remaining words at 28 pt, all from one left edge.
    const kisa = [
      line('2026', 34, 252),
      line('주요정보통신기반시설', 34, 298),
      line('관리·물리적 취약점 분석·평가방법', 28, 339),
      line('안내서', 28, 374)
    ]
    expect(coverTitle(kisa, 12, lexicon)).toBe('주요정보통신기반시설 관리·물리적 취약점 분석·평가방법 안내서')
    // A version line set a little smaller, right-aligned under a right-aligned title (OpenChain 1.1 ko).
    const right = (text: string, size: number, y: number): BadgeLine => ({
      ...line(text, size, y),
      x0: 540 - text.length * size * 0.5,
      x1: 540
    })
    expect(coverTitle([right('OpenChain 설명서', 22, 129), right('버전 1.1', 18, 162)], 12, lexicon)).toBe('OpenChain 설명서 버전 1.1')
  })

  it('stops the title at a line set much smaller, far below, elsewhere on the page, or in another language', () => {
    expect(coverTitle([line('애플리케이션 보안 검증 표준', 18, 351), line('Version 5.0.0', 14, 386)], 12, lexicon)).toBe(
      '애플리케이션 보안 검증 표준'
    )
    expect(coverTitle([line('Security Guide', 30, 300), line('Assessment Guide', 26, 400)], 12, lexicon)).toBe('Security Guide')
    expect(coverTitle([line('Security Guide', 30, 300), {...line('Assessment Guide', 26, 340), x0: 300, x1: 520}], 12, lexicon)).toBe(
      'Security Guide'
    )
    // The HWP specification's English title under its Korean one is the same title translated.
    const hwp = [
      line('한글 문서 파일 구조 5.0', 30, 520),
      line('Hwp Document File Formats 5.0', 24, 563),
      line('revision 1.3:20181108', 16, 595)
    ]
    expect(coverTitle(hwp, 12, lexicon)).toBe('한글 문서 파일 구조 5.0')
  })

  it('finds none where the cover is body text, a badge, a contents page or a display paragraph', () => {
    expect(coverTitle([line('Scope', 10, 100), line('This guide says how.', 10, 120)], 11, lexicon)).toBeNull()
    expect(coverTitle([line('요약본', 22, 100), line('05', 14, 200)], 12, lexicon)).toBeNull()
    expect(coverTitle([line('CONTENTS', 28, 100), line('Overview 1', 14, 200)], 12, lexicon)).toBeNull()
    expect(coverTitle([line('목 차', 28, 100)], 12, lexicon)).toBeNull()
    const display = ['We', 'set', 'our', 'whole', 'mission', 'large'].map((text, index) => line(text, 30, 100 + index * 40))
    expect(coverTitle(display, 12, lexicon)).toBeNull()
  })
})

describe('isFileNameTitle', () => {
  it('tells a document information title that names a file from one that names the document', () => {
    for (const title of ['OpenChain-2.1_original_ja', 'Microsoft Word - draft.docx', 'report_final_v2', 'guide.hwp'])
      expect(isFileNameTitle(title), title).toBe(true)
    for (const title of ['OpenChain Specification v1.0 Japanese Translation', '애플리케이션 보안 검증 표준', 'Whitepaper'])
      expect(isFileNameTitle(title), title).toBe(false)
  })
})

describe('runningTitle', () => {
  const page = (...texts: string[]) => texts.map((text) => ({text}))
  const marked = (pages: Array<Array<{text: string}>>) => pages.map((lines) => lines.map((_, index) => index === 0))

  it('is the running head the most pages repeat across the document, when no heading carries it', () => {
    // The MSIT transparency guideline: a cover that is a picture, the title atop the even pages and a chapter's name atop the odd.
    const pages = [
      page('x'),
      page('인공지능 투명성 확보 가이드라인', 'body'),
      page('표시 방법', 'body'),
      page('인공지능 투명성 확보 가이드라인', 'body'),
      page('표시 방법', 'body'),
      page('인공지능 투명성 확보 가이드라인', 'body'),
      page('참고자료', 'body'),
      page('인공지능 투명성 확보 가이드라인', 'body')
    ]
    expect(runningTitle(pages, marked(pages), ['1 투명성 확보 의무 개요', '표시 방법', '참고자료'])).toBe('인공지능 투명성 확보 가이드라인')
  })

  it('is none where the running heads are the chapters’, stay in one part of the document, or are page numbers and badges', () => {
    const chapters = [page('Overview', 'a'), page('Overview', 'b'), page('Procedure', 'c'), page('Procedure', 'd')]
    expect(runningTitle(chapters, marked(chapters), ['Overview', 'Procedure'])).toBeNull()
    const confined = [page('x'), page('x'), page('x'), page('x'), page('Annex tables', 'a'), page('Annex tables', 'b')]
    expect(
      runningTitle(
        confined,
        confined.map((lines) => lines.map((_, index) => index === 0 && lines.length > 1)),
        []
      )
    ).toBeNull()
    const numbers = [page('- 1 -'), page('- 2 -'), page('요약본'), page('요약본')]
    expect(runningTitle(numbers, marked(numbers), [])).toBeNull()
  })
})

/** Body lines worded per page, so none repeats as a running head. */
const body = (y: number, topic: string): TestLine[] =>
  [`This chapter says how ${topic} is assessed and by whom.`, `Each ${topic} assessment is written down.`].map((text, index) => ({
    text,
    x: 72,
    y: y + index * 12,
    size: 10
  }))

/** A guide whose cover title is set in its chapters' type (so it is no style of its own), over a year. */
function guide(info: {title?: string} = {}): Uint8Array {
  const pages: TestPage[] = [
    {
      lines: [
        {text: '2026', x: 72, y: 100, size: 14},
        {text: 'Impact Assessment', x: 72, y: 300, size: 20, bold: true},
        {text: 'Guideline', x: 72, y: 326, size: 20, bold: true}
      ]
    },
    {lines: [{text: 'Overview', x: 72, y: 80, size: 20, bold: true}, ...body(120, 'the overview')]},
    {lines: [{text: 'Procedure', x: 72, y: 80, size: 20, bold: true}, ...body(120, 'the procedure')]}
  ]
  return writePdf(pages, [], info)
}

describe('a PDF’s title', () => {
  it('is its cover’s largest type when no heading style is the title’s alone, and is no section then', async () => {
    const document = await fromPdf(guide())
    expect(document.title).toBe('Impact Assessment Guideline')
    const {edition} = await ingestEdition(guide(), {file: 'ko/impact-assessment-guideline-2026.pdf', nameByRules: true})
    expect([edition.title, edition.series, edition.edition, edition.year]).toEqual([
      'Impact Assessment Guideline',
      'impact-assessment-guideline',
      '2026',
      2026
    ])
    expect(edition.sections.map((section) => section.heading)).toEqual(['Overview', 'Procedure'])
  })

  it('is all the cover’s title lines when the title heading is the first of them, over a second display size', async () => {
    const pages: TestPage[] = [
      {
        lines: [
          {text: 'Critical Infrastructure', x: 72, y: 300, size: 34, bold: true},
          {text: 'Physical Assessment Guide', x: 72, y: 341, size: 28, bold: true}
        ]
      },
      {lines: [{text: 'Overview', x: 72, y: 80, size: 20, bold: true}, ...body(120, 'the overview')]},
      {lines: [{text: 'Procedure', x: 72, y: 80, size: 20, bold: true}, ...body(120, 'the procedure')]}
    ]
    const document = await fromPdf(writePdf(pages, []))
    expect(document.title).toBe('Critical Infrastructure Physical Assessment Guide')
  })

  it('is the running head that names it on every other page when the cover holds no text', async () => {
    const head = (text: string): TestLine => ({text, x: 72, y: 40, size: 9})
    const pages: TestPage[] = [{lines: []}]
    for (const [index, chapter] of ['Overview', 'Procedure', 'Annex'].entries())
      pages.push(
        {
          lines: [
            head('AI Transparency Guideline'),
            {text: chapter, x: 72, y: 80, size: 20, bold: true},
            ...body(120, `the ${chapter} ${index}`)
          ]
        },
        {lines: [head(chapter), ...body(80, `the ${chapter} part ${index}`)]}
      )
    const document = await fromPdf(writePdf(pages, []))
    expect(document.title).toBe('AI Transparency Guideline')
  })

  it('is the cover’s over the document information, which counts only when it does not name a file', async () => {
    expect((await fromPdf(guide({title: 'Assessment of AI Impact'}))).title).toBe('Impact Assessment Guideline')
    const bare = (title: string) =>
      writePdf([{lines: [{text: 'Overview', x: 72, y: 80, size: 10}, ...body(120, 'the overview')]}], [], {title})
    expect((await fromPdf(bare('Assessment of AI Impact'))).title).toBe('Assessment of AI Impact')
    expect((await fromPdf(bare('impact_guideline_final'))).title).toBeNull()
  })
})

describe('titleAsWritten', () => {
  const stop = new Set(['of', 'the', 'and'])
  it('writes the words a cover sets in capitals as the text spells them (CNCF 2022: CLOUD NATIVE SECURITY WHITEPAPER)', () => {
    const texts = [
      'Cloud native security is a practice.',
      'The cloud native whitepaper covers security of the cloud.',
      'Ask the CNCF about the state of things.'
    ]
    expect(titleAsWritten('CLOUD NATIVE SECURITY WHITEPAPER', [null], texts, stop)).toBe('Cloud Native Security Whitepaper')
    // A short word stays small after the first; an acronym the text writes in capitals stays in capitals.
    expect(titleAsWritten('STATE OF THE CNCF', [], texts, stop)).toBe('State of the CNCF')
    // A spelling of its own (OpenChain ja 2.0: OPENCHAIN 仕様書), and a word the text never writes, as printed.
    expect(titleAsWritten('OPENCHAIN 仕様書 ANNEX', [], ['OpenChain は OpenChain の仕様', 'OPENCHAIN'], stop)).toBe(
      'OpenChain 仕様書 ANNEX'
    )
  })

  it('takes the whole title from the document information or a bookmark when it reads the same, and leaves a title with no capitals alone', () => {
    expect(titleAsWritten('CLOUD NATIVE SECURITY', ['Cloud-Native Security'], [], stop)).toBe('CLOUD NATIVE SECURITY')
    expect(titleAsWritten('CLOUD NATIVE SECURITY', [undefined, 'Cloud Native  Security'], [], stop)).toBe('Cloud Native  Security')
    expect(titleAsWritten('Impact Assessment Guideline', ['IMPACT ASSESSMENT GUIDELINE'], ['impact'], stop)).toBe(
      'Impact Assessment Guideline'
    )
  })
})

describe('a PDF’s title in capitals', () => {
  it('is written as the document writes its words (fails while the cover’s capitals are kept)', async () => {
    const pages: TestPage[] = [
      {
        lines: [
          {text: 'IMPACT ASSESSMENT', x: 72, y: 300, size: 28, bold: true},
          {text: 'GUIDELINE', x: 72, y: 336, size: 28, bold: true}
        ]
      },
      {lines: [{text: 'Overview', x: 72, y: 80, size: 20, bold: true}, ...body(120, 'the impact assessment guideline')]},
      {lines: [{text: 'Procedure', x: 72, y: 80, size: 20, bold: true}, ...body(120, 'an assessment of impact')]}
    ]
    expect((await fromPdf(writePdf(pages, []))).title).toBe('Impact Assessment Guideline')
  })
})
