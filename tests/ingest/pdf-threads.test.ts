/**
 * A long PDF read in two threads (`readPdf` with `threads: 2` shares its pages with a worker that
 * has its own engine) gives exactly what one thread gives: every page, in order, with its labels,
 * bookmarks, warnings and glyph counts. The document is written by `pdf-writer.ts`.
 */
import {describe, expect, it, vi} from 'vitest'
import {keepRuns, minThreadedPages, type PdfTextItem, preloadPdfEngine, readPdf, startPageWorker} from '../../src/ingest/pdf.js'
import {startWorker} from '../../src/ingest/start-worker.js'
import {type TestPage, writePdf} from './pdf-writer.js'

// The real starter, watched: how many worker threads were started, and when.
vi.mock('../../src/ingest/start-worker.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ingest/start-worker.js')>()
  return {startWorker: vi.fn(real.startWorker)}
})

const pageCount = minThreadedPages + 16
const pages: TestPage[] = Array.from({length: pageCount}, (_, i) => ({
  label: `p${i + 1}`,
  lines: [
    {text: `Chapter ${i + 1}`, x: 72, y: 72, size: 18, bold: i % 2 === 0},
    {text: `Body text of page ${i + 1}, with a few words.`, x: 72, y: 120, size: 10},
    ...(i % 5 === 0 ? [{text: 'H', x: 72, y: 140, size: 10, privateUse: true}] : []),
    {text: 'Furniture', x: 72, y: 700, size: 8, tag: 'Artifact'}
  ]
}))
const bytes = writePdf(
  pages,
  pages.map((_, i) => ({title: `Chapter ${i + 1}`, page: i + 1}))
)

describe('readPdf in two threads', () => {
  it('reads every page of a long PDF as one thread does', async () => {
    const one = await readPdf(bytes, {threads: 1})
    const two = await readPdf(bytes, {threads: 2})
    expect(two.pages.map((page) => page.number)).toEqual(Array.from({length: pageCount}, (_, i) => i + 1))
    expect(two.pages.map((page) => page.items[0]?.text)).toEqual(Array.from({length: pageCount}, (_, i) => `Chapter ${i + 1}`))
    expect(two.pages[5]!.emptyGlyphs.length).toBe(1)
    expect(two).toEqual(one)
  }, 60_000)

  it('says how many pages are taken after each page it reads, up to all of them, in one thread or two', async () => {
    for (const threads of [1, 2]) {
      const heard: Array<[number, number]> = []
      await readPdf(bytes, {threads, onPage: (taken, total) => heard.push([taken, total])})
      expect(heard.length).toBeGreaterThan(0)
      expect(heard.every(([, total]) => total === pageCount)).toBe(true)
      expect(heard.map(([taken]) => taken)).toEqual([...heard.map(([taken]) => taken)].sort((a, b) => a - b))
      if (threads === 1) expect(heard.map(([taken]) => taken)).toEqual(Array.from({length: pageCount}, (_, i) => i + 1))
      expect(heard.at(-1)![0]).toBeLessThanOrEqual(pageCount)
    }
  }, 60_000)

  it('has the worker read the pages it takes, each as this thread reads it', async () => {
    const one = await readPdf(bytes, {threads: 1})
    // This thread has taken the first ten pages: the worker takes the rest.
    const claims = new Int32Array(new SharedArrayBuffer(4))
    claims[0] = 10
    const worker = startPageWorker<PdfTextItem[], null, null>({
      bytes,
      password: undefined,
      pageTimeoutMs: 10_000,
      claims,
      work: keepRuns.name
    })
    expect(worker).not.toBeNull()
    const read = await worker!.read
    expect(read.map(([index]) => index)).toEqual(Array.from({length: pageCount - 10}, (_, i) => i + 10))
    for (const [index, page] of read) {
      expect(page.outcome).toBe('read')
      expect({...page.info, items: page.facts}).toEqual(one.pages[index])
    }
    // Given the decision, it finishes the pages it read, and only those.
    const results = await worker!.finish(null)
    worker!.stop()
    expect(results.map(([index]) => index)).toEqual(read.map(([index]) => index))
  }, 60_000)

  it('reads a short PDF in this thread alone, with the same result', async () => {
    const short = writePdf(pages.slice(0, 3))
    expect(await readPdf(short, {threads: 2})).toEqual(await readPdf(short, {threads: 1}))
  })

  it('starts the page thread ahead when told a PDF is coming, and the next long PDF is read with it', async () => {
    const one = await readPdf(bytes, {threads: 1})
    const started = vi.mocked(startWorker)
    started.mockClear()
    try {
      preloadPdfEngine({threads: 2, startThread: true})
      // Started before any document is opened.
      expect(started).toHaveBeenCalledTimes(1)
      // A short PDF leaves it waiting; the long one takes it, and reads as one thread does.
      const short = writePdf(pages.slice(0, 3))
      expect(await readPdf(short)).toEqual(await readPdf(short, {threads: 1}))
      expect(await readPdf(bytes)).toEqual(one)
      expect(started).toHaveBeenCalledTimes(1)
      // It is spent: the next long PDF starts a thread of its own.
      expect(await readPdf(bytes)).toEqual(one)
      expect(started).toHaveBeenCalledTimes(2)
    } finally {
      preloadPdfEngine({threads: 1})
    }
  }, 60_000)
})
