/**
 * The in-section diff of a whole comparison: for every relation (a pair of old and new sections the
 * alignment matched, or an added or removed section) the paragraphs that stayed, changed, appeared,
 * disappeared or moved, with word diffs inside the changed ones, statistics and similarity measures.
 *
 * All relations are diffed in one call so that a paragraph that left one section for another is
 * recognised as moved rather than deleted in one place and inserted in the other.
 */
import type {Block, Message, Section} from '../model/edition.js'
import {blockToText} from '../model/blocks-to-text.js'
import {guessLanguage} from '../text/detect-script.js'
import {spanStart, spansToTokens, tokenKinds, type Token} from '../text/tokenize.js'
import {classifyNoise, type NoiseClass} from './classify-noise.js'
import {isSignificantKind, isWordKind, resolveDiffOptions, type DiffOptions, type ResolvedDiffOptions} from './diff-options.js'
import {countWordEdits, diffTokens, TokenKeys, type ScannedText, type TokenDiff, type TokenizedText, type WordOp} from './diff-tokens.js'
import {measureSimilarity, TermTally, type Measures} from './measure-similarity.js'
import {alignBlocks} from './align-blocks.js'

export type {DiffOptions} from './diff-options.js'
export type {Measures} from './measure-similarity.js'
export type {NoiseClass} from './classify-noise.js'
export type {WordOp} from './diff-tokens.js'

/** The sections one relation compares: each section's OWN blocks (not its children's). */
export interface RelationPair {
  /** Old sections (empty for an added section; several for a merge). */
  old: Section[]
  /** New sections (empty for a removed section; several for a split). */
  new: Section[]
}

/** Word and paragraph counts of one relation. Words are tokens of kind word, number or particle. */
export interface RelationStats {
  /** Words inserted: in inserted paragraphs, inside changed ones and in paragraphs that moved here, edited on the way. */
  wordsAdded: number
  /**
   * Words deleted from this relation's old text. A paragraph that moved to another section is not
   * counted, but the words it lost on the way are, here where they stood (the redline shows them where
   * it arrived): so an added section never has removed words and a removed one never added words.
   */
  wordsRemoved: number
  /** Words kept, moved paragraphs included (counted in the relation they moved to). */
  wordsUnchanged: number
  /** Paragraphs that arrived in this relation from another place (same or another section). */
  paragraphsMoved: number
}

/** Where a block is: its section and its index in that section's `blocks`. */
export interface BlockRef {
  /** Section id in its edition. */
  section: string
  /** 0-based index in `section.blocks`. */
  block: number
  /** Page of the block in a paginated original (`block.data.page`), else null. */
  page: number | null
}

/**
 * - `equal`: the same paragraph (under the ignore options) at the same place.
 * - `changed`: the paragraph at this place was edited; `tokens` holds its word diff.
 * - `inserted` / `deleted`: a paragraph only in the new / old section. A deleted paragraph that went
 *   elsewhere carries `movedTo`.
 * - `moved`: a paragraph that came from another place (`old` says where), with `tokens` when it was
 *   also edited on the way.
 * - `rewritten`: too different for a word diff: `oldText` and `text` are given whole. Used for a
 *   paragraph whose edit script exceeded the budget, and for a relation whose paragraphs all
 *   changed (one `rewritten` block then stands for all of them).
 */
export type BlockOp = 'equal' | 'changed' | 'inserted' | 'deleted' | 'moved' | 'rewritten'

/** One paragraph-level entry of a relation's redline, in reading order of the new text. */
export interface BlockDiff {
  op: BlockOp
  /** mdast node type of the block (`paragraph`, `list`, `table`, `code`…), new side when there is one. */
  type: string
  /** The block in the old edition, or null (`inserted`). For `moved`: where it came from. */
  old: BlockRef | null
  /** The block in the new edition, or null (`deleted`). */
  new: BlockRef | null
  /** Plain text of the block: the new text, or the old text for `deleted`. */
  text: string
  /** Old text, for `rewritten` only. */
  oldText?: string
  /** Word diff (`changed`, and `moved` when edited on the way). */
  tokens?: WordOp[]
  /** For `changed` and edited `moved` blocks: the edit is only a renumbering, year bump or figure update. Else null. */
  noise: NoiseClass | null
  /** Word-set similarity of old and new (Dice, 0..1), for `changed` and `moved`. */
  similarity?: number
  /** For a `deleted` block that moved to another place: where it went. */
  movedTo?: BlockRef
}

