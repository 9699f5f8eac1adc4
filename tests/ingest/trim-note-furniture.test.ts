/**
 * Issue #18, OpenChain specification 2.1 in Japanese (`openchain-spec/2.1.ja.pdf`, CC-BY-4.0, the
 * OpenChain Project): page 10's only footnote, at 10 pt, sits 2.4 of its sizes above the running
 * footer `6 © Joint Development Foundation 2020 – 詳細とオンライン認証は www.openchainproject.org へ`,
 * also at 10 pt, and the note took the footer in. Rebuilt in English with the standard fonts.
 */
import type {FootnoteDefinition} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {furnitureKey, trimNoteFurniture} from '../../src/ingest/trim-note-furniture.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const footer = '© Example Foundation 2020 – Learn more and self-certify at www.example.org'

describe('trimNoteFurniture', () => {
  const furniture = new Set([furnitureKey(`${footer} 7`), furnitureKey('12')])

  it('drops a footer and a page number at the end of a note, page numbers aside', () => {
    expect(trimNoteFurniture(['Determined by the domain, jurisdiction or contract.', '6', `6 ${footer}`], furniture)).toEqual([
      'Determined by the domain, jurisdiction or contract.'
    ])
  })

  it('keeps lines that are no furniture, and a note made of furniture alone', () => {
    expect(trimNoteFurniture(['See the annex of 2019.', 'It lists the licences.'], furniture)).toEqual([
      'See the annex of 2019.',
      'It lists the licences.'
    ])
    expect(trimNoteFurniture([footer], furniture)).toEqual([footer])
    expect(trimNoteFurniture(['A note', '6'], new Set([furnitureKey(footer)]))).toEqual(['A note', '6'])
  })
})

describe('a running footer close below the last footnote of a PDF page', () => {
  const page = (number: number, note: boolean): {lines: TestLine[]} => ({
    lines: [
      {text: `${number} Requirement ${number}`, x: 54, y: 80, size: 12, bold: true},
      {
        text: 'Copies of the compliance artifacts are archived for a reasonable period',
        x: 54,
        y: 110,
        size: 11,
        runs: note ? [{text: '1', size: 6, rise: 4}] : []
      },
      {text: 'and a record exists that the procedure was properly followed.', x: 54, y: 125, size: 11},
      ...(note
        ? [
            {
              text: '1',
              x: 54,
              y: 738,
              size: 6,
              runs: [{text: ' Determined by the domain, jurisdiction and customer contracts.', size: 10, rise: -3}]
            }
          ]
        : []),
      {text: `${number}`, x: 54, y: 762, size: 10},
      {text: footer, x: 125, y: 762, size: 10}
    ]
  })

  it('is no part of the note: the note keeps its own words', async () => {
    const parsed = await fromPdf(writePdf([page(1, false), page(2, true), page(3, false), page(4, false)]))
    const notes = parsed.root.children.filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition')
    expect(notes.map((node) => toString(node))).toEqual(['Determined by the domain, jurisdiction and customer contracts.'])
    expect(parsed.root.children.map((node) => toString(node)).join('\n')).not.toContain('Example Foundation')
  })
})
