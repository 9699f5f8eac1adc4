import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {
  backCoverPages,
  type FlowLine,
  isSymbolBullet,
  notHeading,
  overprintedLines,
  type RowLine,
  tableRowLines
} from '../../src/ingest/classify-pdf-lines.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

describe('notHeading', () => {
  it.each([
    ['• 权限提升（Privilege Escalation）：在这个阶段', 'bullet'],
    ['- 내용 중 일부 오타 수정', 'bullet'],
    ['※ 본 예시 영향평가는', 'bullet'],
    ['□ 추진 배경', 'bullet'],
    ['⚫ 인공지능 영향평가(이하 “영향평가”)', 'bullet'],
    ['§', 'mark-only'],
    ['27', 'mark-only'],
    ['- 2 -', 'mark-only'],
    ['Contributors:', 'label'],
    ['Reviewers：', 'label'],
    ['(New in v2)', 'tag'],
    ['#CNCFSECURITYTAG', 'boilerplate'],
    ['GITHUB.COM/CNCF/TAG-SECURITY', 'boilerplate'],
    ['https://www.cncf.io', 'boilerplate'],
    ['예) 편향된 의료 데이터를 학습한 모델이 ‘노숙인’ 신분을 응급도 평가 변수로 활용하여', 'example'],
    ['(예) 개인정보 처리방침', 'example'],
    ['例：申請書の様式', 'example'],
    // The HWP specification's display formula, set bold at its headings' size (p. 41).
    ['MAKE_4CHID(a, b, c, d) (((a) << 24) | ((b) << 16) | ((c) << 8) | (d))', 'formula'],
    ['x = (a + b) * (c - d)', 'formula']
  ])('%s is a %s, not a heading', (text, reason) => {
    expect(notHeading(text)).toBe(reason)
  })

  it.each([
    'Executive Summary',
    '1.2 Scope',
    '§ 3 Definitions',
    '제1장 총칙',
    'Use case: Ransomware',
    'Have Feedback For Us?',
    '-1 Offset',
    '예시 작성 방법',
    '예산 편성',
    '4.3.10.1.2. 각주/미주 모양',
    '4.3.9.2. 그리기 개체(선, 사각형, 타원, 호, 다각형, 곡선)',
    'C++ / C# (.NET) guidance',
    '< 제품ㆍ서비스명 >'
  ])('leaves the heading %s alone', (text) => {
    expect(notHeading(text)).toBeNull()
  })
})

describe('isSymbolBullet', () => {
  it('takes one or two glyphs of a symbol font for a bullet, whatever letter they map to', () => {
    expect(isSymbolBullet('Wingdings-Regular', 'l ')).toBe(true)
    expect(isSymbolBullet('Wingdings-Regular', 'Ÿ')).toBe(true)
    expect(isSymbolBullet('ZapfDingbats', 'n')).toBe(true)
    expect(isSymbolBullet('SymbolMT', '·')).toBe(true)
  })

  it('does not take text in a text font, or a word in a symbol font, for a bullet', () => {
    expect(isSymbolBullet('KoPubDotumMedium', 'l ')).toBe(false)
    expect(isSymbolBullet('Wingdings-Regular', 'lllll')).toBe(false)
  })
})

describe('lines in heading type that are not headings, in a PDF', async () => {
  const body = (text: string, y: number): TestLine => ({text, x: 72, y, size: 10})
  const lines: TestLine[] = [
    {text: 'Security Policy', x: 72, y: 80, size: 16},
    body('Every organisation keeps a written security policy and reviews it once a year.', 104),
    // A Wingdings `l` before a heading-size line: a list item, as printed in Hwp guides.
    {text: 'l', x: 72, y: 130, size: 10, symbol: true, runs: [{text: ' Information security policy', size: 12}]},
    {text: 'l', x: 72, y: 146, size: 10, symbol: true, runs: [{text: ' Information security organisation', size: 12}]},
    {text: 'Contributors:', x: 72, y: 180, size: 14},
    body('Jane Doe, John Roe and the review team of the working group.', 200),
    {text: '#CNCFSECURITYTAG', x: 72, y: 240, size: 16},
    {text: 'Access Control', x: 72, y: 280, size: 16},
    body('Access is granted by role and reviewed every quarter by the owner of the system.', 304)
  ]
  const parsed = await fromPdf(writePdf([{lines}]))

  it('keeps only real headings as headings', () => {
    const headings = parsed.root.children.filter((node) => node.type === 'heading').map((node) => toString(node))
    expect(headings).toEqual(['Security Policy', 'Access Control'])
  })

  it('makes symbol-font bullets list items, without the glyph read as a letter', () => {
    const list = parsed.root.children.find((node) => node.type === 'list')
    expect(list && toString(list)).toBe('Information security policyInformation security organisation')
    expect(parsed.root.children.map((node) => toString(node)).join('\n')).not.toMatch(/^l /mu)
  })
})

