/**
 * Word-level diff of two texts on our own tokens, through jsdiff's `diffArrays`, bounded in time:
 * long texts are matched sentence by sentence first, and no single edit script may exceed
 * `maxEditLength`.
 */
import {diffArrays} from 'diff'
import {splitSentences} from '../text/split-sentences.js'
import {Interner} from '../text/interner.js'
import {endSecond, firstSeed, mixFirst, mixSecond, secondSeed} from '../text/pair-table.js'
import {spanStart, spansToTokens, tokenKinds, tokenSpans, type Token, type TokenKind, type TokenSpans} from '../text/tokenize.js'
import {isSignificant, isWord, tokenKey, type ResolvedDiffOptions} from './diff-options.js'
import {inflectedWordStart, isInflection} from '../text/japanese-inflection.js'

/**
 * One run of a word diff: `['=', text]` unchanged, `['+', text]` inserted, `['-', text]` deleted.
 * Joining the `=` and `+` texts gives the new text exactly; joining the `=` and `-` texts gives the
 * old text exactly unless an ignore option (or the apostrophe rule, ’ = ') hid a difference: an
 * unchanged run shows the new text.
 */
export type WordOp = ['=' | '+' | '-', string]

/** One place where the texts differ: the tokens removed there and the tokens added in their stead. */
export interface ChangeGap {
  removed: Token[]
  added: Token[]
  /** Up to three significant tokens just before the change (in the new text), nearest last. */
  before: Token[]
}

export interface TokenDiff {
  /** Runs of the diff in text order; consecutive runs of the same kind are merged. */
  ops: WordOp[]
  /** Words (tokens of kind word, number, particle) inserted. */
  added: number
  /** Words deleted. */
  removed: number
  /** Words kept. */
  unchanged: number
  /** Word-level edit distance: per change, the larger of words removed and words added. */
  edits: number
  /** The places that differ significantly (under the ignore options). */
  gaps: ChangeGap[]
  /** True when the edit script was larger than `maxEditLength`: `ops` is then one deletion and one insertion. */
  gaveUp: boolean
}

/** A text's tokens with their comparison ids (see {@link TokenKeys}). */
export interface TokenizedText {
  tokens: Token[]
  ids: Int32Array
}

/** A text's tokens as spans, with their comparison ids: {@link TokenizedText} before any token object is made. */
export interface ScannedText {
  text: string
  spans: TokenSpans
  ids: Int32Array
}

/**
 * Interns token keys (and token sequences) as small integers, so diffs compare numbers. One per
 * diff run. Ids are given in order of first use; keys are hashed, not made into strings (a diff of
 * two editions reads hundreds of thousands of tokens).
 */
export class TokenKeys {
  readonly #ids = new Interner()
  readonly #sequences = new Interner(undefined, 1 << 10)
  readonly #termOf: number[] = []
  readonly #terms = new Interner(undefined, 1 << 10)
  // The id of the key every run of white space shares (the commonest token), once given.
  #space = -1
  constructor(readonly options: ResolvedDiffOptions) {}

  /** The id of token key `key` (see `tokenKey`). */
  id(key: string): number {
    return this.#ids.intern(key)
  }

