/**
 * The one adapter to pdf.js (`pdfjs-dist`, legacy build for Node 20): open a PDF and return its
 * text items with their place on the page, font size, font name and weight. Everything pdf.js can
 * throw is turned into a `PdfError` in plain words here, so no other module needs to know pdf.js.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {Message} from '../model/edition.js'
import {PdfError} from '../model/errors.js'

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
}

const require = createRequire(import.meta.url)
const standardFontDataUrl = pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep).href

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

/** Open `bytes` as a PDF and read the text of every page. Throws `PdfError` for a PDF that cannot be read. */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfContent> {
  const pageTimeoutMs = options.pageTimeoutMs ?? 10_000
  const messages: Message[] = []
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    password: options.password,
    standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0
  })
  let document: pdfjs.PDFDocumentProxy
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
    const fonts = new Map<string, string>()
    const pages: PdfPage[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const result = await timeout(readPage(document, number, fonts), pageTimeoutMs)
      if (result === 'timeout') {
        messages.push({severity: 'warning', code: 'page-timeout', text: `page ${number} took longer than ${pageTimeoutMs} ms and was skipped`, page: number})
        pages.push({number, width: 0, height: 0, items: []})
      } else if (result instanceof Error) {
        messages.push({severity: 'warning', code: 'page-unreadable', text: `page ${number} could not be read (${plainReason(result)}) and was skipped`, page: number})
        pages.push({number, width: 0, height: 0, items: []})
      } else pages.push(result)
    }
    return {pages, title, messages}
  } finally {
    await document.destroy()
  }
}

async function readPage(document: pdfjs.PDFDocumentProxy, number: number, fonts: Map<string, string>): Promise<PdfPage | Error> {
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
