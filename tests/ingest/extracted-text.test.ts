import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {toString} from 'mdast-util-to-string'
import type {Heading} from 'mdast'
import {describe, expect, it} from 'vitest'
import {fromExtractedText, looksExtracted} from '../../src/ingest/from-extracted-text.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {blocksToText} from '../../src/model/blocks-to-text.js'
import {parseNumbering} from '../../src/text/parse-numbering.js'
import type {Section} from '../../src/model/edition.js'
import {corpusFile} from '../support/corpora.js'

const fixtures = path.join(import.meta.dirname, '../fixtures/extracted-text')
const seedFile = path.join(import.meta.dirname, '../fixtures/seed/diplomatic-white-paper-2020-front-matter.txt')
// The first 27 of the RFCs' 80 and 87 pages: the contents, and page breaks inside paragraphs.
const rfcs = ['tls1.0-1999.rfc2246.txt', 'tls1.1-2006.rfc4346.txt']

function allText(section: Section): string {
  return [section.heading, blocksToText(section.blocks), ...section.children.map(allText)].join('\n')
}

describe('the seed front matter', async () => {
  const bytes = new Uint8Array(readFileSync(seedFile))
  const {edition} = await ingestEdition(bytes, {file: 'diplomatic-white-paper/2020.txt'})

  it('is recognised as PDF-extracted text', () => {
    expect(looksExtracted(readFileSync(seedFile, 'utf8'))).toBe(true)
  })

  it('takes the cover lines as the title and the Minister’s Message as the one section', () => {
    expect(edition.title).toBe('DIPLOMATIC WHITE PAPER 2020')
    expect(edition.sections.map((section) => section.heading)).toEqual(["Minister's Message"])
    const message = edition.sections[0]!
    const text = blocksToText(message.blocks)
    expect(text).toContain('Minister of Foreign Affairs Kang Kyung-wha')
    // The label printed beside the page no longer cuts the sentence it interrupted.
    expect(text).toContain('enlarged its diplomatic space by deepening')
    expect(text.startsWith('2019 was a historic year')).toBe(true)
  })

  it('parses the contents: Chapters I–VII with repaired titles and 28 numbered sections with pages', () => {
    const chapters = edition.toc.filter((entry) => entry.level === 1)
    const sections = edition.toc.filter((entry) => entry.level === 2)
    expect(chapters.map((entry) => entry.numbering)).toEqual([
      'Chapter I',
      'Chapter II',
      'Chapter III',
      'Chapter IV',
      'Chapter V',
      'Chapter VI',
      'Chapter VII'
    ])
    expect(chapters[0]).toEqual({level: 1, numbering: 'Chapter I', title: 'World Trends in 2019', page: null})
    expect(chapters[5]!.title).toBe('Diplomacy Together with the People')
    expect(chapters[6]!.title).toBe('Enhancing Diplomatic Capacity Through Innovation')
    expect(sections).toHaveLength(28)
    expect(sections.map((entry) => entry.page)).toEqual([
      8, 22, 30, 40, 54, 63, 88, 114, 120, 143, 164, 185, 196, 208, 218, 231, 238, 241, 260, 273, 286, 306, 310, 317, 332, 340, 343, 348
    ])
    expect(sections.slice(0, 2).map((entry) => entry.title)).toEqual([
      'Developments in the International Political Landscape',
      "Korea's Foreign Policy"
    ])
    expect(sections.slice(2, 6).map((entry) => entry.numbering)).toEqual(['Section 1', 'Section 2', 'Section 3', 'Section 4'])
    expect(sections.slice(6, 12).map((entry) => entry.title)).toEqual([
      'Substantial Progress in the New Southern Policy',
      'Substantial Progress in the New Northern Policy',
      'Diplomacy with Europe',
      'Diplomacy with the Americas',
      'Diplomacy with Africa and the Middle East',
      'Inter-regional Diplomacy'
    ])
    expect(sections.at(-1)).toEqual({
      level: 2,
      numbering: 'Section 3',
      title: 'Improving the Education and Evaluation Systems and Promoting Research Activities',
      page: 348
    })
  })

  it('matches the expected contents list', () => {
    const expected = JSON.parse(readFileSync(path.join(fixtures, 'seed-toc.json'), 'utf8')) as unknown
    expect(edition.toc).toEqual(expected)
  })

  it('leaves no tab layout and no contents rows in the body', () => {
    const text = edition.sections.map(allText).join('\n')
    expect(text).not.toMatch(/\t|Section 1 Section 2|Diplom acy/u)
  })
})

