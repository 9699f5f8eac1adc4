import type {FootnoteDefinition, Heading, Paragraph} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {findFootnotes} from '../../src/ingest/pdf-footnotes.js'
import {run} from '../support/pdf-content.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const body = (text: string, y: number, extra: Partial<TestLine> = {}): TestLine => ({text, x: 72, y, size: 10, ...extra})

/** A page of body text with two footnote markers, a raised tag beside a heading and two notes at the bottom. */
function footnotePage(): Uint8Array {
  const lines: TestLine[] = [
    {text: 'Runtime', x: 72, y: 80, size: 16, runs: [{text: '(New in v2)', size: 9, rise: 6}]},
    body('The runtime environment can itself be broken into layers of components with', 110),
    body('distinct security concerns', 124, {
      runs: [
        {text: '1', size: 6, rise: 3.5},
        {text: ' such as hardware, host and orchestration.', size: 10}
      ]
    }),
    body('Organisations should evaluate the defence stack against attack frameworks', 138),
    body('to achieve clarity about the threats that a stack covers, a set of tools', 152, {
      runs: [
        {text: '2', size: 6, rise: 3.5},
        {text: '.', size: 10}
      ]
    }),
    {text: 'Recommendations', x: 72, y: 190, size: 16},
    body('Cloud native security seeks to ensure the same conditions of diligence and trust.', 214),
    {
      text: '1',
      x: 72,
      y: 700,
      size: 4,
      runs: [{text: ' Another model to consider is Cloud, Clusters, Containers and Code.', size: 7, rise: -2}]
    },
    {text: '2', x: 72, y: 712, size: 4, runs: [{text: ' Shifting security left often leaves organisations to lapse', size: 7, rise: -2}]},
    {text: 'operational security monitoring.', x: 72, y: 722, size: 7}
  ]
  return writePdf([{lines}])
}

describe('footnotes in a PDF', async () => {
  const parsed = await fromPdf(footnotePage())
  const nodes = parsed.root.children

  it('attaches each marker to its word as a footnote reference: no paragraph is only a number', () => {
    expect(nodes.filter((node) => node.type === 'paragraph' && /^\s*\d+\s*$/u.test(toString(node)))).toEqual([])
    const paragraph = nodes.find((node): node is Paragraph => node.type === 'paragraph' && toString(node).includes('distinct'))!
    expect(toString(paragraph)).toContain('distinct security concerns such as hardware')
    expect(paragraph.children.filter((child) => child.type === 'footnoteReference').map((child) => child.identifier)).toEqual(['1', '2'])
  })

  it('keeps the notes as footnote definitions at the end of their section, out of the body text', () => {
    const definitions = nodes.filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition')
    expect(definitions.map((node) => [node.identifier, toString(node)])).toEqual([
      ['1', 'Another model to consider is Cloud, Clusters, Containers and Code.'],
      ['2', 'Shifting security left often leaves organisations to lapse operational security monitoring.']
    ])
    // At the end of the section that holds their markers: before the next heading.
    const next = nodes.findIndex((node) => node.type === 'heading' && toString(node) === 'Recommendations')
    expect(nodes.indexOf(definitions[1]!)).toBe(next - 1)
    expect(nodes.filter((node) => node.type === 'paragraph').map((node) => toString(node))).not.toContainEqual(
      expect.stringContaining('Another model')
    )
  })

  it('keeps a raised tag beside a heading in that heading, never a heading of its own', () => {
    const headings = nodes.filter((node): node is Heading => node.type === 'heading').map((node) => toString(node))
    expect(headings).toEqual(['Runtime (New in v2)', 'Recommendations'])
  })
})

