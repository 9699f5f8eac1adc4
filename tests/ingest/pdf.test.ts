import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {type TestLine, writePdf} from './pdf-writer.js'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {readPdf} from '../../src/ingest/pdf.js'
import {PdfError} from '../../src/model/errors.js'
import {blockToText} from '../../src/model/blocks-to-text.js'
import {pdfCases as cases} from '../support/pdf-cases.js'

const fixtures = path.join(import.meta.dirname, '../fixtures/pdf')
const read = (...parts: string[]) => new Uint8Array(readFileSync(path.join(fixtures, ...parts)))
const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

function headingsOf(root: Root): Array<{key: string; depth: number}> {
  return root.children
    .filter((node): node is Heading => node.type === 'heading')
    .map((node) => ({key: key(toString(node)), depth: node.depth}))
}

describe.each(cases)('PDF printed from $source', async ({id, options}) => {
  const parsed = await fromPdf(read(id, 'document.pdf'))
  const source = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .parse(readFileSync(path.join(fixtures, id, 'source.md'), 'utf8'))
  const truth = headingsOf(source)
  const title = truth[0]!.depth === 1 && truth.filter((h) => h.depth === 1).length === 1 ? truth.shift() : undefined

  it('finds every heading of the source, and only those, with the same relative levels', () => {
    const found = headingsOf(parsed.root)
    expect(found.map((h) => h.key)).toEqual(truth.map((h) => h.key))
    // Levels agree once both are made relative (depth differences, not absolute depths).
    const relative = (list: Array<{depth: number}>) => list.map((h, i) => (i === 0 ? 0 : Math.sign(h.depth - list[i - 1]!.depth)))
    expect(relative(found)).toEqual(relative(truth))
  })

  it('takes the lone top heading as the title, not a chapter', () => {
    if (title) expect(key(parsed.title ?? '')).toBe(title.key)
  })

  it('drops the running head and the page numbers', () => {
    const text = parsed.root.children.map((node) => blockToText(node) || toString(node)).join('\n')
    expect(text).not.toContain(options.runningHead)
    expect(text).not.toMatch(/Page \d+ of \d+/u)
  })

  it('keeps the page of every block', () => {
    for (const node of parsed.root.children) expect((node.data as {page?: number} | undefined)?.page).toBeGreaterThanOrEqual(1)
  })
})

describe('two columns and hyphenation', async () => {
  const parsed = await fromPdf(read('contributor-covenant-2.1-columns', 'document.pdf'))
  const text = parsed.root.children.map((node) => toString(node)).join('\n')

  it('reads the left column before the right one', () => {
    const permanent = text.indexOf('4. Permanent Ban')
    const attribution = text.indexOf('Attribution')
    expect(permanent).toBeGreaterThan(0)
    expect(attribution).toBeGreaterThan(permanent)
    expect(text).toContain('A temporary ban from any sort of interaction or public communication with the community')
  })

  it('re-joins words broken at line ends and at soft hyphens', () => {
    expect(text).not.toMatch(/\bcontr[- ]ibut/u)
    expect(text).toContain('contributors')
    expect(text).toContain('moderation decisions')
  })
})