describe.each(rfcs)('TLS RFC %s', async (name) => {
  const bytes = new Uint8Array(readFileSync(corpusFile('ietf-tls-rfcs', name)))
  const {edition} = await ingestEdition(bytes, {file: `ietf-tls-rfcs/${name}`})
  const flat = flattenSections(edition)
  const text = [blocksToText(edition.preamble), ...edition.sections.map(allText)].join('\n')

  it('has no running lines left', () => {
    expect(text).not.toMatch(/\[Page \d+\]/u)
    expect(text).not.toMatch(/RFC (?:2246|4346) {2,}The/u)
    // The date stands alone once, in the memo header of page 1; running heads would repeat it.
    expect(text.match(/^\s*(?:January 1999|April 2006)\s*$/gmu)?.length ?? 0).toBeLessThanOrEqual(1)
    expect(text.match(/January 1999|April 2006/gu)?.length ?? 0).toBeLessThan(5)
    expect(text).not.toContain('\f')
  })

  it('nests numbered headings by their numbering', () => {
    const numbered = flat.filter(({section}) => section.numbering !== null && /\d/u.test(section.numbering))
    // 29 in either excerpt (sections 1 to 7.2, four levels deep).
    expect(numbered.length).toBeGreaterThan(25)
    for (const {section, parentId} of numbered) {
      const parts = section.numbering!.replace(/\.$/u, '').split('.')
      const parent = flat.find((item) => item.section.id === parentId)?.section
      if (parts.length === 1) {
        expect(parentId).toBeNull()
      } else {
        expect(parent?.numbering?.replace(/\.$/u, '').replace(/^Appendix /u, '')).toBe(parts.slice(0, -1).join('.'))
      }
      expect(section.level).toBe(parts.length)
    }
  })

  it('finds the contents and takes it out of the body', () => {
    expect(edition.toc.length).toBeGreaterThan(70)
    expect(edition.toc.find((entry) => entry.numbering === '7.4.1.2')).toMatchObject({level: 4, page: expect.any(Number)})
    expect(text).not.toMatch(/\.{5,}\s*\d+$/mu)
  })

  it('joins a paragraph cut by a page break', () => {
    expect(text).toContain('The Record Protocol can operate without a MAC, but is generally only used in this mode')
  })
})

describe('numbered documents written for these tests', () => {
  for (const name of readdirSync(fixtures).filter((entry) => !entry.includes('.'))) {
    it(`${name}: headings and levels as numbered`, () => {
      const input = readFileSync(path.join(fixtures, name, 'input.txt'), 'utf8')
      const expected = JSON.parse(readFileSync(path.join(fixtures, name, 'expected.json'), 'utf8')) as {
        title: string
        headings: Array<[number, string, string]>
        absent?: string[]
        present?: string[]
      }
      expect(looksExtracted(input)).toBe(true)
      const parsed = fromExtractedText(input)
      expect(parsed.title).toBe(expected.title)
      const headings = parsed.root.children
        .filter((node): node is Heading => node.type === 'heading')
        .map((node) => {
          const {numbering, title} = parseNumbering(toString(node))
          return [node.depth, numbering, title]
        })
      expect(headings).toEqual(expected.headings)
      const body = parsed.root.children.map((node) => toString(node)).join('\n')
      for (const line of expected.absent ?? []) expect(body).not.toContain(line)
      for (const line of expected.present ?? []) expect(body).toContain(line)
    })
  }
})

describe('plain prose is not mistaken for extracted text', () => {
  it.each(['1991.txt', '2024.txt'])('UN debate %s', (name) => {
    expect(looksExtracted(readFileSync(corpusFile('un-general-debate-kor', name), 'utf8'))).toBe(false)
  })
})
