/**
 * Issue #18, the SW supply-chain summary's contents page: `Contents` set down the margin one glyph
 * per line at 48 pt, chapter labels set apart from their titles (`Part 1`   `Background / 1`), and
 * front matter numbered 1–2 before a body numbered from 1 again.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {joinVerticalLetters, type VerticalLetterLine} from '../../src/ingest/join-vertical-letters.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const glyph = (text: string, x0: number, y: number, size: number): VerticalLetterLine => ({text, x0, x1: x0 + size * 0.6, y, size})

describe('joinVerticalLetters', () => {
  it('makes a stack of single glyphs one line, a space where the step is wider than a glyph', () => {
    const side = [...'SW'].map((letter, k) => glyph(letter, 37, 320 + k * 5.4, 10))
    const more = [...'risk'].map((letter, k) => glyph(letter, 37, 337 + k * 8.5, 10))
    const body = {text: 'A line of body text beside them.', x0: 100, x1: 300, y: 330, size: 10}
    const joined = joinVerticalLetters([...side, body, ...more])
    expect(joined.map((line) => line.text)).toEqual(['SW risk', 'A line of body text beside them.'])
  })

  it('leaves a column of ticks spaced like lines, and fewer than four glyphs, alone', () => {
    const ticks = [0, 1, 2, 3, 4].map((k) => glyph('X', 300, 100 + k * 14, 10))
    const short = [...'abc'].map((letter, k) => glyph(letter, 40, 100 + k * 8, 10))
    expect(joinVerticalLetters([...ticks, ...short])).toHaveLength(8)
  })
})

describe('a contents page titled down the margin, one glyph per line', () => {
  it('is read as the contents: entries with their labels, levels, and pages found through the page labels', async () => {
    const letters: TestLine[] = [...'Contents'].map((letter, k) => ({text: letter, x: 30, y: 110 + k * 40, size: 48, bold: true}))
    const row = (label: string, title: string, page: number, x: number, y: number): TestLine[] => [
      {text: label, x, y, size: 12, bold: true},
      {
        text: title,
        x: x + (label.length > 6 ? 70 : 52),
        y,
        size: 11,
        runs: [
          {text: ' / ', size: 6.5},
          {text: String(page), size: 9}
        ]
      }
    ]
    const contents: TestLine[] = [
      ...letters,
      ...row('Part 1', 'Background', 1, 130, 120),
      ...row('Part 2', 'Risk management', 2, 130, 200),
      ...row('Section 1', 'Supplier controls', 2, 150, 240),
      ...row('Section 2', 'Component lists', 3, 150, 280),
      ...row('Part 3', 'Outlook', 4, 130, 360)
    ]
    const section = (title: string, topic: string, size = 18): TestLine[] => [
      {text: title, x: 72, y: 80, size, bold: true},
      {text: `This page tells how ${topic} is handled, by whom, and how often it is checked.`, x: 72, y: 120, size: 10},
      {text: `Every ${topic} decision is written down and kept for five years.`, x: 72, y: 134, size: 10}
    ]
    const pdf = writePdf([
      {label: '1', lines: [{text: 'Supply chain guideline', x: 72, y: 200, size: 30, bold: true}]},
      {label: '2', lines: contents},
      {label: '1', lines: section('Part 1 Background', 'background')},
      {
        label: '2',
        lines: [...section('Part 2 Risk management', 'risk'), {text: 'Section 1 Supplier controls', x: 72, y: 200, size: 14, bold: true}]
      },
      {label: '3', lines: section('Section 2 Component lists', 'a component', 14)},
      {label: '4', lines: section('Part 3 Outlook', 'the outlook')}
    ])
    const parsed = await fromPdf(pdf)
    expect(parsed.toc.map((entry) => `${entry.level} ${entry.numbering} ${entry.title} ${entry.page}`)).toEqual([
      '1 Part 1 Background 1',
      '1 Part 2 Risk management 2',
      '2 Section 1 Supplier controls 2',
      '2 Section 2 Component lists 3',
      '1 Part 3 Outlook 4'
    ])
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
    expect(headings).toEqual([
      '1 Part 1 Background',
      '1 Part 2 Risk management',
      '2 Section 1 Supplier controls',
      '2 Section 2 Component lists',
      '1 Part 3 Outlook'
    ])
    // Neither the letters of the title nor the entries are body text.
    expect(parsed.root.children.some((node) => /^(?:C|o|n|t|e|s|Contents)$/u.test(toString(node).trim()))).toBe(false)
    expect(parsed.messages.filter((message) => message.code === 'contents-entry-unmatched')).toEqual([])
  })
})
