/**
 * The one adapter to pdf.js (`pdfjs-dist`, legacy build for Node 20): open a PDF and return its
 * text items with their place on the page, font size, font name and weight. Everything pdf.js can
 * throw is turned into a `PdfError` in plain words here, so no other module needs to know pdf.js.
 *
 * Text extraction is almost all of the time a PDF takes, and pages are independent: a long PDF is
 * read by this thread and one helper thread (`pdf-worker.ts`, kept for later PDFs) at once, each
 * claiming the next unread page from a shared counter. Results are put back in page order, so the
 * output does not depend on which thread read which page.
 */
import {createRequire} from 'node:module'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {Message} from '../model/edition.js'
import {PdfError} from '../model/errors.js'

// The legacy build carries core-js polyfills that replace `Array.prototype.push`, `JSON.stringify`
// and `JSON.parse` for the whole process on Node 20 (for corner cases of the spec that neither
// pdf.js nor we rely on). The polyfilled `push` is several times slower, in pdf.js and in every
// later stage. Load pdf.js and its worker code (which pdf.js runs in this thread under Node) now,
// then put the engine's own functions back.
const natives = {push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse}
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs'
await import(workerModule)
Array.prototype.push = natives.push
JSON.stringify = natives.stringify
JSON.parse = natives.parse

/** One run of text as pdf.js reports it. Coordinates are PDF points, measured from the page's top-left corner. */
export interface PdfTextItem {
  text: string
  /** Left edge. */
  x: number
  /** Baseline, from the top of the page. */
  y: number
  width: number
  /** Font size in points (the text matrix's vertical scale). */
  fontSize: number
  /** The font's PostScript name without subset prefix (`LiberationSerif-Bold`), or pdf.js's id when unknown. */
  fontName: string
  /** Bold, black, heavy or semibold by its name. */
  bold: boolean
  /** Monospaced by its name (Mono, Courier, Consolas…). */
  monospace: boolean
}

/** One page of text. */
export interface PdfPage {
  /** 1-based. */
  number: number
  width: number
  height: number
  items: PdfTextItem[]
}

/** What {@link readPdf} returns. */
export interface PdfContent {
  pages: PdfPage[]
  /** Title from the document information, or null. */
  title: string | null
  messages: Message[]
}

/** Options of {@link readPdf}. */
export interface ReadPdfOptions {
  /** Password of an encrypted PDF. Default: none. */
  password?: string
  /** Give up on a page whose text takes longer than this (it is reported and skipped). Default 10000 ms. */
  pageTimeoutMs?: number
  /**
   * Read the pages of a long PDF (8 pages or more) in two threads when the machine has two cores
   * or more. The result is the same either way. Default true.
   */
  parallel?: boolean
}

/** How reading one page ended: its text, or why it was skipped (the reason in plain words). */
export type PageOutcome = {page: PdfPage} | {timeout: true} | {error: string}

/** What the helper thread is asked to do: read pages of `data` until the shared counter passes `numPages`. */
export interface PageJob {
  job: number
  data: Uint8Array
  password: string | undefined
  pageTimeoutMs: number
  numPages: number
  /** One Int32: the number of pages claimed so far, by either thread. */
  next: SharedArrayBuffer
}

/** What the helper thread answers: one page, or the end of a job. */
export type PageReply = {job: number; number: number; outcome: PageOutcome} | {job: number; done: true}

const require = createRequire(import.meta.url)
const standardFontDataUrl = pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep).href

// Below this, starting or feeding a second thread costs more than it saves.
const parallelFromPages = 8

interface RawItem {
  str: string
  transform: number[]
  width: number
  fontName: string
}

function plainReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/Invalid PDF structure/iu.test(message)) return 'the PDF is damaged or truncated (pdf.js: Invalid PDF structure)'
  if (/No PDF header/iu.test(message)) return 'the file does not start like a PDF'
  if (/empty|zero-length/iu.test(message)) return 'the PDF is empty'
  if (/xref|trailer|startxref|Unexpected end|truncated|EOF/iu.test(message)) return `the PDF is truncated or corrupt (pdf.js: ${message})`
  return `pdf.js could not read it (${message})`
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