  /** The id of the token `text.slice(start, end)` of kind `kind`: `id(tokenKey(token))`, mostly without the strings. */
  #spanId(text: string, start: number, end: number, kind: TokenKind): number {
    const {options} = this
    if (kind === 'space' && options.ignoreWhitespace) return this.#space === -1 ? (this.#space = this.id(' ')) : this.#space
    if (kind === 'punct' && options.ignorePunctuation) return this.id('\u0000punct')
    if (kind === 'number' && options.ignoreNumbers) return this.id('\u0000number')
    const word = kind === 'word' || kind === 'particle'
    const lower = options.ignoreCase && word
    let first = firstSeed
    let second = secondSeed
    for (let i = start; i < end; i++) {
      let code = text.charCodeAt(i)
      // A word's key has ' for ’; lower case is hashed here for ASCII only (Unicode's is not one unit for one).
      if (word && code === 0x2019) code = 0x27
      else if (lower && code >= 65 && code <= 90) code += 32
      else if (lower && code >= 0x80) return this.id(tokenKey({text: text.slice(start, end), kind}, options))
      first = mixFirst(first, code)
      second = mixSecond(second, code)
    }
    return this.#ids.internPair(first, endSecond(second, end - start))
  }

  /** Id of the lower-cased term of the word token with id `id` and text `text` (for similarity measures). */
  term(id: number, text: string): number {
    let term = this.#termOf[id]
    if (term === undefined) {
      term = this.#terms.intern(text.toLowerCase())
      this.#termOf[id] = term
    }
    return term
  }

  /** Number of term ids given (every term id is below it). */
  get termCount(): number {
    return this.#terms.size
  }

  /** {@link term} of the token `start` to `end` of `text`: its string is made only for a new id. */
  termAt(id: number, text: string, start: number, end: number): number {
    return this.#termOf[id] ?? this.term(id, text.slice(start, end))
  }

  /** Tokens and ids of `text`. */
  tokenize(text: string): TokenizedText {
    const scanned = this.scan(text)
    return {tokens: spansToTokens(text, scanned.spans), ids: scanned.ids}
  }

  /** Token spans and ids of `text`: the same ids as {@link tokenize}, without token objects. */
  scan(text: string): ScannedText {
    const spans = tokenSpans(text, this.options.language)
    const {ends, kinds, tokens} = spans
    const ids = new Int32Array(ends.length)
    if (tokens) for (let i = 0; i < tokens.length; i++) ids[i] = this.id(tokenKey(tokens[i]!, this.options))
    else for (let i = 0; i < ends.length; i++) ids[i] = this.#spanId(text, spanStart(spans, i), ends[i]!, tokenKinds[kinds[i]!]!)
    return {text, spans, ids}
  }

  /** One id for a whole sequence of token ids (equal sequences, equal ids). */
  sequence(ids: ArrayLike<number>, start = 0, end = ids.length): number {
    let first = firstSeed
    let second = secondSeed
    for (let i = start; i < end; i++) {
      const id = ids[i]!
      first = mixFirst(mixFirst(first, id & 0xffff), id >>> 16)
      second = mixSecond(mixSecond(second, id & 0xffff), id >>> 16)
    }
    second = endSecond(second, end - start)
    return this.#sequences.internPair(first, second)
  }
}

type Step = {op: '=' | '+' | '-'; count: number}

/** Edit script of two id arrays, or undefined when it would be longer than `maxEditLength`. */
function editScript(oldIds: ArrayLike<number>, newIds: ArrayLike<number>, maxEditLength: number): Step[] | undefined {
  let prefix = 0
  while (prefix < oldIds.length && prefix < newIds.length && oldIds[prefix] === newIds[prefix]) prefix++
  let suffix = 0
  while (
    suffix < oldIds.length - prefix &&
    suffix < newIds.length - prefix &&
    oldIds[oldIds.length - 1 - suffix] === newIds[newIds.length - 1 - suffix]
  )
    suffix++
  const oldMiddle = Array.prototype.slice.call(oldIds, prefix, oldIds.length - suffix) as number[]
  const newMiddle = Array.prototype.slice.call(newIds, prefix, newIds.length - suffix) as number[]
  const steps: Step[] = []
  if (prefix) steps.push({op: '=', count: prefix})
  if (oldMiddle.length === 0 || newMiddle.length === 0) {
    if (oldMiddle.length) steps.push({op: '-', count: oldMiddle.length})
    if (newMiddle.length) steps.push({op: '+', count: newMiddle.length})
  } else {
    // jsdiff returns undefined once the script grows past maxEditLength: the caller falls back.
    const changes = diffArrays(oldMiddle, newMiddle, {maxEditLength})
    if (changes === undefined) return undefined
    for (const change of changes) {
      steps.push({op: change.added ? '+' : change.removed ? '-' : '=', count: change.count})
    }
  }
  if (suffix) steps.push({op: '=', count: suffix})
  return steps
}

