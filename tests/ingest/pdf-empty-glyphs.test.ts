import {describe, expect, it} from 'vitest'
import {emptyGlyphMessages} from '../../src/ingest/from-pdf.js'

const page = (number: number, emptyGlyphs: {fontName: string; count: number; example: string | null}[]) => ({number, emptyGlyphs})

describe('emptyGlyphMessages', () => {
  it('warns once for letters a font leaves without text, naming the font, the code point and the pages', () => {
    const messages = emptyGlyphMessages({pages: [page(1, []), page(2, [{fontName: 'LogoSans', count: 3, example: 'U+F53A'}])]})
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({severity: 'warning', code: 'glyph-without-text', page: 2})
    expect(messages[0]!.text).toBe(
      '3 glyphs map to no character (private-use U+F53A) and are left out, so words there may miss a letter: font LogoSans (3); page 2'
    )
  })

  it('gives a symbol font’s unmapped bullets a note, not a warning that letters may be missing', () => {
    // Word sets `§`-like bullets in SymbolMT; OpenChain 2.1 ko printed 25 of them over six pages.
    const messages = emptyGlyphMessages({
      pages: [
        page(6, [{fontName: 'SymbolMT', count: 4, example: null}]),
        page(7, [{fontName: 'ABCDEF+Wingdings-Regular', count: 1, example: null}])
      ]
    })
    expect(messages.map((message) => message.severity)).toEqual(['info'])
    expect(messages[0]).toMatchObject({code: 'symbol-glyph-without-text', page: 6})
    expect(messages[0]!.text).toContain('font SymbolMT (4), ABCDEF+Wingdings-Regular (1); pages 6, 7')
  })

  it('keeps the warning for the letter fonts when a page has both', () => {
    const messages = emptyGlyphMessages({
      pages: [
        page(3, [
          {fontName: 'SymbolMT', count: 2, example: null},
          {fontName: 'HYGothic', count: 1, example: null}
        ])
      ]
    })
    expect(messages.map((message) => [message.severity, message.code])).toEqual([
      ['warning', 'glyph-without-text'],
      ['info', 'symbol-glyph-without-text']
    ])
    expect(messages[0]!.text).toContain('1 glyph maps to no character and is left out')
    expect(messages[0]!.text).not.toContain('SymbolMT')
  })
})
