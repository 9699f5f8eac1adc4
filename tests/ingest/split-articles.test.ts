/**
 * Issue #18, a Korean statute laid out article by article (`ko/ai-basic-act-enforcement-decree-draft-2026.pdf`,
 * 44 pages, Hwp 2024): no contents, no bookmarks, chapters and articles in body type. The text below
 * is excerpted from that decree, 「인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 시행령」 (draft, Ministry of
 * Science and ICT, Republic of Korea, 2026; a Korean government decree), wrapped as its pages wrap it.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {buildDocument, type LayoutBlock} from '../../src/ingest/build-document.js'
import {fromExtractedText} from '../../src/ingest/from-extracted-text.js'
import {buildLexicon} from '../../src/ingest/repair-words.js'
import {splitArticles} from '../../src/ingest/split-articles.js'

const paragraph = (lines: string[], page = 1): LayoutBlock => ({kind: 'paragraph', lines, page, line: null})
const heading = (text: string, fallbackLevel: number): LayoutBlock => ({kind: 'heading', lines: [text], page: 1, line: null, fallbackLevel})

/** The decree's first pages as the PDF adapter groups them: articles run on in one block, as their spacing is the body's. */
const decree: LayoutBlock[] = [
  paragraph(['대통령령 제 36053 호']),
  heading('인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 시행령안', 1),
  paragraph(['제1장 총칙']),
  paragraph([
    '제1조(목적) 이 영은 「인공지능 발전과 신뢰 기반 조성 등에 관한 기본',
    '법」에서 위임된 사항과 그 시행에 필요한 사항을 규정함을 목적으로',
    '한다.',
    '제2조(법의 적용 제외 인공지능) 「인공지능 발전과 신뢰 기반 조성 등',
    '에 관한 기본법」(이하 “법”이라 한다) 제4조제2항에서 “대통령령으로',
    '정하는 인공지능”이란 다음 각 호에 해당하는 업무만을 수행하기 위',
    '하여 개발ㆍ이용되는 인공지능을 말한다.',
    // A citation wrapped to the start of a line, in the order articles come: text, not a head.
    '제3조(인공지능 기본계획의 수립)에 따른 사항은 제외한다.'
  ]),
  paragraph(['제2장 인공지능의 건전한 발전과 신뢰 기반 조성을 위한 추진체계'], 3),
  paragraph(
    [
      '제3조(인공지능 기본계획의 수립) ① 법 제6조제1항 단서에서 “대통령령',
      '으로 정하는 경미한 사항을 변경하는 경우”란 다음 각 호의 어느 하나',
      '에 해당하는 경우를 말한다.',
      '제3조의2(기본계획의 공고) 과학기술정보통신부장관은 기본계획을 공고한다.',
      '제4조 삭제 <2026. 1. 22.>',
      '제5조(위원회의 운영) ① 위원회는 위원회의 업무를 수행하기 위하여 필',
      '요한 경우에는 관계 전문가의 의견을 듣거나',
      // Wrapped so that a citation opens the line: `제4조제2항` and `제5조(…)에` are not heads.
      '제4조제2항에 따른 자료를 요청할 수 있다.'
    ],
    3
  ),
  // A stamp or form title in the title's type, among the articles.
  heading('법제처 심사를 마침', 1),
  paragraph(['부']),
  paragraph(['칙']),
  paragraph([
    '제1조(시행일) 이 영은 2026년 1월 22일부터 시행한다.',
    '제2조(다른 법령의 폐지) 「국가인공지능전략위원회의 설치 및 운영에',
    '관한 규정」은 폐지한다.'
  ]),
  paragraph(['[별표 1]', '이행조치 인정 기준 및 절차(제27조제5항 관련)', '1. 인공지능사업자가 개발하거나 제공하는 인공지능제품']),
  {kind: 'bullet', lines: ['인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 시행령 [별지 서식]'], page: 4, line: null}
]

const outline = (blocks: LayoutBlock[]): string[] => {
  const parsed = buildDocument(blocks, {lexicon: buildLexicon([]), levelsFrom: 'layout'})
  return parsed.root.children.map((node) => `${node.type === 'heading' ? `h${node.depth}` : node.type} ${toString(node)}`)
}

