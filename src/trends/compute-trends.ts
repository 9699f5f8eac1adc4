/**
 * `computeTrends`: term and theme frequencies per edition, keyness between editions, section
 * shares along lineages and new/vanished language — the `wpdiff/trends@1` result.
 */
import type {Edition, Message} from '../model/edition.js'
import type {KeynessPair, TermSeries, ThemeSeries, TrendsResult} from './trends-result.js'
import type {KeynessCorrection} from './keyness.js'
import type {Theme} from './parse-themes.js'
import type {LineageInput} from './section-shares.js'
import {createVocabulary, indexEdition} from './index-edition.js'
import {countNgrams, createNgramKeys, keyNgrams, ngramIds, ngramText} from './count-ngrams.js'
import type {TermQuery} from './count-terms.js'
import {countTerms, countUnion, toTermQuery} from './count-terms.js'
import {keyTerms} from './key-terms.js'
import {newLanguage} from './new-language.js'
import {sectionShares} from './section-shares.js'
import {baseLanguage, unspacedChar} from '../text/languages.js'
import {joinBoundCharacters} from './join-bound-characters.js'
import {wordCutNgrams} from './word-cut-ngrams.js'
import {termStopWords} from './term-stop-words.js'
import {traceLineages} from '../align/trace-lineages.js'
import type {Alignment} from '../align/align-sections.js'
import {per10k, topTerms} from './top-terms.js'

/** Options of {@link computeTrends}. Every field is optional. */
export interface TrendsOptions {
  /**
   * Terms to follow (phrases or `/regex/flags`). Default: the 10 n-grams (length ≤ `ngram`) with the
   * most occurrences per 10,000 words summed over the editions, a term four times in five inside a
   * longer one of them ("native" in "cloud native") followed as that phrase.
   */
  terms?: string[]
  /** Themes to count. Default: none. */
  themes?: Theme[]
  /** Length of every top, rising, falling, new and vanished list. Default 20. */
  top?: number
  /** Longest n-gram for top terms and keyness, 1–3. Default 2. */
  ngram?: number
  /** Keyness significance cut on |G²|. Default 10.83 (p < 0.001, one degree of freedom). */
  cut?: number
  /** Correction of G². Default `yates`. */
  correction?: KeynessCorrection
  /** Keyword-in-context lines kept per term and edition. Default 10. */
  maxEvidence?: number
  /**
   * Section lineages over `editions` (`sections[i]` = section id in edition i). Default: traced by
   * the structural differ (`traceLineages`, top-level sections only); `false` skips that, and every
   * chapter is then a row of its own.
   */
  lineages?: LineageInput[] | false
  /**
   * Alignments of consecutive editions already made (`alignments[i]` maps `editions[i]` to
   * `editions[i + 1]`), handed to `traceLineages` when it traces the lineages. Default: aligned here.
   */
  alignments?: readonly Alignment[]
}

/** Terms followed when none are given. */
const defaultTermCount = 10

/** Share of a term's occurrences inside a longer phrase above which the phrase stands for it. */
const widerShare = 0.8

/** Whether `long` holds the words of `short` one after another. */
function holdsRun(long: readonly string[], short: readonly string[]): boolean {
  for (let at = 0; at + short.length <= long.length; at++) {
    if (short.every((word, k) => long[at + k] === word)) return true
  }
  return false
}

