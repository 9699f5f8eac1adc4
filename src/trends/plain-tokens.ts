/**
 * The counted tokens of a sentence in plain text (ASCII plus curly quotes, dashes and bullets),
 * without building `Token` objects: the trends index reads millions of such tokens per run.
 *
 * The output is exactly the non-space tokens of `tokenize` (src/text/tokenize.ts) for such text —
 * tests/trends/plain-tokens.test.ts checks that on every sentence of the corpora. Any other text
 * goes through `tokenize` itself.
 */
import {plainTokenSpans} from './plain-token-spans.js'

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
  const spans: number[] = []
  plainTokenSpans(text, 0, text.length, spans)
  for (let k = 0; k < spans.length; k += 3) {
    texts.push(text.slice(spans[k]!, spans[k + 1]!))
    kinds.push(spans[k + 2]!)
  }
  return true
}
