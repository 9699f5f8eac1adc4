/**
 * Issue #18, OpenChain specification 2.1 in Japanese (`openchain-spec/2.1.ja.pdf`, CC-BY-4.0, the
 * OpenChain Project): Word draws the last digit of each definition's number twice, the second as
 * its own text object right after the first, so the page and its text layer read `2.11`, `2.22`,
 * `2.33` where the Korean edition prints `2.1`, `2.2`, `2.3`. Rebuilt in English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {undoubleListNumbers} from '../../src/ingest/undouble-list-numbers.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const definition = (number: string, term: string, y: number): TestLine[] => [
  // The number and its doubled digit, drawn as two runs side by side.
  {text: number, x: 72, y, size: 11, bold: true},
  // Helvetica-Bold advances: a digit 0.556 em, a full stop 0.278 em.
  {text: number.slice(-1), x: 72 + 1.39 * 11, y, size: 11, bold: true},
  {text: term, x: 72, y: y + 14, size: 11, bold: true},
  {text: `The meaning of ${term.toLowerCase()} in this specification, as the requirements use it.`, x: 72, y: y + 30, size: 11}
]

describe('list numbers whose last digit is printed twice', () => {
  it('are read once when siblings count 11, 22, 33 from the first', async () => {
    // Under a clause titled as anything but terms and definitions: there they are term entries, not
    // headings (term-entries.test.ts reads their doubled numbers once too).
    const parsed = await fromPdf(
      writePdf([
        {
          lines: [
            {text: '2 Program elements', x: 72, y: 80, size: 14, bold: true},
            ...definition('2.1', 'Compliance artifacts', 120),
            ...definition('2.2', 'Identified licenses', 190),
            ...definition('2.3', 'OpenChain conformant', 260),
            {text: '3 Requirements', x: 72, y: 340, size: 14, bold: true},
            {text: 'The program meets the requirements below.', x: 72, y: 370, size: 11}
          ]
        }
      ])
    )
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual([
      '2 Program elements',
      '2.1 Compliance artifacts',
      '2.2 Identified licenses',
      '2.3 OpenChain conformant',
      '3 Requirements'
    ])
    expect(parsed.messages.map((message) => message.code)).toContain('doubled-list-number')
  })

  it('stay as printed when they do not count from one, are too few, or a single-digit sibling exists', () => {
    const same = (texts: string[]): void => expect(undoubleListNumbers(texts).texts).toEqual(texts)
    same(['2.10 Ten', '2.11 Eleven', '2.22 Twenty-two', '2.33 Thirty-three'].slice(1, 3))
    same(['4.22 Two', '4.33 Three', '4.44 Four'])
    same(['5.1 One', '5.11 Eleven', '5.22 Twenty-two', '5.33 Thirty-three'])
    expect(undoubleListNumbers(['1 Scope', '2.11 A', 'text', '2.22 B', '2.33 C']).texts).toEqual([
      '1 Scope',
      '2.1 A',
      'text',
      '2.2 B',
      '2.3 C'
    ])
  })
})
