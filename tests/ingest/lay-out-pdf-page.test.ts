/**
 * Each page of a PDF is laid out by the thread that read it (`readPdfPages` with `pdfPageLayout`):
 * the document's decision (tagged headings, text size) comes from every page's facts, and the
 * lines, notes and whole parsed document are the same in one thread or two, or when the worker
 * cannot do the work. The document is written by `pdf-writer.ts`: long enough for the worker, with
 * footnotes, tagged headings and artifacts, a symbol bullet, a private-use glyph and a two-column page.
 */
import {afterAll, describe, expect, it} from 'vitest'
import {fromPdf, maxRehearsedLines, worthRehearsing} from '../../src/ingest/from-pdf.js'
import type {ParsedDocument} from '../../src/model/edition.js'
import {decidePdfLayout, layOutPdfPage, pdfPageFacts, pdfPageLayout, sizedRuns} from '../../src/ingest/lay-out-pdf-page.js'
import {bodySize} from '../../src/ingest/pdf-footnotes.js'
import {minThreadedPages, preloadPdfEngine, readPdf, readPdfPages} from '../../src/ingest/pdf.js'
import {type TestLine, type TestPage, writePdf} from './pdf-writer.js'

const body = (text: string, x: number, y: number, extra: Partial<TestLine> = {}): TestLine => ({text, x, y, size: 10, ...extra})

function page(i: number): TestPage {
  const lines: TestLine[] = [
    {text: `Chapter ${i + 1}`, x: 72, y: 72, size: 18, bold: true, tag: 'H1'},
    body(`Body text of page ${i + 1} refers to a note`, 72, 110, {tag: 'P', runs: [{text: '1', size: 6, rise: 3.5}]}),
    body('and goes on with a few more words of running text.', 72, 124, {tag: 'P'}),
    {text: 'l', x: 72, y: 150, size: 10, symbol: true, runs: [{text: ' a bulleted item', size: 10}], tag: 'LI'},
    ...(i % 7 === 0 ? [body('H', 72, 170, {privateUse: true, tag: 'P'})] : []),
    {text: '1', x: 72, y: 700, size: 4, runs: [{text: ` The note of page ${i + 1}.`, size: 7, rise: -2}], tag: 'Note'},
    {text: `Running head ${i % 3}`, x: 72, y: 40, size: 8, tag: 'Artifact'}
  ]
  if (i % 10 === 5) {
    // Two columns of eight lines each.
    for (let row = 0; row < 8; row++) {
      lines.push(body(`Left column line ${row} of page ${i + 1}`, 72, 300 + row * 14, {tag: 'P'}))
      lines.push(body(`Right column line ${row} of page ${i + 1}`, 320, 300 + row * 14, {tag: 'P'}))
    }
  }
  return {label: `p${i + 1}`, lines}
}

const pageCount = minThreadedPages + 8
const bytes = writePdf(Array.from({length: pageCount}, (_, i) => page(i)))

