/**
 * Issue #18, OpenChain specification 1.0–2.1 (`openchain-spec/*.{ja,ko}.pdf`, CC-BY-4.0, the
 * OpenChain Project): every requirement is followed by two bold labels on lines of their own, its
 * verification materials and its rationale (`검증 결과물:` / `이유:`, `検証すべき証跡：` / `論拠：`). The
 * Japanese 1.x editions bookmark them, 1.0 and 1.2 ko tag them `H4`, 1.1 ko tags them `P`, 2.0 tags
 * them `P` (2.0 ja prints `論拠` nine times and `論拠:` three) and 2.1 is untagged. Read as run-in labels
 * in some editions and headings in others, the Korean and Japanese comparisons of one pair of
 * editions related the requirements differently. Rebuilt in English with the standard fonts.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type LabelLine, templateLabels} from '../../src/ingest/template-labels.js'
import {type TestLine, writePdf} from './pdf-writer.js'

const at = (text: string, bold = false): LabelLine & {heading: boolean} => ({
  text,
  page: 1,
  bold,
  inRow: false,
  heading: /^\d+\.\d+ /u.test(text)
})

describe('templateLabels', () => {
  const requirement = (number: string): Array<ReturnType<typeof at>> => [
    at(`${number} A requirement`, true),
    at('Verification material:', true),
    at('A document that shows it.'),
    at('Rationale', true),
    at('Why the requirement is there.')
  ]

  it('finds a bold label printed once in each of three sections, with or without its colon', () => {
    const lines = [...requirement('1.1'), ...requirement('1.2'), ...requirement('1.3')]
    lines[13] = at('Rationale:', true)
    const found = templateLabels(lines, (line) => line.heading)
    expect(lines.filter((line) => found.has(line)).map((line) => line.text)).toEqual([
      'Verification material:',
      'Rationale',
      'Verification material:',
      'Rationale',
      'Verification material:',
      'Rationale:'
    ])
    // Where a bold line without a colon is judged as any bold line, only labels with one are taken.
    expect([...templateLabels(lines, (line) => line.heading, true)].map((line) => line.text)).toEqual([
      'Verification material:',
      'Verification material:',
      'Verification material:'
    ])
  })

  it('takes no label found in fewer than three sections, twice in one, or before the first', () => {
    expect(templateLabels([...requirement('1.1'), ...requirement('1.2')], (line) => line.heading).size).toBe(0)
    const twice = [...requirement('1.1'), at('Rationale', true), at('More.'), ...requirement('1.2'), ...requirement('1.3')]
    expect([...templateLabels(twice, (line) => line.heading)].map((line) => line.text)).not.toContain('Rationale')
    const front = [at('Contributors:', true), at('A. Author'), ...requirement('1.1'), ...requirement('1.2')]
    front.push(at('Contributors:', true), at('B. Author'))
    expect(templateLabels(front, (line) => line.heading).size).toBe(0)
  })
})

const body = (text: string, y: number, tag?: string): TestLine => ({text, x: 90, y, size: 10, ...(tag ? {tag} : {})})

describe('template labels in a PDF', () => {
  it('are sub-headings of each requirement in untagged type, where a label printed once is not', async () => {
    const lines: TestLine[] = [
      {text: 'The specification', x: 72, y: 30, size: 20, bold: true},
      {text: '3 Requirements', x: 72, y: 60, size: 14, bold: true},
      {text: 'Contributors:', x: 72, y: 84, size: 10, bold: true},
      body('The members of the specification work group.', 98)
    ]
    for (const [k, number] of ['3.1.1', '3.1.2', '3.1.3'].entries()) {
      const y = 130 + k * 150
      lines.push(
        {text: `${number} Requirement ${k + 1}`, x: 72, y, size: 11, bold: true},
        body('The organization keeps a documented process for this requirement.', y + 24),
        {text: 'Verification material:', x: 72, y: y + 50, size: 10, bold: true},
        body('A documented procedure that shows the process exists.', y + 64),
        {text: 'Rationale:', x: 72, y: y + 90, size: 10, bold: true},
        body('So that the program meets its purpose for every release.', y + 104)
      )
    }
    const parsed = await fromPdf(writePdf([{lines}]))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
    expect(headings).toEqual([
      '1 3 Requirements',
      '2 3.1.1 Requirement 1',
      '3 Verification material:',
      '3 Rationale:',
      '2 3.1.2 Requirement 2',
      '3 Verification material:',
      '3 Rationale:',
      '2 3.1.3 Requirement 3',
      '3 Verification material:',
      '3 Rationale:'
    ])
  })

  it('are headings when the author tagged them as headings, and one level below their requirement when tagged as text', async () => {
    const page = (labelTag: string): TestLine[] => {
      const lines: TestLine[] = [{text: 'Requirements', x: 72, y: 60, size: 14, bold: true, tag: 'H1'}]
      for (const [k, number] of ['1.1', '1.2', '1.3'].entries()) {
        const y = 100 + k * 150
        lines.push(
          {text: `${number} A documented policy exists for requirement ${k + 1}.`, x: 72, y, size: 11, bold: true, tag: 'H3'},
          {text: 'Verification material:', x: 90, y: y + 30, size: 10, bold: true, tag: labelTag},
          body('A documented policy.', y + 44, 'P'),
          {text: 'Rationale:', x: 90, y: y + 70, size: 10, bold: true, tag: labelTag},
          body('To make sure the policy is known.', y + 84, 'P')
        )
      }
      lines.push(
        {text: 'Appendix: translations', x: 72, y: 560, size: 14, bold: true, tag: 'H1'},
        body('In Japanese and Korean.', 584, 'P')
      )
      return lines
    }
    for (const tag of ['H4', 'P']) {
      const parsed = await fromPdf(writePdf([{lines: page(tag)}]))
      const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []))
      expect(headings.slice(0, 4)).toEqual([
        '1 Requirements',
        '2 1.1 A documented policy exists for requirement 1.',
        '3 Verification material:',
        '3 Rationale:'
      ])
      expect(headings).toHaveLength(11)
    }
  })
})
