import type {Heading} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {readPdf} from '../../src/ingest/pdf.js'
import {type TestLine, type TestPage, writePdf} from './pdf-writer.js'

/** A page of a tagged report: running head and page number as artifacts, then the tagged lines. */
const page = (number: number, lines: TestLine[]): TestPage => ({
  lines: [
    {text: 'Tagged Report 2024', x: 72, y: 40, size: 10, tag: 'Artifact'},
    ...lines,
    {text: String(number), x: 300, y: 760, size: 10, tag: 'Artifact'}
  ]
})

const body = (text: string, y: number, tag = 'P'): TestLine => ({text, x: 72, y, size: 10, tag})

/** Headings set in body type (only their tags tell them), a bold paragraph and a bold list item. */
function taggedReport(tagged: boolean): Uint8Array {
  const pages = [
    page(1, [
      {text: 'Scope', x: 72, y: 100, size: 10, tag: 'H1'},
      body('This report covers the services run by the agency in the year.', 120),
      {text: 'Important: retired ones are covered too.', x: 72, y: 140, size: 10, bold: true, tag: 'P'},
      {text: 'Services in scope', x: 72, y: 170, size: 10, tag: 'H2'},
      body('The services in scope are listed in the annex of this report.', 190),
      {text: 'Retired services', x: 90, y: 210, size: 10, bold: true, tag: 'LBody'}
    ]),
    page(2, [
      {text: 'Findings', x: 72, y: 100, size: 10, tag: 'H1'},
      body('Most services met the standard; two did not, as described below.', 120),
      {text: 'Access control', x: 72, y: 150, size: 10, tag: 'H2'},
      body('Access reviews were late for two services in the spring.', 170)
    ])
  ]
  return writePdf(tagged ? pages : pages.map((item) => ({...item, lines: item.lines.map(({tag: _, ...line}) => line)})))
}

const outline = async (bytes: Uint8Array): Promise<string[]> =>
  (await fromPdf(bytes)).root.children
    .filter((node): node is Heading => node.type === 'heading')
    .map((node) => `${node.depth} ${toString(node)}`)

describe('a tagged PDF: the structure tree says which lines are headings and at what level', () => {
  it("the adapter reads each run's structure type and artifact mark", async () => {
    const content = await readPdf(taggedReport(true))
    expect(content.tagged).toBe(true)
    const first = content.pages[0]!.items
    expect(first.find((item) => item.text === 'Scope')).toMatchObject({tag: 'H1', artifact: false})
    expect(first.find((item) => item.text === 'Services in scope')).toMatchObject({tag: 'H2'})
    expect(first.find((item) => item.text === 'Tagged Report 2024')).toMatchObject({artifact: true})
  })

  it('H1/H2 become headings at their levels; a bold paragraph and a bold list item do not; artifacts are not text', async () => {
    expect(await outline(taggedReport(true))).toEqual(['1 Scope', '2 Services in scope', '1 Findings', '2 Access control'])
    const text = (await fromPdf(taggedReport(true))).root.children.map((node) => toString(node)).join('\n')
    expect(text).toContain('Important: retired ones are covered too.')
    expect(text).toContain('Retired services')
    expect(text).not.toContain('Tagged Report 2024')
  })

  it('the same pages untagged: type alone cannot find headings set in body type (the test above can fail)', async () => {
    const found = await outline(taggedReport(false))
    expect(found).not.toContain('1 Scope')
    expect(found).not.toContain('1 Findings')
  })
})