describe('the page layout done by the thread that read each page', () => {
  afterAll(() => preloadPdfEngine({threads: 1}))

  it('gives the same lines, notes and decision in one thread or two', async () => {
    const one = await readPdfPages(bytes, pdfPageLayout, {threads: 1})
    const two = await readPdfPages(bytes, pdfPageLayout, {threads: 2})
    expect(two.pages.map((page) => page.number)).toEqual(Array.from({length: pageCount}, (_, i) => i + 1))
    expect(two.decision).toEqual({tagged: true, textSize: 10})
    expect(two.pages[3]!.result.notes).toEqual([{label: '1', y: 700, lines: ['The note of page 4.']}])
    expect(two.pages[5]!.result.lines.filter((line) => line.column === 2)).toHaveLength(8)
    expect(two.pages.every((page) => page.result.lines.every((line) => !line.text.startsWith('Running head')))).toBe(true)
    expect(two).toEqual(one)
  }, 60_000)

  it('hands on the body runs packed in one typed array, each unpacked as it was', async () => {
    const content = await readPdf(bytes, {threads: 1})
    const pdfPage = content.pages[3]!
    const laidOut = layOutPdfPage(pdfPage, {tagged: true, textSize: 10})
    expect(laidOut.runs).toBeInstanceOf(Float64Array)
    const runs = sizedRuns(laidOut.runs)
    // The body's runs: the page's printed runs but its artifacts (tagged) and its note (marker and text).
    const body = pdfPage.items.filter((item) => !item.artifact && item.fontSize >= 10)
    expect(runs).toEqual(
      body.map((item) => ({letters: item.text.match(/\p{L}/gu)?.length ?? 0, y: item.y, fontSize: item.fontSize, bold: item.bold}))
    )
    expect(runs.some((run) => run.bold)).toBe(true)
    expect(runs.some((run) => !run.bold)).toBe(true)
  })

  it('decides the text size from the pages as bodySize does from all their runs', async () => {
    const content = await readPdf(bytes, {threads: 1})
    const facts = content.pages.map(pdfPageFacts)
    expect(decidePdfLayout(facts, {tagged: false}).textSize).toBe(bodySize(content.pages.flatMap((page) => page.items)))
    expect(decidePdfLayout(facts, {tagged: false}).tagged).toBe(false)
    // Too few heading tags: the tagging is not trusted, and artifacts count as text.
    const few = facts.map((page, index) => ({...page, headingTags: index < 2 ? page.headingTags : 0}))
    expect(decidePdfLayout(few, {tagged: true}).tagged).toBe(false)
  }, 60_000)

  it('lays out every page in this thread when the worker cannot do the work', async () => {
    const one = await readPdfPages(bytes, pdfPageLayout, {threads: 1})
    const unknown = await readPdfPages(bytes, {...pdfPageLayout, name: 'no such work'}, {threads: 2})
    expect(unknown).toEqual(one)
  }, 60_000)

  it('rehearses once, on the first pages this thread read, only when a worker shares them, and reads the same', async () => {
    const heard = {one: 0, two: [] as number[][]}
    const one = await readPdfPages(bytes, pdfPageLayout, {threads: 1, rehearse: () => heard.one++})
    const two = await readPdfPages(bytes, pdfPageLayout, {
      threads: 2,
      rehearse: (sample) => {
        heard.two.push(sample.pages.map((page) => page.number))
        // A rehearsal may fail: nothing of it is kept.
        throw new Error('no document in these pages')
      }
    })
    expect(heard.one).toBe(0)
    expect(heard.two).toHaveLength(1)
    const numbers = heard.two[0]!
    expect(numbers.length).toBeGreaterThanOrEqual(8)
    expect(numbers.length).toBeLessThan(pageCount)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(two).toEqual(one)
  }, 60_000)

  it('has fromPdf rehearse its whole-document step and hand the caller the few pages as a document', async () => {
    preloadPdfEngine({threads: 1})
    const one = await fromPdf(bytes)
    preloadPdfEngine({threads: 2})
    const samples: ParsedDocument[] = []
    const two = await fromPdf(bytes, {rehearse: (sample) => samples.push(sample)})
    expect(samples).toHaveLength(1)
    const notes = samples[0]!.root.children.filter((node) => node.type === 'footnoteDefinition').length
    expect(notes).toBeGreaterThanOrEqual(8)
    expect(notes).toBeLessThan(pageCount)
    expect(two).toEqual(one)
  }, 60_000)

  it('rehearses on ordinary first pages, not on pages of thousands of lines', async () => {
    const sample = await readPdfPages(writePdf(Array.from({length: 8}, (_, i) => page(i))), pdfPageLayout, {threads: 1})
    expect(worthRehearsing(sample)).toBe(true)
    const crowded = {
      ...sample,
      pages: sample.pages.map((one) => ({...one, result: {...one.result, lines: Array(maxRehearsedLines / 4).fill(one.result.lines[0])}}))
    }
    expect(worthRehearsing(crowded)).toBe(false)
  }, 60_000)

  it('parses the same document in one thread or two', async () => {
    preloadPdfEngine({threads: 1})
    const one = await fromPdf(bytes)
    preloadPdfEngine({threads: 2})
    const two = await fromPdf(bytes)
    expect(one.root.children.filter((node) => node.type === 'footnoteDefinition')).toHaveLength(pageCount)
    expect(two).toEqual(one)
  }, 60_000)
})
