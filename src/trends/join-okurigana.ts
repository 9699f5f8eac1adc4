/**
 * Japanese verbs and adjectives as a reader reads them, for counting terms and phrases: the
 * segmenter cuts an inflected verb after its kanji stem (see `japanese-inflection.ts`), and the kanji
 * alone is then a content word while its hiragana is grammar, so new and vanished phrases ended on
 * the bare stem (OpenChain ja: `要件を満`, `foss を含`, `ライセンスに基`). Only the trends count such
 * words as one: alignment and the redline keep the segmenter's pieces, whose similarities their
 * pairing is tuned on.
 */
import {isInflection, isKanjiStem} from '../text/japanese-inflection.js'
import type {Token} from '../text/tokenize.js'

/**
 * `tokens` (of Japanese text) with each one-kanji word joined to the hiragana words right after it
 * up to the first particle: the stem and its inflection. A longer kanji word is a noun, whose
 * `する`/`さ`/`し` is a verb of its own (`文書化|される` stays `文書化`); a space or a mark ends the
 * word.
 */
export function joinOkurigana(tokens: readonly Token[]): Token[] {
  const out: Token[] = []
  let stem = false
  for (const token of tokens) {
    const last = out.at(-1)
    if (last && (stem || isKanjiStem(last)) && isInflection(token)) {
      out[out.length - 1] = {text: last.text + token.text, kind: 'word'}
      stem = true
      continue
    }
    stem = false
    out.push(token)
  }
  return out
}
