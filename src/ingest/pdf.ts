/**
 * The one adapter to the PDF engine: PDFium compiled to WebAssembly (`@embedpdf/pdfium`, MIT
 * wrapper over BSD-licensed PDFium; one wasm file in the package, nothing fetched at run time, CMaps
 * for CJK fonts built in). Open a PDF and return, page by page, its text runs with their place on
 * the page, font size, name, weight and flags, line-end hyphens and tagged structure; with the
 * document's bookmarks, page labels and glyphs that map to no text. Everything the engine reports
 * as a failure becomes a `PdfError` in plain words here, so no other module needs to know PDFium.
 *
 * The engine is loaded on first use (not when this module is imported) and kept for later PDFs.
 * A long document may be shared with a worker thread that has its own engine, and each thread does
 * the caller's per-page work on the pages it read (`readPdfPages`). Every page has a time budget,
 * checked while its characters are read.
 */
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {performance} from 'node:perf_hooks'
import type {Worker} from 'node:worker_threads'
import type {Message} from '../model/edition.js'
import {PdfError} from '../model/errors.js'
import {startWorker} from './start-worker.js'

/** One run of text: characters of one font and size on one baseline. Coordinates are PDF points from the page's top-left corner. */
export interface PdfTextItem {
  text: string
  /** Left edge. */
  x: number
  /** Baseline, from the top of the page. */
  y: number
  width: number
  /** Font size in points (as printed: the font size scaled by the text and page matrices). */
  fontSize: number
  /** The font's PostScript name without subset prefix (`LiberationSerif-Bold`), or `''` when the PDF gives none. */
  fontName: string
  /** The font's weight (400 regular, 700 bold) from its descriptor, or 0 when the PDF does not say. */
  fontWeight: number
  /** The font descriptor's flags (PDF 32000 table 123: 1 fixed pitch, 4 symbolic, 64 italic, 262144 force bold). */
  fontFlags: number
  /** Bold by its name, weight or flags, or drawn filled and stroked (how Hwp and Word fake bold). */
  bold: boolean
  /** Italic by its flags or name. */
  italic: boolean
  /** Monospaced by its name (Mono, Courier, Consolas…); CJK fonts set the fixed-pitch flag too, so `fontFlags` alone does not tell. */
  monospace: boolean
  /** The run ends with a hyphen PDFium took for a word broken at the line end. */
  hyphen: boolean
  /** Structure type of the tagged element holding the run (`H1`, `P`, `LI`, `TD`…), or null in an untagged PDF. */
  tag: string | null
  /** The run is marked as an artifact (running head, page number, decoration) by a tagged PDF. */
  artifact: boolean
}

/** Glyphs of one font on one page that give no text: no Unicode mapping (dropped), or a private-use code point (kept in the text). */
export interface PdfEmptyGlyphs {
  fontName: string
  count: number
  /** The first such code point, when the engine gave one (`U+F53A`), else null. */
  example: string | null
}

/** One page of text. */
export interface PdfPage {
  /** 1-based. */
  number: number
  /** The printed page label (`iv`, `A-3`, `- 2 -`), or null when the PDF defines none. */
  label: string | null
  /** Size in the page's own space, the space of its text positions: a page turned a quarter (`/Rotate 90`) is shown the other way round. */
  width: number
  height: number
  items: PdfTextItem[]
  /** Glyphs that map to no character, by font, most first. */
  emptyGlyphs: PdfEmptyGlyphs[]
  /** Images drawn on the page (in forms too, up to a bound); null when the page could not be read. */
  images: number | null
  /** Vector paths drawn on the page (in forms too, up to the same bound); null when the page could not be read. */
  paths: number | null
}

/** One entry of the PDF's outline (bookmarks), in document order. */
export interface PdfBookmark {
  title: string
  /** 1 for top-level entries. */
  level: number
  /** 1-based target page, or null when the entry points nowhere in this file. */
  page: number | null
  /** Target position from the top of the page, when the entry gives one. */
  top: number | null
}

/** What {@link readPdf} returns. */
export interface PdfContent {
  pages: PdfPage[]
  /** Title from the document information, or null. */
  title: string | null
  /** Language from the document catalogue (`ko-KR`), or null. */
  language: string | null
  /** The PDF is tagged (its runs carry `tag` and `artifact`). */
  tagged: boolean
  bookmarks: PdfBookmark[]
  messages: Message[]
}

/** Options of {@link readPdf}. */
export interface ReadPdfOptions {
  /**
   * Called after each page this thread reads, with how many pages have been taken by all threads and
   * how many there are: for a progress line. Default: none.
   */
  onPage?: ((taken: number, total: number) => void) | undefined
  /** Password of an encrypted PDF. Default: none. */
  password?: string
  /**
   * Give up on a page whose text takes longer than this (it is reported and skipped). Checked
   * between the engine's steps and every 1024 characters; one engine call (parsing the page's
   * content) cannot be interrupted. Default 10000 ms.
   */
  pageTimeoutMs?: number
  /**
   * Threads reading pages, each with its own engine: with 2, a document of at least
   * {@link minThreadedPages} pages is shared with a worker thread, page by page as each is free
   * (the output is the same). Default: what {@link preloadPdfEngine} was told, else 1.
   */
  threads?: number
  /**
   * Keep the page thread of a document read in two threads, idle, after its pages, for the caller
   * to take with {@link takeSparePageThread} (it stays, unreferenced, until taken or until the next
   * long PDF is read). Default: false, the thread ends with the read.
   */
  keepThread?: boolean
  /**
   * Given the pages this thread has read so far, worked as a document of their own, once, early,
   * when a worker thread shares the pages: the caller runs what it will run on the whole document
   * (its results are thrown away). The code that runs after the pages, on this thread alone, is so
   * compiled and its first uses paid while the other thread still reads pages, which it takes on
   * meanwhile. Default: none.
   */
  rehearse?: ((sample: WorkedPdfContent<unknown, unknown, unknown>) => void) | undefined
}

