/**
 * Where the counted tokens of a plain sentence are, as offsets into the text that holds it: the
 * trends index looks words up by their characters and makes a string only for a word it has not
 * seen, so the millions of tokens of a long series cost no allocation each.
 *
 * The tokens are those of `plainTokens` (and so of `tokenize`) on `text.slice(from, to)`; nothing
 * at or after `to` is read.
 */

/** Kinds of a plain token (the `TokenKind`s that can occur in plain text, spaces left out). */
export const plainWord = 0
export const plainNumber = 1
export const plainPunct = 2

// tokenize.ts's number pattern (see plain-tokens.ts), run on the sentence alone: its lookahead
// must not see the next sentence.
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

/**
 * Push `start, end, kind` for every non-space token of plain `text.slice(from, to)` onto `spans`
 * (offsets into `text`; kinds `plainWord`, `plainNumber`, `plainPunct`). The caller checked that
 * the text is plain.
 */
export function plainTokenSpans(text: string, from: number, to: number, spans: number[]): void {
  const first = spans.length
  const codeAt = (at: number): number => (at < to ? text.charCodeAt(at) : Number.NaN)
  // Kind of the token just before, spaces included (3): `%` joins a number only right after it.
  let previous = -1
  let sentence: string | null = null
  let at = from
  while (at < to) {
    const code = text.charCodeAt(at)
    if (isSpace(code)) {
      at++
      while (at < to && isSpace(text.charCodeAt(at))) at++
      previous = 3
      continue
    }
    if (code === 36 || isDigit(code)) {
      sentence ??= text.slice(from, to)
      numberAt.lastIndex = at - from
      const found = numberAt.exec(sentence)
      if (found) {
        spans.push(at, at + found[0].length, plainNumber)
        at += found[0].length
        previous = plainNumber
        continue
      }
    }
    if (isWordChar(code)) {
      const start = at
      at++
      for (;;) {
        while (at < to && isWordChar(text.charCodeAt(at))) at++
        const next = codeAt(at)
        if ((next === 39 || next === 0x2019 || next === 45) && isWordChar(codeAt(at + 1))) {
          at += 2
          continue
        }
        if ((next === 46 || next === 58) && isDigit(text.charCodeAt(at - 1)) && isDigit(codeAt(at + 1))) {
          at += 2
          continue
        }
        break
      }
      spans.push(start, at, plainWord)
      previous = plainWord
      continue
    }
    const last = spans.length - 3
    if (code === 37 && previous === plainNumber && last >= first && text.charCodeAt(spans[last + 1]! - 1) !== 37) {
      // tokenize's pushPunct: a sign the number pattern left (`5%a` reads `5` then `%`) still joins it.
      spans[last + 1]!++
      at++
      continue
    }
    spans.push(at, at + 1, plainPunct)
    previous = plainPunct
    at++
  }
}
