/**
 * A long PDF's page thread, idle once its pages are read, counts the words of the edition's
 * sections while the main thread writes and rereads the canonical form (count-words-aside.ts). The
 * counts are the ones this thread makes, the edition is the same in one thread or two, and a thread
 * nobody takes is not kept. The document is written by `pdf-writer.ts`.
 */
import {afterEach, describe, expect, it, vi} from 'vitest'
import * as asideModule from '../../src/ingest/count-words-aside.js'
import {countWordsAside, type WordsAside} from '../../src/ingest/count-words-aside.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {minThreadedPages, preloadPdfEngine, readPdf, takeSparePageThread} from '../../src/ingest/pdf.js'
import {toSectionTree} from '../../src/normalize/to-section-tree.js'
import {parseMarkdown} from '../../src/normalize/parse-markdown.js'
import {countWords} from '../../src/text/count-words.js'
import {type TestPage, writePdf} from './pdf-writer.js'

const pageCount = minThreadedPages + 8
// Each page its own chapter, worded and placed unlike the others (lines repeated in place would be running heads).
const words = ['policy', 'review', 'scope', 'audit', 'record', 'access', 'control', 'backup', 'network', 'incident', 'training']
const said = (i: number, n: number): string => Array.from({length: n}, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ')
const pages: TestPage[] = Array.from({length: pageCount}, (_, i) => ({
  lines: [
    {
      text: `${i + 1}. The ${words[i % words.length]} ${words[(i * 5 + 2) % words.length]} chapter`,
      x: 72,
      y: 90 + (i % 9) * 20,
      size: 18,
      bold: true
    },
    {text: `In this part the ${said(i, 6)} come first.`, x: 72, y: 300 + (i % 7) * 12, size: 10},
    {text: `Then ${said(i + 3, 5 + (i % 4))} follow.`, x: 72, y: 312 + (i % 7) * 12, size: 10}
  ]
}))
const bytes = writePdf(pages)

const texts = ['', 'One two three.', '정보보호 관리체계를 점검한다.', 'Words, words and words again.', '一つの文です。']

/** The counts of `texts` once the other thread has posted them all (it never makes this thread wait, so poll). */
async function allKnown(aside: WordsAside, language: string): Promise<Array<number | undefined>> {
  for (let tries = 0; tries < 500; tries++) {
    const counts = texts.map((text) => aside.known(text, language))
    if (counts.every((count) => count !== undefined)) return counts
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return texts.map((text) => aside.known(text, language))
}

afterEach(() => {
  preloadPdfEngine({threads: 1})
  vi.restoreAllMocks()
})

describe('countWordsAside', () => {
  it('has the page thread of the long PDF just read count words, as this thread counts them', async () => {
    await readPdf(bytes, {threads: 2, keepThread: true})
    const aside = countWordsAside(texts, 'ko')
    expect(aside).not.toBeNull()
    try {
      expect(await allKnown(aside!, 'ko')).toEqual(texts.map((text) => countWords(text, 'ko')))
      // Counted for one language, they answer for no other.
      expect(aside!.known('One two three.', 'en')).toBeUndefined()
    } finally {
      aside!.stop()
    }
    // The thread is taken: there is none for another job.
    expect(countWordsAside(texts, 'ko')).toBeNull()
  }, 60_000)

  it('finds no thread after a PDF read in one thread, or a short one', async () => {
    await readPdf(bytes, {threads: 1, keepThread: true})
    expect(countWordsAside(texts, 'en')).toBeNull()
    await readPdf(writePdf(pages.slice(0, 3)), {threads: 2, keepThread: true})
    expect(countWordsAside(texts, 'en')).toBeNull()
  }, 60_000)

  it('keeps the thread only when asked, and one at most', async () => {
    await readPdf(bytes, {threads: 2})
    expect(takeSparePageThread()).toBeNull()
    await readPdf(bytes, {threads: 2, keepThread: true})
    await readPdf(bytes, {threads: 2, keepThread: true})
    const kept = takeSparePageThread()
    expect(kept).not.toBeNull()
    expect(takeSparePageThread()).toBeNull()
    await kept!.terminate()
  }, 60_000)
})

describe('toSectionTree with words counted elsewhere', () => {
  it('takes a section’s count from knownWords when it has one, and counts the others', () => {
    const {root} = parseMarkdown('# One\n\nSome words in one.\n\n# Two\n\nMore words in two.\n')
    const tree = toSectionTree(root, {
      language: 'en',
      title: null,
      knownWords: (text) => (text === 'Some words in one.' ? 42 : undefined)
    })
    expect(tree.sections.map((section) => section.words)).toEqual([42, 4])
  })
})

describe('ingestEdition of a long PDF in two threads', () => {
  it('gives the edition one thread gives, the page thread sent every section’s text to count', async () => {
    const sent = vi.spyOn(asideModule, 'countWordsAside')
    const one = await ingestEdition(bytes, {file: 'series/2020.pdf'})
    // One thread: none to send them to.
    expect(sent.mock.results.map((result) => result.value)).toEqual([null])
    preloadPdfEngine({threads: 2})
    const two = await ingestEdition(bytes, {file: 'series/2020.pdf'})
    expect(two).toEqual(one)
    // The first chapter's heading is the title; each other one opens a section.
    expect(one.edition.sections.length).toBe(pageCount - 1)
    expect(one.edition.words).toBeGreaterThan(pageCount * 12)
    // The preamble's text and every section's, to the page thread (whose counts the reread takes
    // when they have come; these few short texts are counted here before the thread has loaded its counter).
    expect(sent).toHaveBeenCalledTimes(2)
    expect(sent.mock.calls[1]![0]).toHaveLength(pageCount)
    expect(sent.mock.results[1]!.value).not.toBeNull()
    // Taken and stopped: no thread is left waiting.
    expect(takeSparePageThread()).toBeNull()
  }, 60_000)
})
