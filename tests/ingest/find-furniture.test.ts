import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findFurniture, findPlacedFurniture, type PlacedLine} from '../../src/ingest/find-furniture.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {blocksToText} from '../../src/model/blocks-to-text.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {corporaDir as corpora} from '../support/corpora.js'
import {type TestLine, writePdf} from './pdf-writer.js'

/** The lines `findFurniture` marks in one unpaginated text. */
const marked = (lines: string[]): string[] => {
  const {mask} = findFurniture([lines])
  return lines.filter((_, index) => mask[0]![index])
}

describe('findFurniture without page breaks', () => {
  it('finds running headers that carry their page number at one end, the number rising', () => {
    const lines = [
      'The solution to the inter-Korean question should be sought',
      'Forty-eighth session - 29 September 1993 35',
      'in the context of the post-cold-war international order of',
      '36 General Assembly - Forty-eighth session',
      'reconciliation and cooperation.',
      'Forty-eighth session - 29 September 1993 37',
      'We are particularly concerned.',
      '38 General Assembly - Forty-eighth session'
    ]
    expect(marked(lines)).toEqual([lines[1], lines[3], lines[5], lines[7]])
  })

  it('leaves numbered headings and lines that merely repeat', () => {
    // The contents list and the body name the same heading with the same number; a decimal
    // numbering is no page number; two words are too few to tell a running line.
    const lines = [
      '2 Risk Based Policies',
      '3.1 Scope of This Part',
      'Text.',
      '2 Risk Based Policies',
      'More text.',
      '4.1 Scope of This Part',
      '5 Annex A',
      '7 Annex A'
    ]
    expect(marked(lines)).toEqual([])
    // Falling numbers are no page numbers either.
    expect(marked(['12 Notes on the Budget Year', 'Text.', '4 Notes on the Budget Year'])).toEqual([])
  })
})

describe('the 1993 UN statement, a plain text with its running headers left in', () => {
  it('loses the four running lines, and with them a false heading, and keeps every other word', async () => {
    const file = path.join(corpora, 'un-general-debate-kor', '1993.txt')
    const text = readFileSync(file, 'utf8')
    const {edition, messages} = await ingestEdition(readFileSync(file), {file, title: 'Statement'})
    // "38 General Assembly - Forty-eighth session" was read as a numbered heading.
    expect(flattenSections(edition).map(({section}) => section.heading)).toEqual(['Statement'])
    expect(messages.map((m) => m.code)).toContain('page-furniture-removed')
    const body = flattenSections(edition)
      .map(({section}) => blocksToText(section.blocks))
      .join('\n')
    expect(body).not.toMatch(/General Assembly - Forty-eighth session|29 September l993/u)
    const words = (s: string): number => s.split(/\s+/u).filter(Boolean).length
    const furniture = [
      'Forty-eighth session - 29 September l993 35',
      '36 General Assembly - Forty-eighth session',
      'Forty-eighth session - 29 September l993 37',
      '38 General Assembly - Forty-eighth session'
    ]
    expect(words(body)).toBe(words(text) - furniture.reduce((n, line) => n + words(line), 0))
    // The sentence the header cut in two is whole again.
    expect(body).toContain('the post-- cold-war international order of reconciliation and cooperation.')
  })
})

