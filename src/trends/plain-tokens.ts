/**
 * The counted tokens of a sentence in plain text (ASCII plus curly quotes, dashes and bullets),
 * without building `Token` objects: the trends index reads millions of such tokens per run.
 *
 * The output is exactly the non-space tokens of `tokenize` (src/text/tokenize.ts) for such text —
 * tests/trends/plain-tokens.test.ts checks that on every sentence of the corpora. Any other text
 * goes through `tokenize` itself.
 */

/** Kinds of a plain token (the `TokenKind`s that can occur in plain text, spaces left out). */
export const plainWord = 0
export const plainNumber = 1
export const plainPunct = 2

// Text the scanner handles, all of it unchanged by NFKC: no letter, digit, space or currency sign
// outside ASCII, no apostrophe other than ASCII ' and ’ (the only two a word may hold), and no
// ellipsis (NFKC turns it into three dots).
const plainText = /^[\x00-\x7f‘’“”–—•]*$/u

// tokenize.ts's number pattern: a figure with optional range, not continued by a Latin letter or
// digit. Numbers are rare next to words, so the regex (with its backtracking) is kept for them.
const digits = String.raw`\p{Nd}+(?:[.,:]\p{Nd}+)*`
const figure = String.raw`[$€£¥₩]?${digits}(?:\s?[%‰])?`
const numberAt = new RegExp(String.raw`${figure}(?:[–—-]${figure})?(?![\p{Script=Latin}\p{N}_])`, 'uy')

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13)
}

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
  const length = text.length
  // Kind of the token just before, spaces included (3): `%` joins a number only right after it.
  let previous = -1
  let at = 0
  while (at < length) {
    const code = text.charCodeAt(at)
    if (isSpace(code)) {
      at++
      while (at < length && isSpace(text.charCodeAt(at))) at++
      previous = 3
      continue
    }
    if (code === 36 || isDigit(code)) {
      numberAt.lastIndex = at
      const found = numberAt.exec(text)
      if (found) {
        texts.push(found[0])
        kinds.push(plainNumber)
        at += found[0].length
        previous = plainNumber
        continue
      }
    }
    if (isWordChar(code)) {
      const start = at
      at++
      for (;;) {
        while (at < length && isWordChar(text.charCodeAt(at))) at++
        const next = text.charCodeAt(at)
        if ((next === 39 || next === 0x2019 || next === 45) && isWordChar(text.charCodeAt(at + 1))) {
          at += 2
          continue
        }
        if ((next === 46 || next === 58) && isDigit(text.charCodeAt(at - 1)) && isDigit(text.charCodeAt(at + 1))) {
          at += 2
          continue
        }
        break
      }
      texts.push(text.slice(start, at))
      kinds.push(plainWord)
      previous = plainWord
      continue
    }
    if (code === 37 && previous === plainNumber && !texts[texts.length - 1]!.endsWith('%')) {
      // tokenize's pushPunct: a sign the number pattern left (`5%a` reads `5` then `%`) still joins it.
      texts[texts.length - 1] += '%'
      at++
      continue
    }
    texts.push(text[at]!)
    kinds.push(plainPunct)
    previous = plainPunct
    at++
  }
  return true
}
