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

  it('wrap over up to six lines, the last one ending in a colon before its list', async () => {
    // OpenChain 1.1 ko's 3.2 wraps over four lines, `아님) :` last; cut at three, 1.2 (tagged H3) read it whole.
    const parsed = await fromPdf(
      writePdf([
        {
          lines: [
            {text: 'Requirements', x: 72, y: 80, size: 14, bold: true, tag: 'H1'},
            {text: 'G3: Review open source content', x: 72, y: 110, size: 12, bold: true, tag: 'H2'},
            ...requirement('3.1', ['A bill of materials lists every component.'], 140),
            paragraph('The list is kept for every release.', 165),
            ...requirement(
              '3.2',
              [
                'The program handles the common cases that the staff meet',
                'with supplied software, which may include the following',
                'ones (the list is not complete, and not every case applies',
                'to every organisation) :'
              ],
              195
            ),
            item('o Distributed in binary form;', 275),
            item('o Distributed in source form.', 294),
            ...requirement('3.3', ['A process reviews the licences found.'], 325),
            paragraph('The review names the duties of each licence.', 350),
            {text: 'Appendix: translations', x: 72, y: 390, size: 14, bold: true, tag: 'H1'},
            paragraph('This text is also published in Japanese.', 420),
            // Enough running text that the body is set in regular weight.
            ...Array.from({length: 8}, (_, k) =>
              paragraph('Each translation is checked by two readers and published once both agree on it.', 440 + k * 19)
            )
          ]
        }
      ])
    )
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toContain(
      '3.2 The program handles the common cases that the staff meet with supplied software, which may include the following ones (the list is not complete, and not every case applies to every organisation) :'
    )
    expect(headings).toHaveLength(6)
  })

  it('stay text when the bold numbered lines are paragraphs only', async () => {
    const parsed = await fromPdf(specification('P'))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['Requirements', 'G1: Know your open source duties', 'G2: Assign the duties', 'Appendix: translations'])
  })

  it('are headings when tagged as paragraphs, set larger than the body and numbered under the tagged heading before them', async () => {
    // OpenChain 2.0 (ko 12 pt bold in 11 pt body, ja 9.1 in 8.3): `1.1 정책` tagged LBody, `1.2 역량` P, the number a tab from the title.
    const sub = (number: string, title: string, y: number, tag = 'P'): TestLine[] => [
      {text: number, x: 72, y, size: 12, bold: true, tag},
      {text: title, x: 108, y, size: 12, bold: true, tag}
    ]
    const statement = (text: string, y: number, x = 108): TestLine => ({text, x, y, size: 11, bold: true, tag: 'P'})
    const pdf = writePdf([
      {
        lines: [
          {text: '3) Requirements', x: 72, y: 80, size: 16, bold: true, tag: 'H1'},
          {text: '1.0 Program foundation', x: 72, y: 110, size: 14, bold: true, tag: 'H2'},
          ...sub('1.1', 'Policy', 135, 'LBody'),
          statement('A written open source policy exists that governs the licence compliance.', 155),
          item('1.1.1 A documented open source policy.', 175),
          paragraph('The policy is known to the staff and its place is recorded for the audit.', 200),
          ...sub('1.2', 'Competence', 230),
          statement('The organisation shall name the roles and the competence each role needs.', 250),
          item('1.2.1 A documented list of roles.', 270)
        ]
      },
      {
        lines: [
          {text: '2.0 Relevant tasks defined and supported', x: 72, y: 80, size: 14, bold: true, tag: 'H2'},
          // The Japanese edition's statement starts below its title, indented, in bold nearly the title's size.
          {text: '2.1 Access', x: 72, y: 105, size: 12, bold: true, tag: 'P'},
          {text: 'A process exists to answer outside enquiries about', x: 90, y: 120, size: 12, bold: true, tag: 'P'},
          statement('open source compliance, in writing and in good time.', 135, 90),
          paragraph('Enquiries come by mail or by the web form and each one is answered.', 160),
          // Bold body-size numbers in a statement are list items, and 7.1 numbers no sub-section of 2.0.
          statement('2.1.1 A public way to reach the contact.', 185),
          {text: '7.1 Not a sub-section', x: 72, y: 210, size: 12, bold: true, tag: 'P'},
          paragraph('Closing words of the chapter, kept as text under its last requirement.', 230)
        ]
      }
    ])
    const parsed = await fromPdf(pdf)
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
    // The one H1 is the document's title.
    expect(headings).toEqual([
      '1 1.0 Program foundation',
      '2 1.1 Policy',
      '2 1.2 Competence',
      '1 2.0 Relevant tasks defined and supported',
      '2 2.1 Access'
    ])
    const text = parsed.root.children.filter((node) => node.type !== 'heading').map((node) => toString(node))
    expect(text.some((line) => line.includes('A process exists to answer outside enquiries'))).toBe(true)
    expect(text.some((line) => line.includes('7.1 Not a sub-section'))).toBe(true)
  })
})
