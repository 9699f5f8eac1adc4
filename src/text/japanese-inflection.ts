/**
 * Where a Japanese verb or adjective begins, among the segmenter's tokens. Such a word is a kanji
 * stem with its inflection in hiragana after it (okurigana: `満たす`, `払われる`); the segmenter's
 * dictionary knows the plain form but cuts an inflected one it does not know after the kanji
 * (`満たしている` → `満` `た` `し` `て` `いる`, `払われた` → `払` `われ` `た`). A reader tells the
 * inflection from a particle, which is hiragana too: after a one-kanji noun (`方の`, `節では`,
 * `表を`) comes a particle; after a stem comes its inflection.
 */
import type {Token} from './tokenize.js'

/**
 * What follows a noun in hiragana, as the segmenter hands it over: case and binding particles
 * (`の` `が` `を` `に` `へ` `と` `で` `から` `より` `まで` `は` `も` `や`) alone and stacked (`では`
 * `には` `への`), the particles of several words (`における` `による` `について` `として`), the
 * conjunctions written in hiragana (`および` `または` `もしくは`), the copula (`です` `だ`), and the
 * nouns and adverbial particles a clause hangs on (`こと` `もの` `ため` `など` `ごと` `のみ`): none
 * of them is an inflection, and each ends a verb that came before it.
 */
const particles: ReadonlySet<string> = new Set([
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

/** Whether `token` is a one-kanji word: a verb or adjective stem when an inflection follows it. */
export function isKanjiStem(token: Token): boolean {
  return token.kind === 'word' && kanjiAlone.test(token.text)
}

/** Whether `token` is hiragana that carries on the word before it (an inflection or auxiliary), not a particle. */
export function isInflection(token: Token): boolean {
  return token.kind === 'word' && hiragana.test(token.text) && !particles.has(token.text)
}

/**
 * Where the word that an inflection at `tokens[end]` carries on begins: back over the inflections
 * right before it and, under them, a one-kanji stem (`払|われ|た` from `払`; `構成|さ|れ|た` from `さ`,
 * since a longer kanji word is a noun whose `する` is a verb of its own). `end` when the token before
 * is no part of it.
 */
export function inflectedWordStart(tokens: readonly Token[], end: number): number {
  let start = end
  while (start > 0 && isInflection(tokens[start - 1]!)) start--
  if (start > 0 && isKanjiStem(tokens[start - 1]!)) start--
  return start
}