/** Diff of one relation. */
export interface RelationDiff {
  stats: RelationStats
  /** Similarity of the relation's old and new text. */
  measures: Measures
  blocks: BlockDiff[]
}

/** Diff of all relations of a comparison. */
export interface RelationsDiff {
  /** `relations[i]` belongs to `pairs[i]`. */
  relations: RelationDiff[]
  /** Similarity of the two editions as a whole (all relations' text). */
  measures: Measures
  /** Notes such as paragraphs reported `rewritten` because their word diff exceeded the budget. */
  messages: Message[]
}

/** A block with everything the diff needs, computed once. */
interface Item extends Pick<Analysis, 'key' | 'words' | 'wordIds' | 'terms'> {
  side: 'old' | 'new'
  relation: number
  ref: BlockRef
  block: Block
  text: string
  analysis: Analysis
  /** Partner in the other edition once matched. */
  partner: Item | null
  /** How it was matched. */
  match: 'equal' | 'changed' | 'moved' | null
  similarity: number
}

function blockPage(block: Block): number | null {
  const page = (block.data as {page?: unknown} | undefined)?.page
  return typeof page === 'number' ? page : null
}

/** Dice coefficient of two sorted distinct id arrays. */
export function wordSimilarity(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return (2 * shared) / (a.length + b.length)
}

/** What the diff derives from a block's text; shared by every block with the same text. */
interface Analysis {
  /** Token spans and comparison ids. */
  scanned: ScannedText
  /** The tokens as objects, made when a word diff first needs them. */
  tokens: Token[] | null
  /** Id of the block's exact-comparison key (significant tokens only). */
  key: number
  words: number
  /** Sorted distinct ids of its words, for similarity. */
  wordIds: Int32Array
  /** Term ids (lower-cased words) of the word tokens, for the similarity measures. */
  terms: Int32Array
}

// Most paragraphs of a new edition repeat the old one word for word: analyse each text once.
function analyse(text: string, keys: TokenKeys, cache: Map<string, Analysis>): Analysis {
  const cached = cache.get(text)
  if (cached) return cached
  const {options} = keys
  const scanned = keys.scan(text)
  const {ends, kinds} = scanned.spans
  const ids = scanned.ids
  // By kind code: part of the exact-comparison key, and counted as a word.
  const keyed = tokenKinds.map((kind) => kind !== 'space' && isSignificantKind(kind, options))
  const counted = tokenKinds.map(isWordKind)
  const significant = new Int32Array(ids.length)
  const terms = new Int32Array(ids.length)
  let keyLength = 0
  let words = 0
  for (let i = 0; i < ids.length; i++) {
    const kind = kinds[i]!
    if (keyed[kind]) significant[keyLength++] = ids[i]!
    if (counted[kind]) terms[words++] = keys.termAt(ids[i]!, text, spanStart(scanned.spans, i), ends[i]!)
  }
  const analysis: Analysis = {
    scanned,
    tokens: null,
    key: keys.sequence(significant, 0, keyLength),
    words,
    wordIds: distinctWordIds(ids, kinds, counted),
    terms: terms.slice(0, words)
  }
  cache.set(text, analysis)
  return analysis
}

/** Sorted distinct ids of the tokens whose kind is `counted`. */
function distinctWordIds(ids: Int32Array, kinds: Uint8Array, counted: readonly boolean[]): Int32Array {
  const words = new Int32Array(ids.length)
  let n = 0
  for (let i = 0; i < ids.length; i++) if (counted[kinds[i]!]) words[n++] = ids[i]!
  const sorted = words.subarray(0, n).sort()
  let distinct = 0
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!
  return sorted.slice(0, distinct)
}

/** A block's tokens and ids for a word diff (its token objects made on first use). */
function tokenized(item: Item): TokenizedText {
  const analysis = item.analysis
  analysis.tokens ??= spansToTokens(analysis.scanned.text, analysis.scanned.spans)
  return {tokens: analysis.tokens, ids: analysis.scanned.ids}
}

