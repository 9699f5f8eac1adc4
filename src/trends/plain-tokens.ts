/**
 * The counted tokens of a sentence in plain text (ASCII plus curly quotes, dashes and bullets): the
 * non-space tokens of `tokenize`, as two flat arrays. Plain text holds nothing that needs a
 * language (no Chinese, Japanese or Korean) and nothing NFKC changes.
 */
import {tokenize, tokenKinds} from '../text/tokenize.js'

export {plainNumber, plainPunct, plainWord} from './plain-token-spans.js'

// Text the scanner handles, all of it unchanged by NFKC: no letter, digit, space or currency sign
// outside ASCII, no apostrophe other than ASCII ' and ’ (the only two a word may hold), and no
// ellipsis (NFKC turns it into three dots).
const plainText = /^[\x00-\x7f‘’“”–—•]*$/u

/** Whether `text` is plain (then so is every slice of it, and lower-casing keeps its length). */
export function isPlain(text: string): boolean {
  return plainText.test(text)
}

/**
 * Push the non-space tokens of `text` onto `texts` and their kinds onto `kinds`; false (and nothing
 * pushed) when `text` is not plain. `plain`: the caller already knows it is.
 */
export function plainTokens(text: string, texts: string[], kinds: number[], plain = false): boolean {
  if (!plain && !plainText.test(text)) return false
  for (const token of tokenize(text, 'en'))
    if (token.kind !== 'space') {
      texts.push(token.text)
      kinds.push(tokenKinds.indexOf(token.kind))
    }
  return true
}