describe('splitArticles: a statute laid out article by article', () => {
  it('makes chapters, articles, the supplementary provisions and annexes headings, each article head split from its text', () => {
    expect(outline(decree)).toEqual([
      'paragraph 대통령령 제 36053 호',
      'h1 인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 시행령안',
      'h2 제1장 총칙',
      'h3 제1조(목적)',
      'paragraph 이 영은 「인공지능 발전과 신뢰 기반 조성 등에 관한 기본 법」에서 위임된 사항과 그 시행에 필요한 사항을 규정함을 목적으로 한다.',
      'h3 제2조(법의 적용 제외 인공지능)',
      'paragraph 「인공지능 발전과 신뢰 기반 조성 등 에 관한 기본법」(이하 “법”이라 한다) 제4조제2항에서 “대통령령으로 정하는 인공지능”이란 다음 각 호에 해당하는 업무만을 수행하기 위 하여 개발ㆍ이용되는 인공지능을 말한다. 제3조(인공지능 기본계획의 수립)에 따른 사항은 제외한다.',
      'h2 제2장 인공지능의 건전한 발전과 신뢰 기반 조성을 위한 추진체계',
      'h3 제3조(인공지능 기본계획의 수립)',
      'paragraph ① 법 제6조제1항 단서에서 “대통령령 으로 정하는 경미한 사항을 변경하는 경우”란 다음 각 호의 어느 하나 에 해당하는 경우를 말한다.',
      'h3 제3조의2(기본계획의 공고)',
      'paragraph 과학기술정보통신부장관은 기본계획을 공고한다.',
      'h3 제4조',
      'paragraph 삭제 <2026. 1. 22.>',
      'h3 제5조(위원회의 운영)',
      'paragraph ① 위원회는 위원회의 업무를 수행하기 위하여 필 요한 경우에는 관계 전문가의 의견을 듣거나 제4조제2항에 따른 자료를 요청할 수 있다.',
      'paragraph 법제처 심사를 마침',
      'h2 부칙',
      'h3 제1조(시행일)',
      'paragraph 이 영은 2026년 1월 22일부터 시행한다.',
      'h3 제2조(다른 법령의 폐지)',
      'paragraph 「국가인공지능전략위원회의 설치 및 운영에 관한 규정」은 폐지한다.',
      'h2 [별표 1] 이행조치 인정 기준 및 절차(제27조제5항 관련)',
      'paragraph 1. 인공지능사업자가 개발하거나 제공하는 인공지능제품',
      'h2 [별지 서식]',
      'paragraph 인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 시행령'
    ])
  })

  it('puts each head on the page of its line', () => {
    const pages = [paragraph(['제1조(목적) 이 영은 목적을 규정한다.', '제2조(정의) 이 영에서 쓰는 말은', '제3조(적용) 이 영은 적용한다.'])]
    pages[0]!.linePages = [1, 1, 2]
    const {blocks} = splitArticles(pages)
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => [block.lines[0], block.page])).toEqual([
      ['제1조(목적)', 1],
      ['제2조(정의)', 1],
      ['제3조(적용)', 2]
    ])
  })

  it('leaves text alone that cites articles, out of order or too few to be a statute', () => {
    const cited = [
      paragraph(['이 지침은 법 제31조(인공지능 투명성 확보 의무)에 따른 사항을 정한다.']),
      paragraph(['제31조(인공지능 투명성 확보 의무) 인공지능사업자는 이용자에게 알려야 한다.']),
      paragraph(['제32조(인공지능 안전성 확보 의무) 인공지능사업자는 안전성을 확보한다.']),
      paragraph(['제33조(고영향 인공지능의 확인) 인공지능사업자는 확인을 요청할 수 있다.'])
    ]
    expect(splitArticles(cited)).toEqual({blocks: cited, statute: false})
    const two = [paragraph(['제1조(목적) 이 계약은 목적을 정한다.', '제2조(정의) 이 계약에서 쓰는 말은 다음과 같다.'])]
    expect(splitArticles(two)).toEqual({blocks: two, statute: false})
  })

  it('in a document that quotes a statute after its own headings, nests the articles and keeps the other headings', () => {
    const guide = [
      heading('개요', 1),
      paragraph(['이 안내서는 점검 방법을 설명한다.']),
      heading('부록 2. 서식 예시', 1),
      heading('표준 개인정보처리 위탁계약서', 2),
      paragraph([
        '제1조 (목적) 이 계약은 위탁하는 목적을 정한다.',
        '제2조 (용어의 정의) 이 계약에서 쓰는 말은',
        '제3조 (위탁업무의 범위) 다음과 같다.'
      ]),
      heading('정보시스템 반입, 반출 신청서', 2)
    ]
    const {blocks, statute} = splitArticles(guide)
    expect(statute).toBe(false)
    expect(outline(guide)).toEqual([
      'h1 개요',
      'paragraph 이 안내서는 점검 방법을 설명한다.',
      'h1 부록 2. 서식 예시',
      'h2 표준 개인정보처리 위탁계약서',
      'h3 제1조 (목적)',
      'paragraph 이 계약은 위탁하는 목적을 정한다.',
      'h3 제2조 (용어의 정의)',
      'paragraph 이 계약에서 쓰는 말은',
      'h3 제3조 (위탁업무의 범위)',
      'paragraph 다음과 같다.',
      'h2 정보시스템 반입, 반출 신청서'
    ])
    expect(blocks.filter((block) => block.kind === 'heading')).toHaveLength(7)
  })
})

describe('a statute as text extracted from its PDF (pdftotext, form feeds between pages)', () => {
  it('gets the same chapters and articles', () => {
    const text = [
      '인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 시행령안',
      '',
      '제1장 총칙',
      '',
      '제1조(목적) 이 영은 「인공지능 발전과 신뢰 기반 조성 등에 관한 기본',
      '법」에서 위임된 사항과 그 시행에 필요한 사항을 규정함을 목적으로',
      '한다.',
      '제2조(법의 적용 제외 인공지능) 「인공지능 발전과 신뢰 기반 조성 등',
      '에 관한 기본법」(이하 “법”이라 한다) 제4조제2항에서 정하는 인공지능',
      '\f제2장 추진체계',
      '',
      '제3조(인공지능 기본계획의 수립) ① 법 제6조제1항 단서에서 정하는',
      '경우를 말한다.',
      ''
    ].join('\n')
    const parsed = fromExtractedText(text)
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`h${node.depth} ${toString(node)}`] : []))
    expect(headings).toEqual([
      'h1 제1장 총칙',
      'h2 제1조(목적)',
      'h2 제2조(법의 적용 제외 인공지능)',
      'h1 제2장 추진체계',
      'h2 제3조(인공지능 기본계획의 수립)'
    ])
  })
})
