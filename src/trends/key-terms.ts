/**
 * Rising and falling terms between two editions: every counted n-gram of either edition tested
 * with {@link keyness}, kept when |G²| reaches the cut; the few strongest below it are kept apart.
 */
import type {KeyTerm, KwicLine} from './trends-result.js'
import type {EditionIndex, Vocabulary} from './index-edition.js'
import {normalizeText} from './index-edition.js'
import type {NgramCounts, NgramKeys, NgramPositions} from './count-ngrams.js'
import {ngramText} from './count-ngrams.js'
import type {KeynessCorrection} from './keyness.js'
import {keyness} from './keyness.js'
import type {TermQuery} from './count-terms.js'
import {kwicLine, toTermQuery} from './count-terms.js'
import {per10k} from './top-terms.js'

/** One side of the comparison. */
export interface KeyTermsSide {
  index: EditionIndex
  counts: NgramCounts
  /** N-gram keys by position, at least up to `ngram`. */
  keyed: NgramPositions
}

/** Options of {@link keyTerms}. */
export interface KeyTermsOptions {
  /** Longest n-gram tested (1–3, at most `counts.length`). */
  ngram: number
  /** Length of the rising and of the falling list. */
  top: number
  /** |G²| at or above which a difference counts (10.83 is p < 0.001 at one degree of freedom). */
  cut: number
  correction: KeynessCorrection
  /** Language of the editions (for locating terms in printed sentences). */
  language: string
  /** Evidence sentences per term. */
  maxEvidence: number
  /** Anchor in the comparison report of a section of the older edition. Default: `_old/<id>`. */
  anchorOfOld?: (sectionId: string) => string
}

/** Terms kept below the cut per pair: enough to show what came nearest, few enough to stay small. */
const belowCutTop = 5

interface Scored {
  key: number
  n: number
  a: number
  b: number
  g2: number
  logRatio: number
  text: string
}

/**
 * The smallest total count that can reach the cut: G² of a fixed total is largest when every
 * occurrence is on one side, so n-grams rarer than this are skipped without losing any.
 */
function minimumTotal(oldWords: number, newWords: number, cut: number, correction: KeynessCorrection): number {
  for (let total = 1; total < 1000; total++) {
    const onlyOld = Math.abs(keyness({oldCount: total, newCount: 0, oldWords, newWords}, correction).g2)
    const onlyNew = Math.abs(keyness({oldCount: 0, newCount: total, oldWords, newWords}, correction).g2)
    if (Math.max(onlyOld, onlyNew) >= cut) return total
  }
  return 1000
}

function compareScored(a: Scored, b: Scored): number {
  return Math.abs(b.g2) - Math.abs(a.g2) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
}

