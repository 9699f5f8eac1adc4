/**
 * Width of text as a terminal or a line of print sets it: Hangul, CJK ideographs, kana and
 * full-width forms take two columns, so a Japanese title of 30 characters is as long as an English
 * one of 60.
 */

// Hangul, CJK ideographs, kana and full-width forms take two columns on a terminal.
const wide =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u

/** Columns a string takes (wide East Asian characters count two). */
export function textColumns(text: string): number {
  let width = 0
  for (const char of text) width += wide.test(char) ? 2 : 1
  return width
}
