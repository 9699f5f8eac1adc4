/**
 * Issue #18, the Japanese government CIO's discussion paper (`ja/govcio-dp2021-01-service-design-cases.pdf`),
 * pp. 5–6: under `2)サービスデザイン思考の 6 原則` the six principles are numbered terms in bold body
 * type (`1. 人間中心（Human-centered）`), each over a line or three of description hanging under its
 * text, set solid; the printed contents stops at `2)`. They were read as six sections. Rebuilt in
 * English with the standard fonts (which cannot print Japanese).
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type HangingLine, hangingListLabels} from '../../src/ingest/hanging-list-labels.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const step = 14
const body = (texts: string[], x: number, y: number): TestLine[] => texts.map((text, k) => ({text, x, y: y + k * step, size: 10}))
const prose = (y: number): TestLine[] =>
  body(
    [
      'Service design thinking rests on a few principles that practitioners around the world',
      'have gathered from their work, and that the book sets out as follows.'
    ],
    72,
    y
  )

/** A section whose principles are a list: each bold numbered term over its description, hanging under the term's text. */
function principles(): TestLine[] {
  const items: [string, string[]][] = [
    ['1. Human-centered', ['Consider the experience of all the people affected by the service.']],
    [
      '2. Collaborative',
      ['Stakeholders of various backgrounds and functions should be actively', 'engaged in the service design process.']
    ],
    ['3. Iterative', ['Service design is an exploratory, adaptive and experimental approach.']]
  ]
  const lines: TestLine[] = [{text: '2) Principles of service design', x: 72, y: 80, size: 13, bold: true}, ...prose(110)]
  let y = 160
  for (const [term, description] of items) {
    lines.push({text: term, x: 76, y, size: 10, bold: true}, ...body(description, 88, y + step))
    y += step * (description.length + 1)
  }
  lines.push(
    ...prose(y + 2 * step),
    {text: '3) Customer journey map', x: 72, y: y + 6 * step, size: 13, bold: true},
    ...prose(y + 8 * step)
  )
  return lines
}

const headingsOf = async (lines: TestLine[]): Promise<string[]> =>
  (await fromPdf(writePdf([{lines}]))).root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))

describe('numbered terms in bold body type over descriptions hanging under them', () => {
  it('are the items of a list inside the section, not sections', async () => {
    expect(await headingsOf(principles())).toEqual(['2) Principles of service design', '3) Customer journey map'])
  })

  it('stay headings when their paragraphs come back to the margin, or when no numbered sibling follows', async () => {
    // Numbered bold headings in body type over paragraphs whose first line is indented: the first is one
    // line long and could pass for a description, the second comes back to the margin in its second line.
    const sections: TestLine[] = [
      {text: '1. Scope', x: 72, y: 80, size: 10, bold: true},
      ...body(['This guide applies to every service the ministry runs for the public.'], 84, 80 + step),
      {text: '2. Terms', x: 72, y: 80 + 2 * step, size: 10, bold: true},
      ...body(['A service is what a person does with the government to reach a goal,'], 84, 80 + 3 * step),
      ...body(['such as registering a move or claiming a benefit after a death.'], 72, 80 + 4 * step)
    ]
    expect(await headingsOf(sections)).toEqual(['1. Scope', '2. Terms'])
  })

  it('need a sibling numbered next, at the same edge', () => {
    const line = (text: string, x: number, y: number, bold: boolean): HangingLine => ({text, x0: x, y, page: 1, column: 0, size: 10, bold})
    const lines = [line('1. Alone', 76, 100, true), line('A description hanging under it.', 88, 114, false)]
    expect(
      hangingListLabels(
        lines,
        (l) => l.bold,
        () => 15
      ).size
    ).toBe(0)
    const two = [...lines, line('3. Not the next number', 76, 128, true), line('Its description.', 88, 142, false)]
    expect(
      hangingListLabels(
        two,
        (l) => l.bold,
        () => 15
      ).size
    ).toBe(0)
    const list = [...lines, line('2. Next', 76, 128, true), line('Its description.', 88, 142, false)]
    expect(
      [
        ...hangingListLabels(
          list,
          (l) => l.bold,
          () => 15
        )
      ].map((l) => l.text)
    ).toEqual(['1. Alone', '2. Next'])
  })
})
