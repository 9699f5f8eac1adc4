/**
 * Heading levels from numbering labels. A label belongs to a scheme (`Chapter N`, dotted decimals,
 * `가.`, `(1)`, `①`…); dotted decimals carry their own depth (`7.4.1.2` is four deep), named
 * schemes have a fixed rank (a Part holds Chapters, a Chapter holds Sections), and every other
 * scheme nests under whatever came before it the first time it appears — the way outline numbering
 * works in word processors, and the only order that holds across Korean, Japanese and English
 * documents without a per-language table.
 */
import {parseNumbering} from '../text/parse-numbering.js'

/** What a numbering label says about its place in the outline. */
export interface NumberingScheme {
  /** Scheme name (`chapter`, `decimal`, `ko-jang`, `hangul`, `paren`, `circled`…). Labels of one scheme are siblings or ancestors of each other. */
  scheme: string
  /** Depth inside the scheme: components of a dotted decimal (`7.4.1` → 3); 1 for every other scheme. */
  depth: number
  /** Fixed rank of named schemes (0 part, 1 chapter/appendix, 2 section, 3 article…); null for the rest. */
  rank: number | null
  /** First component (`7` of `7.4.1`, `A` of `A.1`, `II` of `Chapter II`), upper-cased; lets `A.1` sit under `Appendix A`. */
  first: string
}

const namedRanks: Array<[RegExp, number, string]> = [
  [/^(?:part|book|volume|title)$/iu, 0, 'part'],
  [/^(?:chapter|chap\.)$/iu, 1, 'chapter'],
  [/^(?:appendix|annex|부록|부속서|附属書|付属書|附录|附錄)$/iu, 1, 'appendix'],
  [/^(?:section|sec\.)$/iu, 2, 'section'],
  [/^(?:article|art\.)$/iu, 3, 'article']
]
const koreanRanks: Record<string, number> = {편: 0, 부: 0, 장: 1, 절: 2, 관: 3, 조: 4, 항: 5}
const cjkRanks: Record<string, number> = {部: 0, 編: 0, 编: 0, 篇: 0, 章: 1, 節: 2, 节: 2, 款: 3, 条: 4, 條: 4}

// Full-width digits and dots (`１.１`, `５．３`) number alike their ASCII forms; NFKC would also turn `①` into `1`.
const asciiDigits = (label: string): string => label.replace(/[０-９．]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))

/** Classify one label as returned by `parseNumbering` (e.g. `Chapter II`, `7.4.1.2.`, `제1장`, `가.`). */
export function numberingScheme(label: string): NumberingScheme {
  const text = asciiDigits(label.trim())
  const named = /^(\S+)\s+(\S+)$/u.exec(text)
  if (named) {
    for (const [word, rank, scheme] of namedRanks) {
      if (word.test(named[1]!)) return {scheme, depth: 1, rank, first: (named[2]!.split('.')[0] ?? '').toUpperCase()}
    }
  }
  // A word processor's list number before a named label (`1) 제 1 절`, `2. 第2章`): the label places the heading.
  const listed = /^\d{1,3}[.)）]\s+((?:제|第).+)$/u.exec(text)
  if (listed) return numberingScheme(listed[1]!)
  // An article inserted after another keeps its number with a branch (`제2조의2`): still an article.
  const korean = /^제\s*(\d+)\s*([편부장절관조항])(?:의\s*\d+)?$/u.exec(text)
  if (korean) return {scheme: `ko-${korean[2]}`, depth: 1, rank: koreanRanks[korean[2]!] ?? null, first: korean[1]!}
  const cjk = /^第(.+?)([部編编篇章節节款条條])$/u.exec(text)
  if (cjk) return {scheme: `cjk-${cjk[2]}`, depth: 1, rank: cjkRanks[cjk[2]!] ?? null, first: cjk[1]!}
  if (/^[A-Z]{1,4}\d{1,2}:\d{4}$/u.test(text)) return {scheme: 'code-year', depth: 1, rank: null, first: ''}
  // Single I, V, X are far more often Roman numerals than the 9th, 22nd or 24th appendix.
  if (/^[IVX]\.?$/u.test(text) || /^(?=[IVXLCDM]{2,})M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\.?$/u.test(text)) {
    return {scheme: 'roman', depth: 1, rank: null, first: text.replace('.', '')}
  }
  const decimal = /^((?:[A-Z]|\d{1,3})(?:\.\d{1,3})*)\.?$/u.exec(text)
  if (decimal) {
    const parts = decimal[1]!.split('.')
    return {scheme: 'decimal', depth: parts.length, rank: null, first: parts[0]!.toUpperCase()}
  }
  if (/^\d{1,3}\)$/u.test(text)) return {scheme: 'num-paren', depth: 1, rank: null, first: ''}
  if (/^[가-하][.]$/u.test(text)) return {scheme: 'hangul', depth: 1, rank: null, first: ''}
  if (/^[가-하][)]$/u.test(text)) return {scheme: 'hangul-paren', depth: 1, rank: null, first: ''}
  if (/^\(\d{1,3}\)$/u.test(text)) return {scheme: 'paren', depth: 1, rank: null, first: ''}
  if (/^\([가-하]\)$/u.test(text)) return {scheme: 'paren-hangul', depth: 1, rank: null, first: ''}
  if (/^[①-⑳]$/u.test(text)) return {scheme: 'circled', depth: 1, rank: null, first: ''}
  if (/^[一二三四五六七八九十]+、$/u.test(text)) return {scheme: 'cjk-enum', depth: 1, rank: null, first: ''}
  if (/^[（(][一二三四五六七八九十]+[)）]$/u.test(text)) return {scheme: 'cjk-paren', depth: 1, rank: null, first: ''}
  return {scheme: `other:${text.replace(/[\p{L}\p{N}]+/gu, '#')}`, depth: 1, rank: null, first: ''}
}

