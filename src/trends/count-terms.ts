/**
 * Count chosen terms in an indexed edition and keep the sentences behind the counts.
 *
 * Terms are matched on the edition's normalised match text, not on tokens: a phrase whose words the
 * segmenter split differently (社会主义 → 社会|主义), that a line break cut in two, or whose Korean
 * words carry particles (한반도의 비핵화) is still found.
 */
import type {KwicLine} from './trends-result.js'
import type {EditionIndex} from './index-edition.js'
import {joinTokens, normalizeText, toMatchText} from './index-edition.js'
import {tokenize} from '../text/tokenize.js'
import {joinKatakana} from './join-katakana.js'
import {unspacedChar} from '../text/languages.js'
import {compileUserRegex, type UserRegex} from './compile-user-regex.js'

/** A term prepared for matching. */
export interface TermQuery {
  /** The term as the user wrote it. */
  term: string
  kind: 'phrase' | 'regex'
  /** For a phrase: the normalised match text searched for. */
  needle: string
  /** For a phrase: whether a match must not continue a word on its left / right (false next to CJK characters). */
  boundedLeft: boolean
  boundedRight: boolean
  /** For a regex: the pattern as JavaScript reads it (global, case-insensitive). For a phrase: the escaped needle. */
  pattern: RegExp
  /** For a regex: the same pattern compiled for linear-time search, which is what counts. Null for a phrase. */
  regex: UserRegex | null
  /** Language the term was prepared for. */
  language: string
}

/** Matches of one term in one edition. */
export interface TermCount {
  count: number
  /** `[start, end)` offsets of every match in the edition's match text, in order. */
  spans: Array<[number, number]>
  /** Keyword-in-context lines, at most `maxEvidence`, in reading order. */
  evidence: KwicLine[]
}

const wordChar = /[\p{L}\p{N}]/u
/** A term written as a regular expression: `/source/flags`. */
export const regexTerm = /^\/(.+)\/([a-z]*)$/su

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')
}

/**
 * Prepare `term` for matching in editions of `language`. A term written `/…/flags` is a regular
 * expression run on the match text (lower case, particles dropped, one space between tokens); any
 * other term is a phrase. Regular expressions run in linear time (see `compileUserRegex`), so no
 * pattern can hang a count. Throws a SyntaxError for a regular expression that cannot run, an Error for an empty term
 * (the CLI turns it into a usage error).
 */
export function toTermQuery(term: string, language: string): TermQuery {
  const regex = regexTerm.exec(term.trim())
  if (regex) {
    const flags = new Set(`${regex[2]}gi`)
    const compiled = compileUserRegex(regex[1]!, regex[2]!, term.trim())
    let pattern: RegExp
    try {
      pattern = new RegExp(regex[1]!, [...flags, 'u'].join(''))
    } catch {
      pattern = new RegExp(regex[1]!, [...flags].join(''))
    }
    return {term, kind: 'regex', needle: '', boundedLeft: false, boundedRight: false, pattern, regex: compiled, language}
  }
  const needle = toMatchText(term, language)
  if (needle === '') throw new Error(`term "${term}" has no words to count`)
  return {
    term,
    kind: 'phrase',
    needle,
    boundedLeft: !unspacedChar.test(needle[0]!),
    boundedRight: !unspacedChar.test(needle[needle.length - 1]!),
    pattern: new RegExp(escapeRegExp(needle), 'g'),
    regex: null,
    language
  }
}

function sentenceOf(index: EditionIndex, offset: number): number {
  const starts = index.matchStarts
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]! <= offset) low = mid
    else high = mid - 1
  }
  return low
}

/** A KWIC line for sentence `at`, with `query`'s first match located in the printed sentence. */
export function kwicLine(index: EditionIndex, at: number, query: TermQuery | null): KwicLine {
  const sentence = index.sentences[at]!
  return {
    sentence: sentence.text,
    match: query ? locate(sentence.text, query) : null,
    section: sentence.section,
    heading: sentence.heading,
    page: sentence.page
  }
}