function rounded(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/**
 * Compute the trends of `editions`, in the order given (oldest first). Editions are tokenised in the
 * language of the first one; a series mixing languages gets a warning.
 */
export function computeTrends(editions: readonly Edition[], options: TrendsOptions = {}): TrendsResult {
  const top = options.top ?? 20
  const ngram = Math.min(3, Math.max(1, Math.trunc(options.ngram ?? 2)))
  const cut = options.cut ?? 10.83
  const correction = options.correction ?? 'yates'
  const maxEvidence = options.maxEvidence ?? 10
  const messages: Message[] = []
  const first = editions[0]
  const language = first?.language ?? 'en'
  const otherLanguages = [...new Set(editions.map((edition) => edition.language))].filter((tag) => tag !== language)
  if (otherLanguages.length > 0) {
    messages.push({
      severity: 'warning',
      code: 'mixed-languages',
      text: `editions are in ${[language, ...otherLanguages].join(', ')}; all are counted as ${language}, so frequencies across languages do not compare`
    })
  }
  if (editions.length < 2) {
    messages.push({severity: 'warning', code: 'too-few-editions', text: 'trends need at least two editions; only counts are given'})
  }

  const vocabulary = createVocabulary()
  const keys = createNgramKeys()
  const stop = termStopWords(language)
  const indexed = editions.map((edition) => indexEdition(edition, vocabulary, stop, language))
  // Chinese words the segmenter's dictionary lacks come in single characters: joined back for counting.
  const bound = baseLanguage(language) === 'zh' ? joinBoundCharacters(indexed, vocabulary) : null
  const indices = bound ? bound.indices : indexed
  // 3-grams are always counted: new and vanished language is made of them.
  const keyed = indices.map((index) => keyNgrams(index, 3, vocabulary, keys))
  const counts = keyed.map(countNgrams)
  // Lists of terms leave out a Chinese n-gram cut inside a word (系统|调 of 系统|调|用); counts stay.
  const cutKeys = bound ? wordCutNgrams(indices, keyed, vocabulary, ngram) : null
  const listed = cutKeys
    ? counts.map((byN) => byN.map((map, n) => (n < ngram ? new Map([...map].filter(([key]) => !cutKeys[n]!.has(key))) : map)))
    : counts

  const termList = options.terms && options.terms.length > 0 ? options.terms : defaultTerms()
  const queries = termList.map((term) => toTermQuery(term, language))
  const counted = indices.map((index) => countTerms(index, queries, maxEvidence))
  const terms: TermSeries[] = queries.map((query, q) => ({
    term: query.term,
    kind: query.kind,
    counts: counted.map((edition) => edition[q]!.count),
    per10k: counted.map((edition, i) => per10k(edition[q]!.count, indices[i]!.words)),
    evidence: counted.map((edition) => edition[q]!.evidence)
  }))

  const themes = countThemes(options.themes ?? [])

  // Section shares are shares of chapters: only top-level sections need a lineage, which spares the
  // structural differ every nested section (most of its work on a long edition).
  const lineages =
    options.lineages === false
      ? []
      : (options.lineages ??
        (editions.length >= 2
          ? traceLineages([...editions], {maxLevel: 1, ...(options.alignments ? {alignments: options.alignments} : {})}).lineages.map(
              (lineage) => ({
                id: lineage.id,
                sections: lineage.steps.map((step) => step.section?.id ?? null)
              })
            )
          : []))
  // Section id in edition i → its lineage's section ids, to send a falling term's evidence to the
  // card of the comparison report that shows the old section.
  const lineageOf = editions.map((_, i) => {
    const map = new Map<string, (string | null)[]>()
    for (const lineage of lineages) {
      const id = lineage.sections[i]
      if (id) map.set(id, lineage.sections)
    }
    return map
  })

  const keyness: KeynessPair[] = []
  const pair = (i: number, j: number, kind: KeynessPair['kind']): KeynessPair => ({
    kind,
    old: editions[i]!.edition,
    new: editions[j]!.edition,
    ...keyTerms(
      {index: indices[i]!, counts: listed[i]!, keyed: keyed[i]!},
      {index: indices[j]!, counts: listed[j]!, keyed: keyed[j]!},
      vocabulary,
      keys,
      {
        ngram,
        top,
        cut,
        correction,
        language,
        maxEvidence: Math.min(3, maxEvidence),
        anchorOfOld: (section) => lineageOf[i]!.get(section)?.[j] ?? `_old/${section}`
      }
    )
  })
  for (let i = 1; i < editions.length; i++) keyness.push(pair(i - 1, i, 'consecutive'))
  if (editions.length >= 3) keyness.push(pair(0, editions.length - 1, 'first-last'))

  return {
    schema: 'wpdiff/trends@1',
    series: first?.series ?? '',
    language,
    settings: {ngram, top, cut, correction},
    editions: editions.map((edition, i) => ({
      label: edition.edition,
      year: edition.year,
      title: edition.title,
      words: indices[i]!.words,
      top: topTerms(listed[i]!.slice(0, ngram), indices[i]!.words, top, vocabulary, keys)
    })),
    terms,
    themes,
    keyness,
    sections: sectionShares(editions, lineages),
    newLanguage: newLanguage(
      editions.map((edition, i) => ({label: edition.edition, index: indices[i]!, counts: counts[i]!, keyed: keyed[i]!})),
      vocabulary,
      {top, language}
    ),
    messages
  }

  function defaultTerms(): string[] {
    // Sum by key (editions share the vocabulary and key tables); text only for the few that can
    // make the list, where it breaks ties.
    const totals: Array<Map<number, number>> = []
    listed.forEach((byN, i) => {
      byN.slice(0, ngram).forEach((map, index) => {
        const sum = (totals[index] ??= new Map<number, number>())
        for (const [key, count] of map) sum.set(key, (sum.get(key) ?? 0) + per10k(count, indices[i]!.words))
      })
    })
    // Chinese and Japanese tokens join without a space, so two keys can read the same (社会|主义,
    // 社会主义): then every key gets its text and equal texts add up.
    const glued = vocabulary.words.some((word) => unspacedChar.test(word))
    const values = totals.flatMap((map) => [...map.values()]).sort((a, b) => b - a)
    // Room below the tenth for the terms that take the place of those left out for a wider phrase.
    const floor = glued ? 0 : values[Math.min(defaultTermCount * 3, values.length) - 1]
    if (floor === undefined) return []
    const candidates = new Map<string, {total: number; words: string[][]}>()
    totals.forEach((map, index) => {
      for (const [key, total] of map) {
        if (total < floor * widerShare) continue
        const ids = ngramIds(key, index + 1, keys)
        const text = ngramText(key, index + 1, vocabulary, keys)
        const entry = candidates.get(text) ?? {total: 0, words: []}
        entry.total += total
        entry.words.push(ids.map((id) => vocabulary.words[id]!))
        candidates.set(text, entry)
      }
    })
    const ranked = [...candidates].sort((a, b) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    // A term that nearly always stands inside a longer phrase ("native" in "cloud native", ソース in
    // オープンソース, a loanword the segmenter cut in two) says nothing the phrase does not: the phrase
    // is followed in its place, once.
    const wider = (inner: {total: number; words: string[][]}): string | undefined =>
      ranked.find(
        ([, outer]) =>
          outer.total >= inner.total * widerShare &&
          outer.words.some((long) => inner.words.some((short) => short.length < long.length && holdsRun(long, short)))
      )?.[0]
    const chosen = new Set<string>()
    for (const [text, entry] of ranked) {
      if (chosen.size >= defaultTermCount) break
      let term = text
      let seen = entry
      for (let outer = wider(seen); outer !== undefined; outer = wider(seen)) {
        term = outer
        seen = candidates.get(outer)!
      }
      chosen.add(term)
    }
    return ranked.filter(([text]) => chosen.has(text)).map(([text]) => text)
  }

  function countThemes(list: readonly Theme[]): ThemeSeries[] {
    const themeQueries: TermQuery[][] = list.map((theme) => theme.terms.map((term) => toTermQuery(term, language)))
    const themeCounts = list.map((_, t) =>
      indices.map((index) => countUnion(countTerms(index, themeQueries[t]!, 0).map((count) => count.spans)))
    )
    const totals = indices.map((_, i) => themeCounts.reduce((sum, byEdition) => sum + byEdition[i]!, 0))
    return list.map((theme, t) => ({
      theme: theme.name,
      terms: theme.terms,
      counts: themeCounts[t]!,
      per10k: themeCounts[t]!.map((count, i) => per10k(count, indices[i]!.words)),
      shares: themeCounts[t]!.map((count, i) => (totals[i]! > 0 ? rounded(count / totals[i]!, 4) : 0))
    }))
  }
}
