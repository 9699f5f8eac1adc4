import {describe, expect, it} from 'vitest'
import {decodeText} from '../../src/ingest/decode-text.js'
import {InputError} from '../../src/model/errors.js'

const utf16 = (text: string, bom: number[], littleEndian: boolean): Uint8Array => {
  const bytes = [...bom]
  for (const unit of text.split('').map((c) => c.charCodeAt(0))) {
    bytes.push(...(littleEndian ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]))
  }
  return new Uint8Array(bytes)
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFcafé'), 'a.md').text).toBe('café')
    expect(decodeText(new TextEncoder().encode('한반도'), 'a.md').text).toBe('한반도')
  })

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = decodeText(utf16('Peace 평화', [0xff, 0xfe], true), 'a.md')
    expect(le).toMatchObject({text: 'Peace 평화', encoding: 'utf-16le'})
    const be = decodeText(utf16('Peace 평화', [0xfe, 0xff], false), 'a.md')
    expect(be).toMatchObject({text: 'Peace 평화', encoding: 'utf-16be'})
  })

  it('turns CRLF and CR line ends into LF', () => {
    expect(decodeText(new TextEncoder().encode('a\r\nb\rc\n'), 'a.txt').text).toBe('a\nb\nc\n')
  })

  it('warns about a stray NUL byte, naming its offset, and removes it', () => {
    const bytes = new TextEncoder().encode(`${'The text goes on and on. '.repeat(20)}\u0000end`)
    const {text, messages} = decodeText(bytes, 'a.txt')
    expect(text.endsWith('end')).toBe(true)
    expect(text.includes('\u0000')).toBe(false)
    expect(messages).toEqual([expect.objectContaining({code: 'nul-bytes', text: expect.stringContaining('offset 500')})])
  })

  it('warns about NUL bytes past the first 64 KB too, naming the first offset (issue #22)', () => {
    const head = 'The text goes on and on. '.repeat(4000)
    const bytes = new TextEncoder().encode(`${head}\u0000more\u0000end`)
    const {text, messages} = decodeText(bytes, 'a.txt')
    expect(text.endsWith('moreend')).toBe(true)
    expect(messages).toEqual([
      expect.objectContaining({code: 'nul-bytes', text: `2 NUL byte(s), the first at offset ${head.length}; they were removed`})
    ])
  })

  it('warns about a few undecodable bytes, naming the first offset', () => {
    const good = new TextEncoder().encode('Policy text. '.repeat(100))
    const bytes = new Uint8Array([...good.subarray(0, 50), 0xff, ...good.subarray(50)])
    const {messages} = decodeText(bytes, 'a.txt')
    expect(messages).toEqual([expect.objectContaining({code: 'undecodable-bytes', text: expect.stringContaining('offset 50')})])
  })

  it('reads UTF-16 saved without a BOM by its NULs, with a warning; NULs anywhere else stay binary', () => {
    const text = '# Scope\n\nThe policy covers naïve café users — “quoted”.\n'
    for (const [littleEndian, encoding] of [
      [true, 'utf-16le'],
      [false, 'utf-16be']
    ] as const) {
      const decoded = decodeText(utf16(text, [], littleEndian), 'a.md')
      expect(decoded).toMatchObject({text, encoding})
      expect(decoded.messages.map((message) => message.code)).toEqual(['utf-16-without-bom'])
    }
    expect(() => decodeText(new Uint8Array(4096), 'zeros.md')).toThrow(/binary/u)
    expect(() =>
      decodeText(
        new Uint8Array(4096).map((_, i) => (i % 4 === 1 ? 0 : 65 + (i % 26))),
        'x.md'
      )
    ).toThrow(/binary/u)
  })

  it('refuses text in another encoding, suggesting a conversion', () => {
    // "외교" in EUC-KR/CP949, repeated: not UTF-8 at all.
    const bytes = new Uint8Array(Array.from({length: 200}, (_, i) => [0xbf, 0xdc, 0xb1, 0xb3][i % 4]!))
    expect(() => decodeText(bytes, 'ko.txt')).toThrow(InputError)
    expect(() => decodeText(bytes, 'ko.txt')).toThrow(/not UTF-8/u)
  })

  it('refuses binary data', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256)
    expect(() => decodeText(bytes, 'x.bin')).toThrow(/binary/u)
  })
})