describe('a Courier `o` set apart before its text, Word’s second-level bullet', async () => {
  const body = (text: string, y: number): TestLine => ({text, x: 72, y, size: 10})
  const lines: TestLine[] = [
    {text: 'Training', x: 72, y: 80, size: 16},
    body('The training covers at least the following subjects of the programme:', 104),
    {text: 'o ', x: 90, y: 122, size: 10, mono: true},
    {text: 'the policy and where to find a copy of it;', x: 108, y: 122, size: 10},
    {text: 'o ', x: 90, y: 136, size: 10, mono: true},
    {text: 'the basics of intellectual property law for open source.', x: 108, y: 136, size: 10},
    // Code is Courier throughout: its `o` is a letter.
    {text: 'o = open(path)', x: 90, y: 160, size: 10, mono: true}
  ]
  const parsed = await fromPdf(writePdf([{lines}]))
  const texts = parsed.root.children.map((node) => toString(node))

  it('is a list item, not the letter o run into the text', () => {
    const list = parsed.root.children.find((node) => node.type === 'list')
    expect(list && toString(list)).toBe(
      'the policy and where to find a copy of it;the basics of intellectual property law for open source.'
    )
    expect(texts.join('\n')).not.toMatch(/\bo the policy/u)
  })

  it('leaves a line of code its letter', () => {
    expect(texts.join('\n')).toContain('o = open(path)')
  })
})

describe('tableRowLines', () => {
  type Cell = RowLine & {text: string; bold: boolean}
  const cell = (text: string, y: number, column: number, bold = true, page = 1): Cell => ({text, y, column, bold, page})
  const bold = (line: Cell): boolean => line.bold

  it('takes lines in heading type on one baseline in both columns for the cells of a table row', () => {
    const lines = [
      cell('인공지능시스템', 120, 1),
      cell('인공지능이 구현된 시스템', 120.4, 2),
      cell('이용자', 150, 1),
      cell('제품 또는 서비스를 제공받는 자', 150, 2),
      cell('Executive Summary', 200, 1)
    ]
    expect([...tableRowLines(lines, bold)].map((line) => line.text).sort()).toEqual(
      ['인공지능시스템', '인공지능이 구현된 시스템', '이용자', '제품 또는 서비스를 제공받는 자'].sort()
    )
  })

  it('takes a line in heading type beside a row of cells in the other column, or across the gutter, for a cell of that row', () => {
    // The HWP specification, p. 42 and p. 64: a table's column heads, two in the left column beside each
    // other (a row) and the third read as the right column, or as full width where it crosses the gutter.
    const row = (text: string, y: number, column: number): Cell => ({...cell(text, y, column, false), inRow: true})
    const lines = [
      row('컨트롤 ID', 92, 1),
      row('개체 공통 속성', 92, 1),
      cell('개체 요소 속성', 92, 2),
      row('범위', 404, 1),
      row('구분', 404, 1),
      cell('설명', 404, 0),
      cell('4.3.10.10. 찾아보기 표식', 597, 1),
      cell('Wide title', 700, 0),
      cell('Another', 700, 2)
    ]
    expect([...tableRowLines(lines, bold)].map((line) => line.text).sort()).toEqual(['개체 요소 속성', '설명'].sort())
  })

  it('leaves a heading beside body text, in one column, or on another page alone', () => {
    const lines = [
      cell('Purpose', 120, 1),
      cell('body text of the right column', 120, 2, false),
      cell('Scope', 300, 1),
      cell('Terms', 300, 1),
      cell('Runtime', 400, 1),
      cell('Storage', 400, 2, true, 2),
      cell('Wide title', 500, 0),
      cell('Another', 500, 2)
    ]
    expect(tableRowLines(lines, bold).size).toBe(0)
  })
})

