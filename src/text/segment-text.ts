/**
 * `Intl.Segmenter` in time linear in the text's length. V8 before 12.3 (Node 20 and 21) spends time
 * on each segment in proportion to the whole text, so a segmentation grows with the square of the
 * text (V8 issue 326176949): the sentences of a 266 KB table of 16,000 rows took 9 s, the words
 * of a 104 KB paragraph of Japanese 21 s. The text is handed over in pieces cut where the Unicode
 * rules (UAX #29) break whatever surrounds the cut, so the segments are those of the whole text.
 */

/** Texts this long or shorter are segmented whole: the square of a short text is no cost. */
const wholeChars = 8 * 1024

/** Characters a piece aims at: past this, it ends at the next cut. */
const pieceChars = 4 * 1024

/**
 * Where a sentence always breaks. SB4: after a line or paragraph separator (CR LF kept together).
 * SB11: after a full stop, `!` or `?` and spaces, before an upper-case letter, and after an ideographic
 * stop, `！` or `？`, before any letter, as none of SB6–SB10 holds there (SB6 and SB7 need no space
 * after a full stop, SB8 a lower-case letter next and a full stop, SB8a a comma-like mark or a
 * terminator next, SB9 and SB10 a closing mark or a space).
 */
const sentenceCut = /(?:\r(?!\n)|[\n\u0085\u2028\u2029])|(?<=[.!?] +)(?=\p{Lu})|(?<=[。！？])(?=\p{L})/gu

/**
 * Where a word always breaks: after white space, or after a full-width stop or comma, before a
 * character that is no white space and joins nothing before it (WB3d keeps spaces together, WB4
 * attaches marks, format characters and joiners to what precedes them; no other rule spans a space
 * or these stops, which the dictionary of Chinese and Japanese words does not hold either).
 */
const wordCut = /(?<=[\s。、，．！？])(?=[^\s\p{M}\p{Cf}\p{Emoji_Modifier}])/gu

/** The segments `segmenter.segment(text)` gives, each with its index in `text`, in linear time. */
export function* segmentText(segmenter: Intl.Segmenter, text: string): Generator<Intl.SegmentData> {
  if (text.length <= wholeChars) {
    yield* segmenter.segment(text)
    return
  }
  const {granularity} = segmenter.resolvedOptions()
  if (granularity === 'grapheme') {
    yield* segmenter.segment(text)
    return
  }
  const cut = granularity === 'sentence' ? sentenceCut : wordCut
  let start = 0
  while (start < text.length) {
    cut.lastIndex = start + pieceChars
    const found = start + pieceChars < text.length ? cut.exec(text) : null
    const end = found === null ? text.length : found.index + found[0].length
    for (const data of segmenter.segment(text.slice(start, end))) {
      yield {...data, index: data.index + start, input: text}
    }
    start = end
  }
}
