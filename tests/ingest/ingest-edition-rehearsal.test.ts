/**
 * A long PDF read in two threads: ingest runs its steps after the pages (the first edition, its
 * canonical Markdown, the reread) once early on the few pages the main thread read first, while the
 * page thread reads on (`rehearseIngest`), and the edition is the same as one thread's.
 */
import {afterAll, describe, expect, it, vi} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {minThreadedPages, preloadPdfEngine} from '../../src/ingest/pdf.js'
import {type TestPage, writePdf} from './pdf-writer.js'

// The real writer, watched: how many canonical forms were written.
vi.mock('../../src/normalize/to-normalized-markdown.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/normalize/to-normalized-markdown.js')>()
  return {...real, toNormalizedForm: vi.fn(real.toNormalizedForm)}
})
const {toNormalizedForm} = await import('../../src/normalize/to-normalized-markdown.js')

const words = ['policy', 'review', 'access', 'control', 'record', 'audit', 'backup', 'network', 'storage', 'training']
const pages: TestPage[] = Array.from({length: minThreadedPages + 8}, (_, i) => ({
  label: `${i + 1}`,
  lines: [
    {text: `${i + 1}. ${words[i % 10]} ${words[(i * 3) % 10]} chapter`, x: 72, y: 90 + (i % 6) * 30, size: 16, bold: true},
    ...Array.from({length: 3 + (i % 4)}, (_, row) => ({
      text: `The ${words[(i + row) % 10]} of item ${i * 7 + row} needs ${words[(i * row + 3) % 10]} and ${words[(row + 5) % 10]} checks.`,
      x: 72,
      y: 300 + (i % 5) * 16 + row * 14,
      size: 10
    }))
  ]
}))
const bytes = writePdf(pages)

afterAll(() => preloadPdfEngine({threads: 1}))

describe('ingest of a long PDF in two threads', () => {
  it('rehearses the steps after the pages once, and makes the same edition as one thread', async () => {
    const written = vi.mocked(toNormalizedForm)
    preloadPdfEngine({threads: 1})
    written.mockClear()
    const one = await ingestEdition(bytes, {file: 'guide-2021.pdf'})
    expect(written).toHaveBeenCalledTimes(1)
    preloadPdfEngine({threads: 2})
    written.mockClear()
    const two = await ingestEdition(bytes, {file: 'guide-2021.pdf'})
    expect(written).toHaveBeenCalledTimes(2)
    expect(two).toEqual(one)
    expect(two.edition.sections.length).toBeGreaterThan(pages.length / 2)
  }, 60_000)
})
