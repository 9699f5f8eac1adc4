import type {Message} from '../model/edition.js'

// Text decoded in the wrong code page before it reached us, as ftfy repairs it, limited to the
// patterns that real text does not hold otherwise:
//
// 1. UTF-8 read as Windows-1252 (`â€™` for ’, `Ã©` for é): a lead character whose byte opens a
//    UTF-8 sequence, followed by characters whose bytes continue it. Encoded back to Windows-1252
//    bytes it decodes as UTF-8 to one character; only characters of the ranges below are taken.
// 2. Windows-1252 read as Mac Roman (`Africaís`, `donít`): the apostrophe 0x92 shows as í. Only in
//    English contractions and possessives, and only in text with no other accented letter, where í
//    is not a letter of the language (Spanish `país` stays).

// Windows-1252's characters at bytes 0x80–0x9F (undefined bytes map to their C1 control).
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** The Windows-1252 byte of a character, or -1. */
function cp1252Byte(char: string): number {
  const code = char.charCodeAt(0)
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code
  const at = cp1252High.indexOf(char)
  return at < 0 ? -1 : 0x80 + at
}

// A character whose Windows-1252 byte continues a UTF-8 sequence (0x80–0xBF).
const continuation = `[\\u00a0-\\u00bf${cp1252High}]`
const misread = new RegExp(`[\\u00c2-\\u00df]${continuation}|[\\u00e0-\\u00ef]${continuation}{2}`, 'gu')

/**
 * What a repaired sequence may decode to: Latin letters and signs (é, ü, ñ, ©, °, non-breaking
 * space), general punctuation (’ “ ” – — … •), the euro sign and the trade mark sign.
 */
const repairable = /^[\u00a0-\u024f\u2010-\u2027\u2030-\u203a\u20ac\u2122]$/u

const macRomanApostrophe = /(?<=\p{L})í(?=(?:s|t|ll|re|ve|d|m)\b)/gu
const accented = /[\u00c0-\u00ec\u00ee-\u00ff]/u

const utf8 = new TextDecoder('utf-8', {fatal: true})

/** Text with mis-decoded characters repaired, and one warning naming how many and an example. */
export interface RepairedText {
  text: string
  messages: Message[]
}

/** Repair the common mojibake patterns in `text` (see the notes above); other text is left alone. */
export function repairMojibake(text: string): RepairedText {
  let count = 0
  let example: [string, string] | null = null
  const note = (from: string, to: string): string => {
    count++
    example ??= [from, to]
    return to
  }
  let repaired = text.replace(misread, (sequence: string) => {
    const bytes = [...sequence].map(cp1252Byte)
    if (bytes.includes(-1)) return sequence
    let decoded: string
    try {
      decoded = utf8.decode(new Uint8Array(bytes))
    } catch {
      return sequence
    }
    return repairable.test(decoded) ? note(sequence, decoded) : sequence
  })
  if (repaired.includes('í') && !accented.test(repaired)) repaired = repaired.replace(macRomanApostrophe, (sequence) => note(sequence, '’'))
  if (count === 0) return {text, messages: []}
  const [from, to] = example!
  return {
    text: repaired,
    messages: [
      {
        severity: 'warning',
        code: 'mojibake-repaired',
        text: `${count} character(s) had been decoded in the wrong code page and were repaired (such as "${from}" → "${to}")`
      }
    ]
  }
}