function makeItems(sections: Section[], side: 'old' | 'new', relation: number, keys: TokenKeys, cache: Map<string, Analysis>): Item[] {
  const items: Item[] = []
  for (const section of sections) {
    section.blocks.forEach((block, index) => {
      const text = blockToText(block)
      if (text.trim() === '') return
      const analysis = analyse(text, keys, cache)
      const {key, words, wordIds, terms} = analysis
      items.push({
        side,
        relation,
        ref: {section: section.id, block: index, page: blockPage(block)},
        block,
        text,
        analysis,
        key,
        words,
        wordIds,
        terms,
        partner: null,
        match: null,
        similarity: 0
      })
    })
  }
  return items
}

function pair(a: Item, b: Item, match: Item['match'], similarity: number): void {
  a.partner = b
  b.partner = a
  a.match = match
  b.match = match
  a.similarity = similarity
  b.similarity = similarity
}

/** Limits of move detection between relations. */
const moves = {
  /** An edited one-liner elsewhere is weak evidence of a move; edited moves need a real paragraph. */
  minEditedWords: 12,
  /** A paragraph's candidates are the paragraphs holding its rarest words: this many of them. */
  rareWords: 6,
  /** Candidates read per rare word: a word in more paragraphs than this says little of where one went. */
  perWord: 64
} as const

/** Sections sampled to guess the language of a comparison when the options name none. */
const languageSampleSections = 40

/** A paragraph whose word diff gave up and kept less than this share is reported as rewritten. */
const rewrittenShare = 0.1

/** Per paragraph key: its occurrences in the old edition plus 2^16 times those in the new. */
function countKeys(items: Iterable<Item>): Map<number, number> {
  const occurrences = new Map<number, number>()
  for (const item of items) occurrences.set(item.key, (occurrences.get(item.key) ?? 0) + (item.side === 'old' ? 1 : 1 << 16))
  return occurrences
}

const onceEach = 1 + (1 << 16)

/**
 * Paragraphs that stand word for word once in each edition, in two different relations, are one
 * paragraph that moved. That is surer than any edited paragraph the place it left or reached could
 * be paired with by word similarity, which in unspaced scripts runs high between unrelated paragraphs
 * (short words recur): so these are paired before the relations are aligned inside.
 */
function pairVerbatimMoves(olds: Item[], news: Item[], options: ResolvedDiffOptions): void {
  const occurrences = countKeys([...olds, ...news])
  const byKey = new Map<number, Item>()
  for (const item of olds) if (item.words >= options.minMoveWords && occurrences.get(item.key) === onceEach) byKey.set(item.key, item)
  for (const item of news) {
    const twin = byKey.get(item.key)
    if (twin && twin.relation !== item.relation) pair(twin, item, 'moved', 1)
  }
}

/** Find paragraphs that moved (unchanged or edited), across all relations, among the unmatched ones. */
function findMoves(olds: Item[], news: Item[], options: ResolvedDiffOptions): void {
  const eligible = (item: Item) => item.partner === null && item.words >= options.minMoveWords
  // A line repeated in several sections ("The API might be vulnerable if:") cannot say where it
  // moved from: only paragraphs unique in both editions are moved unchanged.
  const occurrences = countKeys([...olds, ...news])
  const unique = (item: Item) => occurrences.get(item.key) === onceEach
  const oldFree = olds.filter(eligible)
  const byKey = new Map<number, Item>()
  for (const item of oldFree) if (unique(item)) byKey.set(item.key, item)
  for (const item of news) {
    if (!eligible(item) || !unique(item)) continue
    const twin = byKey.get(item.key)
    if (twin && twin.partner === null) pair(twin, item, 'moved', 1)
  }

  // Edited on the way: look up candidates through their rarest shared words.
  const postings = new Map<number, Item[]>()
  for (const item of oldFree) {
    if (item.partner || item.words < moves.minEditedWords) continue
    for (const id of item.wordIds) {
      const list = postings.get(id)
      if (list) list.push(item)
      else postings.set(id, [item])
    }
  }
  const candidates: Array<{old: Item; new: Item; similarity: number; order: number}> = []
  let order = 0
  for (const item of news) {
    if (!eligible(item) || item.words < moves.minEditedWords) continue
    order++
    const rare = [...item.wordIds]
      .map((id) => postings.get(id))
      .filter((list): list is Item[] => list !== undefined)
      .sort((x, y) => x.length - y.length)
      .slice(0, moves.rareWords)
    const seen = new Set<Item>()
    for (const list of rare) {
      for (const candidate of list.slice(0, moves.perWord)) {
        if (seen.has(candidate)) continue
        seen.add(candidate)
        const similarity = wordSimilarity(candidate.wordIds, item.wordIds)
        if (similarity >= options.movedThreshold) candidates.push({old: candidate, new: item, similarity, order})
      }
    }
  }
  candidates.sort(
    (x, y) => y.similarity - x.similarity || x.order - y.order || x.old.relation - y.old.relation || x.old.ref.block - y.old.ref.block
  )
  for (const candidate of candidates) {
    if (candidate.old.partner || candidate.new.partner) continue
    pair(candidate.old, candidate.new, 'moved', candidate.similarity)
  }
}

