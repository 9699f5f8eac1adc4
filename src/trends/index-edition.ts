/**
 * The counting view of one edition: its sentences with their provenance, its words as ids of a
 * vocabulary shared by the whole series (so n-grams of two editions compare as numbers), and a
 * normalised "match text" that user terms and themes are searched in.
 */
import type {Block, Edition, Section} from '../model/edition.js'
import {blockToText} from '../model/blocks-to-text.js'
import {blockSentences} from './block-sentences.js'
import {tokenize, type Token} from '../text/tokenize.js'
import {joinKatakana} from './join-katakana.js'
import {joinJapaneseAffixes} from './join-japanese-affixes.js'
import {joinOkurigana} from './join-okurigana.js'
import {blankWebAddresses} from './blank-web-addresses.js'
import {isPlain, plainNumber, plainPunct, plainTokens, plainWord} from './plain-tokens.js'
import {plainTokenSpans} from './plain-token-spans.js'
import {plainSentences} from './plain-sentences.js'
import {Interner} from '../text/interner.js'
import {baseLanguage, unspacedChar} from '../text/languages.js'
import type {StopWordTest} from './term-stop-words.js'

/**
 * Token strings ↔ ids, shared by every edition of one trends run. Ids are dense from 0 in order of
 * first sight, so the same series in the same order gets the same ids.
 */
export interface Vocabulary {
  /** Token → id, found by the token's characters (no string needed for a token already seen); `ids.size === words.length`. */
  ids: Interner
  /** `words[id]` is the token. */
  words: string[]
  /** `content[id]` is 1 when the token may start or end a counted n-gram (not a stop word, holds a letter). */
  content: number[]
}

/** A sentence and where it came from. */
export interface IndexedSentence {
  /** The sentence as printed, NFKC-normalised, whitespace collapsed to single spaces. */
  text: string
  /** Section id, or null for the preamble. */
  section: string | null
  /** Section heading ('' for the preamble). */
  heading: string
  /** Page of the block in a paginated original, else the section's first page, else null. */
  page: number | null
  /** Id of the top-level section it belongs to, or null for the preamble. */
  chapter: string | null
}

/** One edition ready for counting. */
export interface EditionIndex {
  /** Word and number tokens (Korean particles excluded): the denominator of every frequency. */
  words: number
  /**
   * Token ids in reading order, `-1` between sentences and in place of punctuation, so no n-gram
   * spans a sentence end or a comma.
   */
  ids: Int32Array
  /** `sentenceAt[i]` is the sentence holding `ids[i]`. */
  sentenceAt: Int32Array
  sentences: IndexedSentence[]
  /**
   * The sentences' normalised tokens (NFKC, lower case, particles dropped, punctuation kept) joined
   * by one space — or by nothing between two Chinese/Japanese characters — one sentence per line.
   */
  matchText: string
  /** Offset in `matchText` where each sentence starts. */
  matchStarts: Int32Array
}

/** A plain sentence's share of an index, the same wherever the sentence recurs in a run. */
interface PlainSentence {
  /** Its ids, `-1` for punctuation (none leading, none repeated). */
  tokens: Int32Array
  words: number
  joined: string
  /** Whether its printed text has whitespace to collapse. */
  collapsible: boolean
}

// Per vocabulary (one run): lower-cased plain sentence → what it adds to an index.
const plainSentenceCache = new WeakMap<Vocabulary, Map<string, PlainSentence>>()

/** A vocabulary to share between the editions of one run. */
export function createVocabulary(): Vocabulary {
  return {ids: new Interner(), words: [], content: []}
}

const letter = /\p{L}/u
// Whitespace other than single spaces, which a printed sentence collapses.
const oddSpace = /[^\S ]| {2}/u

/** The text a term or sentence is matched on: NFKC, lower case, whitespace collapsed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/**
 * A term in the normal form of {@link EditionIndex.matchText}. Korean words are kept whole: a term
 * is written in its dictionary form (한반도), and the tokeniser would cut a bare noun whose last
 * syllable looks like a particle (한반도 → 한반 + 도).
 */