describe('end notes in a PDF', async () => {
  // After the CNCF Cloud Native Security Whitepaper v2 (2022, Apache-2.0): the notes are printed
  // together under Citations, pages after the words that refer to them, and its Markdown source
  // writes their definitions there.
  const note = (label: string, text: string, y: number): TestLine => ({
    text: label,
    x: 72,
    y,
    size: 4,
    runs: [{text: ` ${text}`, size: 7, rise: -2}]
  })
  const pages = [
    [
      {text: 'Cloud Native Layers', x: 72, y: 80, size: 20},
      body('The runtime environment can itself be broken into layers of components with', 110),
      body('distinct security concerns', 124, {
        runs: [
          {text: '1', size: 6, rise: 3.5},
          {text: ' such as hardware and host.', size: 10}
        ]
      })
    ],
    [{text: 'Compliance', x: 72, y: 80, size: 20}, body('Regulatory audits check that the rules are followed, year after year.', 110)],
    [
      {text: 'Citations', x: 72, y: 80, size: 20},
      note('1', 'Another model to consider is Cloud, Clusters, Containers and Code.', 110),
      {text: 'Acknowledgements', x: 72, y: 300, size: 20},
      body('This white paper is a community effort of the Security TAG.', 330)
    ]
  ]
  const nodes = (await fromPdf(writePdf(pages.map((lines) => ({lines}))))).root.children
  const titled = (title: string): number => nodes.findIndex((node) => node.type === 'heading' && toString(node) === title)

  it('keeps them in their own section, where they are printed, and the reference still names them', () => {
    const definition = nodes.findIndex((node) => node.type === 'footnoteDefinition')
    expect(toString(nodes[definition]!)).toBe('Another model to consider is Cloud, Clusters, Containers and Code.')
    expect(definition).toBe(titled('Citations') + 1)
    expect(titled('Acknowledgements')).toBe(definition + 1)
    const paragraph = nodes.find((node): node is Paragraph => node.type === 'paragraph' && toString(node).includes('distinct'))!
    expect(paragraph.children.filter((child) => child.type === 'footnoteReference').map((child) => child.identifier)).toEqual(['1'])
  })
})