/**
 * Offsets of the first match of `query` in a printed sentence: the sentence is tokenised and joined
 * exactly like the match text, the match is found there, and mapped back through the tokens'
 * offsets. Null when lower-casing changed the sentence's length (offsets would drift) or no match.
 */
function locate(text: string, query: TermQuery): [number, number] | null {
  const lower = normalizeText(text)
  if (lower.length !== text.length) return null
  const starts: number[] = []
  const ends: number[] = []
  const kept: string[] = []
  // Korean words of the term were kept whole (see toMatchText): glue a split-off "particle" back
  // when that gives one of them.
  const termWords = new Set(query.needle.split(' '))
  let offset = 0
  const tokens = joinKatakana(tokenize(lower, query.language))
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!
    const start = offset
    offset += token.text.length
    if (token.kind === 'space' || token.kind === 'particle') continue
    const next = tokens[k + 1]
    if (token.kind === 'word' && next?.kind === 'particle' && termWords.has(token.text + next.text)) {
      kept.push(token.text + next.text)
      offset += next.text.length
      k++
    } else {
      kept.push(token.text)
    }
    starts.push(start)
    ends.push(offset)
  }
  // Where each kept token begins in the joined text.
  const joined = joinTokens(kept)
  const at: number[] = []
  let position = 0
  for (let i = 0; i < kept.length; i++) {
    position = joined.indexOf(kept[i]!, position)
    at.push(position)
    position += kept[i]!.length
  }
  const span = findSpans(joined, query, 1)[0]
  if (!span) return null
  let first = -1
  let last = -1
  for (let i = 0; i < kept.length; i++) {
    const tokenEnd = at[i]! + kept[i]!.length
    if (first === -1 && tokenEnd > span[0]) first = i
    if (at[i]! < span[1]) last = i
  }
  if (first === -1 || last < first) return null
  // The match may start or end inside a token (a regex, or a CJK term inside a longer word).
  const startInside = Math.max(0, span[0] - at[first]!)
  const endInside = Math.max(0, at[last]! + kept[last]!.length - span[1])
  return [starts[first]! + startInside, ends[last]! - endInside]
}

/** `[start, end)` of up to `limit` matches of `query` in `text` (a match text). */
function findSpans(text: string, query: TermQuery, limit: number): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  if (query.regex) return query.regex.find(text, limit)
  const needle = query.needle
  let from = 0
  while (spans.length < limit) {
    const at = text.indexOf(needle, from)
    if (at === -1) break
    const end = at + needle.length
    const leftOk = !query.boundedLeft || at === 0 || !wordChar.test(text[at - 1]!)
    const rightOk = !query.boundedRight || end === text.length || !wordChar.test(text[end]!)
    if (leftOk && rightOk) {
      spans.push([at, end])
      from = end
    } else {
      from = at + 1
    }
  }
  return spans
}

/** Count `query` in `index`, keeping at most `maxEvidence` KWIC lines (one per sentence). */
export function countTerm(index: EditionIndex, query: TermQuery, maxEvidence: number): TermCount {
  const spans = findSpans(index.matchText, query, Number.POSITIVE_INFINITY)
  const evidence: KwicLine[] = []
  let lastSentence = -1
  for (const [start] of spans) {
    if (evidence.length >= maxEvidence) break
    const at = sentenceOf(index, start)
    if (at === lastSentence) continue
    lastSentence = at
    evidence.push(kwicLine(index, at, query))
  }
  return {count: spans.length, spans, evidence}
}

/** Matches of several terms counted once where they overlap (`nuclear` inside `nuclear weapons`). */
export function countUnion(spanLists: ReadonlyArray<ReadonlyArray<[number, number]>>): number {
  const all = spanLists.flat().sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let count = 0
  let reach = -1
  for (const [start, end] of all) {
    if (start >= reach) {
      count++
      reach = end
    } else if (end > reach) {
      reach = end
    }
  }
  return count
}

/** Count every query in `index` (see {@link countTerm}). */
export function countTerms(index: EditionIndex, queries: readonly TermQuery[], maxEvidence: number): TermCount[] {
  return queries.map((query) => countTerm(index, query, maxEvidence))
}