export function toMatchText(text: string, language: string): string {
  const kept: string[] = []
  let glue = false
  for (const token of joinKatakana(tokenize(normalizeText(text), language))) {
    if (token.kind === 'space') {
      glue = false
      continue
    }
    if (token.kind === 'particle' && glue && kept.length > 0) kept[kept.length - 1] += token.text
    else kept.push(token.text)
    glue = token.kind === 'word'
  }
  return joinTokens(kept)
}

/** Join normalised tokens the way the match text does (see {@link EditionIndex.matchText}). */
export function joinTokens(tokens: readonly string[]): string {
  const joiner = tokenJoiner()
  for (const token of tokens) joiner.add(token)
  return joiner.text()
}

/**
 * Tokens joined one at a time as {@link joinTokens} joins them. The last character is kept aside:
 * read back from a string grown by `+=`, it flattens the whole string each time, quadratic in a
 * long sentence (a paragraph of 100,000 marks, one sentence, took 34 s in trends).
 */
function tokenJoiner(): {add(token: string): void; text(): string} {
  const parts: string[] = []
  let empty = true
  let last = ''
  return {
    add(token) {
      // Two CJK characters meet without a space, as they were printed.
      if (!empty && !(last.charCodeAt(0) > 0x2e7f && unspacedChar.test(last) && unspacedChar.test(token[0]!))) {
        parts.push(' ')
        last = ' '
      }
      parts.push(token)
      if (token !== '') last = token[token.length - 1]!
      empty = empty && token === ''
    },
    text: () => parts.join('')
  }
}

/**
 * Index an edition for counting. Sentences come from each block's plain text (so a sentence never
 * spans two paragraphs); `stop` tells the stop words of the series' language (`termStopWords`).
 */