describe('overprintedLines', () => {
  // The decree's page 1 (ko/ai-basic-act-enforcement-decree-draft-2026.pdf): 14 pt body on a 32 pt step,
  // and the review stamp at 15 pt dropped between two of its lines.
  const line = (text: string, y: number, x0: number, x1: number, size = 14, inRow = false): FlowLine => ({
    text,
    y,
    x0,
    x1,
    size,
    inRow,
    page: 1,
    column: 0
  })
  const above = line('에 따른 전력지원체계의 개발ㆍ운용', 708.9, 116, 347)
  const below = line('2. 다음 각 목의 어느 하나에 해당하는 업무로서 국가정보원장이 지정', 755.8, 85, 524)

  it('finds a stamp printed across two body lines less than a line step from each', () => {
    const stamp = line('법제처 심사를 마침', 734, 227, 367, 15)
    expect([...overprintedLines([above, stamp, below], 14, 32)]).toEqual([stamp])
  })

  it('keeps a heading with room of its own, and a table label beside its cell text', () => {
    const heading = line('제2장 추진체계', 740.3, 227, 367, 15)
    expect(overprintedLines([above, heading, line('제3조(인공지능 기본계획의 수립)', 772.4, 71, 524)], 14, 32).size).toBe(0)
    const label = line('2. 목적 및 필요성', 231.1, 66, 139, 15)
    const cells = [
      line('제품ㆍ서비스가 제공하려는 핵심 가치나 목적을 작성', 224.9, 191, 402),
      label,
      line('(특정 문제 해결)', 237.5, 191, 431)
    ]
    expect(overprintedLines(cells, 14, 32).size).toBe(0)
  })
})

describe('backCoverPages', () => {
  const line = (text: string, page: number) => ({text, page})

  it('takes one of the last two pages with a line that repeats a line of the cover, word for word', () => {
    const lines = [line('Scope', 2), line('주요정보통신기반시설', 9), line('발행처 한국인터넷진흥원', 9), line('Annex', 10)]
    expect([...backCoverPages(lines, ['2026', '주요 정보통신기반시설'], 10, () => true)]).toEqual([9])
  })

  it('leaves a page before the last two, the cover itself, and a repeated number alone', () => {
    const lines = [line('주요정보통신기반시설', 5), line('2026', 10), line('Guide', 1)]
    expect(backCoverPages(lines, ['2026', '주요정보통신기반시설', 'Guide'], 10, () => true).size).toBe(0)
    expect(backCoverPages([line('Guide', 1)], ['Guide'], 1, () => true).size).toBe(0)
    const head = [2, 3, 4, 5, 6, 7].map((page) => line('Guide', page))
    expect(backCoverPages(head, ['Guide'], 7, () => true).size).toBe(0)
    // A first page of text is no cover; a repeated line in body type is no title.
    const page = Array.from({length: 20}, (_, k) => `Line ${k}`)
    expect(backCoverPages([line('Line 3', 10)], page, 10, () => true).size).toBe(0)
    expect(backCoverPages([line('Guide', 10)], ['Guide'], 10, () => false).size).toBe(0)
  })
})

describe('a back cover that repeats the cover title, in a PDF', () => {
  it('opens no section', async () => {
    const body = (k: number): TestLine => ({
      text: `Body line ${k} of the guide, set in the body type across its measure.`,
      x: 72,
      y: 120 + k * 14,
      size: 10
    })
    const parsed = await fromPdf(
      writePdf([
        {lines: [{text: 'Annual Security Guide', x: 72, y: 300, size: 28, bold: true}]},
        ...['Scope', 'Roles', 'Controls', 'Audit'].map((title) => ({
          lines: [{text: title, x: 72, y: 90, size: 16, bold: true}, ...Array.from({length: 20}, (_, k) => body(k))]
        })),
        {
          lines: [
            {text: 'Second edition, May 2024', x: 72, y: 100, size: 10},
            {text: 'Printed in Seoul', x: 72, y: 114, size: 10},
            {text: 'Annual Security Guide', x: 72, y: 400, size: 16, bold: true},
            {text: 'Published by the Security Agency', x: 72, y: 430, size: 13},
            {text: 'Licensed under CC BY-NC-ND 2.0', x: 72, y: 700, size: 9},
            {text: 'Not for sale', x: 72, y: 714, size: 9}
          ]
        }
      ])
    )
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['Scope', 'Roles', 'Controls', 'Audit'])
    expect(parsed.root.children.map((node) => toString(node)).join('\n')).toContain('Published by the Security Agency')
  })
})
