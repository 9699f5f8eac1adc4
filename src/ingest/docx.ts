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
  const unpacked = unpackedSize(bytes)
  if (unpacked > maxUnpackedBytes) {
    throw new InputError(
      `unpacks to ${Math.round(unpacked / 1048576)} MB (the limit is ${maxUnpackedBytes / 1048576} MB): too large for a Word document, or a ZIP bomb`,
      {file, hint: 'export it to PDF or HTML, or split it'}
    )
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
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]!.replace(/\.$/u, '')
}

/**
 * The sum of the sizes a ZIP archive's central directory declares for its entries, read before
 * anything is inflated; a size too large for 32 bits (ZIP64) counts as unbounded. The unzipper
 * checks each declared size against the data it inflates. 0 when there is no central directory
 * (the converter then says the file is no ZIP).
 */
function unpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const earliest = Math.max(0, bytes.length - 22 - 65_535)
  let end = -1
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at
      break
    }
  }
  if (end < 0) return 0
  const entries = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  if (entries === 0xffff || at === 0xffffffff) return Number.POSITIVE_INFINITY
  let total = 0
  for (let i = 0; i < entries && at + 46 <= bytes.length; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) break
    const size = view.getUint32(at + 24, true)
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY
    total += size
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return total
}