export function indexEdition(
  edition: Edition,
  vocabulary: Vocabulary,
  stop: StopWordTest,
  language: string = edition.language
): EditionIndex {
  // Token ids and their sentences, grown by doubling (an edition holds ~10^5 of them).
  let ids = new Int32Array(1 << 12)
  let sentenceAt = new Int32Array(1 << 12)
  let size = 0
  const reserve = (extra: number): void => {
    if (size + extra <= ids.length) return
    const capacity = Math.max(ids.length * 2, size + extra)
    const grownIds = new Int32Array(capacity)
    grownIds.set(ids.subarray(0, size))
    ids = grownIds
    const grownAt = new Int32Array(capacity)
    grownAt.set(sentenceAt.subarray(0, size))
    sentenceAt = grownAt
  }
  const push = (id: number, index: number): void => {
    if (size === ids.length) reserve(1)
    ids[size] = id
    sentenceAt[size++] = index
  }
  // A break (-1) after the last token, unless there is none or it is a break already.
  const pushBreak = (index: number): void => {
    if (size > 0 && ids[size - 1] !== -1) push(-1, index)
  }
  const sentences: IndexedSentence[] = []
  const matchParts: string[] = []
  const matchStarts: number[] = []
  let matchLength = 0
  let words = 0

  // First pass: sentences and their tokens, and the Korean stems seen with a particle. A word the
  // tokeniser cut into stem + particle (한반 + 도) is put back together when the whole word is
  // itself a stem elsewhere in the edition (한반도의, 한반도를): then the "particle" was part of it.
  const pending: Array<{index: number; tokens: Token[] | null; texts: string[]; kinds: number[]}> = []
  const stems = new Set<string>()
  // Id of text[start, end), a word (else a number) when `word`.
  const idOf = (text: string, word: boolean, start = 0, end = text.length): number => {
    const id = vocabulary.ids.intern(text, start, end)
    if (id === vocabulary.words.length) {
      const token = start === 0 && end === text.length ? text : text.slice(start, end)
      vocabulary.words.push(token)
      vocabulary.content.push(word && letter.test(token) && !stop.has(token) ? 1 : 0)
    }
    return id
  }
  const endSentence = (index: number, joined: string): void => {
    pushBreak(index)
    matchStarts.push(matchLength)
    matchParts.push(joined)
    matchLength += joined.length + 1
  }
  // A sentence read by plainTokens: no particles, no CJK, so tokens join with single spaces.
  const emitPlain = (index: number, texts: string[], kinds: number[]): void => {
    for (let k = 0; k < texts.length; k++) {
      const kind = kinds[k]!
      if (kind === plainPunct) {
        pushBreak(index)
        continue
      }
      words++
      push(idOf(texts[k]!, kind === plainWord), index)
    }
    endSentence(index, texts.join(' '))
  }
  // A plain sentence read from its lower-cased text: ids without token strings, and the match text
  // as runs of the sentence where tokens are one space apart.
  const readPlain = (lower: string): PlainSentence => {
    spans.length = 0
    plainTokenSpans(lower, 0, lower.length, spans)
    const tokens: number[] = []
    let count = 0
    // Runs joined once: a flat string, which the edition's match text then copies quickly.
    const runs: string[] = []
    let run = -1
    for (let k = 0; k < spans.length; k += 3) {
      const start = spans[k]!
      const end = spans[k + 1]!
      if (run === -1) {
        run = start
      } else if (start !== spans[k - 2]! + 1 || lower.charCodeAt(start - 1) !== 32) {
        runs.push(lower.slice(run, spans[k - 2]!))
        run = start
      }
      if (spans[k + 2] === plainPunct) {
        if (tokens.length > 0 && tokens[tokens.length - 1] !== -1) tokens.push(-1)
        continue
      }
      count++
      tokens.push(idOf(lower, spans[k + 2] === plainWord, start, end))
    }
    if (run !== -1) runs.push(lower.slice(run, spans[spans.length - 2]!))
    return {tokens: Int32Array.from(tokens), words: count, joined: runs.join(' '), collapsible: collapsible(lower, spans)}
  }
  const emitRead = (index: number, read: PlainSentence): void => {
    const tokens = read.tokens
    reserve(tokens.length)
    ids.set(tokens, size)
    sentenceAt.fill(index, size, size + tokens.length)
    size += tokens.length
    words += read.words
    endSentence(index, read.joined)
  }
  const emit = (index: number, tokens: Token[]): void => {
    const joined = tokenJoiner()
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k]!
      if (token.kind === 'space' || token.kind === 'particle') continue
      let text = token.text
      const next = tokens[k + 1]
      if (token.kind === 'word' && next?.kind === 'particle' && stems.has(text + next.text)) {
        text += next.text
        k++
      }
      joined.add(text)
      if (token.kind === 'punct') {
        pushBreak(index)
        continue
      }
      words++
      push(idOf(text, token.kind === 'word'), index)
    }
    endSentence(index, joined.text())
  }
  const texts: string[] = []
  const kinds: number[] = []
  const spans: number[] = []
  // Chinese keeps its 的 (a particle there, a suffix in Japanese): affixes are joined in Japanese only.
  const japanese = baseLanguage(language) === 'ja'

  // A plain block (most of an English edition) is NFKC already, lower-cases in one go without
  // changing length, and splits without the segmenter. Its sentences are read once per run: the
  // editions of a series repeat most of theirs.
  let known = plainSentenceCache.get(vocabulary)
  if (!known) {
    known = new Map()
    plainSentenceCache.set(vocabulary, known)
  }
  const addPlainBlock = (text: string, section: Section | null, chapter: string | null, page: number | null): void => {
    const lower = blankWebAddresses(text.toLowerCase())
    for (const sentence of plainSentences(text, language)) {
      const lowerSentence = lower.slice(sentence.start, sentence.end)
      // While Korean sentences wait for their second look, reading order is kept by waiting too.
      let read = pending.length === 0 ? known.get(lowerSentence) : null
      if (read === undefined) {
        read = readPlain(lowerSentence)
        known.set(lowerSentence, read)
      }
      const collapse = read ? read.collapsible : oddSpace.test(sentence.text)
      sentences.push({
        text: collapse ? sentence.text.replace(/\s+/gu, ' ') : sentence.text,
        section: section?.id ?? null,
        heading: section?.heading ?? '',
        page,
        chapter
      })
      if (read) {
        emitRead(sentences.length - 1, read)
        continue
      }
      const pendingTexts: string[] = []
      const pendingKinds: number[] = []
      plainTokens(lowerSentence, pendingTexts, pendingKinds, true)
      pending.push({index: sentences.length - 1, tokens: null, texts: pendingTexts, kinds: pendingKinds})
    }
  }

  const addBlocks = (blocks: Block[], section: Section | null, chapter: string | null): void => {
    for (const block of blocks) {
      const text = blockToText(block)
      if (text === '') continue
      const data = (block as {data?: {page?: unknown}}).data
      const page = typeof data?.page === 'number' ? data.page : (section?.page ?? null)
      if (isPlain(text)) {
        addPlainBlock(text, section, chapter, page)
        continue
      }
      for (const sentence of blockSentences(text, language)) {
        const nfkc = sentence.text.normalize('NFKC')
        sentences.push({
          text: oddSpace.test(nfkc) ? nfkc.replace(/\s+/gu, ' ') : nfkc,
          section: section?.id ?? null,
          heading: section?.heading ?? '',
          page,
          chapter
        })
        const lower = blankWebAddresses(nfkc.toLowerCase())
        texts.length = 0
        kinds.length = 0
        if (plainTokens(lower, texts, kinds)) {
          if (pending.length > 0) pending.push({index: sentences.length - 1, tokens: null, texts: [...texts], kinds: [...kinds]})
          else emitPlain(sentences.length - 1, texts, kinds)
          continue
        }
        const katakana = joinKatakana(tokenize(lower, language))
        const tokens = japanese ? joinOkurigana(joinJapaneseAffixes(katakana)) : katakana
        let particles = false
        for (let k = 1; k < tokens.length; k++) {
          if (tokens[k]!.kind === 'particle' && tokens[k - 1]!.kind === 'word') {
            stems.add(tokens[k - 1]!.text)
            particles = true
          }
        }
        // Only sentences with particles need the second look; the rest are counted right away.
        if (particles || pending.length > 0) pending.push({index: sentences.length - 1, tokens, texts: [], kinds: []})
        else emit(sentences.length - 1, tokens)
      }
    }
  }
  addBlocks(edition.preamble, null, null)
  const walk = (section: Section, chapter: string): void => {
    addBlocks(section.blocks, section, chapter)
    for (const child of section.children) walk(child, chapter)
  }
  for (const section of edition.sections) walk(section, section.id)
  for (const sentence of pending) {
    if (sentence.tokens) emit(sentence.index, sentence.tokens)
    else emitPlain(sentence.index, sentence.texts, sentence.kinds)
  }

  return {
    words,
    ids: ids.slice(0, size),
    sentenceAt: sentenceAt.slice(0, size),
    sentences,
    matchText: matchParts.join('\n'),
    matchStarts: new Int32Array(matchStarts)
  }
}

/**
 * Whether a plain sentence holds whitespace other than single spaces (its printed form collapses
 * it), read from its token spans: all its whitespace lies between tokens or inside a number (`5 %`).
 */
function collapsible(text: string, spans: readonly number[]): boolean {
  for (let k = 0; k < spans.length; k += 3) {
    if (k > 0) {
      const gap = spans[k]! - spans[k - 2]!
      if (gap > 1 || (gap === 1 && text.charCodeAt(spans[k - 2]!) !== 32)) return true
    }
    if (spans[k + 2] === plainNumber) {
      for (let at = spans[k]!; at < spans[k + 1]!; at++) {
        const code = text.charCodeAt(at)
        if (code >= 9 && code <= 13) return true
      }
    }
  }
  return false
}