// The wasm exports used here, called directly: the package's `cwrap` wrappers check arguments on
// every call, which costs more than the call itself for per-character functions.
interface Exports {
  memory: {buffer: ArrayBuffer}
  malloc(size: number): number
  free(pointer: number): void
  PDFiumExt_Init(): void
  FPDF_GetLastError(): number
  FPDF_LoadMemDocument(data: number, size: number, password: number): number
  FPDF_CloseDocument(document: number): void
  FPDF_GetPageCount(document: number): number
  FPDF_GetMetaText(document: number, tag: number, buffer: number, length: number): number
  FPDF_GetPageLabel(document: number, index: number, buffer: number, length: number): number
  FPDFCatalog_IsTagged(document: number): number
  FPDFCatalog_GetLanguage(document: number, buffer: number, length: number): number
  FPDFBookmark_GetFirstChild(document: number, bookmark: number): number
  FPDFBookmark_GetNextSibling(document: number, bookmark: number): number
  FPDFBookmark_GetTitle(bookmark: number, buffer: number, length: number): number
  FPDFBookmark_GetDest(document: number, bookmark: number): number
  FPDFBookmark_GetAction(bookmark: number): number
  FPDFAction_GetDest(document: number, action: number): number
  FPDFDest_GetDestPageIndex(document: number, dest: number): number
  FPDFDest_GetLocationInPage(dest: number, hasX: number, hasY: number, hasZoom: number, x: number, y: number, zoom: number): number
  FPDF_LoadPage(document: number, index: number): number
  FPDF_ClosePage(page: number): void
  FPDF_GetPageWidthF(page: number): number
  FPDF_GetPageHeightF(page: number): number
  FPDFPage_GetRotation(page: number): number
  FPDFPage_GetCropBox(page: number, left: number, bottom: number, right: number, top: number): number
  FPDFPage_GetMediaBox(page: number, left: number, bottom: number, right: number, top: number): number
  FPDFText_LoadPage(page: number): number
  FPDFText_ClosePage(textPage: number): void
  FPDFText_CountChars(textPage: number): number
  FPDFText_GetUnicode(textPage: number, index: number): number
  FPDFText_IsGenerated(textPage: number, index: number): number
  FPDFText_IsHyphen(textPage: number, index: number): number
  FPDFText_HasUnicodeMapError(textPage: number, index: number): number
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number
  FPDFText_GetFontSize(textPage: number, index: number): number
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number
  FPDFText_GetTextObject(textPage: number, index: number): number
  FPDFTextObj_GetFont(textObject: number): number
  FPDFTextObj_GetTextRenderMode(textObject: number): number
  FPDFFont_GetBaseFontName(font: number, buffer: number, length: number): number
  FPDFFont_GetWeight(font: number): number
  FPDFFont_GetFlags(font: number): number
  FPDFPageObj_GetMarkedContentID(object: number): number
  FPDFPageObj_CountMarks(object: number): number
  FPDFPageObj_GetMark(object: number, index: number): number
  FPDFPageObjMark_GetName(mark: number, buffer: number, length: number, written: number): number
  FPDF_StructTree_GetForPage(page: number): number
  FPDFPage_CountObjects(page: number): number
  FPDFPage_GetObject(page: number, index: number): number
  FPDFPageObj_GetType(object: number): number
  FPDFFormObj_CountObjects(form: number): number
  FPDFFormObj_GetObject(form: number, index: number): number
  FPDF_StructTree_Close(tree: number): void
  FPDF_StructTree_CountChildren(tree: number): number
  FPDF_StructTree_GetChildAtIndex(tree: number, index: number): number
  FPDF_StructElement_CountChildren(element: number): number
  FPDF_StructElement_GetChildAtIndex(element: number, index: number): number
  FPDF_StructElement_GetType(element: number, buffer: number, length: number): number
  FPDF_StructElement_GetMarkedContentIdCount(element: number): number
  FPDF_StructElement_GetMarkedContentIdAtIndex(element: number, index: number): number
}

/** The loaded engine and a scratch buffer in its memory for out-parameters and strings. */
interface Engine {
  x: Exports
  scratch: number
}

// Bytes of the scratch buffer: out-parameters (at most seven 8-byte values) and short strings.
const scratchBytes = 4096
const utf16 = new TextDecoder('utf-16le')
const utf8 = new TextDecoder('utf-8', {fatal: true})
// Korean and Japanese Word and Hwp exports name their fonts in the system code page (`맑은 고딕`, `ＭＳ 明朝`).
const localNames = [new TextDecoder('euc-kr', {fatal: true}), new TextDecoder('shift_jis', {fatal: true})]

/** A font's name from its bytes: UTF-8, else the Korean or Japanese code page that reads it as words, else Latin-1. */
function fontName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    let best: string | null = null
    let bestScore = 0
    for (const decoder of localNames) {
      try {
        const text = decoder.decode(bytes)
        const score =
          (text.match(/[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{L}\p{N} ,-]/gu) ?? []).length -
          (text.match(/[\p{Script=Han}]/gu) ?? []).length / 2
        if (score > bestScore) {
          best = text
          bestScore = score
        }
      } catch {
        // Not this code page.
      }
    }
    return best ?? String.fromCharCode(...bytes)
  }
}

let engine: Promise<Engine> | null = null

/** The two WebAssembly calls used here (the project's TypeScript `lib` does not declare the global). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>
  instantiate(module: object, imports: object): Promise<object>
}
const wasm = (globalThis as unknown as {WebAssembly: WasmApi}).WebAssembly

/**
 * Start loading the engine now, for a caller that knows a PDF is coming and has other work to do
 * first (the command line loads its command's modules meanwhile): reading and compiling the 4.6 MB
 * module runs on other threads. A failure is left for {@link readPdf} to report. `threads` sets how
 * many threads later reads use (see {@link ReadPdfOptions.threads}); with two, `startThread` starts
 * the page worker thread now as well, for the one PDF to come.
 */
export function preloadPdfEngine(options: {threads?: number; startThread?: boolean} = {}): void {
  if (options.threads !== undefined) defaultThreads = options.threads
  loadEngine().catch(() => undefined)
  // A worker thread takes some 0.15–0.2 s to start (its own isolate, Node's internals, the engine's
  // glue), by which time this thread has read some 30 pages: started now, while this one loads the
  // command, it is ready when a long PDF is opened. A short PDF leaves it waiting, and it does not
  // keep the process alive.
  if (defaultThreads >= 2 && options.startThread) standby ??= spawnPageThread()
  else if (defaultThreads < 2) {
    void standby?.worker.terminate()
    standby = null
  }
}

// Threads for a read that does not say (set by the command line when a core is free).
let defaultThreads = 1

/** Load PDFium once, on first use. */
function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const require = createRequire(import.meta.url)
    // The module compiles (on V8's background threads) while the package's JavaScript glue loads;
    // handing the glue the compiled module also spares it a copy of the 4.6 MB file.
    const compiled = readFile(require.resolve('@embedpdf/pdfium/pdfium.wasm')).then((bytes) => wasm.compile(bytes))
    const [{init}, wasmModule] = await Promise.all([import('@embedpdf/pdfium'), compiled])
    const before = new Set(Reflect.ownKeys(globalThis))
    const module = await new Promise<Awaited<ReturnType<typeof init>>>((resolve, reject) => {
      init({
        instantiateWasm(imports: object, receive: (instance: object, module: object) => void) {
          // The glue does not hear of a failure here, so it is passed on from this side.
          wasm.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), reject)
          return {}
        }
      }).then(resolve, reject)
    })
    // The package's debug glue defines some 150 warning getters on globalThis (`buffer`, `asm`…)
    // when it starts; take them away so that loading a PDF changes no globals.
    for (const key of Reflect.ownKeys(globalThis)) {
      if (!before.has(key)) Reflect.deleteProperty(globalThis, key)
    }
    const x = module.pdfium.wasmExports as unknown as Exports
    x.PDFiumExt_Init()
    return {x, scratch: x.malloc(scratchBytes)}
  })()
  engine.catch(() => {
    engine = null
  })
  return engine
}