/** Open a PDF for reading pages. pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy. */
export function openPdf(bytes: Uint8Array, password: string | undefined) {
  return pdfjs.getDocument({
    data: new Uint8Array(bytes),
    password,
    standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0
  })
}

/**
 * Read pages of `document` until the counter in `next` passes the last page, reporting each as it
 * is read. `fonts` remembers font names across pages (and calls) of one document in one thread.
 */
export async function readClaimedPages(
  document: PDFDocumentProxy,
  next: Int32Array,
  pageTimeoutMs: number,
  fonts: Map<string, string>,
  report: (number: number, outcome: PageOutcome) => void
): Promise<void> {
  for (let number = Atomics.add(next, 0, 1) + 1; number <= document.numPages; number = Atomics.add(next, 0, 1) + 1) {
    report(number, await readPageWithin(document, number, fonts, pageTimeoutMs))
  }
}

async function readPageWithin(document: PDFDocumentProxy, number: number, fonts: Map<string, string>, pageTimeoutMs: number): Promise<PageOutcome> {
  const result = await timeout(readPage(document, number, fonts), pageTimeoutMs)
  if (result === 'timeout') return {timeout: true}
  if (result instanceof Error) return {error: plainReason(result)}
  return {page: result}
}

/** Open `bytes` as a PDF and read the text of every page. Throws `PdfError` for a PDF that cannot be read. */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfContent> {
  const pageTimeoutMs = options.pageTimeoutMs ?? 10_000
  const messages: Message[] = []
  const task = openPdf(bytes, options.password)
  let document: PDFDocumentProxy
  try {
    document = await task.promise
  } catch (error) {
    await task.destroy()
    const name = (error as {name?: string}).name
    if (name === 'PasswordException') {
      const wrong = (error as {code?: number}).code === pdfjs.PasswordResponses.INCORRECT_PASSWORD
      throw new PdfError(wrong ? 'the password is wrong' : 'the PDF is encrypted with a password', {
        hint: wrong ? 'check the value given to --password' : 'pass it with --password'
      })
    }
    throw new PdfError(plainReason(error), {hint: 'download or export the PDF again'})
  }
  try {
    let title: string | null = null
    try {
      const metadata = await document.getMetadata()
      const info = metadata.info as {Title?: unknown}
      // Printing tools put a URL or a file name there when the document has no title.
      if (typeof info.Title === 'string' && info.Title.trim() !== '' && !/^(?:about:|https?:|file:)|\.(?:pdf|docx?|html?)$|^untitled$|^microsoft word -/iu.test(info.Title.trim())) {
        title = info.Title.trim()
      }
    } catch {
      // Metadata is optional; a PDF without it is still read.
    }
    const numPages = document.numPages
    const outcomes = new Map<number, PageOutcome>()
    const next = new SharedArrayBuffer(4)
    const helped =
      (options.parallel ?? true) && numPages >= parallelFromPages && availableParallelism() > 1
        ? helpRead({job: 0, data: bytes, password: options.password, pageTimeoutMs, numPages, next}, (number, outcome) => outcomes.set(number, outcome))
        : Promise.resolve()
    await readClaimedPages(document, new Int32Array(next), pageTimeoutMs, new Map(), (number, outcome) => outcomes.set(number, outcome))
    await helped
    // Pages the helper claimed but never answered (it crashed) are read here.
    const fonts = new Map<string, string>()
    for (let number = 1; number <= numPages; number++) {
      if (!outcomes.has(number)) outcomes.set(number, await readPageWithin(document, number, fonts, pageTimeoutMs))
    }
    const pages: PdfPage[] = []
    for (let number = 1; number <= numPages; number++) {
      const outcome = outcomes.get(number)!
      if ('page' in outcome) pages.push(outcome.page)
      else {
        messages.push(
          'timeout' in outcome
            ? {severity: 'warning', code: 'page-timeout', text: `page ${number} took longer than ${pageTimeoutMs} ms and was skipped`, page: number}
            : {severity: 'warning', code: 'page-unreadable', text: `page ${number} could not be read (${outcome.error}) and was skipped`, page: number}
        )
        pages.push({number, width: 0, height: 0, items: []})
      }
    }
    return {pages, title, messages}
  } finally {
    await document.destroy()
  }
}

