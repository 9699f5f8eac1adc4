/**
 * Japanese verbs and adjectives as a reader reads them, for counting terms and phrases. A verb or
 * adjective is written with a kanji stem and its inflection in hiragana after it (okurigana:
 * `満たす`, `含む`, `基づく`). The segmenter's dictionary knows the plain form but cuts an inflected
 * one it does not know after the kanji (`満たしている` → `満` `た` `し` `て` `いる`, `含まれる` → `含`
 * `ま` `れる`), and the kanji alone is then a content word while its hiragana is grammar: new and
 * vanished phrases ended on the bare stem (OpenChain ja: `要件を満`, `foss を含`, `ライセンスに基`).
 * A kanji word and the hiragana after it belong together unless that hiragana is a particle, which
 * is how a reader tells the two apart: after a one-kanji noun (`方の`, `節では`, `表を`) comes a
 * particle; after a stem comes its inflection. Only the trends count such words: alignment and the
 * redline keep the segmenter's pieces, whose similarities their pairing is tuned on.
 */
import type {Token} from '../text/tokenize.js'

/**
 * What follows a noun in hiragana, as the segmenter hands it over: case and binding particles
 * (`の` `が` `を` `に` `へ` `と` `で` `から` `より` `まで` `は` `も` `や`) alone and stacked (`では`
 * `には` `への`), the particles of several words (`における` `による` `について` `として`), the
 * conjunctions written in hiragana (`および` `または` `もしくは`), the copula (`です` `だ`), and the
 * nouns and adverbial particles a clause hangs on (`こと` `もの` `ため` `など` `ごと` `のみ`): none
 * of them is an inflection, and each ends a verb that came before it.
 */
const particles = new Set([
  'の',
  'が',
  'を',
  'に',
  'へ',
  'と',
  'で',
  'から',
  'より',
  'まで',
  'は',
  'も',
  'や',
  'では',
  'には',
  'とは',
  'でも',
  'にも',
  'とも',
  'での',
  'への',
  'との',
  'からの',
  'までの',
  'にて',
  'における',
  'において',
  'による',
  'により',
  'によって',
  'について',
  'に対して',
  'として',
  'とともに',
  'および',
  'または',
  'もしくは',
  'ならびに',
  'かつ',
  'です',
  'でした',
  'だ',
  'こと',
  'もの',
  'ため',
  'とき',
  'ところ',
  'よう',
  'など',
  'ごと',
  'ずつ',
  'だけ',
  'のみ',
  'ほど',
  'ほか'
])

const kanjiAlone = /^\p{Script=Han}$/u
const hiragana = /^\p{Script=Hiragana}+$/u

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
    if (
      token.kind === 'word' &&
      last?.kind === 'word' &&
      (stem || kanjiAlone.test(last.text)) &&
      hiragana.test(token.text) &&
      !particles.has(token.text)
    ) {
      out[out.length - 1] = {text: last.text + token.text, kind: 'word'}
      stem = true
      continue
    }
    stem = false
    out.push(token)
  }
  return out
}
