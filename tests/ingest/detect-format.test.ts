import {describe, expect, it} from 'vitest'
import {detectFormat, sniffFormat} from '../../src/ingest/detect-format.js'

const text = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('detectFormat', () => {
  it('goes by the extension for text formats', () => {
    expect(detectFormat(text('# A'), 'a.md').format).toBe('md')
    expect(detectFormat(text('A'), 'a.markdown').format).toBe('md')
    expect(detectFormat(text('<p>A</p>'), 'a.htm').format).toBe('html')
    expect(detectFormat(text('A'), '2019.txt').format).toBe('txt')
  })

  it('sniffs PDF, DOCX and HTML content', () => {
    expect(sniffFormat(text('%PDF-1.7\n'))).toBe('pdf')
    expect(sniffFormat(text('<!DOCTYPE html><html>'))).toBe('html')
    expect(sniffFormat(text('PK\u0003\u0004....word/document.xml'))).toBe('docx')
    expect(sniffFormat(text('PK\u0003\u0004....other.bin'))).toBe('zip')
    expect(sniffFormat(text('# Title'))).toBeNull()
  })

  it('lets the content win over a misleading extension, with a warning', () => {
    const result = detectFormat(text('%PDF-1.4 rest'), 'report.md')
    expect(result.format).toBe('pdf')
    expect(result.messages[0]?.code).toBe('format-mismatch')
  })

  it('refuses an unknown extension, pointing at --from', () => {
    expect(() => detectFormat(text('hello'), 'notes.xyz')).toThrow(/unknown file type '\.xyz'.*/u)
    expect(() => detectFormat(text('hello'), 'notes.xyz')).toThrow(expect.objectContaining({hint: expect.stringContaining('--from')}))
  })

  it('takes an empty ZIP archive (only its end record) for a ZIP that is not a Word document', () => {
    const empty = new Uint8Array(22)
    empty.set([0x50, 0x4b, 0x05, 0x06])
    expect(() => detectFormat(empty, 'empty.docx')).toThrow('a ZIP archive that is not a Word document')
  })

  it('honours --from, but refuses one the bytes contradict', () => {
    expect(detectFormat(text('plain words'), 'notes.xyz', 'txt').format).toBe('txt')
    expect(() => detectFormat(text('%PDF-1.4'), 'a.pdf', 'md')).toThrow(/--from md given, but the file is a PDF/u)
    expect(() => detectFormat(text('# A'), 'a.md', 'docx')).toThrow(/not a DOCX/u)
    expect(() => detectFormat(text('# A'), 'a.md', 'rtf' as never)).toThrow(/unknown --from 'rtf'/u)
  })
})