describe('text off the page', () => {
  it('is never printed, so it is not text, and the page number above it is still furniture', async () => {
    // After the CNCF Cloud Native Security Whitepaper v2 (2022, Apache-2.0), page 54: an overset `40.`
    // below the bottom edge, under the page number.
    const page = (n: number, extra: TestLine[] = []) => ({
      lines: [
        {text: n === 1 ? 'Citations' : 'Acknowledgements', x: 72, y: 80, size: 20},
        {
          text:
            n === 1
              ? 'Notes that the text refers to are listed here.'
              : 'This white paper is a community effort driven by the members of the Security TAG.',
          x: 72,
          y: 110,
          size: 10
        },
        {text: String(n), x: 560, y: 770, size: 8},
        ...extra
      ]
    })
    const parsed = await fromPdf(writePdf([page(1), page(2, [{text: '40.', x: 72, y: 843, size: 7}])]))
    const texts = parsed.root.children.map((node) => toString(node))
    expect(texts.filter((text) => /^\s*\d+\.?\s*$/u.test(text))).toEqual([])
    expect(texts.join('\n')).toContain('members of the Security TAG')
  })

  it('is measured against the page as drawn: a page turned a quarter keeps the text low on its long side', async () => {
    // A landscape table set on a portrait page and turned for reading (`/Rotate 90`): PDFium gives the
    // page's size as shown (792 × 612) and its text positions as drawn, down to 792 pt from the top.
    const lines = Array.from({length: 40}, (_, n) => ({text: `Row ${n + 1} of the table of measures`, x: 72, y: 40 + n * 18, size: 10}))
    const words = async (rotate: number) => {
      const parsed = await fromPdf(writePdf([{lines, rotate}]))
      return parsed.root.children.map((node) => toString(node)).join('\n')
    }
    const turned = await words(90)
    expect(turned).toContain('Row 40 of the table')
    expect(turned).toBe(await words(0))
  })

  it('is measured from the corner of the part shown: a crop box well right of 0 keeps the text at its right edge', async () => {
    // A spread cut down to its right-hand page (`/CropBox [300 0 912 792]` on a 912 pt wide sheet): the
    // page is 612 pt wide as shown, and its text is drawn from x = 300 up.
    const lines = (shift: number) => [
      {text: 'Findings of the annual review', x: shift + 72, y: 80, size: 20},
      {text: 'The review covers every office of the agency.', x: shift + 72, y: 120, size: 10},
      {text: 'Margin note', x: shift + 540, y: 160, size: 10}
    ]
    const text = async (page: Parameters<typeof writePdf>[0][number]) =>
      (await fromPdf(writePdf([page]))).root.children.map((node) => toString(node)).join('\n')
    const cropped = await text({width: 912, crop: [300, 0, 912, 792], lines: lines(300)})
    expect(cropped).toContain('Margin note')
    expect(cropped).toBe(await text({lines: lines(0)}))
  })
})

describe('bad PDFs', () => {
  it('an encrypted PDF asks for --password, and opens with it', async () => {
    await expect(fromPdf(read('bad', 'encrypted.pdf'))).rejects.toThrow(PdfError)
    await expect(fromPdf(read('bad', 'encrypted.pdf'))).rejects.toMatchObject({hint: expect.stringContaining('--password')})
    await expect(fromPdf(read('bad', 'encrypted.pdf'), {password: 'wrong'})).rejects.toThrow('the password is wrong')
    const parsed = await fromPdf(read('bad', 'encrypted.pdf'), {password: 'secret'})
    expect(headingsOf(parsed.root).map((h) => h.key)).toContain('operational')
  })

  it('a PDF of images says to run OCR', async () => {
    await expect(fromPdf(read('bad', 'image-only.pdf'))).rejects.toThrow('no text layer: run OCR first (e.g. ocrmypdf)')
    await expect(fromPdf(read('bad', 'image-only.pdf'))).rejects.toMatchObject({hint: 'the PDF holds only images of its pages'})
  })

  it('a blank 2,000-page PDF is called blank, not scanned (issue #22, item 16)', async () => {
    const blank = writePdf(Array.from({length: 2000}, () => ({lines: []})))
    const read = ingestEdition(blank, {file: 'blank/2020.pdf'})
    await expect(read).rejects.toThrow(PdfError)
    await expect(ingestEdition(blank, {file: 'blank/2020.pdf'})).rejects.toMatchObject({
      message: 'blank: no text and no images on any of its 2000 pages',
      hint: 'check that this is the file you meant, or export the document again',
      file: 'blank/2020.pdf'
    })
  })

  it('a PDF of drawings alone (text turned into outlines) says to run OCR, not that it is blank', async () => {
    const drawn = writePdf([
      {
        lines: [],
        rects: [
          [72, 600, 200, 40],
          [72, 540, 120, 20]
        ]
      },
      {lines: []}
    ])
    await expect(fromPdf(drawn)).rejects.toMatchObject({
      message: 'no text layer: run OCR first (e.g. ocrmypdf)',
      hint: 'the PDF holds only drawings: its text may have been turned into outlines'
    })
    // A page of text beside it: the drawing's page is a blank-page note, as before.
    const line = {text: 'Words on the second page of the edition.', x: 72, y: 100, size: 11}
    const parsed = await fromPdf(writePdf([{lines: [], rects: [[72, 600, 200, 40]]}, {lines: [line]}]))
    expect(parsed.messages).toContainEqual(expect.objectContaining({code: 'blank-page', page: 1}))
  })

  it('a blank page among pages of text is a note, not a scanned-page warning', async () => {
    const line = {text: 'Words on the first page of the edition.', x: 72, y: 100, size: 11}
    const parsed = await fromPdf(writePdf([{lines: [line]}, {lines: []}, {lines: [{...line, text: 'And on the third.'}]}]))
    expect(parsed.messages.map((m) => m.code)).not.toContain('page-without-text')
    expect(parsed.messages).toContainEqual(
      expect.objectContaining({severity: 'info', code: 'blank-page', page: 2, text: 'page 2 is blank (no text, no images)'})
    )
  })

  it('a PDF with one scanned page warns and names it', async () => {
    const parsed = await fromPdf(read('bad', 'partly-scanned.pdf'))
    expect(parsed.messages).toContainEqual(expect.objectContaining({severity: 'warning', code: 'page-without-text', page: 2}))
    expect(parsed.messages.find((m) => m.code === 'page-without-text')!.text).toContain('page 2 has no text layer')
  })

  it('a truncated or non-PDF file is refused in plain words', async () => {
    await expect(fromPdf(read('bad', 'truncated.pdf'))).rejects.toThrow(/damaged or truncated/u)
    await expect(fromPdf(read('bad', 'garbage.pdf'))).rejects.toThrow(PdfError)
  })

  it('ingestEdition names the file in the error', async () => {
    await expect(ingestEdition(read('bad', 'image-only.pdf'), {file: 'scans/2020.pdf'})).rejects.toMatchObject({file: 'scans/2020.pdf'})
  })

  it('ingestEdition gives sections their pages', async () => {
    const {edition} = await ingestEdition(read('semver-2.0.0', 'document.pdf'), {file: 'semver/2.0.0.pdf'})
    expect(edition.source.format).toBe('pdf')
    expect(edition.sections.every((section) => typeof section.page === 'number')).toBe(true)
    expect(edition.sections.at(-1)!.page).toBeGreaterThan(1)
  })
})

