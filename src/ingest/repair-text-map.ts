/**
 * Korean text that a PDF's broken ToUnicode map garbled: every extractor reads 싞뢰 for 신뢰, 젂달 for
 * 전달, 젃차 for 절차, because the map sends some glyphs to the wrong code points. The wrong
 * syllables give themselves away: they are not among the 2,350 of KS X 1001 (see
 * {@link ksX1001Hangul}), which cover all the Hangul of every clean Korean text we measured (about
 * 800,000 syllables in 12 published PDFs and 9 corpus files, not one outside). A rare syllable now
 * and then is a name or a quoted spelling (똠방각하); many of them, in a document, are a broken map.
 *
 * A broken map is consistent: one glyph always yields the same wrong syllable. So each wrong
 * syllable is repaired once for the whole document, from two kinds of evidence:
 *
 * - **words the document spells correctly elsewhere** (as `repair-words.ts` joins broken words):
 *   관렦 becomes 관련 when 관련 occurs in text the map did not touch (another font, say);
 * - **the pattern of the breakage**, accepted for the document only when at least two syllables
 *   repaired by words agree with it and (almost) none contradicts it. Two patterns are tried:
 *   - *KS X 1001 rank*: fonts made for Korean keep their Hangul glyphs in KS X 1001 order, and a
 *     map that assigns a run of such glyphs a run of consecutive code points (a `bfrange`) gives
 *     the k-th KS X 1001 syllable of a block (same initial and vowel) the code point of final
 *     number k: 시 식 신 실 → 시 식 싞 싟 — the 2.0 OpenChain specification's breakage, where
 *     신 → 싞, 전 → 젂, 절 → 젃, 활 → 홗;
 *   - *a constant shift* of the code point by k (−27…27) within the block.
 *
 * Candidates keep the initial and the vowel: a wrong code point a few steps away from the right
 * one changes the final consonant first (it is the fastest-varying part of a syllable's code).
 * Syllables in KS X 1001 are never touched, so clean Korean text and every other script come
 * through unchanged; a substitution that lands on another common syllable (갈 read as 간) cannot be
 * seen and is not repaired.
 */
import type {Message} from '../model/edition.js'
import {splitKoreanParticle} from '../text/korean-particles.js'
import {ksX1001Hangul} from './ks-x-1001-hangul.js'
import {buildLexicon} from './repair-words.js'

/** Options of {@link repairTextMap}. */
export interface RepairTextMapOptions {
  /** The page number of each page, for messages. Default 1, 2, 3… */
  pageNumbers?: readonly number[]
  /** A document is broken when it holds at least this many rare syllables… Default 3. */
  minRare?: number
  /** …and they are at least this share of its Hangul syllables. Default 0.002 (0.2 %). */
  minShare?: number
}

/** One learned repair: every `from` in the document becomes `to`. */
export interface TextMapSubstitution {
  from: string
  to: string
  /** How many times `from` occurred. */
  count: number
  /** What decided it: words spelled right elsewhere, or the document's breakage pattern. */
  by: 'words' | 'pattern'
}

/** What {@link repairTextMap} returns. */
export interface RepairTextMapResult {
  /** The pages, repaired (same length and line structure as given: one syllable for one). */
  pages: string[]
  /** One warning when the document is broken, and an info message listing the repairs. */
  messages: Message[]
  /** True when the document holds enough rare syllables to count as a broken text map. */
  broken: boolean
  /** Page numbers of pages that hold rare syllables, ascending. */
  suspectPages: number[]
  /** Learned repairs, in code-point order of `from`. */
  substitutions: TextMapSubstitution[]
  /** Rare syllables found in the document. */
  rare: number
  /** Rare syllables replaced. */
  repaired: number
  /** Rare syllables left as they were (`rare - repaired`). */
  remaining: number
}

const firstSyllable = 0xac00
const syllableCount = 11_172
const finals = 28

/** 1 for a syllable of KS X 1001, by offset from 가. */
const common = new Uint8Array(syllableCount)
for (const char of ksX1001Hangul) common[char.charCodeAt(0) - firstSyllable] = 1

/** The KS X 1001 syllables of each block (initial + vowel), in order, by block number. */
const blocks: string[][] = Array.from({length: syllableCount / finals}, () => [])
for (const char of ksX1001Hangul) blocks[Math.floor((char.charCodeAt(0) - firstSyllable) / finals)]!.push(char)

const syllablePattern = /[\uAC00-\uD7A3]/gu

/** True for a Hangul syllable outside KS X 1001: one Korean text does not use. */
export function isRareSyllable(char: string): boolean {
  const offset = char.charCodeAt(0) - firstSyllable
  return char.length === 1 && offset >= 0 && offset < syllableCount && common[offset] === 0
}

