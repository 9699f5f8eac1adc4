/**
 * The words trends never take for a term: the language's stop words, and the grammar a term list
 * would otherwise be topped by in the languages whose stop-word lists leave it out. A reader asking
 * what a Korean or Japanese edition is about gets 수 ("can", a bound noun), 위한 ("for") or した
 * (a past ending) as its most frequent "terms" without them.
 *
 * Alignment and the redline keep the shared list of src/text/languages.ts: their similarities are
 * measured over it, and the redline drops no word at all.
 */
import {baseLanguage, stopWords} from '../text/languages.js'

/** What trends ask of a stop-word list. */
export interface StopWordTest {
  has(word: string): boolean
}

/**
 * Korean grammar missing from the `stopword` package's list, as the tokeniser leaves it once
 * particles and endings are split off: bound nouns (수 in 할 수 있다, 외 "besides"), the verbs 있다,
 * 없다, 하다 and 되다 used as auxiliaries or light verbs (있어야 "must be", 있음, 합니다, 됩니다), the
 * negation 않다 (따르지 않는 → 않) and the copula's forms (입니다, 아닌 "not being"), and the verbs that
 * work as postpositions (위하다 "for", 대하다 "about", 통하다 "through", 따르다 "by", 의하다 "by",
 * 인하다 "owing to", 같다 "such as", its stem 같 of 같은), the determiner 모든 "every", the degree
 * adverb 더 "more", and 혹 of 혹은 "or". Contributor Covenant ko listed 않, 같 and 입니다 among its
 * terms, OpenChain ko 2.1 있어야 and 있음 보장.
 */
const korean = [
  '수',
  '데',
  '바',
  '때문',
  '있',
  '없',
  '한다',
  '하는',
  '하고',
  '하여',
  '해야',
  '할',
  '한',
  '된',
  '되는',
  '되어',
  '위한',
  '위해',
  '위함',
  '대한',
  '대해',
  '통해',
  '통한',
  '따른',
  '의한',
  '의하여',
  '인한',
  '인해',
  '같은',
  '모든',
  '혹',
  '외',
  '있어야',
  '있음',
  '있는',
  '없는',
  '합니다',
  '됩니다',
  '않',
  '입니다',
  '아닌',
  '같',
  '더'
]

/**
 * Japanese writes its content words in kanji and katakana (and Latin letters), and its particles,
 * auxiliaries and inflections in hiragana: a word all in hiragana (した, ました, ません) is grammar.
 * Suffixes the segmenter cuts off their word (的, 者, 書) are joined back to it (`joinJapaneseAffixes`).
 */
const hiraganaWord = /^[\p{Script=Hiragana}\u30FC]+$/u

/**
 * Japanese grammar written in kanji, which the segmenter hands over as words of their own: the
 * determiners 本 "this", 各 "each", 当該 "the said", 同 "the same" and the ordinal 第, 等 "etc.", and the
 * relational nouns that place a word as an English preposition would (内 "within", 中 "during",
 * 間 "between", 上 "on", 下 "under", 外 "outside", 際 "when", 他 "other"). OpenChain ja 1.1 had
 * 本 as its seventh term.
 */
const japanese = ['本', '各', '当該', '同', '第', '等', '内', '中', '間', '上', '下', '外', '際', '他']

/**
 * A letter alone, in an alphabet: the pieces of an abbreviation (`e` and `g` of e.g., `i` of i.e.), a
 * list's label (`(b)`), a variable. None names what a text is about (CNCF 2020: `e` the twentieth
 * term, 32 times). A Han character or a Hangul syllable alone is a word, and stays a term.
 */
const letterAlone = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u

/** The stop-word test of trends for the language tagged `tag` (BCP 47). */
export function termStopWords(tag: string): StopWordTest {
  const shared = stopWords(tag)
  const base = baseLanguage(tag)
  let words: ReadonlySet<string> = shared
  if (base === 'ko') words = new Set([...shared, ...korean])
  if (base === 'ja') {
    const ja = new Set([...shared, ...japanese])
    return {has: (word) => ja.has(word) || hiraganaWord.test(word) || letterAlone.test(word)}
  }
  return {has: (word) => words.has(word) || letterAlone.test(word)}
}
