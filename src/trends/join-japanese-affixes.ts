/**
 * Japanese words as a reader names them, for counting terms. The segmenter's dictionary cuts a
 * word-forming suffix or prefix off the noun it belongs to (`技術的` → `技術` `的`, `責任者` → `責任`
 * `者`, `仕様書` → `仕様` `書`, `再配布` → `再` `配布`), and a lone `的` or `者` then charts as a term of
 * its own (OpenChain 1.0 ja: `的` the fourth most frequent word, `者` the tenth). A suffix makes a
 * new word out of the noun (`-ic`, `-er`, `-ity`, `-ization`, `document of`); the prefixes kept here
 * negate or repeat it (`non-`, `un-`, `re-`): both belong to it. Only the trends count such words:
 * alignment and the redline keep the segmenter's pieces, whose similarities their pairing is tuned on.
 */
import type {Token} from '../text/tokenize.js'

/**
 * One-kanji suffixes that make a noun or an adjectival noun of the word before them (接尾辞): `的`
 * (-ic), `者` `員` `家` `人` (person), `化` (-ization), `性` (-ity), `書` (document), `物` `品`
 * (thing), `権` (right), `策` (measure), `型` (type), `率` (rate), `度` (degree), `感` (sense),
 * `式` (style), `版` (edition), `層` (layer), `群` (group), `省` `庁` (ministry, agency), `側` (side),
 * `費` `額` (cost, amount), `論` (theory), `界` (world), `製` (made in). Relational nouns that only
 * place the word (`内` within, `中` during, `間` between, `上` on) are not among them: they are
 * grammar (see `termStopWords`), and `組織内` is still the organisation.
 */
const suffixes = new Set([
  '的',
  '者',
  '員',
  '家',
  '人',
  '化',
  '性',
  '書',
  '物',
  '品',
  '権',
  '策',
  '型',
  '率',
  '度',
  '感',
  '式',
  '版',
  '層',
  '群',
  '省',
  '庁',
  '側',
  '費',
  '額',
  '論',
  '界',
  '製'
])

/** One-kanji prefixes that turn the word after them into another: `再` (re-), `非` `不` `無` `未` (non-, un-). */
const prefixes = new Set(['再', '非', '不', '無', '未'])

// A word an affix can belong to: one ending (or, after a prefix, beginning) in kanji or katakana;
// hiragana is a particle or an inflection, which no affix attaches to. Joined, two such words read
// as they did apart in the match text (Japanese characters meet there without a space), so user
// terms are found as before.
const endsInNoun = /[\p{Script=Han}\p{Script=Katakana}\u30FC]$/u
const startsWithNoun = /^[\p{Script=Han}\p{Script=Katakana}]/u

/**
 * `tokens` (of Japanese text, katakana already joined by `joinKatakana`) with each word-forming
 * suffix joined to the word right before it and each prefix to the word right after it. A space or
 * a punctuation mark between them keeps them apart.
 */
export function joinJapaneseAffixes(tokens: readonly Token[]): Token[] {
  const out: Token[] = []
  let prefix = false
  for (const token of tokens) {
    const last = out.at(-1)
    if (token.kind === 'word' && last?.kind === 'word') {
      if (prefix && startsWithNoun.test(token.text)) {
        out[out.length - 1] = {text: last.text + token.text, kind: 'word'}
        prefix = false
        continue
      }
      if (suffixes.has(token.text) && endsInNoun.test(last.text)) {
        out[out.length - 1] = {text: last.text + token.text, kind: 'word'}
        continue
      }
    }
    prefix = token.kind === 'word' && prefixes.has(token.text)
    out.push(token)
  }
  return out
}
