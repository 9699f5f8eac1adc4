import type {Message, ParsedDocument} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import {fromHtml} from './from-html.js'

/**
 * Read a Word document: mammoth maps Word's heading styles to `<h1>`…`<h6>`, then the HTML path
 * does the rest. This is the only file that imports mammoth, and only when a Word document is read.
 */
export async function fromDocx(bytes: Uint8Array, file: string): Promise<ParsedDocument> {
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