// Views of the engine's memory, made again only when the memory has grown (which detaches the
// old buffer): a view per read would be an allocation per character.
let heap: {buffer: ArrayBuffer; f32: Float32Array; f64: Float64Array; i32: Int32Array} | null = null
function views(x: Exports): NonNullable<typeof heap> {
  if (heap === null || heap.buffer !== x.memory.buffer) {
    const buffer = x.memory.buffer
    heap = {buffer, f32: new Float32Array(buffer), f64: new Float64Array(buffer), i32: new Int32Array(buffer)}
  }
  return heap
}
const f32 = (x: Exports, pointer: number): number => views(x).f32[pointer >> 2]!
const i32 = (x: Exports, pointer: number): number => views(x).i32[pointer >> 2]!

/** A string PDFium writes as UTF-16LE with a terminating NUL; `call(buffer, length)` returns the bytes it needs. */
function readUtf16(engine: Engine, call: (buffer: number, length: number) => number): string {
  const {x, scratch} = engine
  const needed = call(scratch, scratchBytes)
  if (needed <= 2) return ''
  if (needed <= scratchBytes) return utf16.decode(new Uint8Array(x.memory.buffer, scratch, needed - 2))
  const buffer = x.malloc(needed)
  try {
    call(buffer, needed)
    return utf16.decode(new Uint8Array(x.memory.buffer, buffer, needed - 2))
  } finally {
    x.free(buffer)
  }
}

/** Copy `text` into wasm memory as a NUL-terminated UTF-8 string for the duration of `use`. */
function withCString<T>(engine: Engine, text: string, use: (pointer: number) => T): T {
  const bytes = new TextEncoder().encode(text)
  const pointer = engine.x.malloc(bytes.length + 1)
  try {
    const heap = new Uint8Array(engine.x.memory.buffer, pointer, bytes.length + 1)
    heap.set(bytes)
    heap[bytes.length] = 0
    return use(pointer)
  } finally {
    engine.x.free(pointer)
  }
}

// FPDF_GetLastError codes (fpdfview.h).
const errorFormat = 3
const errorPassword = 4
const errorSecurity = 5

/** Font-descriptor flags (PDF 32000-1 table 123). */
const flagItalic = 64
const flagForceBold = 1 << 18
/** Text render mode 2 (fill, then stroke): word processors draw "bold" this way with a regular font. */
const renderFillStroke = 2
// From this weight on a font is bold (600 is semibold, as `semibold` in a name counts).
const boldWeight = 600

/** Open a PDF, run `use` on it and close it. Throws `PdfError` when it cannot be opened. */
async function withDocument<T>(
  bytes: Uint8Array,
  password: string | undefined,
  use: (engine: Engine, document: number) => T | Promise<T>
): Promise<T> {
  const engine = await loadEngine()
  const {x} = engine
  if (bytes.length === 0) throw new PdfError('the PDF is empty', {hint: 'download or export the PDF again'})
  if (!startsLikePdf(bytes)) throw new PdfError('the file does not start like a PDF', {hint: 'download or export the PDF again'})
  // PDFium reads the document from this copy for as long as it is open.
  const data = x.malloc(bytes.length)
  new Uint8Array(x.memory.buffer, data, bytes.length).set(bytes)
  try {
    const document =
      password === undefined
        ? x.FPDF_LoadMemDocument(data, bytes.length, 0)
        : withCString(engine, password, (pointer) => x.FPDF_LoadMemDocument(data, bytes.length, pointer))
    if (document === 0) {
      const error = x.FPDF_GetLastError()
      if (error === errorPassword) {
        throw new PdfError(password === undefined ? 'the PDF is encrypted with a password' : 'the password is wrong', {
          hint: password === undefined ? 'pass it with --password' : 'check the value given to --password'
        })
      }
      if (error === errorSecurity)
        throw new PdfError('the PDF uses an encryption this reader does not support', {hint: 'save an unencrypted copy first'})
      throw new PdfError(
        error === errorFormat
          ? 'the PDF is damaged or truncated (PDFium: not in PDF format or corrupted)'
          : `PDFium could not read it (error ${error})`,
        {
          hint: 'download or export the PDF again'
        }
      )
    }
    try {
      return await use(engine, document)
    } finally {
      x.FPDF_CloseDocument(document)
    }
  } finally {
    x.free(data)
  }
}

/** `%PDF-` within the first 1024 bytes, as readers accept it. */
function startsLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024)
  for (let i = head.indexOf(0x25); i >= 0 && i + 5 <= head.length; i = head.indexOf(0x25, i + 1)) {
    if (head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true
  }
  return false
}

/**
 * Pages from which a worker thread pays: it starts in about a tenth of a second (its own isolate,
 * the engine's glue; the compiled module is shared), by which time this thread has read some 30
 * pages of a typical document.
 */
export const minThreadedPages = 64

/**
 * Work on each page done by the thread that read it (the caller's layout), in two steps with one
 * decision for the whole document between them: `facts` of each page alone, `decide` once from
 * every page's facts in page order (in the calling thread), then `finish` of each page with that
 * decision. A worker thread so returns each page's facts and result, not its runs, and lays out its
 * own pages while this thread lays out the others. The worker finds the same work by `name`
 * (pdf-worker.ts), and a page's facts and result are the same whichever thread read it.
 */
export interface PageWork<Facts, Decision, Result> {
  name: string
  facts(page: PdfPage): Facts
  decide(facts: readonly Facts[], document: {tagged: boolean}): Decision
  finish(page: PdfPage, decision: Decision): Result
}

/** A page without its runs, with what {@link PageWork} made of it. */
export type WorkedPdfPage<Facts, Result> = Omit<PdfPage, 'items'> & {facts: Facts; result: Result}

/** What {@link readPdfPages} returns: {@link PdfContent} with each page's runs replaced by the work done on them. */
export interface WorkedPdfContent<Facts, Decision, Result> extends Omit<PdfContent, 'pages'> {
  pages: Array<WorkedPdfPage<Facts, Result>>
  decision: Decision
}

