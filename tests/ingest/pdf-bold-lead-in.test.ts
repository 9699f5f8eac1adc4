/**
 * Issue #18, OpenChain 1.0–2.0 ja (`openchain-spec/*.ja.pdf`, 用語の定義, tagged Word exports): each
 * definition opens with its term in bold (`頒布コンプライアンス関連資料（…）－ 確認済みライセン`), so its
 * first line is bold and the lines below regular. The change of weight split every definition after
 * its first line, mid-word (`ライセン` | `スによって`), and trends and compare read two paragraphs.
 * Rebuilt in English with the standard fonts, tagged as Word tags it (P for both lines).
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

// A PDF is read as tagged when it tags three headings or more.
const closing: TestLine[] = [
  {text: 'Requirements', x: 60, y: 600, size: 16, bold: true, tag: 'H1'},
  {text: 'Program', x: 60, y: 630, size: 13, bold: true, tag: 'H2'}
]

const paragraphs = async (lines: TestLine[]): Promise<string[]> => {
  const parsed = await fromPdf(writePdf([{lines: [...lines, ...closing]}]))
  return parsed.root.children.flatMap((node) => (node.type === 'paragraph' ? [toString(node)] : []))
}

describe('a paragraph that opens with a bold term', () => {
  const heading: TestLine = {text: 'Definitions', x: 60, y: 60, size: 16, bold: true, tag: 'H1'}

  it('runs on from its bold first line, which fills the measure, into its regular lines', async () => {
    const found = await paragraphs([
      heading,
      {
        text: 'Distributed Compliance Artifacts - the collection of artifacts that identified licenses',
        x: 60,
        y: 90,
        size: 10,
        bold: true,
        tag: 'P'
      },
      {text: 'require to accompany the supplied software, such as notices and written offers.', x: 60, y: 102, size: 10, tag: 'P'},
      {
        text: 'Supplied Software - the software an organisation delivers to third parties, other',
        x: 60,
        y: 126,
        size: 10,
        bold: true,
        tag: 'P'
      },
      {text: 'organisations or persons.', x: 60, y: 138, size: 10, tag: 'P'}
    ])
    expect(found).toEqual([
      'Distributed Compliance Artifacts - the collection of artifacts that identified licenses require to accompany the supplied software, such as notices and written offers.',
      'Supplied Software - the software an organisation delivers to third parties, other organisations or persons.'
    ])
  })

  it('stays apart when the bold line ends short of the measure, ends a sentence, or is a cell further along', async () => {
    const found = await paragraphs([
      heading,
      {text: 'The terms below are used throughout the specification with these meanings and no', x: 60, y: 90, size: 10, tag: 'P'},
      {text: 'other; each is capitalised where it is used in a requirement of this specification.', x: 60, y: 102, size: 10, tag: 'P'},
      {text: 'A short bold line', x: 60, y: 126, size: 10, bold: true, tag: 'P'},
      {text: 'a regular line below it that starts a paragraph of its own in the same column.', x: 60, y: 138, size: 10, tag: 'P'},
      {
        text: 'A bold sentence that runs the whole width of the column and ends with a stop.',
        x: 60,
        y: 162,
        size: 10,
        bold: true,
        tag: 'P'
      },
      {text: 'a regular line below it that starts a paragraph of its own in the same column.', x: 60, y: 174, size: 10, tag: 'P'},
      {text: 'Value', x: 420, y: 198, size: 10, bold: true, tag: 'P'},
      {text: 'zero', x: 60, y: 210, size: 10, tag: 'P'}
    ])
    expect(found).toContain('A short bold line')
    expect(found).toContain('A bold sentence that runs the whole width of the column and ends with a stop.')
    expect(found).toContain('Value')
    expect(found).toContain('zero')
  })
})