/** Per-relation accounting while emitting blocks. */
interface Tally {
  stats: RelationStats
  edits: number
  /** Edits for the relation's own measures: moved-out paragraphs count as gone. */
  ownEdits: number
  /** Words lost by paragraphs that left each relation for this one, by relation index: counted removed there. */
  removedOnTheWay: Map<number, number>
  oldWords: number
  newWords: number
}

/**
 * Diff every relation of a comparison. `relations[i]` of the result belongs to `pairs[i]`.
 * Never throws on content and never hangs: large or wholly different paragraphs fall back to
 * `rewritten` within the `maxEditLength` budget.
 */
export function diffRelations(pairs: RelationPair[], options: DiffOptions = {}): RelationsDiff {
  const sample = pairs
    .flatMap((p) => [...p.old, ...p.new])
    .slice(0, languageSampleSections)
    .flatMap((section) => section.blocks.map(blockToText))
    .join('\n')
  const resolved = resolveDiffOptions(options, guessLanguage(sample))
  const keys = new TokenKeys(resolved)
  const messages: Message[] = []

  const cache = new Map<string, Analysis>()
  const oldItems = pairs.map((p, r) => makeItems(p.old, 'old', r, keys, cache))
  const newItems = pairs.map((p, r) => makeItems(p.new, 'new', r, keys, cache))

  // 1. A paragraph found word for word in one other relation, and nowhere else, moved there.
  pairVerbatimMoves(oldItems.flat(), newItems.flat(), resolved)
  // 2. Inside each relation: identical paragraphs in order, then edited ones in the same place.
  const free = (item: Item) => item.partner === null
  for (let r = 0; r < pairs.length; r++) alignBlocks(oldItems[r]!.filter(free), newItems[r]!.filter(free), resolved, pair, wordSimilarity)
  // 3. Across the comparison: paragraphs that moved.
  findMoves(oldItems.flat(), newItems.flat(), resolved)

  // 4. Word diffs and emission in reading order, and the measures of each relation and of the whole.
  const relationTerms = new TermTally(keys.termCount)
  const editionTerms = new TermTally(keys.termCount)
  let oldWords = 0
  let newWords = 0
  let edits = 0
  const removedOnTheWay: number[] = []
  const relations: RelationDiff[] = pairs.map((_, r) => {
    const tally: Tally = {
      stats: {wordsAdded: 0, wordsRemoved: 0, wordsUnchanged: 0, paragraphsMoved: 0},
      edits: 0,
      ownEdits: 0,
      removedOnTheWay: new Map(),
      oldWords: 0,
      newWords: 0
    }
    const olds = oldItems[r]!
    const news = newItems[r]!
    for (const item of olds) {
      tally.oldWords += item.words
      relationTerms.add('old', item.terms)
      editionTerms.add('old', item.terms)
    }
    for (const item of news) {
      tally.newWords += item.words
      relationTerms.add('new', item.terms)
      editionTerms.add('new', item.terms)
    }
    const blocks = emitBlocks(olds, news, keys, tally, messages)
    for (const [from, words] of tally.removedOnTheWay) removedOnTheWay[from] = (removedOnTheWay[from] ?? 0) + words
    const whole = wholeTextEdits(olds, news, tally, resolved.maxEditLength)
    const measures = measureSimilarity(relationTerms, {
      oldWords: tally.oldWords,
      newWords: tally.newWords,
      edits: Math.min(tally.ownEdits, whole)
    })
    relationTerms.clear()
    oldWords += tally.oldWords
    newWords += tally.newWords
    edits += Math.min(tally.edits, whole)
    return {stats: tally.stats, measures, blocks}
  })
  removedOnTheWay.forEach((words, r) => {
    relations[r]!.stats.wordsRemoved += words
  })
  return {relations, measures: measureSimilarity(editionTerms, {oldWords, newWords, edits}), messages}
}

