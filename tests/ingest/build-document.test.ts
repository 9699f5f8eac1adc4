import {describe, expect, it} from 'vitest'
import {buildDocument, type LayoutBlock} from '../../src/ingest/build-document.js'
import {buildLexicon} from '../../src/ingest/repair-words.js'
import type {TocEntry} from '../../src/model/edition.js'

const heading = (text: string, page: number, fallbackLevel: number): LayoutBlock => ({
  kind: 'heading',
  lines: [text],
  page,
  line: null,
  fallbackLevel
})
const paragraph = (text: string, page: number): LayoutBlock => ({kind: 'paragraph', lines: [text], page, line: null})

describe('buildDocument: headings missing from the printed contents', () => {
  const blocks = [
    heading('Introduction', 1, 1),
    paragraph('Why this paper.', 1),
    heading('Background', 2, 2),
    paragraph('What came before.', 2),
    heading('Threats', 3, 1),
    heading('Supply chain', 3, 2),
    heading('Appendix', 4, 1)
  ]
  const missing = (toc: TocEntry[]): Array<[string, string | undefined]> =>
    buildDocument(blocks, {lexicon: buildLexicon([]), toc, levelsFrom: 'layout'})
      .messages.filter((message) => message.code === 'heading-not-in-toc')
      .map((message) => [message.severity, message.actual])

  it('notes (info) the headings below the deepest level the contents list, and warns about the others', () => {
    const chapters: TocEntry[] = [
      {level: 1, numbering: null, title: 'Introduction', page: 1},
      {level: 1, numbering: null, title: 'Threats', page: 3}
    ]
    expect(missing(chapters)).toEqual([
      ['info', 'Background'],
      ['info', 'Supply chain'],
      ['warning', 'Appendix']
    ])
  })

  it('warns about a missing heading at a level the contents list', () => {
    const twoLevels: TocEntry[] = [
      {level: 1, numbering: null, title: 'Introduction', page: 1},
      {level: 2, numbering: null, title: 'Background', page: 2},
      {level: 1, numbering: null, title: 'Threats', page: 3}
    ]
    expect(missing(twoLevels)).toEqual([
      ['warning', 'Supply chain'],
      ['warning', 'Appendix']
    ])
  })
})
