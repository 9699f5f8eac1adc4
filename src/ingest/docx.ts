import {createInflateRaw} from 'node:zlib'
import type {Message, ParsedDocument} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import {fromHtml} from './from-html.js'

/**
 * Most a Word document may unpack to. A 2,000-page report's document.xml is about 60 MB; the
 * converter holds several times the unpacked size in memory, so a 700 MB bomb took 1.5 GB.
 */
export const maxUnpackedBytes = 192 * 1024 * 1024

/**
 * Read a Word document: mammoth maps Word's heading styles to `<h1>`…`<h6>`, then the HTML path
 * does the rest. This is the only file that imports mammoth, and only when a Word document is read.
 */
export async function fromDocx(bytes: Uint8Array, file: string): Promise<ParsedDocument> {
  const entries = zipEntries(bytes)
  if (entries === null) throw tooLarge('declares sizes past 4 GB (ZIP64)', file)
  const declared = entries.reduce((sum, entry) => sum + entry.declared, 0)
  if (declared > maxUnpackedBytes) throw tooLarge(`unpacks to ${Math.round(declared / 1048576)} MB`, file)
  // Headers can lie: the converter would inflate what the data holds, so count that, and stop at the cap.
  if (await inflatesPast(bytes, entries, maxUnpackedBytes)) {
    throw tooLarge(`unpacks to more than its headers say, past ${maxUnpackedBytes / 1048576} MB`, file)
  }
  const {default: mammoth} = await import('mammoth')
  let result: {value: string; messages: Array<{type: string; message: string}>}
  try {
    result = await mammoth.convertToHtml({buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)})
  } catch (error) {
    throw new InputError(`not a readable Word document (${plain(error)})`, {
      file,
      hint: 'open and re-save it in Word or LibreOffice, or export it to PDF or HTML'
    })
  }
  const parsed = await fromHtml(`<!doctype html><html><body>${result.value}</body></html>`)
  const messages: Message[] = result.messages
    .filter((m) => m.type === 'warning' || m.type === 'error')
    .map((m) => ({severity: 'info', code: 'docx-conversion', text: m.message}))
  return {...parsed, messages: [...parsed.messages, ...messages]}
}

function plain(error: unknown): string {
  // The converter walks the XML recursively: elements nested some thousands deep overflow it.
  if (error instanceof RangeError && /call stack/u.test(error.message)) return 'its XML nests too deeply'
  const message = error instanceof Error ? error.message : String(error)
  // One line: the XML parser's messages carry newlines and tabs.
  return message.trim().split('\n')[0]!.replace(/\s+/gu, ' ').replace(/\.$/u, '')
}

function tooLarge(what: string, file: string): InputError {
  return new InputError(`${what} (the limit is ${maxUnpackedBytes / 1048576} MB): too large for a Word document, or a ZIP bomb`, {
    file,
    hint: 'export it to PDF or HTML, or split it'
  })
}

interface ZipEntry {
  /** Unpacked size the central directory declares. */
  declared: number
  /** 0 stored, 8 deflated. */
  method: number
  /** Where the entry's data starts, and its packed length, as far as the file holds it. */
  start: number
  length: number
}

/**
 * The entries a ZIP archive's central directory lists, read before anything is inflated; null
 * when a size is too large for 32 bits (ZIP64), which counts as unbounded. An empty list when
 * there is no central directory (the converter then says the file is no ZIP).
 */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const earliest = Math.max(0, bytes.length - 22 - 65_535)
  let end = -1
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at
      break
    }
  }
  if (end < 0) return []
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  if (count === 0xffff || at === 0xffffffff) return null
  const entries: ZipEntry[] = []
  for (let i = 0; i < count && at + 46 <= bytes.length; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) break
    const packed = view.getUint32(at + 20, true)
    const declared = view.getUint32(at + 24, true)
    const local = view.getUint32(at + 42, true)
    if (declared === 0xffffffff || packed === 0xffffffff || local === 0xffffffff) return null
    let start = bytes.length
    if (local + 30 <= bytes.length && view.getUint32(local, true) === 0x04034b50) {
      start = Math.min(bytes.length, local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true))
    }
    entries.push({declared, method: view.getUint16(at + 10, true), start, length: Math.min(packed, bytes.length - start)})
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

/**
 * Whether the entries inflate to more than `limit` bytes in all, counted as the data inflates and
 * dropped as it is counted, so a bomb costs the time to inflate the limit and no memory. Data
 * that does not inflate counts as far as it goes: the converter says what is wrong with it.
 */
async function inflatesPast(bytes: Uint8Array, entries: ZipEntry[], limit: number): Promise<boolean> {
  let total = 0
  for (const entry of entries) {
    const data = bytes.subarray(entry.start, entry.start + entry.length)
    if (entry.method !== 8) total += data.length
    else total += await inflatedLength(data, limit - total + 1)
    if (total > limit) return true
  }
  return false
}

function inflatedLength(data: Uint8Array, stopAt: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw()
    let length = 0
    const finish = (): void => {
      inflate.removeAllListeners()
      inflate.on('error', () => {})
      inflate.destroy()
      resolve(length)
    }
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length
      if (length >= stopAt) finish()
    })
    inflate.on('end', finish)
    inflate.on('error', finish)
    inflate.end(data)
  })
}
