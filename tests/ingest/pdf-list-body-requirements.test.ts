/**
 * Issue #18, OpenChain specification 1.1 in Korean (`openchain-spec/1.1.ko.pdf`, CC-BY-4.0, the
 * OpenChain Project): its tagged structure calls the numbered requirements under each goal list
 * bodies (`LBody`; goal 2's onwards `P`), set bold, with the number a tab stop away from the text,
 * where the Japanese edition tags them headings. Rebuilt in English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const requirement = (number: string, lines: string[], y: number, tag = 'LBody'): TestLine[] => [
  {text: number, x: 72, y, size: 11, bold: true, tag},
  ...lines.map((text, k) => ({text, x: 108, y: y + k * 19, size: 11, bold: true, tag}))
]
const item = (text: string, y: number): TestLine => ({text, x: 126, y, size: 11, tag: 'LBody'})
const paragraph = (text: string, y: number): TestLine => ({text, x: 72, y, size: 11, tag: 'P'})

function specification(tag: string): Uint8Array {
  return writePdf([
    {
      lines: [
        {text: 'Requirements', x: 72, y: 80, size: 14, bold: true, tag: 'H1'},
        {text: 'G1: Know your open source duties', x: 72, y: 110, size: 12, bold: true, tag: 'H2'},
        ...requirement('1.1', ['A written open source policy exists for the software', 'the company supplies.'], 140, tag),
        {text: 'Evidence:', x: 108, y: 190, size: 11, bold: true, tag: 'P'},
        item('1.1.1 A documented policy', 210),
        item('1.1.2 A way to make it known to every developer', 229),
        ...requirement('1.2 ', ['Training is held for everyone who supplies software on', 'o Where the policy is kept'], 260, tag),
        paragraph('The training is repeated every two years and its records are kept.', 320),
        ...requirement('1.3', ['A process reviews the licences found.'], 350, tag)
      ]
    },
    {
      lines: [
        {text: 'G2: Assign the duties', x: 72, y: 80, size: 12, bold: true, tag: 'H2'},
        ...requirement('2.1', ['A contact for open source questions is named.'], 110, 'P'),
        paragraph('The contact answers questions from outside within a reasonable time.', 140),
        paragraph('Questions come by mail, by the web form or through the supplier, and each one', 159),
        paragraph('is answered in writing; the answers are kept with the release they concern.', 178),
        paragraph('A second person stands in for the contact during holidays and sick leave.', 197)
      ]
    },
    {
      lines: [
        {text: 'Appendix: translations', x: 72, y: 80, size: 14, bold: true, tag: 'H1'},
        paragraph('This text is also published in Japanese.', 110)
      ]
    }
  ])
}

describe('numbered requirements a tagged PDF calls list bodies', () => {
  it('are headings below their goal, number first, the P-tagged ones of the same series too', async () => {
    const parsed = await fromPdf(specification('LBody'))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
    expect(headings).toEqual([
      '1 Requirements',
      '2 G1: Know your open source duties',
      '3 1.1 A written open source policy exists for the software the company supplies.',
      '3 1.2 Training is held for everyone who supplies software on',
      '3 1.3 A process reviews the licences found.',
      '2 G2: Assign the duties',
      '3 2.1 A contact for open source questions is named.',
      '1 Appendix: translations'
    ])
    // The regular-weight items and the bold bullet under a requirement stay text.
    const text = parsed.root.children.filter((node) => node.type !== 'heading').map((node) => toString(node))
    expect(text.some((line) => line.includes('1.1.1 A documented policy'))).toBe(true)
    expect(text.some((line) => line.includes('Where the policy is kept'))).toBe(true)
  })

  it('stay text when the bold numbered lines are paragraphs only', async () => {
    const parsed = await fromPdf(specification('P'))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['Requirements', 'G1: Know your open source duties', 'G2: Assign the duties', 'Appendix: translations'])
  })
})
