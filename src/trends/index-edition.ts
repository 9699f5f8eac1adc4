/**
 * The counting view of one edition: its sentences with their provenance, its words as ids of a
 * vocabulary shared by the whole series (so n-grams of two editions compare as numbers), and a
 * normalised "match text" that user terms and themes are searched in.
 */
import type {Block, Edition, Section} from '../model/edition.js'
import {blockToText} from '../model/blocks-to-text.js'
import {blockSentences} from './block-sentences.js'
import {tokenize, type Token} from '../text/tokenize.js'
import {isPlain, plainPunct, plainTokens, plainWord} from './plain-tokens.js'

/**
 * Token strings ↔ ids, shared by every edition of one trends run. Ids are dense from 0 in order of
 * first sight, so the same series in the same order gets the same ids.
 */
export interface Vocabulary {
  ids: Map<string, number>
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

/** A vocabulary to share between the editions of one run. */
export function createVocabulary(): Vocabulary {
  return {ids: new Map(), words: [], content: []}
}

const unspacedChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const letter = /\p{L}/u
// Whitespace other than single spaces, which a printed sentence collapses.
const oddSpace = /[^\S ]| {2}/u

// Characters NFKC leaves alone: ASCII, composed Latin-1 letters, the usual dashes and quotes, CJK
// ideographs, kana, Hangul syllables and CJK punctuation. Text made only of them skips ICU, which
// costs more than the rest of the counting on a long edition.
const nfkcStable = /^[\x00-\x7f\u00c0-\u00ff\u2010\u2012-\u2015\u2018-\u201f\u3001-\u3002\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\uac00-\ud7a3]*$/u

/** `text` in NFKC. */
export function toNfkc(text: string): string {
  return nfkcStable.test(text) ? text : text.normalize('NFKC')
}

/** The text a term or sentence is matched on: NFKC, lower case, whitespace collapsed. */
export function normalizeText(text: string): string {
  return toNfkc(text).toLowerCase()
}

/**
 * A term in the normal form of {@link EditionIndex.matchText}. Korean words are kept whole: a term
 * is written in its dictionary form (한반도), and the tokeniser would cut a bare noun whose last
 * syllable looks like a particle (한반도 → 한반 + 도).
 */
export function toMatchText(text: string, language: string): string {
  const kept: string[] = []
  let glue = false
  for (const token of tokenize(normalizeText(text), language)) {
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
  let out = ''
  for (const token of tokens) out = joinToken(out, token)
  return out
}

function joinToken(out: string, token: string): string {
  if (out === '') return token
  const last = out.charCodeAt(out.length - 1)
  // Two CJK characters meet without a space, as they were printed.
  if (last > 0x2e7f && unspacedChar.test(out[out.length - 1]!) && unspacedChar.test(token[0]!)) return out + token
  return out + ' ' + token
}

/**
 * Index an edition for counting. Sentences come from each block's plain text (so a sentence never
 * spans two paragraphs); `stop` is the stop-word set of the series' language.
 */
export function indexEdition(
  edition: Edition,
  vocabulary: Vocabulary,
  stop: ReadonlySet<string>,
  language: string = edition.language
): EditionIndex {
  const ids: number[] = []
  const sentenceAt: number[] = []
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
  const idOf = (text: string, word: boolean): number => {
    let id = vocabulary.ids.get(text)
    if (id === undefined) {
      id = vocabulary.words.length
      vocabulary.ids.set(text, id)
      vocabulary.words.push(text)
      vocabulary.content.push(word && letter.test(text) && !stop.has(text) ? 1 : 0)
    }
    return id
  }
  const endSentence = (index: number, joined: string): void => {
    if (ids.length > 0 && ids[ids.length - 1] !== -1) {
      ids.push(-1)
      sentenceAt.push(index)
    }
    matchStarts.push(matchLength)
    matchParts.push(joined)
    matchLength += joined.length + 1
  }
  // A sentence read by plainTokens: no particles, no CJK, so tokens join with single spaces.
  const emitPlain = (index: number, texts: string[], kinds: number[]): void => {
    for (let k = 0; k < texts.length; k++) {
      const kind = kinds[k]!
      if (kind === plainPunct) {
        if (ids.length > 0 && ids[ids.length - 1] !== -1) {
          ids.push(-1)
          sentenceAt.push(index)
        }
        continue
      }
      words++
      ids.push(idOf(texts[k]!, kind === plainWord))
      sentenceAt.push(index)
    }
    endSentence(index, texts.join(' '))
  }
  const emit = (index: number, tokens: Token[]): void => {
    let joined = ''
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k]!
      if (token.kind === 'space' || token.kind === 'particle') continue
      let text = token.text
      const next = tokens[k + 1]
      if (token.kind === 'word' && next?.kind === 'particle' && stems.has(text + next.text)) {
        text += next.text
        k++
      }
      joined = joinToken(joined, text)
      if (token.kind === 'punct') {
        if (ids.length > 0 && ids[ids.length - 1] !== -1) {
          ids.push(-1)
          sentenceAt.push(index)
        }
        continue
      }
      words++
      ids.push(idOf(text, token.kind === 'word'))
      sentenceAt.push(index)
    }
    endSentence(index, joined)
  }
  const texts: string[] = []
  const kinds: number[] = []

  const addBlocks = (blocks: Block[], section: Section | null, chapter: string | null): void => {
    for (const block of blocks) {
      const text = blockToText(block)
      if (text === '') continue
      // A plain block (most of an English edition) is NFKC already and lower-cases in one go; its
      // sentences are slices of it.
      const plain = isPlain(text)
      const lowerBlock = plain ? text.toLowerCase() : ''
      const data = (block as {data?: {page?: unknown}}).data
      const page = typeof data?.page === 'number' ? data.page : (section?.page ?? null)
      for (const sentence of blockSentences(text, language)) {
        const nfkc = plain ? sentence.text : toNfkc(sentence.text)
        sentences.push({
          text: oddSpace.test(nfkc) ? nfkc.replace(/\s+/gu, ' ') : nfkc,
          section: section?.id ?? null,
          heading: section?.heading ?? '',
          page,
          chapter
        })
        const lower = plain ? lowerBlock.slice(sentence.start, sentence.end) : nfkc.toLowerCase()
        texts.length = 0
        kinds.length = 0
        if (plainTokens(lower, texts, kinds, plain)) {
          if (pending.length > 0) pending.push({index: sentences.length - 1, tokens: null, texts: [...texts], kinds: [...kinds]})
          else emitPlain(sentences.length - 1, texts, kinds)
          continue
        }
        const tokens = tokenize(lower, language)
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
    ids: Int32Array.from(ids),
    sentenceAt: Int32Array.from(sentenceAt),
    sentences,
    matchText: matchParts.join('\n'),
    matchStarts: Int32Array.from(matchStarts)
  }
}
