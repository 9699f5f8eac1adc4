/**
 * Katakana loanwords as a reader names them, for counting terms. Katakana spells loanwords letter by
 * letter, and the segmenter's dictionary cuts those it does not know into pieces no reader would
 * call a word (`コンプライアンス` → `コン` `プライア` `ン` `ス`), which then top a Japanese series' term
 * list and its rising and falling words. A compound it knows it cuts into words of three letters or
 * more (`サプライ` `チェーン`), and those cuts are kept. Only the trends count such words: alignment
 * and the redline keep the segmenter's pieces, whose similarities their pairing is tuned on.
 */
import type {Token} from '../text/tokenize.js'

const katakanaWord = /^[\p{Script=Katakana}\u30FC]+$/u

/** Shortest katakana piece taken for a word of its own: the segmenter's pieces of a loanword are shorter. */
const katakanaWordLength = 3

/** `tokens` with each run of katakana pieces that holds a piece shorter than a word joined into one word. */
export function joinKatakana(tokens: readonly Token[]): Token[] {
  const out: Token[] = []
  let previous: Token | undefined
  for (const token of tokens) {
    const last = out.at(-1)
    if (
      last &&
      previous &&
      token.kind === 'word' &&
      katakanaWord.test(previous.text) &&
      katakanaWord.test(token.text) &&
      (previous.text.length < katakanaWordLength || token.text.length < katakanaWordLength)
    )
      out[out.length - 1] = {text: last.text + token.text, kind: 'word'}
    else out.push(token)
    previous = token
  }
  return out
}
