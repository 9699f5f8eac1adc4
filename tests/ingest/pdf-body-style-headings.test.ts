/**
 * Issue #18, the Japanese government discussion paper on service design (政府 CIO 補佐官等ディスカッション
 * ペーパー 2021-01, `ja/govcio-dp2021-01-service-design-cases.pdf`), rebuilt in English with the
 * standard fonts: its contents page lists itself (`目次 ....... i`) above the first chapter, prints
 * a long entry's page on a leader line of its own, and its `4)Outside-In の視点` headings are set in
 * body size and weight, only in another typeface (Gothic beside Mincho), glued to the paragraphs around them.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const body = (texts: string[], y: number): TestLine[] => texts.map((text, k) => ({text, x: 72, y: y + k * 14, size: 10}))

describe('a contents page that lists itself and wraps a long entry, and headings set like body text', () => {
  it('reads every entry once, at its level, and finds each listed heading in the body', async () => {
    const leader = ' ' + '.'.repeat(24) + ' '
    const contents: TestLine[] = [
      {text: 'Contents', x: 72, y: 80, size: 14, bold: true},
      {text: `Contents${leader}i`, x: 72, y: 110, size: 10},
      {text: `1 Approaches${leader}1`, x: 72, y: 126, size: 10},
      {text: `1.1 Double diamond${leader}1`, x: 82, y: 142, size: 10},
      {text: `1) Outside-In view${leader}2`, x: 94, y: 158, size: 10},
      {text: '1.2 Policy design in ministries, agencies and the cities they serve', x: 82, y: 174, size: 10},
      {text: `${leader}${leader}3`, x: 72, y: 190, size: 10},
      {text: `2 Outlook${leader}3`, x: 72, y: 206, size: 10}
    ]
    const pdf = writePdf([
      {label: 'cover', lines: [{text: 'Service design in government', x: 72, y: 200, size: 24, bold: true}]},
      {label: 'i', lines: contents},
      {
        label: '1',
        lines: [
          {text: '1 Approaches', x: 72, y: 80, size: 16, bold: true},
          {text: '1.1 Double diamond', x: 72, y: 120, size: 13, bold: true},
          ...body(
            ['The double diamond splits the work into four phases, two wide', 'and two narrow, and each phase ends in a decision'],
            150
          )
        ]
      },
      {
        label: '2',
        lines: [
          ...body(
            ['A journey map drawn from inside the office shows the forms it', 'handles, not the life of the people who fill them in'],
            80
          ),
          {text: '1) Outside-In view', x: 72, y: 108, size: 10, serif: true},
          ...body(['Drawn from outside, the same map starts long before the first', 'form and ends long after the last one is filed'], 122)
        ]
      },
      {
        label: '3',
        lines: [
          {text: '1.2 Policy design in ministries, agencies and the cities they serve', x: 72, y: 80, size: 13, bold: true},
          ...body(['Policy is designed for people as much as a service is'], 110),
          {text: '2 Outlook', x: 72, y: 160, size: 16, bold: true},
          ...body(['Design work goes on after a service is launched'], 190)
        ]
      }
    ])
    const parsed = await fromPdf(pdf)
    expect(parsed.toc.map((entry) => `${entry.level} ${entry.numbering} ${entry.title} ${entry.page}`)).toEqual([
      '1 1 Approaches 1',
      '2 1.1 Double diamond 1',
      '3 1) Outside-In view 2',
      '2 1.2 Policy design in ministries, agencies and the cities they serve 3',
      '1 2 Outlook 3'
    ])
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
    expect(headings).toEqual([
      '1 1 Approaches',
      '2 1.1 Double diamond',
      '3 1) Outside-In view',
      '2 1.2 Policy design in ministries, agencies and the cities they serve',
      '1 2 Outlook'
    ])
    // The paragraphs around the body-style heading keep their own words, and the contents is not body text.
    const paragraphs = parsed.root.children.filter((node) => node.type === 'paragraph').map((node) => toString(node))
    expect(paragraphs.some((text) => text.endsWith('fill them in'))).toBe(true)
    expect(paragraphs.some((text) => text.startsWith('Drawn from outside'))).toBe(true)
    expect(paragraphs.some((text) => /Contents|\.{5}/u.test(text))).toBe(false)
    expect(parsed.messages.filter((message) => message.code === 'contents-entry-unmatched')).toEqual([])
  })
})
