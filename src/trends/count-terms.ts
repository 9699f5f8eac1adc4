/**
 * Count chosen terms in an indexed edition and keep the sentences behind the counts.
 *
 * Terms are matched on the edition's normalised match text, not on tokens: a phrase whose words the
 * segmenter split differently (社会主义 → 社会|主义), that a line break cut in two, or whose Korean
 * words carry particles (한반도의 비핵화) is still found.
 */
import type {KwicLine} from './trends-result.js'
import type {EditionIndex} from './index-edition.js'
import {normalizeText, toMatchText} from './index-edition.js'

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
  /** For a regex: the pattern (global). For a phrase: a pattern that finds it in a printed sentence, for KWIC highlighting. */
  pattern: RegExp
}

/** Matches of one term in one edition. */
export interface TermCount {
  count: number
  /** `[start, end)` offsets of every match in the edition's match text, in order. */
  spans: Array<[number, number]>
  /** Keyword-in-context lines, at most `maxEvidence`, in reading order. */
  evidence: KwicLine[]
}

const unspacedChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const wordChar = /[\p{L}\p{N}]/u
const regexTerm = /^\/(.+)\/([a-z]*)$/su

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&')
}

/**
 * Prepare `term` for matching in editions of `language`. A term written `/…/flags` is a regular
 * expression run on the match text (lower case, particles dropped, one space between tokens); any
 * other term is a phrase. Throws a plain Error for an invalid regular expression or an empty term
 * (the CLI turns it into a usage error).
 */
export function toTermQuery(term: string, language: string): TermQuery {
  const regex = regexTerm.exec(term.trim())
  if (regex) {
    const flags = new Set(`${regex[2]}gi`)
    let pattern: RegExp
    try {
      pattern = new RegExp(regex[1]!, [...flags, 'u'].join(''))
    } catch {
      pattern = new RegExp(regex[1]!, [...flags].join(''))
    }
    return {term, kind: 'regex', needle: '', boundedLeft: false, boundedRight: false, pattern}
  }
  const needle = toMatchText(term, language)
  if (needle === '') throw new Error(`term "${term}" has no words to count`)
  const tokens = needle.split(' ')
  // In a printed sentence, Korean particles and punctuation may sit between the words of a phrase.
  const between = '[\\p{Script=Hangul}]{0,3}[^\\p{L}\\p{N}]*'
  const pattern = new RegExp(
    tokens.map((token) => [...token].map((char) => escapeRegExp(char)).join('\\s*')).join(between),
    'giu'
  )
  return {
    term,
    kind: 'phrase',
    needle,
    boundedLeft: !unspacedChar.test(needle[0]!),
    boundedRight: !unspacedChar.test(needle[needle.length - 1]!),
    pattern
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

/** A KWIC line for sentence `at`, with `query`'s match located in the printed sentence when possible. */
export function kwicLine(index: EditionIndex, at: number, query: TermQuery | null): KwicLine {
  const sentence = index.sentences[at]!
  let match: [number, number] | null = null
  if (query) {
    const pattern = new RegExp(query.pattern.source, query.pattern.flags.replace('g', ''))
    const found = pattern.exec(normalizeText(sentence.text))
    // Offsets are only trustworthy when lower-casing kept the length.
    if (found && normalizeText(sentence.text).length === sentence.text.length) match = [found.index, found.index + found[0].length]
  }
  return {sentence: sentence.text, match, section: sentence.section, heading: sentence.heading, page: sentence.page}
}

/** Count `query` in `index`, keeping at most `maxEvidence` KWIC lines (one per sentence). */
export function countTerm(index: EditionIndex, query: TermQuery, maxEvidence: number): TermCount {
  const text = index.matchText
  const spans: Array<[number, number]> = []
  if (query.kind === 'regex') {
    const pattern = new RegExp(query.pattern.source, query.pattern.flags)
    pattern.lastIndex = 0
    for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
      if (found[0] === '') {
        pattern.lastIndex++
        continue
      }
      spans.push([found.index, found.index + found[0].length])
    }
  } else {
    const needle = query.needle
    let from = 0
    for (;;) {
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
  }
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