/** The work of {@link readPdf}: each page's runs are its facts, passed on as they are. */
export const keepRuns: PageWork<PdfTextItem[], null, null> = {
  name: 'runs',
  facts: (page) => page.items,
  decide: () => null,
  finish: () => null
}

/** Open `bytes` as a PDF and read the text of every page. Throws `PdfError` for a PDF that cannot be read. */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfContent> {
  const {pages, decision: _, ...content} = await readPdfPages(bytes, keepRuns, options)
  return {...content, pages: pages.map(({facts, result: __, ...page}) => ({...page, items: facts}))}
}

/** A page as read by one thread: its place, its facts, and (until finished) its runs. */
export interface ReadPage<Facts> {
  info: Omit<PdfPage, 'items'>
  top: number
  facts: Facts
  outcome: 'read' | {timeout: true} | {error: string}
}

/** Read the page at `index` in this thread: the page (label included), its top, or why it was skipped. */
function readOnePage(
  engine: Engine,
  document: number,
  index: number,
  tagged: boolean,
  pageTimeoutMs: number
): {page: PdfPage; top: number} | {timeout: true} | {error: string} {
  const outcome = readPage(engine, document, index, tagged, performance.now() + pageTimeoutMs)
  if (!('page' in outcome)) return outcome
  const label = readUtf16(engine, (buffer, length) => engine.x.FPDF_GetPageLabel(document, index, buffer, length)) || null
  const {top, ...page} = outcome.page
  return {page: {...page, number: index + 1, label}, top}
}

/** A page skipped by the reader: no runs, size or images. */
const skippedPage = (index: number, label: string | null): PdfPage => ({
  number: index + 1,
  label,
  width: 0,
  height: 0,
  items: [],
  emptyGlyphs: [],
  images: null,
  paths: null
})

/** Read the page at `index` and take its facts; `pages` keeps its runs for {@link PageWork.finish}. */
function takePage<Facts>(
  engine: Engine,
  document: number,
  index: number,
  tagged: boolean,
  pageTimeoutMs: number,
  work: PageWork<Facts, unknown, unknown>,
  pages: Map<number, PdfPage>
): ReadPage<Facts> {
  const read = readOnePage(engine, document, index, tagged, pageTimeoutMs)
  if (!('page' in read)) {
    const label = readUtf16(engine, (buffer, length) => engine.x.FPDF_GetPageLabel(document, index, buffer, length)) || null
    const {items: _, ...info} = skippedPage(index, label)
    return {info, top: 0, facts: work.facts(skippedPage(index, label)), outcome: read}
  }
  pages.set(index, read.page)
  const {items: _, ...info} = read.page
  return {info, top: read.top, facts: work.facts(read.page), outcome: 'read'}
}

/**
 * Open `bytes` as a PDF, read every page and do `work` on it (see {@link PageWork}); with two
 * threads, a document of at least {@link minThreadedPages} pages is shared with a worker thread.
 * Throws `PdfError` for a PDF that cannot be read.
 */
export async function readPdfPages<Facts, Decision, Result>(
  bytes: Uint8Array,
  work: PageWork<Facts, Decision, Result>,
  options: ReadPdfOptions = {}
): Promise<WorkedPdfContent<Facts, Decision, Result>> {
  const pageTimeoutMs = options.pageTimeoutMs ?? 10_000
  const threads = options.threads ?? defaultThreads
  return withDocument(bytes, options.password, async (engine, document) => {
    const {x} = engine
    const messages: Message[] = []
    const numPages = x.FPDF_GetPageCount(document)
    if (numPages <= 0)
      throw new PdfError('the PDF is damaged or truncated (PDFium found no pages)', {hint: 'download or export the PDF again'})
    const tagged = x.FPDFCatalog_IsTagged(document) !== 0
    // Each thread takes the next page not yet taken, so that neither waits for the other.
    const claims = new Int32Array(new SharedArrayBuffer(4))
    const helper =
      threads >= 2 && numPages >= minThreadedPages
        ? startPageWorker<Facts, Decision, Result>({bytes, password: options.password, pageTimeoutMs, claims, work: work.name})
        : null
    try {
      const read = new Array<ReadPage<Facts> | undefined>(numPages)
      // The runs of the pages this thread read, until they are finished.
      const own = new Map<number, PdfPage>()
      let rehearsal = helper === null ? undefined : options.rehearse
      for (let index = Atomics.add(claims, 0, 1); index < numPages; index = Atomics.add(claims, 0, 1)) {
        read[index] = takePage(engine, document, index, tagged, pageTimeoutMs, work, own)
        options.onPage?.(Math.min(Atomics.load(claims, 0), numPages), numPages)
        if (rehearsal !== undefined && own.size >= rehearsalPages) {
          rehearse(rehearsal, work, read, own, tagged)
          rehearsal = undefined
        }
      }
      for (const [index, page] of helper ? await helper.read : []) read[index] = page
      // A page the worker took but did not deliver (it failed) is read here.
      for (let index = 0; index < numPages; index++) read[index] ??= takePage(engine, document, index, tagged, pageTimeoutMs, work, own)
      const pages = read as Array<ReadPage<Facts>>
      const decision = work.decide(
        pages.map((page) => page.facts),
        {tagged}
      )
      const results = new Array<Result | undefined>(numPages)
      const theirs = helper?.finish(decision)
      for (const [index, page] of own) results[index] = work.finish(page, decision)
      own.clear()
      // The document's own parts are read while the worker still finishes its pages. Per page, the
      // y of its top in PDF user space (bookmark targets are given in that space).
      const tops = pages.map((page) => page.top)
      const language = readUtf16(engine, (buffer, length) => x.FPDFCatalog_GetLanguage(document, buffer, length)).trim() || null
      const bookmarks = readBookmarks(engine, document, numPages).map(({y, ...bookmark}) => ({
        ...bookmark,
        top:
          y === null || bookmark.page === null || tops[bookmark.page - 1] === 0
            ? null
            : Math.round((tops[bookmark.page - 1]! - y) * 10) / 10
      }))
      const title = readTitle(engine, document)
      for (const [index, result] of theirs ? await theirs : []) results[index] ??= result
      for (let index = 0; index < numPages; index++) {
        if (results[index] !== undefined) continue
        // Not finished by the worker (it failed): read again here, or finish as the skipped page it was.
        const again = pages[index]!.outcome === 'read' ? readOnePage(engine, document, index, tagged, pageTimeoutMs) : null
        results[index] = work.finish(again && 'page' in again ? again.page : skippedPage(index, pages[index]!.info.label), decision)
      }
      for (const [index, page] of pages.entries()) {
        if (page.outcome === 'read') continue
        const number = index + 1
        messages.push(
          'timeout' in page.outcome
            ? {
                severity: 'warning',
                code: 'page-timeout',
                text: `page ${number} took longer than ${pageTimeoutMs} ms and was skipped`,
                page: number
              }
            : {
                severity: 'warning',
                code: 'page-unreadable',
                text: `page ${number} could not be read (${page.outcome.error}) and was skipped`,
                page: number
              }
        )
      }
      return {
        pages: pages.map((page, index) => ({...page.info, facts: page.facts, result: results[index] as Result})),
        decision,
        title,
        language,
        tagged,
        bookmarks,
        messages
      }
    } finally {
      if (options.keepThread) helper?.release()
      else helper?.stop()
    }
  })
}

