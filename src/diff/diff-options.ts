/**
 * Options shared by every diff stage, and the token comparison they imply.
 */
import type {Token, TokenKind} from '../text/tokenize.js'

/** How to diff; every field optional. */
export interface DiffOptions {
  /**
   * BCP 47 tag of the text, for tokenising and sentence splitting. Default: guessed from the text's
   * script (`ko`, `ja`, `zh`, else `en`).
   */
  language?: string
  /** `Policy` equals `policy`. Default false. */
  ignoreCase?: boolean
  /** Punctuation marks compare equal to each other and their insertion or removal is no change. Default false. */
  ignorePunctuation?: boolean
  /** Numbers compare equal to each other and their insertion or removal is no change. Default false. */
  ignoreNumbers?: boolean
  /** Runs of whitespace compare equal (a line break equals a space) and are never a change. Default true. */
  ignoreWhitespace?: boolean
  /**
   * Largest word-level edit script (inserted + deleted tokens) computed for one paragraph or one run
   * of changed sentences; a larger one is not computed and the paragraph is reported `rewritten`.
   * Bounds the time of the worst case. Default 2000.
   */
  maxEditLength?: number
  /** Paragraphs with more tokens than this are diffed sentence by sentence first. Default 600. */
  sentenceThreshold?: number
  /**
   * Word-set similarity (0..1, Dice coefficient) from which an old and a new paragraph in the same
   * place count as one paragraph `changed` rather than one deleted and one inserted. Default 0.5.
   */
  changedThreshold?: number
  /** Similarity from which a paragraph found elsewhere counts as `moved` (and edited). Default 0.6. */
  movedThreshold?: number
  /** Paragraphs with fewer words are never reported as moved (short lines repeat by chance). Default 4. */
  minMoveWords?: number
}

/** {@link DiffOptions} with every default filled in. */
export type ResolvedDiffOptions = Required<DiffOptions>

/** Fill in defaults; `language` falls back to `fallbackLanguage`. */
export function resolveDiffOptions(options: DiffOptions, fallbackLanguage: string): ResolvedDiffOptions {
  return {
    language: options.language ?? fallbackLanguage,
    ignoreCase: options.ignoreCase ?? false,
    ignorePunctuation: options.ignorePunctuation ?? false,
    ignoreNumbers: options.ignoreNumbers ?? false,
    ignoreWhitespace: options.ignoreWhitespace ?? true,
    maxEditLength: options.maxEditLength ?? 2000,
    sentenceThreshold: options.sentenceThreshold ?? 600,
    changedThreshold: options.changedThreshold ?? 0.5,
    movedThreshold: options.movedThreshold ?? 0.6,
    minMoveWords: options.minMoveWords ?? 4
  }
}

/** The string two tokens must share to compare equal under `options`. */
export function tokenKey(token: Token, options: ResolvedDiffOptions): string {
  switch (token.kind) {
    case 'space':
      return options.ignoreWhitespace ? ' ' : token.text
    case 'punct':
      return options.ignorePunctuation ? '\u0000punct' : token.text
    case 'number':
      return options.ignoreNumbers ? '\u0000number' : token.text
    default: {
      // Typographic and straight apostrophes are the same word (today’s = today's).
      const text = token.text.includes('’') ? token.text.replaceAll('’', "'") : token.text
      return options.ignoreCase ? text.toLowerCase() : text
    }
  }
}

/** Whether inserting or deleting `token` changes the text under `options`. */
export function isSignificant(token: Token, options: ResolvedDiffOptions): boolean {
  return isSignificantKind(token.kind, options)
}

/** {@link isSignificant} of a token of kind `kind`. */
export function isSignificantKind(kind: TokenKind, options: ResolvedDiffOptions): boolean {
  switch (kind) {
    case 'space':
      return !options.ignoreWhitespace
    case 'punct':
      return !options.ignorePunctuation
    case 'number':
      return !options.ignoreNumbers
    default:
      return true
  }
}

/** Tokens counted as words in statistics and similarity measures. */
export function isWord(token: Token): boolean {
  return isWordKind(token.kind)
}

/** {@link isWord} of a token of kind `kind`. */
export function isWordKind(kind: TokenKind): boolean {
  return kind === 'word' || kind === 'number' || kind === 'particle'
}
