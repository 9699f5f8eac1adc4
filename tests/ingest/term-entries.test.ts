/**
 * Issue #18, OpenChain specification 2.1 in Japanese and Korean (`openchain-spec/2.1.{ja,ko}.pdf`,
 * CC-BY-4.0, the OpenChain Project), set in ISO/IEC 5230's layout: clause `2 용어와 정의` numbers its
 * terms `2.1`–`2.9`, number and term on one bold line, the definition below, and the printed contents
 * list the clause but none of its terms. Rebuilt in English with the standard fonts.
 */
import type {Paragraph} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import type {LayoutBlock} from '../../src/ingest/build-document.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {isTermsClauseTitle, termEntries} from '../../src/ingest/term-entries.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const heading = (text: string): LayoutBlock => ({kind: 'heading', lines: [text], page: 1, line: null})
const paragraph = (text: string): LayoutBlock => ({kind: 'paragraph', lines: [text], page: 1, line: null})

describe('isTermsClauseTitle', () => {
  it.each([
    '2 Terms and definitions',
    '3 Terms, definitions and abbreviated terms',
    '2 용어와 정의',
    '2 用語と定義',
    '2) 用語の定義',
    '2) 정의',
    'Definitions'
  ])('takes %s for a terms clause', (text) => {
    expect(isTermsClauseTitle(text)).toBe(true)
  })
  it.each(['2.0 관련 업무 정의 및 지원', '3 Requirements', '2 Defining the scope', '4 Terms of use and licensing'])(
    'does not take %s for one',
    (text) => {
      expect(isTermsClauseTitle(text)).toBe(false)
    }
  )
})

describe('termEntries', () => {
  const blocks = [
    heading('2 Terms and definitions'),
    paragraph('For the purposes of this document, the following terms and definitions apply.'),
    heading('2.1 Compliance artifacts'),
    paragraph('A collection of artifacts that represent the output of a compliance program.'),
    heading('2.2 Program'),
    paragraph('The set of policies, processes and personnel that manage compliance activities.'),
    heading('3 Requirements'),
    heading('3.1 Program foundation'),
    heading('3.1.1 Policy'),
    paragraph('A written policy exists.')
  ]

  it('makes each numbered term under a terms clause a paragraph opening with its number and term in bold', () => {
    const {blocks: out} = termEntries(blocks, [])
    expect(out.map((block) => block.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'heading',
      'heading',
      'paragraph'
    ])
    expect(out[2]!.lines).toEqual([
      '**2.1 Compliance artifacts**',
      'A collection of artifacts that represent the output of a compliance program.'
    ])
    expect(out[3]!.lines[0]).toBe('**2.2 Program**')
  })

  it('keeps the sub-clauses a printed contents lists, and those of any other clause', () => {
    const listed = termEntries(blocks, [
      {level: 1, numbering: '2', title: 'Terms and definitions', page: 1},
      {level: 2, numbering: '2.1', title: 'Compliance artifacts', page: 1},
      {level: 2, numbering: '2.2', title: 'Program', page: 1}
    ]).blocks
    expect(listed.filter((block) => block.kind === 'heading')).toHaveLength(6)
    const other = termEntries(
      blocks.map((block) => (block.lines[0] === '2 Terms and definitions' ? heading('2 Defining the scope') : block)),
      []
    ).blocks
    expect(other.filter((block) => block.kind === 'heading')).toHaveLength(6)
  })

  it('keeps a numbered group of terms, followed by its terms rather than a definition, as a heading', () => {
    const out = termEntries(
      [
        heading('3 Terms and definitions'),
        heading('3.1 Terms related to the program'),
        heading('3.1.1 Program'),
        paragraph('The set of policies, processes and personnel.')
      ],
      []
    ).blocks
    expect(out.map((block) => block.kind)).toEqual(['heading', 'heading', 'paragraph'])
    expect(out[2]!.lines[0]).toBe('**3.1.1 Program**')
  })
})

const term = (number: string, name: string, y: number, doubled: boolean): TestLine[] => [
  {text: number, x: 72, y, size: 11, bold: true},
  // Word's doubled last digit (2.1 ja prints `2.11`): a second run right after the number.
  ...(doubled ? [{text: number.slice(-1), x: 72 + 1.39 * 11, y, size: 11, bold: true}] : []),
  {text: name, x: 72, y: y + 14, size: 11, bold: true},
  {text: `The meaning of ${name.toLowerCase()} in this specification, as the requirements use it.`, x: 72, y: y + 30, size: 11}
]

const spec = (doubled: boolean): Uint8Array =>
  writePdf([
    {
      lines: [
        {text: '1 Scope', x: 72, y: 60, size: 14, bold: true},
        {text: 'This document specifies the key requirements of a quality compliance program.', x: 72, y: 84, size: 11},
        {text: '2 Terms and definitions', x: 72, y: 120, size: 14, bold: true},
        {text: 'For the purposes of this document, the following terms and definitions apply.', x: 72, y: 144, size: 11},
        ...term('2.1', 'Compliance artifacts', 176, doubled),
        ...term('2.2', 'Identified licenses', 236, doubled),
        ...term('2.3', 'OpenChain conformant', 296, doubled),
        {text: '3 Requirements', x: 72, y: 370, size: 14, bold: true},
        {text: '3.1 Program foundation', x: 72, y: 400, size: 11, bold: true},
        {text: 'A written policy exists that governs the compliance of the supplied software.', x: 72, y: 424, size: 11}
      ]
    }
  ])

describe('term entries of a PDF in ISO layout', () => {
  it.each([false, true])('are paragraphs of their clause, not sections (doubled digits: %s)', async (doubled) => {
    const parsed = await fromPdf(spec(doubled))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['1 Scope', '2 Terms and definitions', '3 Requirements', '3.1 Program foundation'])
    const entries = parsed.root.children.filter(
      (node): node is Paragraph => node.type === 'paragraph' && node.children[0]?.type === 'strong'
    )
    expect(entries.map((node) => toString(node.children[0]!))).toEqual([
      '2.1 Compliance artifacts',
      '2.2 Identified licenses',
      '2.3 OpenChain conformant'
    ])
    expect(toString(entries[0]!)).toContain('The meaning of compliance artifacts')
  })
})