/**
 * Word-level edit distance of two word-id sequences (per change, the larger of words removed and
 * added, as in {@link TokenDiff.edits}), or undefined when the script needs more than `maxEditLength`
 * insertions and deletions.
 */
export function countWordEdits(oldIds: ArrayLike<number>, newIds: ArrayLike<number>, maxEditLength: number): number | undefined {
  const steps = editScript(oldIds, newIds, maxEditLength)
  if (steps === undefined) return undefined
  let edits = 0
  let removed = 0
  let added = 0
  for (const step of steps) {
    if (step.op === '=') {
      edits += Math.max(removed, added)
      removed = 0
      added = 0
    } else if (step.op === '-') removed += step.count
    else added += step.count
  }
  return edits + Math.max(removed, added)
}

/** Accumulates ops, counts and gaps while walking an edit script. */
class DiffBuilder {
  readonly ops: WordOp[] = []
  added = 0
  removed = 0
  unchanged = 0
  edits = 0
  readonly gaps: ChangeGap[] = []
  #gap: ChangeGap | null = null
  #recent: Token[] = []

  constructor(readonly options: ResolvedDiffOptions) {}

  #push(op: WordOp[0], text: string): void {
    if (text === '') return
    const last = this.ops.at(-1)
    if (last && last[0] === op) last[1] += text
    else this.ops.push([op, text])
  }

  equal(tokens: readonly Token[]): void {
    for (const token of tokens) {
      this.#push('=', token.text)
      if (isWord(token)) this.unchanged++
      if (isSignificant(token, this.options) && token.kind !== 'space') {
        this.#closeGap()
        this.#recent.push(token)
        if (this.#recent.length > 3) this.#recent.shift()
      }
    }
  }

  change(op: '+' | '-', tokens: readonly Token[]): void {
    for (const token of tokens) {
      this.#push(op, token.text)
      if (isWord(token)) op === '+' ? this.added++ : this.removed++
      if (isSignificant(token, this.options)) {
        this.#gap ??= {removed: [], added: [], before: [...this.#recent]}
        ;(op === '+' ? this.#gap.added : this.#gap.removed).push(token)
      }
    }
  }

  #closeGap(): void {
    if (!this.#gap) return
    const removed = this.#gap.removed.filter(isWord).length
    const added = this.#gap.added.filter(isWord).length
    this.edits += Math.max(removed, added)
    this.gaps.push(this.#gap)
    this.#gap = null
  }

  finish(gaveUp: boolean): TokenDiff {
    this.#closeGap()
    const {ops, added, removed, unchanged, edits, gaps} = this
    return {ops, added, removed, unchanged, edits, gaps, gaveUp}
  }
}

type Run = {equal: true; i: number; j: number; count: number} | {equal: false; i: number; oldCount: number; j: number; newCount: number}

/**
 * Turn an edit script into runs, dissolving the tiny unchanged runs a word diff finds inside a
 * rewritten phrase (a space, a comma, one short word like "the" between changes on both sides):
 * "−the version distributed as a +versions of this" reads better than five alternations.
 */
function toRuns(steps: readonly Step[], oldTokens: readonly Token[], newTokens: readonly Token[]): Run[] {
  const runs: Run[] = []
  let i = 0
  let j = 0
  for (const step of steps) {
    const last = runs.at(-1)
    if (step.op === '=') {
      runs.push({equal: true, i, j, count: step.count})
      i += step.count
      j += step.count
      continue
    }
    const gap = last && !last.equal ? last : {equal: false as const, i, oldCount: 0, j, newCount: 0}
    if (gap !== last) runs.push(gap)
    if (step.op === '-') {
      gap.oldCount += step.count
      i += step.count
    } else {
      gap.newCount += step.count
      j += step.count
    }
  }
  const merged: Run[] = []
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!
    const previous = merged.at(-1)
    const next = runs[k + 1]
    if (
      run.equal &&
      previous &&
      !previous.equal &&
      next &&
      !next.equal &&
      isFiller(newTokens.slice(run.j, run.j + run.count), previous, next)
    ) {
      previous.oldCount += run.count + next.oldCount
      previous.newCount += run.count + next.newCount
      k++
      continue
    }
    if (!run.equal && previous && !previous.equal) {
      previous.oldCount += run.oldCount
      previous.newCount += run.newCount
      continue
    }
    merged.push({...run})
  }
  wholeInflectedWords(merged, oldTokens, newTokens)
  wholeHanWords(merged, oldTokens, newTokens)
  return merged
}

/** A token of one Han character: where the segmenter found no word, it hands a word over so. */
const loneHan = /^\p{Script=Han}$/u

/**
 * Widen each rewrite that begins (ends) on a single Han character in both texts by the single
 * character before (after) it, the same in both: lone characters are a word the dictionary lacked
 * (`密|钥` key), and the redline then marks `密钥` → `秘钥`, not half a word kept (`加密[-密][+秘]钥`).
 * One character a side: most Chinese words are two characters long, and a run of lone characters
 * may hold more than one word (`密|钥|免|受`, key + spared). A word the segmenter knew (`加密`) is a
 * word edge and stays out.
 */
function wholeHanWords(runs: Run[], oldTokens: readonly Token[], newTokens: readonly Token[]): void {
  const lone = (token: Token | undefined): boolean => token !== undefined && loneHan.test(token.text)
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!
    if (run.equal || run.oldCount === 0 || run.newCount === 0) continue
    const kept = runs[k - 1]
    // An unchanged run taken whole would leave two rewrites side by side: they stay apart.
    if (
      kept?.equal &&
      (kept.count > 1 || (kept.count === 1 && k === 1)) &&
      lone(newTokens[kept.j + kept.count - 1]) &&
      lone(oldTokens[run.i]) &&
      lone(newTokens[run.j])
    ) {
      kept.count--
      run.i--
      run.j--
      run.oldCount++
      run.newCount++
    }
    const next = runs[k + 1]
    if (
      next?.equal &&
      (next.count > 1 || (next.count === 1 && k + 2 === runs.length)) &&
      lone(newTokens[next.j]) &&
      lone(oldTokens[run.i + run.oldCount - 1]) &&
      lone(newTokens[run.j + run.newCount - 1])
    ) {
      next.count--
      next.i++
      next.j++
      run.oldCount++
      run.newCount++
    }
  }
}

