import {describe, expect, it} from 'vitest'
import {isEditionFile} from '../../src/cli/load-series.js'
import {detectFormat, sniffFormat} from '../../src/ingest/detect-format.js'
import {describeExtensions, formatOfExtension, inputFormats, inputFormatSpecs} from '../../src/ingest/input-formats.js'

const text = (value: string): Uint8Array => new TextEncoder().encode(value)

describe('inputFormatSpecs', () => {
  it('names each extension once, in lower case', () => {
    const extensions = inputFormatSpecs.flatMap((spec) => spec.extensions)
    expect(new Set(extensions).size).toBe(extensions.length)
    for (const extension of extensions) expect(extension).toBe(extension.toLowerCase())
    expect(inputFormats).toEqual(['md', 'html', 'docx', 'txt', 'pdf'])
  })

  it('is what format detection reads: every extension gives its format, whatever its case', () => {
    for (const spec of inputFormatSpecs)
      for (const extension of spec.extensions) {
        expect(formatOfExtension(extension.toUpperCase())).toBe(spec.name)
        if (!spec.binary) expect(detectFormat(text('Words.'), `a.${extension}`).format, extension).toBe(spec.name)
      }
  })

  it('is what series folders read: every extension, and no note beside the editions', () => {
    for (const extension of inputFormatSpecs.flatMap((spec) => spec.extensions))
      expect(isEditionFile(`2020.${extension}`), extension).toBe(true)
    for (const name of ['2020.mdown', '2020.mkd', '2020.xhtml', '2020.text', '2020.PDF']) expect(isEditionFile(name), name).toBe(true)
    for (const name of ['SOURCE.md', 'README.md', 'series.yaml', 'cover.png', 'notes']) expect(isEditionFile(name), name).toBe(false)
  })

  it('sniffs binary formats by their bytes, and only them with --from refused against the bytes', () => {
    expect(sniffFormat(text('%PDF-1.7\n'))).toBe('pdf')
    expect(sniffFormat(text('PK\u0003\u0004....word/document.xml'))).toBe('docx')
    for (const spec of inputFormatSpecs.filter((candidate) => candidate.binary)) expect(spec.sniff, spec.name).toBeDefined()
  })

  it('lists every extension for help texts', () => {
    expect(describeExtensions()).toBe('.md, .markdown, .mdown, .mkd, .html, .htm, .xhtml, .docx, .txt, .text or .pdf')
    expect(describeExtensions(true)).toBe('.md, .html, .docx, .txt or .pdf')
  })
})
