/**
 * The PDFium adapter (`src/ingest/pdf.ts`) on PDFs written for each test by `pdf-writer.ts`:
 * bookmarks, page labels, weights, glyphs without text, a page of 20,000 lines, and no globals left.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {readPdf} from '../../src/ingest/pdf.js'
import {writePdf} from './pdf-writer.js'

describe('readPdf', () => {
  const bytes = writePdf(
    [
      {
        label: 'i',
        lines: [
          {text: 'Contents', x: 72, y: 72, size: 18, bold: true},
          {text: 'Body text on the cover.', x: 72, y: 120, size: 10}
        ]
      },
      {
        label: 'A-1',
        lines: [
          {text: 'Chapter one', x: 72, y: 72, size: 18, bold: true},
          {text: 'H', x: 72, y: 120, size: 10, privateUse: true},
          {text: 'angul, the script.', x: 78, y: 120, size: 10}
        ]
      }
    ],
    [
      {title: 'Front matter', page: 1, children: [{title: 'Chapter one', page: 2}]},
      {title: 'Back (no page)', page: 2}
    ]
  )

  it('gives the outline in document order with levels and target pages', async () => {
    const {bookmarks} = await readPdf(bytes)
    expect(bookmarks.map(({title, level, page}) => ({title, level, page}))).toEqual([
      {title: 'Front matter', level: 1, page: 1},
      {title: 'Chapter one', level: 2, page: 2},
      {title: 'Back (no page)', level: 1, page: 2}
    ])
    // The writer points each entry at the top of its page.
    expect(bookmarks.every((bookmark) => bookmark.top === 0)).toBe(true)
  })

  it('gives page labels, positions from the page top, sizes and weights', async () => {
    const {pages, tagged} = await readPdf(bytes)
    expect(pages.map((page) => page.label)).toEqual(['i', 'A-1'])
    expect(tagged).toBe(false)
    const [title, body] = pages[0]!.items
    expect(title).toMatchObject({text: 'Contents', x: 72, fontSize: 18, fontName: 'Helvetica-Bold', bold: true, tag: null, artifact: false})
    expect(title!.y).toBeCloseTo(72, 0)
    expect(body).toMatchObject({text: 'Body text on the cover.', fontSize: 10, fontName: 'Helvetica', bold: false})
    expect(body!.width).toBeGreaterThan(50)
  })

  it('counts glyphs that map to a private-use code point, by font, and keeps them in the text', async () => {
    const {pages} = await readPdf(bytes)
    expect(pages[0]!.emptyGlyphs).toEqual([])
    expect(pages[1]!.emptyGlyphs).toEqual([{fontName: 'LogoSans', count: 1, example: 'U+F53A'}])
    expect(pages[1]!.items.map((item) => item.text).join('|')).toContain('\uF53A')
  })

  it('fromPdf names the font in one warning and leaves the glyph out of the text', async () => {
    const parsed = await fromPdf(bytes)
    const warnings = parsed.messages.filter((message) => message.code === 'glyph-without-text')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({severity: 'warning', page: 2})
    expect(warnings[0]!.text).toContain('font LogoSans (1)')
    expect(warnings[0]!.text).toContain('U+F53A')
    expect(JSON.stringify(parsed.root)).not.toContain('\uF53A')
  })

  it('leaves no globals behind once the engine is loaded', async () => {
    const before = Object.getOwnPropertyNames(globalThis).sort()
    const push = Array.prototype.push
    const stringify = JSON.stringify
    await readPdf(bytes)
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(before)
    expect(Array.prototype.push).toBe(push)
    expect(JSON.stringify).toBe(stringify)
  })
})

describe('a page holding 20,000 short lines', () => {
  const count = 20_000
  const lines = Array.from({length: count}, (_, i) => ({text: `line ${i}`, x: 72, y: 20 + i * 12, size: 10}))
  const bytes = writePdf([{height: 40 + count * 12, lines}])

  it('is read whole, one run per line, in order', async () => {
    // A generous budget: the page is read in well under a second on a quiet machine.
    const {pages, messages} = await readPdf(bytes, {pageTimeoutMs: 120_000})
    expect(messages).toEqual([])
    expect(pages[0]!.items).toHaveLength(count)
    expect(pages[0]!.items[count - 1]!.text).toBe(`line ${count - 1}`)
    expect(pages[0]!.items.every((item, i) => item.text === `line ${i}`)).toBe(true)
  })

  it('goes through fromPdf whole, every line kept once (issue 17 item 4: it took 96 s when joining was quadratic)', async () => {
    const prose = writePdf([{height: 40 + count * 12, lines: lines.map((line, i) => ({...line, text: `entry ${i} ends here`}))}])
    const parsed = await fromPdf(prose)
    const text = toString(parsed.root)
    expect(text.match(/entry \d+ ends here/gu)).toHaveLength(count)
    expect(text).toContain(`entry ${count - 1} ends here`)
  }, 60_000)

  it('is skipped with a warning when its budget runs out', async () => {
    const {pages, messages} = await readPdf(bytes, {pageTimeoutMs: 0})
    expect(pages[0]!.items).toEqual([])
    expect(messages).toEqual([expect.objectContaining({severity: 'warning', code: 'page-timeout', page: 1})])
  })
})