/**
 * Widen each rewrite that opens on a Japanese inflection (`払|われる` → `払|われ|た`, `構成|さ|れ|た` →
 * `構成|さ|れる`) back to where its word begins, the same tokens in both texts: the redline then marks
 * `払われる` → `払われた`, not a kanji kept and its ending changed.
 */
function wholeInflectedWords(runs: Run[], oldTokens: readonly Token[], newTokens: readonly Token[]): void {
  for (let k = 1; k < runs.length; k++) {
    const run = runs[k]!
    const kept = runs[k - 1]!
    if (run.equal || !kept.equal || run.oldCount === 0 || run.newCount === 0) continue
    if (!isInflection(oldTokens[run.i]!) || !isInflection(newTokens[run.j]!)) continue
    const widen = run.j - Math.max(inflectedWordStart(newTokens, run.j), kept.j)
    // An unchanged run taken whole would leave two rewrites side by side: they stay apart.
    if (widen === 0 || (widen === kept.count && k > 1)) continue
    kept.count -= widen
    run.i -= widen
    run.j -= widen
    run.oldCount += widen
    run.newCount += widen
  }
}

function isFiller(tokens: readonly Token[], before: Run, after: Run): boolean {
  const words = tokens.filter(isWord)
  if (words.length === 0) return true
  if (words.length > 1) return false
  const around = (before.equal ? 0 : before.oldCount + before.newCount) + (after.equal ? 0 : after.oldCount + after.newCount)
  return [...words[0]!.text].length <= 3 && around >= 8
}

