import {languageOf} from '../text/languages.js'
import {type IdCounter, Interner} from '../text/interner.js'
import {endSecond, firstSeed, hashFirst, hashSecond, mixFirst, mixSecond, PairTable, secondSeed} from '../text/pair-table.js'
import {SpanRoom, spanStart, tokenize, tokenKinds, tokenSpans} from '../text/tokenize.js'
import type {TypedArena} from './typed-arena.js'

// Stop words (the language registry's, the same trends drop) weigh nothing in TF-IDF anyway, but
// dropping them keeps the vectors (and the inverted index the aligner scores candidates with) small.

/** NFKC, lower case: how compared words are folded. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

const wordKind = tokenKinds.indexOf('word')
const numberKind = tokenKinds.indexOf('number')

/**
 * Content words of `text` in `language` (a BCP 47 tag; its primary subtag picks the stop-word
 * list), in text order: the `word` and `number` tokens of `tokenize` on the text folded to NFKC and
 * lower case (the one definition of a word, in src/text/languages.ts), less the stop words. Korean
 * particles are tokens of their own and so left out: 보안을, 보안의 and 보안 are one word. This is
 * the reference; {@link ContentVocabulary.wordIds} computes the same words as ids from the
 * tokeniser's spans, without building their strings.
 */
export function toContentWords(text: string, language: string): string[] {
  const stop = languageOf(language).stopWords
  const words: string[] = []
  for (const {text: word, kind} of tokenize(fold(text), language))
    if ((kind === 'word' || kind === 'number') && !stop.has(word)) words.push(word)
  return words
}

/**
 * Dense term ids shared by the editions being compared: content words, and bigrams keyed by the ids
 * of their two words (so no bigram string is ever built), from one range. Ids are given in order of
 * first use.
 */
export class ContentVocabulary {
  private readonly counter: IdCounter = {size: 0}
  private readonly words = new Interner(this.counter, 1 << 16)
  private readonly bigrams = new Interner(this.counter, 1 << 16)
  // Per language, its stop words (by the interner's hashes), which get no id.
  private readonly stopsOf = new Map<string, PairTable>()
  // Scratch for wordIds(): the spans of a paragraph, the ids found so far.
  private readonly room = new SpanRoom()
  private buffer = new Int32Array(1024)

  /** Number of ids given (every id is below it). */
  get size(): number {
    return this.counter.size
  }

  /** The id of a content word (or -1 for a stop word of `language`), given the string. */
  idOf(word: string, language: string): number {
    return this.lookup(word, 0, word.length, this.stopsFor(language))
  }

  /**
   * Ids of the content words of `text` in `language`: `toContentWords(text, language)` interned,
   * without their strings; carved out of `arena` when one is given.
   */
  wordIds(text: string, language: string, arena?: TypedArena): Int32Array {
    const stops = this.stopsFor(language)
    const lower = fold(text)
    const spans = tokenSpans(lower, language, 0, lower.length, this.room)
    const {ends, kinds} = spans
    if (this.buffer.length < ends.length) this.buffer = new Int32Array(Math.max(ends.length, 2 * this.buffer.length))
    const out = this.buffer
    let count = 0
    for (let i = 0; i < ends.length; i++) {
      const kind = kinds[i]
      if (kind !== wordKind && kind !== numberKind) continue
      const id = this.lookup(lower, spanStart(spans, i), ends[i]!, stops)
      if (id !== -1) out[count++] = id
    }
    return arena ? arena.copyInt32(out, 0, count) : out.slice(0, count)
  }

  /** The id of the bigram of word ids `first`, `second`. */
  bigram(first: number, second: number): number {
    return this.bigrams.internPair(first, second)
  }

  // Called once per paragraph: the tag as given is looked up before it is parsed.
  private stopsFor(language: string): PairTable {
    let stops = this.stopsOf.get(language)
    if (!stops) {
      stops = new PairTable(1 << 10)
      for (const word of languageOf(language).stopWords) stops.set(hashFirst(word, 0, word.length), hashSecond(word, 0, word.length), 1)
      this.stopsOf.set(language, stops)
    }
    return stops
  }

  /** The id of the word `text.slice(start, end)` (given one if new), or -1 for a stop word. */
  private lookup(text: string, start: number, end: number, stops: PairTable): number {
    // Both hashes in one pass over the word (hashFirst and hashSecond, fused).
    let a = firstSeed
    let b = secondSeed
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i)
      a = mixFirst(a, code)
      b = mixSecond(b, code)
    }
    b = endSecond(b, end - start)
    return stops.get(a, b, 0) === 1 ? -1 : this.words.internPair(a, b)
  }
}