type Pattern = (char: string) => string | undefined

/** KS X 1001 rank within the block: the syllable whose rank equals the wrong one's final number. */
const ksRank: Pattern = (char) => {
  const offset = char.charCodeAt(0) - firstSyllable
  return blocks[Math.floor(offset / finals)]![offset % finals]
}

function shift(k: number): Pattern {
  return (char) => {
    const offset = char.charCodeAt(0) - firstSyllable
    const target = offset + k
    if (Math.floor(target / finals) !== Math.floor(offset / finals) || target < 0 || common[target] === 0) return undefined
    return String.fromCharCode(firstSyllable + target)
  }
}

/** The patterns tried, most specific first (ties go to the earlier one). */
const patterns: Pattern[] = [ksRank]
for (let k = 1; k < finals; k++) patterns.push(shift(k), shift(-k))

/** Common syllables with the same initial and vowel as `char`. */
function candidates(char: string): string[] {
  const offset = char.charCodeAt(0) - firstSyllable
  return blocks[Math.floor(offset / finals)]!
}

/** `3, 5–7, 9` */
function pageList(pages: readonly number[]): string {
  const parts: string[] = []
  for (let i = 0; i < pages.length; i++) {
    let j = i
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`)
    i = j
  }
  return parts.join(', ')
}

/**
 * Find and repair Hangul syllables that a broken ToUnicode map garbled (see the module comment).
 * `pages` are the text of each page; what is returned has the same shape, one syllable replaced by
 * one, so line breaks and offsets stay where they were.
 */
export function repairTextMap(pages: readonly string[], options: RepairTextMapOptions = {}): RepairTextMapResult {
  const pageNumbers = options.pageNumbers ?? pages.map((_, index) => index + 1)
  const rareCounts = new Map<string, number>()
  const suspectPages: number[] = []
  let hangul = 0
  pages.forEach((page, index) => {
    let rareHere = 0
    // By code unit, not by match: a match object per syllable was most of this pass's time and garbage
    // (Hangul syllables are single code units, so the count is the pattern's).
    for (let at = 0; at < page.length; at++) {
      const offset = page.charCodeAt(at) - firstSyllable
      if (offset < 0 || offset >= syllableCount) continue
      hangul++
      if (common[offset] === 1) continue
      rareHere++
      const char = page[at]!
      rareCounts.set(char, (rareCounts.get(char) ?? 0) + 1)
    }
    if (rareHere > 0) suspectPages.push(pageNumbers[index] ?? index + 1)
  })
  const rare = [...rareCounts.values()].reduce((sum, count) => sum + count, 0)
  const broken = rare >= (options.minRare ?? 3) && rare >= hangul * (options.minShare ?? 0.002)
  if (!broken) {
    return {pages: [...pages], messages: [], broken, suspectPages: [], substitutions: [], rare, repaired: 0, remaining: rare}
  }
  suspectPages.sort((a, b) => a - b)

  // Text the map did not touch is the evidence: the document's words (counted as broken-word
  // repair counts them), their stems (신뢰를 → 신뢰, so a stem attests the word with any other
  // particle), and the syllables they use.
  const clean = new Set<string>()
  const cleanSyllables = new Set<string>()
  const brokenWords: string[] = []
  for (const word of buildLexicon(pages).counts.keys()) {
    if ([...word].some(isRareSyllable)) brokenWords.push(word)
    else {
      clean.add(word)
      clean.add(splitKoreanParticle(word)[0])
      for (const char of word) cleanSyllables.add(char)
    }
  }
  // One syllable alone attests nothing; two side by side do when they are a word of their own
  // elsewhere (개월동앆 → 동안).
  const attested = (word: string, at: number): boolean => {
    const stem = splitKoreanParticle(word)[0]
    if ((word.length >= 2 && clean.has(word)) || (stem.length >= 2 && clean.has(stem))) return true
    return (at > 0 && clean.has(word.slice(at - 1, at + 1))) || (at + 2 <= word.length && clean.has(word.slice(at, at + 2)))
  }

  // Votes of words: a broken word whose rare syllables are all one syllable, read with a
  // candidate in its place, spelled so elsewhere. Each distinct word votes once.
  const votes = new Map<string, Map<string, number>>()
  for (const word of brokenWords.sort()) {
    const wrong = new Set([...word].filter(isRareSyllable))
    if (wrong.size !== 1) continue
    const char = [...wrong][0]!
    for (const candidate of candidates(char)) {
      const read = word.replaceAll(char, candidate)
      if (!attested(read, word.indexOf(char))) continue
      const tally = votes.get(char) ?? new Map<string, number>()
      tally.set(candidate, (tally.get(candidate) ?? 0) + 1)
      votes.set(char, tally)
    }
  }

  // A repair is supported when words attest it, or when its syllable never occurs untouched: a
  // glyph the map breaks never yields its own syllable, so the right reading of a wrong syllable
  // is usually missing from the clean text (전, 신, 간 in a document where 젂, 싞, 갂 stand).
  const supported = (char: string, target: string): boolean => (votes.get(char)?.get(target) ?? 0) > 0 || !cleanSyllables.has(target)

  // A pattern is accepted when words attest its reading of at least two wrong syllables (chance
  // agreement with words is rare) and it is supported for at least two thirds of the syllables it
  // maps (a shift that fits by chance maps to syllables the document uses untouched); the one
  // supported for the most wrong syllables wins. Absence alone does not pick a pattern: in a short
  // document most syllables are absent.
  let pattern: Pattern | null = null
  let bestSupport = 0
  for (const candidate of patterns) {
    let mapped = 0
    let support = 0
    let anchors = 0
    for (const char of rareCounts.keys()) {
      const target = candidate(char)
      if (target === undefined) continue
      mapped++
      if (supported(char, target)) support++
      if ((votes.get(char)?.get(target) ?? 0) > 0) anchors++
    }
    if (anchors >= 2 && support * 3 >= mapped * 2 && support > bestSupport) {
      pattern = candidate
      bestSupport = support
    }
  }

  // Per syllable: the pattern's reading when supported; otherwise the reading most words attest
  // (a single best one); otherwise the pattern's reading, the document's rule.
  const substitutions: TextMapSubstitution[] = []
  for (const [char, count] of [...rareCounts].sort((a, b) => a[0].localeCompare(b[0]))) {
    const fromPattern = pattern?.(char)
    const ranked = [...(votes.get(char) ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    const fromWords = ranked.length > 0 && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : undefined
    const to = fromPattern !== undefined && supported(char, fromPattern) ? fromPattern : (fromWords ?? fromPattern)
    if (to === undefined) continue
    substitutions.push({from: char, to, count, by: to === fromPattern ? 'pattern' : 'words'})
  }

  const table = new Map(substitutions.map((substitution) => [substitution.from, substitution.to]))
  const repairedPages =
    table.size === 0 ? [...pages] : pages.map((page) => page.replace(syllablePattern, (char) => table.get(char) ?? char))
  const repaired = substitutions.reduce((sum, substitution) => sum + substitution.count, 0)
  const remaining = rare - repaired
  const messages: Message[] = [
    {
      severity: 'warning',
      code: 'broken-text-map',
      text:
        `${pages.length === 1 ? 'the text holds' : `${suspectPages.length === 1 ? 'page' : 'pages'} ${pageList(suspectPages)} hold`} ${rare} Hangul syllables that Korean text does not use ` +
        `(the PDF maps some glyphs to wrong characters): ${repaired} repaired from the document's own spelling, ${remaining} left`,
      page: suspectPages[0]!
    }
  ]
  if (substitutions.length > 0) {
    messages.push({
      severity: 'info',
      code: 'text-map-repaired',
      text: `syllables repaired: ${substitutions.map(({from, to, count}) => `${from}→${to} (${count})`).join(', ')}`
    })
  }
  return {pages: repairedPages, messages, broken, suspectPages, substitutions, rare, repaired, remaining}
}

/** What {@link repairPageLines} returns: {@link RepairTextMapResult} with the lines repaired. */
export interface RepairPageLinesResult<T> extends Omit<RepairTextMapResult, 'pages'> {
  pages: T[][]
}

/**
 * {@link repairTextMap} over pages given as lines (an adapter's lines, anything with a `text`):
 * the lines come back in the same shape, those with a repaired text as copies.
 */
export function repairPageLines<T extends {text: string}>(
  pages: readonly (readonly T[])[],
  options: RepairTextMapOptions = {}
): RepairPageLinesResult<T> {
  const result = repairTextMap(
    pages.map((lines) => lines.map((line) => line.text).join('\n')),
    options
  )
  if (result.repaired === 0) return {...result, pages: pages.map((lines) => [...lines])}
  return {
    ...result,
    pages: pages.map((lines, p) => {
      // One syllable for one: the repaired page splits at the same offsets.
      const text = result.pages[p]!
      let at = 0
      return lines.map((line) => {
        const repaired = text.slice(at, at + line.text.length)
        at += line.text.length + 1
        return repaired === line.text ? line : {...line, text: repaired}
      })
    })
  }
}