describe('findFootnotes', () => {
  it('leaves numbers set at body size alone (a list number, a table cell)', () => {
    const items = [run('1', 72, 100, 10), run('Scope of the guide', 84, 100, 10), run('2', 72, 114, 10), run('Terms', 84, 114, 10)]
    expect(findFootnotes(items, 10)).toEqual({body: items, notes: []})
  })

  it('does not take small print without a marker (a caption) for a note', () => {
    const items = [run('Body text of the page', 72, 100, 10), run('Figure 2: the pipeline', 72, 700, 7)]
    expect(findFootnotes(items, 10).notes).toEqual([])
  })

  it('finds a note set in body size when the page refers to its label (Word)', () => {
    const items = [
      run('the original version', 85, 490, 12, {width: 48}),
      run('3', 133.1, 485.5, 6.96, {width: 3.5}),
      run('is the base.', 136.6, 490, 12),
      run('3', 97.1, 681.1, 6.96, {width: 3.5}),
      run('What is the framework for innovation?', 106.6, 686.2, 12)
    ]
    const {body, notes} = findFootnotes(items, 12)
    expect(body.map((run) => run.text)).toEqual(['the original version\uFDD03\uFDD1', 'is the base.'])
    expect(notes.map((note) => [note.label, note.items.map((run) => run.text)])).toEqual([['3', ['What is the framework for innovation?']]])
  })

  it('takes a digit glued to a word in body type for the reference a note at the page foot names (OpenChain 2.1 ko)', () => {
    // Issue #18, `openchain-spec/2.1.ko.pdf` (CC-BY-4.0, the OpenChain Project), page 10, in English:
    // Word set the reference `1` in the body's 9.6 pt on the body's baseline, the note's marker small and raised.
    const items = [
      run('kept for a reasonable period', 90.6, 453.7, 9.6, {width: 229}),
      run('1 ', 319.5, 453.7, 9.6, {width: 8.8}),
      run('or as the licence requires', 328.2, 453.7, 9.6, {width: 120}),
      run('1', 54.6, 740.5, 6.48, {width: 3.3}),
      run('depending on the domain, jurisdiction or customer contracts', 60.2, 744.1, 9.6, {width: 198})
    ]
    const {body, notes} = findFootnotes(items, 9.6)
    expect(body.map((run) => run.text)).toEqual(['kept for a reasonable period\uFDD01\uFDD1 ', 'or as the licence requires'])
    expect(notes.map((note) => [note.label, note.items.map((run) => run.text)])).toEqual([
      ['1', ['depending on the domain, jurisdiction or customer contracts']]
    ])
  })

  it('leaves a number standing apart from its word, or one no note names, in the body', () => {
    const apart = [
      run('a third ', 90.6, 453.7, 9.6, {width: 40}),
      run('3 ', 130.6, 453.7, 9.6, {width: 8.8}),
      run('party', 139.4, 453.7, 9.6, {width: 30}),
      run('3', 54.6, 740.5, 6.48, {width: 3.3}),
      run('a line of body text at the foot', 60.2, 744.1, 9.6, {width: 150})
    ]
    expect(findFootnotes(apart, 9.6)).toEqual({body: apart, notes: []})
    const unnamed = [run('kept for a reasonable period', 90.6, 453.7, 9.6, {width: 229}), run('1 ', 319.5, 453.7, 9.6, {width: 8.8})]
    expect(findFootnotes(unnamed, 9.6)).toEqual({body: unnamed, notes: []})
  })

  it('finds a note whose label is printed in its run (Hwp: `8) ...`), referred to by a raised `8)`', () => {
    const items = [
      run('외부 개입 없이 사생활을 형성할 자유', 168.7, 284, 9.95, {width: 151}),
      run('8) ', 319.5, 281.9, 7.55, {width: 6.5}),
      run('8) 헌재 2003.10.30. 선고 2002헌마518', 56.6, 762.6, 8.99)
    ]
    const {body, notes} = findFootnotes(items, 9.5)
    expect(body.map((run) => run.text)).toEqual(['외부 개입 없이 사생활을 형성할 자유\uFDD08\uFDD1'])
    expect(notes.map((note) => [note.label, note.items.map((run) => run.text)])).toEqual([['8', ['헌재 2003.10.30. 선고 2002헌마518']]])
  })

  it('takes a note whose label is set in other type than its text (OpenChain 2.0 ja: `訳注：` at 7.6 pt, the text at 6.8 pt)', () => {
    // Issue #18, `openchain-spec/2.0.ja.pdf` (CC-BY-4.0, the OpenChain Project), page 9, in English.
    const items = [
      run('with attribution requirements', 82, 475, 8.5, {width: 120}),
      run('1', 202, 471, 5, {width: 3}),
      run('1', 54.6, 609.8, 5, {width: 2.5}),
      run("Translator's note:", 59, 611.2, 7.6, {width: 22.8}),
      run('quoted from the article on attribution, a term for the requirement to credit', 81.8, 612, 6.8, {width: 328}),
      run('the authors of a work that is used, or the credit itself.', 54.6, 621, 6.8, {width: 200}),
      run('Page 9 of 13', 250, 700, 8, {width: 40})
    ]
    const {body, notes} = findFootnotes(items, 8.5)
    expect(notes.map((note) => note.items.map((run) => run.text))).toEqual([
      [
        "Translator's note:",
        'quoted from the article on attribution, a term for the requirement to credit',
        'the authors of a work that is used, or the credit itself.'
      ]
    ])
    expect(body.map((run) => run.text)).toEqual(['with attribution requirements\uFDD01\uFDD1', 'Page 9 of 13'])
  })

  it('glues a raised ending to its word and keeps a raised tag apart', () => {
    const items = [run('the 21', 72, 100, 10, {width: 30}), run('st', 102, 96, 6, {width: 6}), run(' century', 108, 100, 10, {width: 40})]
    expect(findFootnotes(items, 10).body.map((run) => run.text)).toEqual(['the 21st', ' century'])
    const tag = [run('Use case: Ransomware', 72, 200, 20, {width: 220}), run('(New in v2)', 295, 193, 11.66, {width: 60})]
    expect(findFootnotes(tag, 10).body.map((run) => run.text)).toEqual(['Use case: Ransomware (New in v2)'])
  })
})