describe('findPlacedFurniture: a chapter’s own running head', () => {
  /** Sixteen pages: the document's head on every page, a page number at the foot, and one chapter's head on pages 11, 13 and 15. */
  const pages = Array.from({length: 16}, (_, p) => {
    const lines: PlacedLine[] = [{text: 'Assessment guide', y: 36, size: 10}]
    // The kisa guide's appendix heads come back on its odd pages only, in the band of the other running lines.
    if (p >= 10 && p % 2 === 0) lines.push({text: '05. Appendix 2. Sample forms', y: 48, size: 11})
    // Each item's second page opens with the same sub-heading, further in than any running line.
    lines.push({text: p % 2 === 1 && p < 6 ? 'Relevant laws' : `Check item ${String.fromCharCode(65 + p)}`, y: 110, size: 12})
    for (let k = 0; k < 20; k++)
      lines.push({text: `Body text ${String.fromCharCode(97 + k)} of page ${String.fromCharCode(65 + p)}`, y: 140 + k * 30, size: 10})
    lines.push({text: `- ${p + 1} -`, y: 810, size: 10})
    return lines
  })
  const masked = (): string[] => {
    const {mask} = findPlacedFurniture(pages, {zone: 2})
    return pages.flatMap((lines, p) => lines.filter((_, index) => mask[p]![index]).map((line) => `${p + 1}: ${line.text}`))
  }

  it('is furniture on the pages of its chapter, though too rare for a running line of the whole document', () => {
    const found = masked()
    expect(found).toContain('11: 05. Appendix 2. Sample forms')
    expect(found).toContain('13: 05. Appendix 2. Sample forms')
    expect(found).toContain('15: 05. Appendix 2. Sample forms')
  })

  it('leaves a sub-heading that opens every other page, set further in than the running lines', () => {
    expect(masked().filter((line) => line.includes('Relevant laws'))).toEqual([])
    expect(masked().filter((line) => line.includes('Body text'))).toEqual([])
  })
})

describe('findFurniture: one footer printed a little differently on a few pages', () => {
  // After `openchain-spec/2.1.ko.pdf` (CC-BY-4.0, the OpenChain Project): Word sets the footer with
  // a space after the dash on its first pages and without one later, and page 2 prints its roman
  // number at the start of the footer's line where the other pages give the number a line of its own.
  const footer = (space: string): string => `© Joint Development Foundation 2020 –${space}see www.openchainproject.org for details`
  const pages = [
    ['OpenChain 2.1', 'The specification is equivalent to 2.0', footer(' '), 'i'],
    ['OpenChain 2.1', 'Contents', `ii ${footer('')}`],
    ['OpenChain 2.1', 'Introduction', 'This document defines the key requirements.', footer(' '), '1'],
    ...['Scope', 'Terms', 'Requirements', 'Policy', 'Competence', 'Awareness'].map((title, n) => [
      'OpenChain 2.1',
      `${n + 2} ${title}`,
      'Body text.',
      footer(''),
      String(n + 2)
    ])
  ]
  const {mask, patterns} = findFurniture(pages, {zone: 2})
  const masked = pages.flatMap((lines, p) => lines.filter((_, index) => mask[p]![index]))

  it('is furniture on every page: spaces and a page number at either end aside', () => {
    expect(masked.filter((line) => line.includes('Joint Development'))).toHaveLength(pages.length)
  })

  it('keeps the body, and reports the footer as it was printed', () => {
    expect(masked.filter((line) => /Scope|Awareness|Introduction|Contents|Body|equivalent/u.test(line))).toEqual([])
    expect(patterns).toContain('© Joint Development Foundation # – see www.openchainproject.org for details')
  })
})

describe('a PDF whose copyright footer is printed a little differently under its cover', () => {
  // After `openchain-spec/2.1.ko.pdf` (CC-BY-4.0, the OpenChain Project): the cover and the contents
  // page print the footer as the body pages do, but spaced otherwise and, on page 2, after its roman number.
  const footer = (text: string): TestLine => ({text, x: 72, y: 770, size: 8})
  const body = (words: string): TestLine[] =>
    Array.from({length: 6}, (_, k) => ({text: `The ${words} takes line ${k + 1} of this page.`, x: 72, y: 140 + k * 20, size: 10}))
  const pdf = writePdf([
    {
      lines: [
        {text: 'Compliance Specification', x: 72, y: 200, size: 24},
        footer('Copyright 2020 Example Foundation - see example.org for details')
      ]
    },
    {
      lines: [
        {text: 'Foreword', x: 72, y: 80, size: 16},
        ...body('foreword'),
        footer('ii Copyright 2020 Example Foundation -see example.org for details')
      ]
    },
    ...['Scope', 'Terms', 'Requirements', 'Conformance'].map((title, p) => ({
      lines: [
        {text: title, x: 72, y: 80, size: 16},
        ...body(title.toLowerCase()),
        footer('Copyright 2020 Example Foundation -see example.org for details'),
        {text: String(p + 1), x: 300, y: 785, size: 8}
      ]
    }))
  ])

  it('loses the footer on every page, and still takes its year for the edition’s', async () => {
    const {edition} = await ingestEdition(pdf, {file: 'specs/compliance-spec.pdf', nameByRules: true})
    const text = [blocksToText(edition.preamble), ...flattenSections(edition).map(({section}) => blocksToText(section.blocks))].join('\n')
    expect(text).not.toContain('Example Foundation')
    expect(text).toContain('The foreword takes line 1')
    expect(edition.year).toBe(2020)
  })
})