/** Pages this thread reads before it rehearses (see {@link ReadPdfOptions.rehearse}): enough for most of the document's kinds of line. */
const rehearsalPages = 8

/** Work the pages this thread has read (`own`) as a document and hand it to `rehearsal`, which may fail: nothing of it is kept. */
function rehearse<Facts, Decision, Result>(
  rehearsal: NonNullable<ReadPdfOptions['rehearse']>,
  work: PageWork<Facts, Decision, Result>,
  read: ReadonlyArray<ReadPage<Facts> | undefined>,
  own: ReadonlyMap<number, PdfPage>,
  tagged: boolean
): void {
  try {
    const indexes = [...own.keys()].sort((a, b) => a - b)
    const decision = work.decide(
      indexes.map((index) => read[index]!.facts),
      {tagged}
    )
    rehearsal({
      pages: indexes.map((index) => ({...read[index]!.info, facts: read[index]!.facts, result: work.finish(own.get(index)!, decision)})),
      decision,
      title: null,
      language: null,
      tagged,
      bookmarks: [],
      messages: []
    })
  } catch {
    // A few pages of a document may be no document (no text on them, say): the rehearsal only warms the code.
  }
}

/** What a worker thread is given: the document, the counter of pages taken (shared with this thread), and the name of the work. */
export interface PageJob {
  bytes: Uint8Array
  password: string | undefined
  pageTimeoutMs: number
  claims: Int32Array
  work: string
}

/** The messages a worker thread posts: its pages read, then their results; or that it failed. */
export type PageWorkerMessage<Facts, Result> =
  | {read: Array<[number, ReadPage<Facts>]>}
  | {results: Array<[number, Result]>}
  | {failed: true}

/**
 * The worker's side of {@link readPdfPages}: read the pages it takes from the shared counter, post
 * them with their facts, wait for the decision, then finish them and post the results.
 */
export async function workClaimedPages<Facts, Decision, Result>(
  job: PageJob,
  work: PageWork<Facts, Decision, Result>,
  post: (message: PageWorkerMessage<Facts, Result>) => void,
  decision: () => Promise<Decision>
): Promise<void> {
  const own = new Map<number, PdfPage>()
  const read = await withDocument(job.bytes, job.password, (engine, document) => {
    const numPages = engine.x.FPDF_GetPageCount(document)
    const tagged = engine.x.FPDFCatalog_IsTagged(document) !== 0
    const out: Array<[number, ReadPage<Facts>]> = []
    for (let index = Atomics.add(job.claims, 0, 1); index < numPages; index = Atomics.add(job.claims, 0, 1))
      out.push([index, takePage(engine, document, index, tagged, job.pageTimeoutMs, work, own)])
    return out
  })
  post({read})
  const decided = await decision()
  post({results: [...own].map(([index, page]) => [index, work.finish(page, decided)])})
}

/** A worker thread sharing the pages: what it read, its results once given the decision, and a way to stop it. */
interface PageWorker<Facts, Decision, Result> {
  /** Resolves to the pages it read, or to none when it failed. */
  read: Promise<Array<[number, ReadPage<Facts>]>>
  /** Resolves to the results of its pages, or to none when it failed. */
  finish(decision: Decision): Promise<Array<[number, Result]>>
  stop(): void
  /** Done with its pages: a thread that delivered all of them is kept for one more job (see {@link takeSparePageThread}); any other is stopped. */
  release(): void
}

/** A page worker thread, started with no document, and whether it has ended (failed or stopped). */
interface PageThread {
  worker: Worker
  ended: boolean
  /** Called once when it ends. */
  onEnd: () => void
}

/** The thread started ahead of its document by {@link preloadPdfEngine}, until a long PDF takes it. */
let standby: PageThread | null = null

/** Start a page worker thread that waits for its job (pdf-worker.ts); null when threads cannot be started. */
function spawnPageThread(): PageThread | null {
  let worker: Worker
  try {
    worker = startWorker(import.meta.url, 'pdf-worker')
  } catch {
    return null
  }
  const thread: PageThread = {worker, ended: false, onEnd: () => undefined}
  const end = (): void => {
    if (thread.ended) return
    thread.ended = true
    thread.onEnd()
  }
  worker.once('error', end)
  worker.once('exit', end)
  // Waiting for a document keeps no process alive; reading one does (see startPageWorker).
  worker.unref()
  return thread
}

/**
 * Start a worker thread reading pages alongside this one (see {@link workClaimedPages}): the one
 * started ahead by {@link preloadPdfEngine} when there is one, else a new one.
 */
export function startPageWorker<Facts, Decision, Result>(job: PageJob): PageWorker<Facts, Decision, Result> | null {
  const taken = standby !== null && !standby.ended ? standby : null
  if (taken) standby = null
  const thread = taken ?? spawnPageThread()
  if (thread === null) return null
  const {worker} = thread
  worker.ref()
  let gotRead: (pages: Array<[number, ReadPage<Facts>]>) => void = () => undefined
  let gotResults: (results: Array<[number, Result]>) => void = () => undefined
  const read = new Promise<Array<[number, ReadPage<Facts>]>>((resolve) => {
    gotRead = resolve
  })
  const results = new Promise<Array<[number, Result]>>((resolve) => {
    gotResults = resolve
  })
  let delivered = false
  const fail = (): void => {
    gotRead([])
    gotResults([])
  }
  const listen = (message: PageWorkerMessage<Facts, Result>): void => {
    if ('read' in message) gotRead(message.read)
    else if ('results' in message) {
      delivered = true
      gotResults(message.results)
    } else fail()
  }
  worker.on('message', listen)
  thread.onEnd = fail
  if (thread.ended) fail()
  else worker.postMessage({job})
  return {
    read,
    finish(decision) {
      worker.postMessage({decision})
      return results
    },
    stop() {
      // Once its results are in (or this thread gave up on them), the worker has nothing left to do.
      void worker.terminate()
    },
    release() {
      if (!delivered || thread.ended) {
        void worker.terminate()
        return
      }
      worker.off('message', listen)
      worker.unref()
      // One spare at most: an earlier one not taken holds an engine's memory for nothing.
      if (spare !== null) void spare.terminate()
      spare = worker
    }
  }
}

