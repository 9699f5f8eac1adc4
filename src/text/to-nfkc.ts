// Characters NFKC leaves alone: ASCII, composed Latin-1 letters, the usual dashes and quotes, CJK
// ideographs, kana, Hangul syllables and CJK punctuation. None decomposes, and none is a combining
// mark or a conjoining jamo that could compose with the character before it, so text made only of
// them is its own NFKC. None of them lower-cases to more than one character or by its context
// either (as `İ` and `Σ` do). Such text skips ICU, which costs more than the rest of counting or
// tokenising a long edition.
const nfkcStable =
  /^[\x00-\x7f\u00c0-\u00ff\u2010\u2012-\u2015\u2018-\u201f\u3001-\u3002\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\uac00-\ud7a3]*$/u

/** Whether `text` is made only of characters that NFKC leaves alone and that lower-case one by one (see above). */
export function isNfkcStable(text: string): boolean {
  return nfkcStable.test(text)
}

/** `text` in NFKC. */
export function toNfkc(text: string): string {
  return nfkcStable.test(text) ? text : text.normalize('NFKC')
}
