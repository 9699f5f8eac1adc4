import type {Message} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import {repairMojibake} from './repair-mojibake.js'

/** Decoded text and what was wrong with the bytes. */
export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be'
  messages: Message[]
}

/** Bytes looked at to tell a binary file from text: enough for any header, cheap on a large file. */
const binarySample = 65_536

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
const utf8Lenient = new TextDecoder('utf-8', {fatal: false, ignoreBOM: false})

/**
 * Decode an input file's bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (or without one,
 * told by its NULs, with a warning); CRLF and CR line ends become LF. Stray NUL or undecodable bytes in otherwise good text give a warning naming the
 * first byte offset; a file that is clearly binary is refused. Text decoded in the wrong code page
 * before it reached us is repaired (see `repairMojibake`), with a warning.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const messages: Message[] = []
  let text: string
  let encoding: DecodedText['encoding'] = 'utf-8'
  const bomless = bomlessUtf16(bytes)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le'
    text = new TextDecoder('utf-16le').decode(bytes)
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be'
    text = new TextDecoder('utf-16be').decode(bytes)
  } else if (bomless !== null) {
    encoding = bomless
    text = new TextDecoder(encoding).decode(bytes)
    messages.push({
      severity: 'warning',
      code: 'utf-16-without-bom',
      text: `the file has no byte-order mark, but every other byte is NUL: it was read as ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (save it as UTF-8 to be sure)`
    })
  } else {
    const sample = bytes.subarray(0, binarySample)
    let sampleNuls = 0
    for (const byte of sample) if (byte === 0) sampleNuls++
    if (sampleNuls > sample.length / 100 || looksLikeBinary(sample)) {
      throw new InputError('binary data, not text', {
        file,
        hint: 'give a Markdown, HTML, DOCX, PDF or UTF-8 text file (or the right --from)'
      })
    }
    try {
      text = utf8.decode(bytes)
    } catch {
      const offset = firstInvalidUtf8(bytes)
      const bad = countInvalidUtf8(bytes)
      if (bad > Math.max(16, bytes.length / 200)) {
        throw new InputError(`not UTF-8 text (first bad byte at offset ${offset})`, {
          file,
          hint: 'convert it to UTF-8 first, e.g. `iconv -f cp949 -t utf-8`'
        })
      }
      messages.push({
        severity: 'warning',
        code: 'undecodable-bytes',
        text: `${bad} byte(s) are not valid UTF-8, the first at offset ${offset}; they were replaced by U+FFFD`
      })
      text = utf8Lenient.decode(bytes)
    }
    // The whole file, not the sample: a NUL past it is removed too and must be reported.
    const firstNul = bytes.indexOf(0)
    let nuls = 0
    for (let i = firstNul; i >= 0; i = bytes.indexOf(0, i + 1)) nuls++
    if (firstNul >= 0) {
      messages.push({
        severity: 'warning',
        code: 'nul-bytes',
        text: `${nuls} NUL byte(s), the first at offset ${firstNul}; they were removed`
      })
    }
  }
  // eslint-disable-next-line no-control-regex -- NUL is exactly what is removed here
  text = text.replace(/\u0000/gu, '').replace(/\r\n?/gu, '\n')
  const repaired = repairMojibake(text)
  messages.push(...repaired.messages)
  return {text: repaired.text, encoding, messages}
}

/**
 * UTF-16 saved without a byte-order mark (Windows' "Unicode" from some tools), told by its NULs:
 * text in a Latin script has a NUL as the high byte of nearly every character, so nearly all the
 * odd bytes (little-endian) or all the even ones (big-endian) of the sample are NUL and almost
 * none of the others. Null when the bytes do not look so (a binary's NULs fall anywhere).
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, binarySample - (binarySample % 2))
  if (sample.length < 4 || sample.length % 2 !== 0) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++
    if (sample[i + 1] === 0) odd++
  }
  const units = sample.length / 2
  if (odd >= units * 0.9 && even <= units * 0.02) return 'utf-16le'
  if (even >= units * 0.9 && odd <= units * 0.02) return 'utf-16be'
  return null
}

// Control bytes other than tab, LF, CR, FF and ESC are rare in text and common in binaries.
function looksLikeBinary(sample: Uint8Array): boolean {
  let control = 0
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b && byte !== 0) control++
  }
  return control > sample.length / 50
}

function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!
  if (b < 0x80) return 1
  const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0
  if (need === 0) return 0
  for (let k = 1; k < need; k++) {
    const c = bytes[i + k]
    if (c === undefined || (c & 0xc0) !== 0x80) return 0
  }
  return need
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceLength(bytes, i)
    if (n === 0) return i
    i += n
  }
  return -1
}

function countInvalidUtf8(bytes: Uint8Array): number {
  let bad = 0
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceLength(bytes, i)
    if (n === 0) {
      bad++
      i++
    } else i += n
  }
  return bad
}
