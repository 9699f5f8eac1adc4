import type {InputFormat, Message} from '../model/edition.js'
import {InputError} from '../model/errors.js'

const byExtension: Record<string, InputFormat> = {
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  mkd: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  txt: 'txt',
  text: 'txt',
  pdf: 'pdf'
}

/** The formats `--from` accepts. */
export const inputFormats: readonly InputFormat[] = ['md', 'html', 'docx', 'txt', 'pdf']

/** What the bytes themselves say, when they say anything. */
export function sniffFormat(bytes: Uint8Array): InputFormat | 'zip' | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  if (head.startsWith('%PDF-')) return 'pdf'
  if (head.startsWith('PK\u0003\u0004')) {
    const whole = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 4_000_000)))
    return whole.includes('word/document.xml') || whole.includes('word/_rels') ? 'docx' : 'zip'
  }
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html[\s>])/iu.test(head)) return 'html'
  return null
}

/**
 * Choose the format: `--from` when given (refused when the bytes plainly say otherwise), else the
 * extension, confirmed by sniffing the content; the content wins over a misleading extension.
 */
export function detectFormat(
  bytes: Uint8Array,
  file: string,
  from?: InputFormat
): {format: InputFormat; messages: Message[]} {
  const messages: Message[] = []
  const sniffed = sniffFormat(bytes)
  if (sniffed === 'zip') {
    throw new InputError('a ZIP archive that is not a Word document', {file, hint: 'give a .docx, or unpack it first'})
  }
  const binary = sniffed === 'pdf' || sniffed === 'docx'
  if (from) {
    if (!inputFormats.includes(from)) {
      throw new InputError(`unknown --from '${from}'`, {file, hint: `use one of ${inputFormats.join(', ')}`})
    }
    if (binary && from !== sniffed) {
      throw new InputError(`--from ${from} given, but the file is a ${sniffed.toUpperCase()}`, {
        file,
        hint: `drop --from or use --from ${sniffed}`
      })
    }
    if (!binary && (from === 'pdf' || from === 'docx')) {
      throw new InputError(`--from ${from} given, but the file is not a ${from.toUpperCase()}`, {
        file,
        hint: 'check the file, or use --from md|html|txt'
      })
    }
    return {format: from, messages}
  }
  const extension = /\.([A-Za-z0-9]+)$/u.exec(file)?.[1]?.toLowerCase()
  const byName = extension ? byExtension[extension] : undefined
  if (sniffed && byName && sniffed !== byName && (binary || byName === 'pdf' || byName === 'docx')) {
    messages.push({
      severity: 'warning',
      code: 'format-mismatch',
      text: `the name says .${extension} but the content is ${sniffed.toUpperCase()}; reading it as ${sniffed.toUpperCase()}`
    })
    return {format: sniffed, messages}
  }
  if (byName) return {format: byName, messages}
  if (sniffed) return {format: sniffed, messages}
  if (file === '-') return {format: 'md', messages}
  throw new InputError(extension ? `unknown file type '.${extension}'` : 'no file extension to tell the format', {
    file,
    hint: `pass --from ${inputFormats.join('|')}`
  })
}
