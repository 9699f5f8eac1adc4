/**
 * Issue #18, the KISA guide to assessing critical information infrastructure
 * (`ko/kisa-cii-admin-physical-assessment-guide-2026.pdf`, 332 pages): each check item opens a page
 * with its code as a small bold badge (`A-1`, 10.5 pt) above its statement, under a breadcrumb, and
 * then the same sub-headings (`세부 설명`, `고려 사항`… at 12 pt) on every item. Rebuilt in English with
 * the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const body = (texts: string[], y: number): TestLine[] => texts.map((text, k) => ({text, x: 76, y: y + k * 21, size: 11}))

/** An item page; `top` moves it down the page (a section opener above the first item, a long statement). */
function itemPage(code: string, statement: string, topic: string, top: number, opener: TestLine[] = []): {lines: TestLine[]} {
  return {
    lines: [
      {text: '2026 Infrastructure assessment guide', x: 293, y: 36, size: 9},
      {text: '02. Administrative items', x: 441, y: 71, size: 10, bold: true},
      ...opener,
      {text: 'Administrative > 1. Security policy', x: 275, y: top - 19, size: 10.5},
      {text: code, x: 87, y: top, size: 10.5, bold: true},
      {text: statement, x: 139, y: top + 11, size: 10.5},
      {text: 'Details', x: 66, y: top + 91, size: 12, bold: true},
      ...body(
        [`The ${topic} is written down and approved by the head of the organisation,`, 'and every unit knows where to find it.'],
        top + 113
      ),
      {text: 'Considerations', x: 66, y: top + 179, size: 12, bold: true},
      ...body(
        [`Check that the ${topic} is reviewed at least once a year and after any`, 'change to the organisation or its systems.'],
        top + 201
      )
    ]
  }
}

describe('check items opened by a code badge', () => {
  it('are headings, code first, between their section and the sub-headings every item repeats', async () => {
    const pdf = writePdf([
      {lines: [{text: 'Infrastructure assessment guide', x: 72, y: 200, size: 26, bold: true}]},
      {lines: [{text: 'Chapter 02 Administrative items', x: 72, y: 200, size: 20, bold: true}]},
      itemPage('A-1', 'A security policy applies to the whole organisation', 'policy', 201, [
        {text: '01 Security policy', x: 57, y: 123, size: 17, bold: true}
      ]),
      itemPage('A-2', 'Procedures carry the policy out', 'procedure', 120),
      itemPage('A-3', 'The policy reaches every employee', 'notice', 160),
      {lines: [{text: 'Index of items', x: 72, y: 80, size: 17, bold: true}, ...body(['A-1 Security policy', 'A-2 Procedures'], 110)]}
    ])
    const parsed = await fromPdf(pdf)
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
    expect(headings).toEqual([
      '1 Chapter 02 Administrative items',
      '2 01 Security policy',
      '3 A-1 A security policy applies to the whole organisation',
      '4 Details',
      '4 Considerations',
      '3 A-2 Procedures carry the policy out',
      '4 Details',
      '4 Considerations',
      '3 A-3 The policy reaches every employee',
      '4 Details',
      '4 Considerations',
      '2 Index of items'
    ])
  })
})