/** Rising and falling terms from `old` to `new`. */
export function keyTerms(
  old: KeyTermsSide,
  next: KeyTermsSide,
  vocabulary: Vocabulary,
  keys: NgramKeys,
  options: KeyTermsOptions
): {rising: KeyTerm[]; falling: KeyTerm[]; belowCut: KeyTerm[]} {
  const oldWords = old.index.words
  const newWords = next.index.words
  if (oldWords === 0 || newWords === 0) return {rising: [], falling: [], belowCut: []}
  const floor = minimumTotal(oldWords, newWords, options.cut, options.correction)
  const rising: Scored[] = []
  const falling: Scored[] = []
  // The strongest differences short of the cut, so a pair where none passes still shows its nearest.
  const weak: Scored[] = []
  for (let n = 1; n <= options.ngram; n++) {
    const oldMap = old.counts[n - 1] ?? new Map<number, number>()
    const newMap = next.counts[n - 1] ?? new Map<number, number>()
    const score = (key: number, a: number, b: number): void => {
      if (a + b < floor) return
      const {g2, logRatio} = keyness({oldCount: a, newCount: b, oldWords, newWords}, options.correction)
      const entry = {key, n, a, b, g2, logRatio, text: ''}
      if (Math.abs(g2) < options.cut) {
        if (g2 !== 0) weak.push(entry)
        return
      }
      ;(g2 > 0 ? rising : falling).push(entry)
    }
    for (const [key, a] of oldMap) score(key, a, newMap.get(key) ?? 0)
    for (const [key, b] of newMap) if (!oldMap.has(key)) score(key, 0, b)
  }
  const pick = (list: Scored[]): Scored[] => {
    // Text is needed for tie-breaking only among the survivors of a cheap first cut.
    list.sort((x, y) => Math.abs(y.g2) - Math.abs(x.g2))
    const limit = list[Math.min(options.top, list.length) - 1]
    const kept = limit ? list.filter((entry) => Math.abs(entry.g2) >= Math.abs(limit.g2)) : []
    for (const entry of kept) entry.text = ngramText(entry.key, entry.n, vocabulary, keys)
    return kept.sort(compareScored).slice(0, options.top)
  }
  const risingPicked = pick(rising)
  const fallingPicked = pick(falling)
  const weakPicked = pick(weak).slice(0, belowCutTop)
  const addedEvidence = changedSentences(next, old.index, risingPicked, options)
  const removedEvidence = changedSentences(old, next.index, fallingPicked, options)
  const anchorOf = (section: string | null, change: 'added' | 'removed'): string => {
    if (section === null) return ''
    if (change === 'added') return section
    return options.anchorOfOld ? options.anchorOfOld(section) : `_old/${section}`
  }
  const toKeyTerm = (entry: Scored, evidence: Map<Scored, KwicLine[]>, change: 'added' | 'removed'): KeyTerm => ({
    term: entry.text,
    n: entry.n,
    oldCount: entry.a,
    newCount: entry.b,
    oldPer10k: per10k(entry.a, oldWords),
    newPer10k: per10k(entry.b, newWords),
    g2: Math.round(entry.g2 * 100) / 100,
    logRatio: Math.round(entry.logRatio * 1000) / 1000,
    evidence: (evidence.get(entry) ?? []).map((line) => ({...line, change, anchor: anchorOf(line.section, change)}))
  })
  return {
    rising: risingPicked.map((entry) => toKeyTerm(entry, addedEvidence, 'added')),
    falling: fallingPicked.map((entry) => toKeyTerm(entry, removedEvidence, 'removed')),
    // Without evidence: these are shown as figures only.
    belowCut: weakPicked.map((entry) => toKeyTerm(entry, new Map(), entry.g2 > 0 ? 'added' : 'removed'))
  }
}

// Each edition is the other side of up to three pairs: normalise its sentences once.
const sentenceSets = new WeakMap<EditionIndex, Set<string>>()

function sentenceSet(index: EditionIndex): Set<string> {
  let set = sentenceSets.get(index)
  if (!set) {
    set = new Set(index.sentences.map((sentence) => normalizeText(sentence.text)))
    sentenceSets.set(index, set)
  }
  return set
}

/**
 * For each entry, sentences of `side` holding the n-gram that `other` does not have word for word
 * (one scan of `side` for all entries).
 */
function changedSentences(
  {index: side, keyed}: KeyTermsSide,
  other: EditionIndex,
  entries: Scored[],
  options: KeyTermsOptions
): Map<Scored, KwicLine[]> {
  const out = new Map<Scored, KwicLine[]>()
  if (entries.length === 0) return out
  const otherSentences = sentenceSet(other)
  const wanted = [new Map<number, Scored>(), new Map<number, Scored>(), new Map<number, Scored>()]
  for (const entry of entries) wanted[entry.n - 1]!.set(entry.key, entry)
  const lastSentence = new Map<Scored, number>()
  const queries = new Map<Scored, TermQuery>()
  // One scan per n-gram length in use: an entry has one length, so its lines stay in reading order.
  for (let n = 1; n <= 3; n++) {
    const map = wanted[n - 1]!
    if (map.size === 0) continue
    const keys = keyed[n - 1]!
    for (let at = 0; at < keys.length; at++) {
      const key = keys[at]!
      if (key < 0) continue
      const entry = map.get(key)
      if (!entry) continue
      const lines = out.get(entry) ?? []
      out.set(entry, lines)
      const sentence = side.sentenceAt[at]!
      if (lines.length >= options.maxEvidence || lastSentence.get(entry) === sentence) continue
      lastSentence.set(entry, sentence)
      if (otherSentences.has(normalizeText(side.sentences[sentence]!.text))) continue
      let query = queries.get(entry)
      if (!query) {
        query = toTermQuery(entry.text, options.language)
        queries.set(entry, query)
      }
      lines.push(kwicLine(side, sentence, query))
    }
  }
  return out
}