// The helper thread, started on first use and kept for later PDFs; it does not keep the process
// alive while idle. Run from the TypeScript sources (tests, benches), it needs tsx to load them.
let helper: {worker: Worker; jobs: Map<number, {onPage: (number: number, outcome: PageOutcome) => void; done: () => void}>} | null = null
let lastJob = 0
// A helper that failed is not started again: every PDF would pay for the attempt.
let helperFailed = false

/** tsx's ESM API (its `import` export of `tsx/esm/api`); tsx is a development dependency. */
function tsxApi(): URL {
  return new URL('dist/esm/api/index.mjs', pathToFileURL(require.resolve('tsx/package.json')))
}

function startHelper(): NonNullable<typeof helper> | null {
  if (helper) return helper
  if (helperFailed) return null
  const entry = new URL(import.meta.url.endsWith('.ts') ? './pdf-worker.ts' : './pdf-worker.js', import.meta.url)
  let worker: Worker
  try {
    // From the sources, the thread first registers tsx's loader (hooks given by --import do not
    // reach a worker's entry module on Node 20).
    worker = entry.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(tsxApi().href)}).then(({register}) => { register(); return import(${JSON.stringify(entry.href)}) })`,
          {eval: true}
        )
      : new Worker(entry)
  } catch {
    helperFailed = true
    return null
  }
  worker.unref()
  const current = {worker, jobs: new Map<number, {onPage: (number: number, outcome: PageOutcome) => void; done: () => void}>()}
  const stop = (): void => {
    helperFailed = true
    if (helper === current) helper = null
    for (const job of current.jobs.values()) job.done()
    current.jobs.clear()
  }
  worker.on('message', (reply: PageReply) => {
    const job = current.jobs.get(reply.job)
    if (!job) return
    if ('done' in reply) {
      current.jobs.delete(reply.job)
      if (current.jobs.size === 0) worker.unref()
      job.done()
    } else job.onPage(reply.number, reply.outcome)
  })
  // A helper that fails to start or dies leaves its pages to this thread.
  worker.on('error', stop)
  worker.on('exit', stop)
  helper = current
  return current
}

function helpRead(job: PageJob, onPage: (number: number, outcome: PageOutcome) => void): Promise<void> {
  const current = startHelper()
  if (!current) return Promise.resolve()
  const id = ++lastJob
  return new Promise((resolve) => {
    current.jobs.set(id, {onPage, done: resolve})
    current.worker.ref()
    current.worker.postMessage({...job, job: id, data: new Uint8Array(job.data)} satisfies PageJob)
  })
}

async function readPage(document: PDFDocumentProxy, number: number, fonts: Map<string, string>): Promise<PdfPage | Error> {
  try {
    const page = await document.getPage(number)
    const [, , , top] = page.view as [number, number, number, number]
    const viewport = page.getViewport({scale: 1})
    const content = await page.getTextContent()
    const raw = content.items.filter((item): item is RawItem & (typeof content.items)[number] => 'str' in item)
    // Font names are only known once pdf.js has loaded the fonts for drawing; do that only for
    // pages that bring a font not seen before (most pages reuse the first pages' fonts).
    if (raw.some((item) => item.str.trim() !== '' && !fonts.has(item.fontName))) {
      await page.getOperatorList()
      for (const item of raw) {
        if (fonts.has(item.fontName)) continue
        let name = item.fontName
        try {
          const font = page.commonObjs.get(item.fontName) as {name?: string} | undefined
          if (font?.name) name = font.name.replace(/^[A-Z]{6}\+/u, '')
        } catch {
          // An unresolved font keeps pdf.js's id as its name.
        }
        fonts.set(item.fontName, name)
      }
    }
    const items: PdfTextItem[] = []
    for (const item of raw) {
      if (item.str === '') continue
      const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number]
      const fontSize = Math.hypot(c, d) || Math.hypot(a, b)
      const fontName = fonts.get(item.fontName) ?? item.fontName
      items.push({
        text: item.str,
        x: e,
        y: top - f,
        width: item.width,
        fontSize,
        fontName,
        bold: /bold|black|heavy|semibold|demi/iu.test(fontName),
        monospace: /mono|courier|consol|menlo|fixed/iu.test(fontName)
      })
    }
    page.cleanup()
    return {number, width: viewport.width, height: viewport.height, items}
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}