/** The page thread of the long PDF read last with {@link ReadPdfOptions.keepThread}, idle, until taken. */
let spare: Worker | null = null

/**
 * The idle page thread of the long PDF just read with {@link ReadPdfOptions.keepThread}, for a job
 * of pdf-worker.ts's after the pages (see `countWordsAside`), or null when there is none (the PDF
 * was read in one thread). The taker terminates it.
 */
export function takeSparePageThread(): Worker | null {
  const taken = spare
  spare = null
  return taken
}

function readTitle(engine: Engine, document: number): string | null {
  const title = withCString(engine, 'Title', (tag) =>
    readUtf16(engine, (buffer, length) => engine.x.FPDF_GetMetaText(document, tag, buffer, length))
  ).trim()
  // Printing tools put a URL or a file name there when the document has no title.
  if (title === '' || /^(?:about:|https?:|file:)|\.(?:pdf|docx?|hwpx?|html?)$|^untitled$|^microsoft word -/iu.test(title)) return null
  return title
}

// A malformed outline can loop or be absurdly long; no real document has more entries than this.
const maxBookmarks = 20_000

/** The outline in document order, each target's y as the PDF gives it (from the page bottom). */
function readBookmarks(engine: Engine, document: number, numPages: number): Array<Omit<PdfBookmark, 'top'> & {y: number | null}> {
  const {x, scratch} = engine
  const out: Array<Omit<PdfBookmark, 'top'> & {y: number | null}> = []
  const seen = new Set<number>()
  const walk = (parent: number, level: number): void => {
    for (
      let item = x.FPDFBookmark_GetFirstChild(document, parent);
      item !== 0 && out.length < maxBookmarks;
      item = x.FPDFBookmark_GetNextSibling(document, item)
    ) {
      if (seen.has(item)) return
      seen.add(item)
      const title = readUtf16(engine, (buffer, length) => x.FPDFBookmark_GetTitle(item, buffer, length))
        .replace(/\s+/gu, ' ')
        .trim()
      let dest = x.FPDFBookmark_GetDest(document, item)
      if (dest === 0) {
        const action = x.FPDFBookmark_GetAction(item)
        if (action !== 0) dest = x.FPDFAction_GetDest(document, action)
      }
      let page: number | null = null
      let y: number | null = null
      if (dest !== 0) {
        const index = x.FPDFDest_GetDestPageIndex(document, dest)
        if (index >= 0 && index < numPages) page = index + 1
        if (
          x.FPDFDest_GetLocationInPage(dest, scratch, scratch + 4, scratch + 8, scratch + 16, scratch + 20, scratch + 24) &&
          i32(x, scratch + 4)
        ) {
          y = f32(x, scratch + 20)
        }
      }
      out.push({title, level, page, y})
      walk(item, level + 1)
    }
  }
  walk(0, 1)
  return out
}

/** How reading one page ended: its text, or why it was skipped (the reason in plain words). */
export type PageOutcome = {page: Omit<PdfPage, 'number' | 'label'> & {top: number}} | {timeout: true} | {error: string}

/** What the runs of one text object share, looked up once per object. */
interface ObjectStyle
  extends Pick<PdfTextItem, 'fontSize' | 'fontName' | 'fontWeight' | 'fontFlags' | 'bold' | 'italic' | 'monospace' | 'tag'> {
  artifact: boolean
  /** The font's handle: with the size, weight, tag and artifact mark, what tells where a run changes style (see {@link sameStyle}). */
  font: number
}

// Characters read between two looks at the clock.
const clockEvery = 1024