describe('a long PDF', () => {
  const bytes = read('long', 'document.pdf')

  it('gives every page, in order, with the real font names', async () => {
    const one = await readPdf(bytes)
    expect(one.pages.map((page) => page.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(one.pages.every((page) => page.items.length > 0)).toBe(true)
    expect(await readPdf(bytes)).toEqual(one)
    expect(new Set(one.pages.flatMap((page) => page.items.map((item) => item.fontName)))).toContain('LiberationSerif-Bold')
  })

  it('gives the same document, byte for byte, again and again', async () => {
    const one = JSON.stringify(await fromPdf(bytes))
    expect(one).toContain('Semantic Versioning')
    for (let run = 0; run < 3; run++) expect(JSON.stringify(await fromPdf(bytes))).toBe(one)
  })

  it('reports a page over its time budget and skips it', async () => {
    const parsed = await readPdf(bytes, {pageTimeoutMs: 0})
    expect(parsed.pages).toHaveLength(11)
    const skipped = parsed.messages.filter((message) => message.code === 'page-timeout')
    expect(skipped.map((message) => message.page)).toEqual(
      parsed.pages.filter((page) => page.items.length === 0).map((page) => page.number)
    )
    expect(skipped.length).toBeGreaterThan(0)
  })
})

describe('a run of thousands of characters', () => {
  it('keeps every character, in order, past each size the run buffer grows through', async () => {
    // One line in one font at one size, 7,200 characters long: a single run, however far right it runs.
    const text = Array.from({length: 1200}, (_, i) => `w${String(i % 100).padStart(2, '0')}ab`).join(' ')
    const {pages} = await readPdf(writePdf([{width: 20_000, lines: [{text, x: 10, y: 100, size: 4}]}]))
    const items = pages[0]!.items
    expect(text.length).toBeGreaterThan(4096 + 256)
    expect(items.map((item) => item.text).join(' ')).toBe(text)
    expect(items).toHaveLength(1)
  })
})