/** The groups of a text's opening dotted-decimal number in ASCII digits (`1.2 역량`, `１．２` → 1, 2), none when it opens with no such number. */
export function decimalParts(text: string): string[] {
  const {numbering} = parseNumbering(text)
  if (numbering === null || numberingScheme(numbering).scheme !== 'decimal') return []
  return asciiDigits(numbering).replace(/\.$/u, '').split('.')
}

const romanValues: Record<string, number> = {I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000}

function romanToNumber(text: string): number | null {
  if (!/^[IVXLCDM]+$/u.test(text)) return null
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const value = romanValues[text[i]!]!
    const next = romanValues[text[i + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

/** `II` and `2` are the same chapter number when a decimal `2.1` follows `Chapter II`. */
function sameNumber(a: string, b: string): boolean {
  if (a === b) return true
  const ra = /^\d+$/u.test(a) ? Number(a) : romanToNumber(a)
  const rb = /^\d+$/u.test(b) ? Number(b) : romanToNumber(b)
  return ra !== null && ra === rb
}

/** Depth of the dotted-decimal number a heading opens with (`3.1.4 프로그램 적용 범위` → 3), or null for none. */
export function decimalDepth(text: string): number | null {
  const {numbering} = parseNumbering(text)
  const scheme = numbering === null ? null : numberingScheme(numbering)
  return scheme?.scheme === 'decimal' ? scheme.depth : null
}

/** One heading as the level assignment sees it. */
export interface LevelInput {
  /** Numbering label, or null for an unnumbered heading. */
  numbering: string | null
  /** Level to use when the heading is unnumbered (from layout or font size). Default 1. */
  fallbackLevel?: number
}

interface StackEntry {
  scheme: NumberingScheme
  /** Level of depth 1 of this scheme. */
  base: number
}

/**
 * Levels (1 = top) for headings in document order. Numbered headings get their level from their
 * numbering; unnumbered ones take `fallbackLevel` and close every deeper open scheme. Levels never
 * jump by more than one below the previous heading.
 */
export function numberingLevels(headings: readonly LevelInput[]): number[] {
  const stack: StackEntry[] = []
  const levels: number[] = []
  let last = 0
  // Level of the last numbered heading still open: a new scheme nests under it. Unnumbered
  // headings (Abstract, References) are siblings, not parents, of the numbered ones after them.
  let lastNumbered = 0
  for (const heading of headings) {
    let level: number
    if (heading.numbering === null) {
      level = Math.max(1, Math.min(heading.fallbackLevel ?? 1, last + 1))
      while (stack.length > 0 && stack[stack.length - 1]!.base >= level) stack.pop()
      lastNumbered = stack.length > 0 ? Math.min(lastNumbered, level - 1) : 0
    } else {
      const scheme = numberingScheme(heading.numbering)
      const index = stack.findIndex((entry) => entry.scheme.scheme === scheme.scheme)
      if (index >= 0) {
        stack.length = index + 1
        level = stack[index]!.base + scheme.depth - 1
      } else {
        // A scheme first met below its top (`A.1` with no `A`) starts where its top would be.
        let base = Math.max(1, lastNumbered + 1 - (scheme.depth - 1))
        if (scheme.rank !== null) {
          // A named scheme ranks above generic ones and below named ones of a smaller rank.
          const at = stack.findIndex((entry) => entry.scheme.rank === null || entry.scheme.rank > scheme.rank!)
          if (at >= 0) {
            base = stack[at]!.base
            stack.length = at
          }
        } else if (scheme.scheme === 'decimal' && scheme.depth > 1) {
          // `A.1` under `Appendix A`, `2.1` under `Chapter 2`: the first component is the parent's.
          const parent = [...stack].reverse().find((entry) => entry.scheme.rank !== null)
          if (parent && sameNumber(parent.scheme.first, scheme.first)) base = parent.base
        }
        stack.push({scheme, base})
        level = base + scheme.depth - 1
      }
      level = Math.max(1, Math.min(level, last + 1))
      lastNumbered = level
    }
    levels.push(level)
    last = level
  }
  return levels
}