describe('a PDF whose footer is reworded on one page', () => {
  // After `openchain-spec/2.1.ja.pdf` (CC-BY-4.0, the OpenChain Project): the translation prints its
  // footer in Japanese on every page but page 2, which keeps the English of the original, in the
  // footer's place and type, after its roman page number.
  const place = {x: 72, y: 770, size: 8}
  const body = (words: string): TestLine[] =>
    Array.from({length: 6}, (_, k) => ({text: `The ${words} takes line ${k + 1} of this page.`, x: 72, y: 140 + k * 20, size: 10}))
  const pdf = writePdf([
    {
      lines: [
        {text: 'Foreword', x: 72, y: 80, size: 16},
        ...body('foreword'),
        {...place, text: 'ii'},
        {...place, x: 100, text: '© Example Foundation 2020 – Learn More and Self-Certify at example.org'}
      ]
    },
    ...['Scope', 'Terms', 'Requirements', 'Conformance'].map((title, p) => ({
      lines: [
        {text: title, x: 72, y: 80, size: 16},
        ...body(title.toLowerCase()),
        {...place, text: '© Example Foundation 2020 – Details and certification at example.org'},
        {...place, x: 500, text: String(p + 1)}
      ]
    }))
  ])

  it('loses the reworded footer too: same baseline and size as the footer, opening with its words', async () => {
    const {edition} = await ingestEdition(pdf, {file: 'specs/compliance-spec.pdf'})
    const text = [blocksToText(edition.preamble), ...flattenSections(edition).map(({section}) => blocksToText(section.blocks))].join('\n')
    expect(text).not.toContain('Learn More')
    expect(text).not.toContain('Example Foundation')
    expect(text).toContain('The foreword takes line 6 of this page.')
  })
})

describe('findPlacedFurniture: a running line reworded on a page', () => {
  const footer = 'Copyright 2020 Example Foundation - details at example.org'
  /** Six pages: a running head, body, and the footer on its baseline; page 2 rewords it, page 4 ends a paragraph on that baseline. */
  const pages: PlacedLine[][] = Array.from({length: 6}, (_, p) => {
    const lines: PlacedLine[] = [{text: 'Example Specification', y: 40, size: 10}]
    for (let k = 0; k < 10; k++)
      lines.push({text: `Body line ${String.fromCharCode(97 + k)} of page ${String.fromCharCode(65 + p)}`, y: 100 + k * 60, size: 11})
    if (p === 1) lines.push({text: 'Copyright 2020 Example Foundation - learn more and certify at example.org', y: 770.4, size: 8})
    else if (p === 3) lines.push({text: 'Copyright of the samples stays with their authors.', y: 770, size: 8})
    else lines.push({text: footer, y: 770, size: 8})
    return lines
  })
  const {mask} = findPlacedFurniture(pages, {zone: 2})
  const masked = pages.flatMap((lines, p) => lines.filter((_, index) => mask[p]![index]).map((line) => `${p + 1}: ${line.text}`))

  it('takes the reworded footer as furniture', () => {
    expect(masked).toContain('2: Copyright 2020 Example Foundation - learn more and certify at example.org')
  })

  it('keeps a line on the footer’s baseline that shares only a word with it', () => {
    expect(masked.filter((line) => line.startsWith('4: '))).toEqual(['4: Example Specification'])
  })
})
