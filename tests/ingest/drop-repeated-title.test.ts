/**
 * Issue #18, OpenChain specification 2.1 in Japanese and Korean (`openchain-spec/2.1.{ja,ko}.pdf`,
 * CC-BY-4.0, the OpenChain Project), set in ISO/IEC 5230's layout: the cover says `OpenChain 규격 /
 * Version 2.1`, and the page where clause 1 begins prints the title again above it, `정보 기술—
 * OpenChain 규격` (`情報技術 - OpenChain 仕様`), in heading type with nothing under it. Rebuilt in
 * English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import type {LayoutBlock} from '../../src/ingest/build-document.js'
import {dropRepeatedTitle, titleShare} from '../../src/ingest/drop-repeated-title.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {writePdf} from './pdf-writer.js'

const heading = (text: string, page = 1): LayoutBlock => ({kind: 'heading', lines: [text], page, line: null})
const paragraph = (text: string): LayoutBlock => ({kind: 'paragraph', lines: [text], page: 1, line: null})

describe('titleShare', () => {
  it('finds the title in its ISO repeat in any script, prefix and edition aside', () => {
    expect(titleShare('정보 기술— OpenChain 규격', 'OpenChain 규격 Version 2.1')).toBeGreaterThanOrEqual(0.5)
    expect(titleShare('情報技術 - OpenChain 仕様', 'OPENCHAIN 仕様書第 2.1 版')).toBeGreaterThanOrEqual(0.5)
    expect(titleShare('Information technology — OpenChain Specification', 'OpenChain Specification Version 2.1')).toBeGreaterThanOrEqual(
      0.5
    )
  })
  it('does not find it in a section title or a short label', () => {
    expect(titleShare('Introduction', 'OpenChain Specification Version 2.1')).toBeLessThan(0.5)
    expect(titleShare('소개', 'OpenChain 규격 Version 2.1')).toBe(0)
    expect(titleShare('v2.1', 'OpenChain Specification Version 2.1')).toBe(0)
  })
})

describe('dropRepeatedTitle', () => {
  const title = 'OpenChain Specification Version 2.1'
  const blocks = [
    heading('Introduction', 3),
    paragraph('This document defines the key requirements of a quality compliance program.'),
    heading('Information technology — OpenChain Specification', 5),
    heading('1 Scope', 5),
    paragraph('This specification applies to software supply chains.')
  ]

  it('drops the title printed again just above the first numbered clause, with a note', () => {
    const {blocks: out, messages} = dropRepeatedTitle(blocks, title, [])
    expect(out.map((block) => block.lines[0])).toEqual([
      'Introduction',
      'This document defines the key requirements of a quality compliance program.',
      '1 Scope',
      'This specification applies to software supply chains.'
    ])
    expect(messages).toEqual([expect.objectContaining({severity: 'info', code: 'title-repeated', page: 5})])
  })

  it('keeps it when it has text under it, when the contents list it, or without a title', () => {
    const withText = [...blocks.slice(0, 3), paragraph('Some text.'), ...blocks.slice(3)]
    expect(dropRepeatedTitle(withText, title, []).blocks).toHaveLength(6)
    const toc = [{level: 1, numbering: null, title: 'Information technology — OpenChain Specification', page: 5}]
    expect(dropRepeatedTitle(blocks, title, toc).blocks).toHaveLength(5)
    expect(dropRepeatedTitle(blocks, null, []).blocks).toHaveLength(5)
  })

  it('keeps a heading on the first page or before any other block: the title itself may be printed there', () => {
    const onePage = [heading('Requirements', 1), heading('1.1 A documented policy exists', 1), paragraph('Text.')]
    expect(dropRepeatedTitle(onePage, 'Requirements', []).blocks).toHaveLength(3)
    const first = [heading('Requirements', 2), heading('1.1 A documented policy exists', 2), paragraph('Text.')]
    expect(dropRepeatedTitle(first, 'Requirements', []).blocks).toHaveLength(3)
  })

  it('keeps an unnumbered heading before clause 1 that is not the title', () => {
    const foreword = [heading('Foreword'), heading('1 Scope'), paragraph('Text.')]
    expect(dropRepeatedTitle(foreword, title, []).blocks).toHaveLength(3)
  })
})

describe('the title repeated above clause 1 of a PDF in ISO layout', () => {
  const pdf = (): Uint8Array =>
    writePdf([
      {
        lines: [
          {text: 'OpenChain Specification', x: 150, y: 200, size: 24, bold: true},
          {text: 'Version 2.1', x: 200, y: 228, size: 24, bold: true}
        ]
      },
      {
        lines: [
          {text: 'Introduction', x: 72, y: 60, size: 14, bold: true},
          {text: 'This document defines the key requirements of a quality open source compliance program.', x: 72, y: 84, size: 11},
          {text: 'It focuses on the what and why of a program rather than the how and when.', x: 72, y: 98, size: 11}
        ]
      },
      {
        lines: [
          {text: 'Information technology — OpenChain Specification', x: 72, y: 60, size: 14, bold: true},
          {text: '1 Scope', x: 72, y: 96, size: 14, bold: true},
          {text: 'This document specifies the key requirements of a quality compliance program.', x: 72, y: 120, size: 11},
          {text: '2 Requirements', x: 72, y: 156, size: 14, bold: true},
          {text: 'A written policy exists that governs the compliance of the supplied software.', x: 72, y: 180, size: 11}
        ]
      }
    ])

  it('is the title, not a section of the introduction', async () => {
    const parsed = await fromPdf(pdf())
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['Introduction', '1 Scope', '2 Requirements'])
    expect(parsed.title).toBe('OpenChain Specification Version 2.1')
    expect(parsed.messages.some((message) => message.code === 'title-repeated')).toBe(true)
  })
})
