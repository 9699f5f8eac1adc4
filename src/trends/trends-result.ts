/**
 * The `wpdiff/trends@1` result: what `wpdiff trends --json` prints and what the trends page renders.
 * Plain, JSON-serialisable data; every array that runs over editions is in edition order (the order
 * of `editions`), so `counts[i]` belongs to `editions[i]`.
 */
import type {Message} from '../model/edition.js'

/** One edition as the trends see it. */
export interface TrendsEdition {
  /** Edition label (`2019`, `v2`). */
  label: string
  /** Year of publication, or null when unknown. */
  year: number | null
  /** The document's title. */
  title: string
  /**
   * Running words counted for the trends: word and number tokens of the tokeniser, Korean particles
   * not counted. The denominator of every `per10k`.
   */
  words: number
  /** The most frequent terms and phrases of this edition (stop words left out), most frequent first. */
  top: TopTerm[]
}

/** A frequent n-gram of one edition. */
export interface TopTerm {
  /** The n-gram, normalised (NFKC, lower case, particles stripped), tokens joined as in the text. */
  key: string
  /** Tokens in it (1–3). */
  n: number
  count: number
  per10k: number
}

/** One keyword-in-context line: the sentence a count came from. */
export interface KwicLine {
  /** The sentence, NFKC-normalised, whitespace collapsed. */
  sentence: string
  /** Character offsets `[start, end)` of the matched term in `sentence`, or null when it cannot be located exactly. */
  match: [number, number] | null
  /** Id of the section holding the sentence, or null for the preamble. */
  section: string | null
  /** Heading of that section ('' for the preamble). */
  heading: string
  /** Page in a paginated original, else null. */
  page: number | null
}

/** A chosen term (from `--terms`, a theme, or picked automatically) counted in every edition. */
export interface TermSeries {
  /** The term as given (`Korean Peninsula`, `/denucleari[sz]ation/`). */
  term: string
  /** `phrase` for words matched on normalised text, `regex` for a `/…/` pattern. */
  kind: 'phrase' | 'regex'
  /** Occurrences per edition. */
  counts: number[]
  /** Occurrences per 10,000 words per edition (2 decimals). */
  per10k: number[]
  /** Up to `maxEvidence` keyword-in-context lines per edition (all of them when fewer). */
  evidence: KwicLine[][]
}

/** A named group of terms, counted as one. */
export interface ThemeSeries {
  theme: string
  /** The theme's terms as given. */
  terms: string[]
  /** Matches of any of the terms per edition; overlapping matches of two terms count once. */
  counts: number[]
  per10k: number[]
  /** `counts[i]` over the sum of all themes' counts in edition i (0 when no theme matched), 4 decimals. */
  shares: number[]
}

/** A term whose frequency changed significantly between two editions. */
export interface KeyTerm {
  /** The n-gram, normalised like {@link TopTerm.key}. */
  term: string
  n: number
  /** Count in the older edition of the pair. */
  oldCount: number
  /** Count in the newer edition of the pair. */
  newCount: number
  oldPer10k: number
  newPer10k: number
  /** Dunning's log-likelihood G² (with the chosen correction), signed: positive = more frequent in the newer edition. */
  g2: number
  /** Log ratio effect size: log2 of the ratio of relative frequencies (zero counts taken as 0.5). */
  logRatio: number
  /**
   * Up to 3 sentences behind the change: for a rising term, sentences of the newer edition containing
   * it that the older one does not have (`added`); for a falling term, sentences of the older edition
   * the newer one lost (`removed`).
   */
  evidence: ChangeEvidence[]
}

/** A sentence behind a rising or falling term. */
export interface ChangeEvidence extends KwicLine {
  change: 'added' | 'removed'
  /**
   * Fragment of the pair's comparison report where the change is shown: the newer edition's section
   * id (for a falling term, the section its old section became along the lineages), or `_old/<id>`
   * for a section the newer edition no longer has.
   */
  anchor: string
}

/** Keyness between two editions. */
export interface KeynessPair {
  /** `consecutive` for editions i-1 → i, `first-last` for the first against the last. */
  kind: 'consecutive' | 'first-last'
  /** Label of the older edition. */
  old: string
  /** Label of the newer edition. */
  new: string
  /** Terms significantly more frequent in `new`, highest G² first, at most `top`. */
  rising: KeyTerm[]
  /** Terms significantly less frequent in `new`, highest |G²| first, at most `top`. */
  falling: KeyTerm[]
  /**
   * The strongest differences that do not reach the cut (either direction, sign of `g2`), highest
   * |G²| first, at most 5, without evidence: what came nearest when few or no terms pass. Only
   * n-grams frequent enough that they could reach the cut are tested.
   */
  belowCut: KeyTerm[]
}

/** One section lineage (a chapter followed across editions) and its share of each edition's words. */
export interface SectionShare {
  /** Lineage id (from the structural differ's lineages). */
  lineage: string
  /** The lineage's latest heading. */
  label: string
  /**
   * Section id in each edition, null where the lineage has no top-level section; the row of the text
   * before the first heading has lineage, label and ids `(preamble)`.
   */
  sections: (string | null)[]
  /** Heading in each edition, null where absent. */
  headings: (string | null)[]
  /** Words of the section (with its sub-sections) per edition, null where absent. */
  words: (number | null)[]
  /** `words[i]` over the edition's words (4 decimals), null where absent. */
  shares: (number | null)[]
}

/** A phrase (3 words or more) that is new in an edition, or that vanished from it. */
export interface Phrase {
  /** Normalised phrase. */
  phrase: string
  /** Occurrences in the edition it is found in (the newer one for new phrases, the older one for vanished ones). */
  count: number
  /** Where it first occurs in that edition. */
  evidence: KwicLine
}

/** New and vanished language of one edition against all earlier ones. */
export interface LanguageChange {
  /** The edition. */
  edition: string
  /** The edition before it. */
  previous: string
  /** Phrases never seen in any earlier edition, most frequent first, at most `top`. */
  new: Phrase[]
  /** Phrases of the previous edition that appear neither here nor in any later edition, most frequent first, at most `top`. */
  vanished: Phrase[]
}

/** The options a result was computed with (so a reader of the JSON knows the cut-offs). */
export interface TrendsSettings {
  /** Longest n-gram counted for top terms and keyness (1–3). */
  ngram: number
  /** Length of every top/rising/falling/new/vanished list. */
  top: number
  /** Significance cut for keyness: |G²| at or above it counts. */
  cut: number
  /** Correction applied to G². */
  correction: 'yates' | 'williams' | 'none'
}

/** `wpdiff/trends@1`. */
export interface TrendsResult {
  schema: 'wpdiff/trends@1'
  /** Series slug of the first edition. */
  series: string
  /** Language of the first edition (decides tokenisation and stop words for all). */
  language: string
  settings: TrendsSettings
  editions: TrendsEdition[]
  terms: TermSeries[]
  themes: ThemeSeries[]
  /** Consecutive pairs in order, then first ↔ last (when there are 3 or more editions). */
  keyness: KeynessPair[]
  /** Top-level section lineages in the order of their first appearance. */
  sections: SectionShare[]
  /** One entry per edition after the first. */
  newLanguage: LanguageChange[]
  messages: Message[]
}