/** Walk `steps` over the two token arrays into `builder`; equal runs show the new tokens. */
function apply(builder: DiffBuilder, steps: readonly Step[], oldTokens: readonly Token[], newTokens: readonly Token[]): void {
  for (const run of toRuns(steps, oldTokens, newTokens)) {
    if (run.equal) {
      builder.equal(newTokens.slice(run.j, run.j + run.count))
    } else {
      builder.change('-', oldTokens.slice(run.i, run.i + run.oldCount))
      builder.change('+', newTokens.slice(run.j, run.j + run.newCount))
    }
  }
}

/** Diff two token runs directly; on give-up, record one deletion and one insertion. Returns false on give-up. */
function diffRun(builder: DiffBuilder, keys: TokenKeys, old: TokenizedText, neu: TokenizedText): boolean {
  const steps = editScript(old.ids, neu.ids, keys.options.maxEditLength)
  if (steps === undefined) {
    builder.change('-', old.tokens)
    builder.change('+', neu.tokens)
    return false
  }
  apply(builder, steps, old.tokens, neu.tokens)
  return true
}

/** Token index where each sentence unit starts (a unit runs to the next start), losslessly covering the tokens. */
function sentenceStarts(tokens: readonly Token[], language: string): number[] {
  const text = tokens.map((token) => token.text).join('')
  const offsets = splitSentences(text, language).map((sentence) => sentence.start)
  const starts = [0]
  let offset = 0
  let next = 1
  tokens.forEach((token, index) => {
    if (next < offsets.length && offset >= offsets[next]!) {
      if (index > starts.at(-1)!) starts.push(index)
      while (next < offsets.length && offset >= offsets[next]!) next++
    }
    offset += token.text.length
  })
  return starts
}

function slice(text: TokenizedText, start: number, end: number): TokenizedText {
  return {tokens: text.tokens.slice(start, end), ids: text.ids.subarray(start, end)}
}

/**
 * Diff two tokenised texts. Long ones (more than `sentenceThreshold` tokens on either side) are
 * matched sentence by sentence, then each run of changed sentences word by word, so that a long
 * section never needs one large edit script.
 */
export function diffTokens(old: TokenizedText, neu: TokenizedText, keys: TokenKeys): TokenDiff {
  const {options} = keys
  const builder = new DiffBuilder(options)
  if (Math.max(old.tokens.length, neu.tokens.length) <= options.sentenceThreshold) {
    const done = diffRun(builder, keys, old, neu)
    return builder.finish(!done)
  }
  const units = (text: TokenizedText) => {
    const starts = sentenceStarts(text.tokens, options.language)
    return starts.map((start, k) => [start, starts[k + 1] ?? text.tokens.length] as const)
  }
  const oldUnits = units(old)
  const newUnits = units(neu)
  const steps = editScript(
    oldUnits.map(([start, end]) => keys.sequence(old.ids, start, end)),
    newUnits.map(([start, end]) => keys.sequence(neu.ids, start, end)),
    Number.MAX_SAFE_INTEGER
  )!
  let i = 0
  let j = 0
  let gaveUp = false
  let pendingOld: [number, number] | null = null
  let pendingNew: [number, number] | null = null
  const flush = () => {
    if (pendingOld || pendingNew) {
      const oldRun = pendingOld ? slice(old, ...pendingOld) : slice(old, 0, 0)
      const newRun = pendingNew ? slice(neu, ...pendingNew) : slice(neu, 0, 0)
      if (!diffRun(builder, keys, oldRun, newRun)) gaveUp = true
    }
    pendingOld = null
    pendingNew = null
  }
  for (const step of steps) {
    if (step.op === '=') {
      flush()
      builder.equal(neu.tokens.slice(newUnits[j]![0], newUnits[j + step.count - 1]![1]))
      i += step.count
      j += step.count
    } else if (step.op === '-') {
      pendingOld = [pendingOld?.[0] ?? oldUnits[i]![0], oldUnits[i + step.count - 1]![1]]
      i += step.count
    } else {
      pendingNew = [pendingNew?.[0] ?? newUnits[j]![0], newUnits[j + step.count - 1]![1]]
      j += step.count
    }
  }
  flush()
  return builder.finish(gaveUp)
}