function readPage(engine: Engine, document: number, index: number, tagged: boolean, deadline: number): PageOutcome {
  const {x} = engine
  const page = x.FPDF_LoadPage(document, index)
  if (page === 0) return {error: `PDFium error ${x.FPDF_GetLastError()}`}
  let textPage = 0
  let tree = 0
  try {
    if (performance.now() > deadline) return {timeout: true}
    textPage = x.FPDFText_LoadPage(page)
    if (textPage === 0) return {error: 'PDFium could not read its text'}
    if (performance.now() > deadline) return {timeout: true}
    // PDFium gives a turned page's size as shown, but its text positions as drawn, before the turn.
    const quarterTurn = x.FPDFPage_GetRotation(page) % 2 === 1
    const width = quarterTurn ? x.FPDF_GetPageHeightF(page) : x.FPDF_GetPageWidthF(page)
    const height = quarterTurn ? x.FPDF_GetPageWidthF(page) : x.FPDF_GetPageHeightF(page)
    const {top, left: pageLeft} = pageOrigin(engine, page, height)
    let tags: Map<number, string> | null = null
    if (tagged) {
      tree = x.FPDF_StructTree_GetForPage(page)
      if (tree !== 0) tags = structureTypes(engine, tree)
    }
    const styles = new Map<number, ObjectStyle>()
    const fonts = new Map<number, PageFont>()
    const empty = new Map<string, PdfEmptyGlyphs>()
    const items: PdfTextItem[] = []
    const count = x.FPDFText_CountChars(textPage)
    const {scratch} = engine
    // `last`: the index of the run's last glyph, whose hyphen flag is the run's (asked once, at its end).
    type Run = {style: ObjectStyle; x0: number; x1: number; y: number; last: number; lastCode: number}
    let run: Run | null = null
    // The open run's text as UTF-16 code units, made a string once at its end: a string grown a
    // character at a time is an allocation a character.
    let units: Uint16Array = runUnits
    let length = 0
    const flush = (): void => {
      const text = run ? unitsText(units, length) : ''
      if (run && text.trim() !== '') {
        const {style} = run
        items.push({
          text,
          x: run.x0,
          y: run.y,
          width: run.x1 - run.x0,
          fontSize: style.fontSize,
          fontName: style.fontName,
          fontWeight: style.fontWeight,
          fontFlags: style.fontFlags,
          bold: style.bold,
          italic: style.italic,
          monospace: style.monospace,
          hyphen: run.lastCode === 0x02 || x.FPDFText_IsHyphen(textPage, run.last) !== 0,
          tag: style.tag,
          artifact: style.artifact
        })
      }
      run = null
    }
    // The views of the engine's memory, looked up again only when a call grew it (which empties
    // them): asking the memory for its buffer at every character costs more than the reading.
    let view = views(x)
    // The style of the last glyph's text object: a run of glyphs mostly shares one.
    let lastObject = 0
    let style: ObjectStyle | undefined
    for (let i = 0; i < count; i++) {
      if (i % clockEvery === clockEvery - 1 && performance.now() > deadline) return {timeout: true}
      const code = x.FPDFText_GetUnicode(textPage, i)
      const generated = (code === 0x20 || code === 0x0d || code === 0x0a) && x.FPDFText_IsGenerated(textPage, i) !== 0
      if (generated) {
        // PDFium's own line breaks end a run; its word spaces join the run's words.
        if (code === 0x20) {
          if (run) {
            if (length === units.length) units = runUnits = grown(units)
            units[length++] = 0x20
          }
        } else flush()
        continue
      }
      const object = x.FPDFText_GetTextObject(textPage, i)
      if (object === 0) continue
      if (object !== lastObject || style === undefined) {
        style = styles.get(object)
        if (!style) {
          style = objectStyle(engine, textPage, i, object, fonts, tags)
          styles.set(object, style)
        }
        lastObject = object
      }
      const unmapped = code === 0 || code === 0xfffd || x.FPDFText_HasUnicodeMapError(textPage, i) !== 0
      if (unmapped || isPrivateGlyph(code)) {
        const glyphs = empty.get(style.fontName) ?? {
          fontName: style.fontName,
          count: 0,
          example: unmapped ? null : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
        }
        glyphs.count++
        empty.set(style.fontName, glyphs)
        // A private-use code point stays in the text (as pdftotext keeps it): it is the only trace of the glyph.
        if (unmapped) continue
      }
      x.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8)
      x.FPDFText_GetLooseCharBox(textPage, i, scratch + 16)
      if (view.f64.length === 0) view = views(x)
      const y = top - view.f64[(scratch + 8) >> 3]!
      // The run starts at the glyph's origin: boxes come from the font's bounding box, wider than
      // the advance in some CJK fonts (Word's Korean text overlaps by 1–2 pt from glyph to glyph).
      const boxLeft = view.f32[(scratch + 16) >> 2]!
      const boxRight = view.f32[(scratch + 24) >> 2]!
      const left = Math.min(view.f64[scratch >> 3]!, boxLeft, boxRight) - pageLeft
      const right = Math.max(boxLeft, boxRight) - pageLeft
      const current = run as Run | null
      if (code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000) {
        // A space separates the words around it whatever its font (Word sets the spaces between
        // Korean words in a Latin font); alone at a run's edge it says nothing.
        if (
          current !== null &&
          Math.abs(current.y - y) <= 0.2 * current.style.fontSize &&
          left - current.x1 <= runGap * current.style.fontSize
        ) {
          if (length === units.length) units = runUnits = grown(units)
          units[length++] = 0x20
          current.x1 = Math.max(current.x1, right)
        }
        continue
      }
      if (
        current === null ||
        (current.style !== style && !sameStyle(current.style, style)) ||
        Math.abs(current.y - y) > 0.2 * style.fontSize ||
        left < current.x1 - 0.5 * style.fontSize ||
        left - current.x1 > runGap * style.fontSize
      ) {
        flush()
        run = {style, x0: left, x1: right, y, last: i, lastCode: code}
        length = 0
      }
      const open = run!
      if (length + 1 >= units.length) units = runUnits = grown(units)
      // PDFium gives a soft hyphen that ends a line as U+0002; it is printed as a hyphen.
      if (code === 0x02) units[length++] = 0x2d
      else if (code <= 0xffff) units[length++] = code
      else {
        // Beyond the last code point: the same RangeError as String.fromCodePoint gives.
        if (code > 0x10ffff) String.fromCodePoint(code)
        units[length++] = 0xd800 + ((code - 0x10000) >> 10)
        units[length++] = 0xdc00 + ((code - 0x10000) & 0x3ff)
      }
      open.x1 = Math.max(open.x1, right)
      open.last = i
      open.lastCode = code
    }
    flush()
    return {
      page: {
        top,
        width,
        height,
        items,
        emptyGlyphs: [...empty.values()].sort((a, b) => b.count - a.count || a.fontName.localeCompare(b.fontName)),
        ...countDrawn(engine, page)
      }
    }
  } finally {
    if (tree !== 0) x.FPDF_StructTree_Close(tree)
    if (textPage !== 0) x.FPDFText_ClosePage(textPage)
    x.FPDF_ClosePage(page)
  }
}

/** The buffer of a run's code units, kept from page to page (grown as a run needs). */
let runUnits: Uint16Array = new Uint16Array(256)

/** Twice the room, the units kept. */
function grown(units: Uint16Array): Uint16Array {
  const more = new Uint16Array(units.length * 2)
  more.set(units)
  return more
}

/** Code units handed to `String.fromCharCode` at once: far below the engines' limit on arguments. */
const unitsAtOnce = 4096

/** The first `length` code units of `units` as a string. */
function unitsText(units: Uint16Array, length: number): string {
  let text = ''
  for (let at = 0; at < length; at += unitsAtOnce)
    text += String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + unitsAtOnce)) as unknown as number[])
  return text
}

// PDFium's page object types (fpdf_edit.h).
const pathObject = 2
const imageObject = 3
const formObject = 5

/**
 * Page objects looked at for images, forms' contents included: enough to tell a scan (one image
 * a page) from a blank page, bounded so that a page of a million vector strokes costs little.
 */
const maxObjectsLooked = 10_000

// Whether a page without text is a scan, a drawing (text turned into outlines) or blank: the
// images and paths on it, nested forms included.
function countDrawn(engine: Engine, page: number): {images: number; paths: number} {
  const {x} = engine
  let images = 0
  let paths = 0
  let looked = 0
  const pending: Array<{form: number} | {page: number}> = [{page}]
  for (let next = pending.pop(); next !== undefined && looked < maxObjectsLooked; next = pending.pop()) {
    const count = 'page' in next ? x.FPDFPage_CountObjects(next.page) : x.FPDFFormObj_CountObjects(next.form)
    for (let i = 0; i < count && looked < maxObjectsLooked; i++, looked++) {
      const object = 'page' in next ? x.FPDFPage_GetObject(next.page, i) : x.FPDFFormObj_GetObject(next.form, i)
      const type = x.FPDFPageObj_GetType(object)
      if (type === imageObject) images++
      else if (type === pathObject) paths++
      else if (type === formObject) pending.push({form: object})
    }
  }
  return {images, paths}
}

/**
 * A gap wider than this many font sizes ends a run, so that layout sees it (a table cell, a tab
 * stop); within a run PDFium's word spaces stand.
 */
const runGap = 0.5

/**
 * A private-use code point that stands for no character (a logo font's syllable: the Hwp
 * specification prints 한 as U+F53A). U+F000–U+F0FF is left out: symbol fonts (Wingdings, Symbol)
 * put their bullets and arrows there, and those are meant as what they show.
 */
function isPrivateGlyph(code: number): boolean {
  return (code >= 0xe000 && code <= 0xf8ff && (code < 0xf000 || code > 0xf0ff)) || code >= 0xf0000
}