/**
 * The word edit distance of a relation's whole old and new texts, or Infinity when it cannot beat
 * the paragraph-by-paragraph count. That count pairs paragraphs before diffing words, so when an
 * edition joins or splits paragraphs (PDF layouts do) the text of one old paragraph inside a merged
 * new one counts as deleted and again as inserted, and the distance can exceed both texts' length
 * (edit similarity 0 on a section that kept most of its words).
 */
function wholeTextEdits(olds: Item[], news: Item[], tally: Tally, maxEditLength: number): number {
  const paragraphEdits = tally.ownEdits
  // No script does better than the length difference, and one paragraph a side was diffed whole already.
  if (paragraphEdits <= Math.abs(tally.oldWords - tally.newWords) || (olds.length <= 1 && news.length <= 1)) return Infinity
  const concat = (items: Item[]) => {
    const terms = new Int32Array(items.reduce((sum, item) => sum + item.terms.length, 0))
    let offset = 0
    for (const item of items) {
      terms.set(item.terms, offset)
      offset += item.terms.length
    }
    return terms
  }
  // A script of d insertions and deletions costs at least d / 2 edits: a longer one cannot win.
  const budget = Math.min(maxEditLength, 2 * paragraphEdits)
  return countWordEdits(concat(olds), concat(news), budget) ?? Infinity
}

/** Emit one relation's blocks in reading order and tally its statistics. */
function emitBlocks(olds: Item[], news: Item[], keys: TokenKeys, tally: Tally, messages: Message[]): BlockDiff[] {
  const blocks: BlockDiff[] = []
  const {stats} = tally
  let nextOld = 0
  // Paragraphs deleted and inserted between two kept ones replace each other: as with words, the
  // edit distance counts the larger side, not both.
  let pendingRemoved = 0
  let pendingAdded = 0
  const closeStretch = () => {
    const edits = Math.max(pendingRemoved, pendingAdded)
    tally.edits += edits
    tally.ownEdits += edits
    pendingRemoved = 0
    pendingAdded = 0
  }
  const sameRelation = (item: Item) => item.partner !== null && item.partner.relation === item.relation

  // Old paragraphs not kept in place are emitted where they stood, before what replaced them.
  const flushOlds = (until: number) => {
    for (; nextOld < until; nextOld++) {
      const item = olds[nextOld]!
      if (item.match === 'equal' || item.match === 'changed') continue
      if (item.match === 'moved') {
        blocks.push({
          op: 'deleted',
          type: item.block.type,
          old: item.ref,
          new: null,
          text: item.text,
          noise: null,
          movedTo: item.partner!.ref
        })
        if (!sameRelation(item)) tally.ownEdits += item.words
        continue
      }
      blocks.push({op: 'deleted', type: item.block.type, old: item.ref, new: null, text: item.text, noise: null})
      stats.wordsRemoved += item.words
      pendingRemoved += item.words
    }
  }
  const indexOfOld = new Map(olds.map((item, index) => [item, index]))
  const nextAnchor = (from: number) => {
    for (let j = from; j < news.length; j++) {
      const item = news[j]!
      if ((item.match === 'equal' || item.match === 'changed') && sameRelation(item)) return indexOfOld.get(item.partner!)!
    }
    return olds.length
  }

  news.forEach((item, j) => {
    const partner = item.partner
    if (partner && (item.match === 'equal' || item.match === 'changed')) {
      flushOlds(indexOfOld.get(partner)!)
      closeStretch()
      nextOld = Math.max(nextOld, indexOfOld.get(partner)! + 1)
      if (item.match === 'equal') {
        blocks.push({op: 'equal', type: item.block.type, old: partner.ref, new: item.ref, text: item.text, noise: null})
        stats.wordsUnchanged += item.words
        return
      }
      const diff = diffTokens(tokenized(partner), tokenized(item), keys)
      blocks.push(editedBlock('changed', partner, item, diff, tally, messages))
      return
    }
    flushOlds(nextAnchor(j + 1))
    if (partner && item.match === 'moved') {
      stats.paragraphsMoved++
      if (partner.key === item.key) {
        blocks.push({op: 'moved', type: item.block.type, old: partner.ref, new: item.ref, text: item.text, noise: null, similarity: 1})
        stats.wordsUnchanged += item.words
        if (!sameRelation(item)) tally.ownEdits += item.words
        return
      }
      const diff = diffTokens(tokenized(partner), tokenized(item), keys)
      const block = editedBlock('moved', partner, item, diff, tally, messages)
      if (!sameRelation(item)) {
        tally.ownEdits += item.words - diff.edits
        stats.wordsRemoved -= diff.removed
        tally.removedOnTheWay.set(partner.relation, (tally.removedOnTheWay.get(partner.relation) ?? 0) + diff.removed)
      }
      blocks.push(block)
      return
    }
    blocks.push({op: 'inserted', type: item.block.type, old: null, new: item.ref, text: item.text, noise: null})
    stats.wordsAdded += item.words
    pendingAdded += item.words
  })
  flushOlds(olds.length)
  closeStretch()
  return collapseRewritten(blocks)
}

