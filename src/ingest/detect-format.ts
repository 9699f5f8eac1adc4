import type {InputFormat, Message} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import {formatOfExtension, formatSpec, inputFormats, inputFormatSpecs, zipMagic} from './input-formats.js'

/** What the bytes themselves say, when they say anything (`zip`: a ZIP archive that is no format read). */
export function sniffFormat(bytes: Uint8Array): InputFormat | 'zip' | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  for (const spec of inputFormatSpecs) if (spec.sniff?.(head, bytes)) return spec.name
  // An empty archive is only its end record (`PK\x05\x06`): a ZIP still, holding no document.
  return head.startsWith(zipMagic) || head.startsWith('PK\u0005\u0006') ? 'zip' : null
}

/**
 * Choose the format: `--from` when given (refused when the bytes plainly say otherwise), else the
 * extension, confirmed by sniffing the content; the content wins over a misleading extension.
 */
export function detectFormat(bytes: Uint8Array, file: string, from?: InputFormat): {format: InputFormat; messages: Message[]} {
  const messages: Message[] = []
  const sniffed = sniffFormat(bytes)
  if (sniffed === 'zip') {
    throw new InputError('a ZIP archive that is not a Word document', {file, hint: 'give a .docx, or unpack it first'})
  }
  const binary = sniffed !== null && formatSpec(sniffed).binary
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
    if (!binary && formatSpec(from).binary) {
      throw new InputError(`--from ${from} given, but the file is not a ${from.toUpperCase()}`, {
        file,
        hint: `check the file, or use --from ${inputFormatSpecs
          .filter((spec) => !spec.binary)
          .map((spec) => spec.name)
          .join('|')}`
      })
    }
    return {format: from, messages}
  }
  const extension = /\.([A-Za-z0-9]+)$/u.exec(file)?.[1]?.toLowerCase()
  const byName = extension ? formatOfExtension(extension) : undefined
  if (sniffed && byName && sniffed !== byName && (binary || formatSpec(byName).binary)) {
    messages.push({
      severity: 'warning',
      code: 'format-mismatch',
      text: `the name says .${extension} but the content is ${sniffed.toUpperCase()}; reading it as ${sniffed.toUpperCase()}`
    })
    return {format: sniffed, messages}
  }
  // Text saved under a Word name (`notes.docx` written by a script): the content wins here too.
  if (byName === 'docx' && sniffed === null && !bytes.subarray(0, 1024).includes(0)) {
    messages.push({
      severity: 'warning',
      code: 'format-mismatch',
      text: `the name says .${extension} but the content is plain text; reading it as text`
    })
    return {format: 'txt', messages}
  }
  if (byName) return {format: byName, messages}
  if (sniffed) return {format: sniffed, messages}
  if (file === '-') return {format: 'md', messages}
  throw new InputError(extension ? `unknown file type '.${extension}'` : 'no file extension to tell the format', {
    file,
    hint: `pass --from ${inputFormats.join('|')}`
  })
}