/** The top left corner of the visible page, in PDF user space: text positions are measured from it. */
function pageOrigin(engine: Engine, page: number, height: number): {top: number; left: number} {
  const {x, scratch} = engine
  if (
    x.FPDFPage_GetCropBox(page, scratch, scratch + 4, scratch + 8, scratch + 12) ||
    x.FPDFPage_GetMediaBox(page, scratch, scratch + 4, scratch + 8, scratch + 12)
  ) {
    return {
      top: Math.max(f32(x, scratch + 4), f32(x, scratch + 12)),
      left: Math.min(f32(x, scratch), f32(x, scratch + 8))
    }
  }
  return {top: height, left: 0}
}

/** A font as the runs of one page use it, looked up once a page: what its name, weight and flags say. */
interface PageFont {
  name: string
  weight: number
  flags: number
  /** Bold by its name, weight or flags (a run drawn filled and stroked is bold whatever its font). */
  bold: boolean
  italic: boolean
  monospace: boolean
}

/**
 * Font names already read, by their bytes: a long document uses a few fonts on every page, and
 * reading a name in a local code page tries decoders that throw. Bounded: a hostile PDF may name
 * a font differently on every page.
 */
const fontNames = new Map<string, string>()
const maxFontNames = 4096

/** A font's name from its bytes (see {@link fontName}), without its subset prefix (`ABCDEF+`). */
function fontNameOf(bytes: Uint8Array): string {
  const key = String.fromCharCode(...bytes)
  let name = fontNames.get(key)
  if (name === undefined) {
    name = fontName(bytes).replace(/^[A-Z]{6}\+/u, '')
    if (fontNames.size < maxFontNames) fontNames.set(key, name)
  }
  return name
}

/**
 * Two text objects set alike: one size (compared as printed, so NaN matches NaN and -0 matches 0),
 * font, boldness, tag (none and an empty one alike) and artifact mark. Asked at every object's
 * first glyph, so compared field by field rather than by a key string built for each object.
 */
function sameStyle(a: ObjectStyle, b: ObjectStyle): boolean {
  return (
    (a.fontSize === b.fontSize || (Number.isNaN(a.fontSize) && Number.isNaN(b.fontSize))) &&
    a.font === b.font &&
    a.bold === b.bold &&
    (a.tag ?? '') === (b.tag ?? '') &&
    a.artifact === b.artifact
  )
}

function objectStyle(
  engine: Engine,
  textPage: number,
  index: number,
  object: number,
  fonts: Map<number, PageFont>,
  tags: Map<number, string> | null
): ObjectStyle {
  const {x, scratch} = engine
  // The font size as set (Tf) times the vertical scale of the text and page matrices.
  let fontSize = x.FPDFText_GetFontSize(textPage, index)
  if (x.FPDFText_GetMatrix(textPage, index, scratch)) {
    // One look at the memory for the four values (each `f32` asks the engine for its buffer).
    const {f32: matrix} = views(x)
    const at = scratch >> 2
    const scale = Math.hypot(matrix[at + 2]!, matrix[at + 3]!) || Math.hypot(matrix[at]!, matrix[at + 1]!)
    if (scale > 0) fontSize *= scale
  }
  const handle = x.FPDFTextObj_GetFont(object)
  let font = fonts.get(handle)
  if (!font) {
    let name = ''
    if (handle !== 0) {
      const length = x.FPDFFont_GetBaseFontName(handle, scratch, scratchBytes)
      if (length > 1 && length <= scratchBytes) name = fontNameOf(new Uint8Array(x.memory.buffer, scratch, length - 1))
    }
    const weight = handle === 0 ? 0 : Math.max(0, x.FPDFFont_GetWeight(handle))
    const flags = handle === 0 ? 0 : Math.max(0, x.FPDFFont_GetFlags(handle))
    font = {
      name,
      weight,
      flags,
      bold: /bold|black|heavy|semibold|demi/iu.test(name) || weight >= boldWeight || (flags & flagForceBold) !== 0,
      italic: (flags & flagItalic) !== 0 || /italic|oblique/iu.test(name),
      // By name only: CJK fonts (MS-Mincho, SimSun) set the fixed-pitch flag for their full-width glyphs.
      monospace: /mono|courier|consol|menlo|fixed/iu.test(name)
    }
    fonts.set(handle, font)
  }
  const renderMode = x.FPDFTextObj_GetTextRenderMode(object)
  const bold = font.bold || renderMode === renderFillStroke
  const {italic, monospace} = font
  let tag: string | null = null
  let artifact = false
  const mcid = x.FPDFPageObj_GetMarkedContentID(object)
  if (tags && mcid >= 0) tag = tags.get(mcid) ?? null
  for (let m = x.FPDFPageObj_CountMarks(object) - 1; m >= 0 && !artifact; m--) {
    const mark = x.FPDFPageObj_GetMark(object, m)
    if (mark !== 0 && x.FPDFPageObjMark_GetName(mark, scratch + 32, 64, scratch + 24)) {
      const written = i32(x, scratch + 24)
      artifact = written > 2 && utf16.decode(new Uint8Array(x.memory.buffer, scratch + 32, Math.min(written, 64) - 2)) === 'Artifact'
    }
  }
  fontSize = Math.round(fontSize * 100) / 100
  return {
    fontSize,
    fontName: font.name,
    fontWeight: font.weight,
    fontFlags: font.flags,
    bold,
    italic,
    monospace,
    tag,
    artifact,
    font: handle
  }
}

// Structure elements visited per page at most: a damaged tree can be cyclic or enormous.
const maxStructureElements = 50_000

/** Marked-content id → type of the innermost structure element holding it, for one page. */
function structureTypes(engine: Engine, tree: number): Map<number, string> {
  const {x} = engine
  const out = new Map<number, string>()
  let visited = 0
  const visit = (element: number): void => {
    if (++visited > maxStructureElements) return
    const type = readUtf16(engine, (buffer, length) => x.FPDF_StructElement_GetType(element, buffer, length))
    const ids = x.FPDF_StructElement_GetMarkedContentIdCount(element)
    for (let i = 0; i < ids; i++) {
      const id = x.FPDF_StructElement_GetMarkedContentIdAtIndex(element, i)
      if (id >= 0) out.set(id, type)
    }
    const children = x.FPDF_StructElement_CountChildren(element)
    for (let i = 0; i < children; i++) {
      const child = x.FPDF_StructElement_GetChildAtIndex(element, i)
      if (child !== 0) visit(child)
    }
  }
  const roots = x.FPDF_StructTree_CountChildren(tree)
  for (let i = 0; i < roots; i++) {
    const child = x.FPDF_StructTree_GetChildAtIndex(tree, i)
    if (child !== 0) visit(child)
  }
  return out
}