/** A `changed` or edited `moved` block from its word diff, or `rewritten` when the diff gave up on it. */
function editedBlock(op: 'changed' | 'moved', old: Item, item: Item, diff: TokenDiff, tally: Tally, messages: Message[]): BlockDiff {
  const {stats} = tally
  stats.wordsAdded += diff.added
  stats.wordsRemoved += diff.removed
  stats.wordsUnchanged += diff.unchanged
  tally.edits += diff.edits
  tally.ownEdits += diff.edits
  const base = {type: item.block.type, old: old.ref, new: item.ref, text: item.text}
  if (diff.gaps.length === 0)
    return {op: op === 'changed' ? 'equal' : 'moved', ...base, noise: null, ...(op === 'moved' ? {similarity: 1} : {})}
  if (diff.gaveUp && diff.unchanged < rewrittenShare * Math.max(old.words, item.words)) {
    messages.push({
      severity: 'info',
      code: 'word-diff-skipped',
      text: `Paragraph ${item.ref.block + 1} of section "${item.ref.section}" changed too much for a word diff; it is shown rewritten.`,
      actual: item.ref.section
    })
    return {op: 'rewritten', ...base, oldText: old.text, noise: null}
  }
  return {op, ...base, tokens: diff.ops, noise: classifyNoise(diff.gaps), similarity: Math.round(item.similarity * 10_000) / 10_000}
}

/**
 * A relation in which nothing stayed, changed in place or moved in is one rewrite: show it as one
 * `rewritten` block (old and new text whole) instead of a column of deletions and insertions.
 */
function collapseRewritten(blocks: BlockDiff[]): BlockDiff[] {
  const kept = blocks.some((block) => block.op === 'equal' || block.op === 'changed' || block.op === 'moved')
  const deleted = blocks.filter((block) => block.op === 'deleted' && !block.movedTo)
  const inserted = blocks.filter((block) => block.op === 'inserted')
  if (kept || deleted.length === 0 || inserted.length === 0) return blocks
  const first = blocks.findIndex((block) => (block.op === 'deleted' && !block.movedTo) || block.op === 'inserted')
  const rewritten: BlockDiff = {
    op: 'rewritten',
    type: inserted[0]!.type,
    old: deleted[0]!.old,
    new: inserted[0]!.new,
    text: inserted.map((block) => block.text).join('\n\n'),
    oldText: deleted.map((block) => block.text).join('\n\n'),
    noise: null
  }
  const result: BlockDiff[] = []
  blocks.forEach((block, index) => {
    if (index === first) result.push(rewritten)
    if (!((block.op === 'deleted' && !block.movedTo) || block.op === 'inserted')) result.push(block)
  })
  return result
}
