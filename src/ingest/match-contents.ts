/**
 * The author's outline (bookmarks, or the printed contents) as a skeleton for the body: each entry
 * is looked for on the page it names, in order, and the line found becomes a heading at the entry's
 * depth. A printed page number is not the PDF's page: page labels translate it when the PDF has
 * them, otherwise the offset most entries agree on is learnt (a cover and a contents page before
 * printed page 1). Titles are matched loosely, since a contents page words its entries its own way
 * (`제1장. 인공지능기본법 소개` for the heading `Part 01 인공지능기본법 소개`). Headings the skeleton
 * does not list go below the nearest listed heading, nested by their typographic rank.
 */
import type {Message} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {relativeLevels} from './build-document.js'
import {isTopicEntry} from './is-topic-entry.js'
import {appendixLabel} from './merge-heading-badges.js'
import {decimalDepth, numberingScheme} from './numbering-level.js'

/** A block that may be a heading: every heading-styled block, and short blocks in body style. */
export interface HeadingCandidate {
  text: string
  /** 1-based physical page. */
  page: number
  /** Set in a heading style. */
  heading: boolean
  /** Typographic level (1 = largest heading style), for heading-styled blocks; ignored otherwise. */
  rank: number
}

/** One entry of the skeleton. */
export interface SkeletonEntry {
  level: number
  numbering: string | null
  title: string
  /** Page as the skeleton names it (printed for a contents page, physical for bookmarks), or null. */
  page: number | null
}

/** Options of {@link matchContents}. */
export interface MatchOptions {
  /** Entry pages are physical pages (bookmarks), not printed numbers. */
  physicalPages: boolean
  /** Printed label of each physical page (index 0 = page 1), null where the PDF defines none. */
  labels: readonly (string | null)[]
  /** What the skeleton is, for messages (`bookmarks`, `printed contents`). */
  source: string
  /**
   * Physical page of the printed contents, when known: a heading-styled line on an earlier page and
   * before the first listed heading is front matter (`VERSION 2` over a list of contributors), not a
   * section the contents forgot.
   */
  contentsPage?: number | null
}

/** What {@link matchContents} decides. */
export interface ContentsMatch {
  /** Per candidate: its heading level, or null when it is not a heading. */
  levels: Array<number | null>
  /** Entries found in the body. */
  found: number
  /** Per candidate: it is the heading of a skeleton entry (not only placed below one). */
  listed: boolean[]
  messages: Message[]
}

/** A heading this many pages away from the page its entry names still matches (an entry names where the section's page starts). */
const pageSlack = 1
/** Character-bigram similarity from which two differently worded titles are the same heading. */
const minSimilarity = 0.6
/** A body-style block is taken as a listed heading only when its wording is this close (a sentence rarely repeats a title). */
const bodyStyleSimilarity = 0.9
/** At most this share of the listed headings may be a printed contents' slips (set one level deeper than listed); more are its own design. */
const maxSlips = 0.02
/** Unmatched entries named in the one warning line. */
const namedInWarning = 3

const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + 1 < text.length; i++) counts.set(text.slice(i, i + 2), (counts.get(text.slice(i, i + 2)) ?? 0) + 1)
  return counts
}

/** A short code opening a title, with a colon (`G5: FOSS 커뮤니티참여를 이해하라`, OpenChain's goals). */
const codeLabel = /^\s*([A-Z]{1,3}\d{1,3}):\s*\S/u
/** Similarity of two titles opening with the same code: enough to match, whatever the words after it. */
const sameCode = 0.85

/** Similarity of the words after one chapter number on both sides from which two titles are one, worded twice. */
const sameNumberWords = 0.5

/** A note in parentheses after a title (`GitOps (New in v2)`, `Scope (informative)`). */
const trailingNote = /\s*\([^()]*\)\s*$/u

/**
 * 1 for the same words, else the Dice coefficient of character bigrams (numbering labels dropped);
 * a note in parentheses that only one side prints is not held against the match.
 */
export function titleSimilarity(entry: string, heading: string): number {
  const x = titleForms(entry)
  const y = titleForms(heading)
  const code = x.code
  // One requirement code on both sides (`G5:`) is one heading, however the two translate its title.
  if (code !== undefined && y.code === code) return Math.max(sameCode, similarity(x, y))
  // One chapter number on both sides and half the words alike: the contents and the chapter opener word one title two ways
  // (`2 투명성 조항별 설명` listed, `2 투명성 의무별 설명` printed).
  const number = x.number
  if (number !== undefined && y.number === number) {
    const words = similarity(titleForms(entry.replace(badgeNumber, '')), titleForms(heading.replace(badgeNumber, '')))
    if (words >= sameNumberWords) return Math.max(sameCode, words)
  }
  const plain = similarity(x, y)
  if (plain === 1 || !(x.noted || y.noted)) return plain
  return Math.max(plain, similarity(titleForms(entry.replace(trailingNote, '')), titleForms(heading.replace(trailingNote, ''))))
}

/** At most this many numbering labels lead a title (`3) 제 3 절 요구사항`: Word's list number before the section's own). */
const maxLabels = 3

/**
 * A numbered label in angle or square brackets before a title (`<참고 제1호>`, `<사례 01>`, `[서식 3]`):
 * the contents prints it, the page may set it apart from the title or leave it out.
 */
const bracketLabel = /^\s*[<〈《[【［]\s*[^<>〈〉《》[\]【】［］]{0,12}\d[^<>〈〉《》[\]【】［］]{0,6}[>〉》\]】］]\s*/u

/** A section number set as a badge before a Korean or Japanese title (`03 자산분류`), which parseNumbering leaves alone before a lower-case or CJK word. */
const badgeNumber = /^\d{1,3}\s+(?=[^\d\s])/u

/** The title without every leading numbering label. */
function withoutLabels(text: string): string {
  let title = text.replace(bracketLabel, '')
  for (let i = 0; i < maxLabels; i++) {
    const parsed = parseNumbering(title)
    if (parsed.numbering === null || parsed.title === '') break
    title = parsed.title
  }
  return title.replace(badgeNumber, '')
}

/** A title this short (letters and digits) names too little to pick a line out of running text. */
const minListedKey = 2

/**
 * A test for lines whose words are those of a skeleton entry, numbering aside (`6)ユーザーインターフェイスデザイン`
 * for the entry `6) ユーザーインターフェイスデザイン`). Such a line is a heading candidate of its own even
 * when it is set like body text and no wider space parts it from the paragraph around it.
 */
export function listedTitles(entries: ReadonlyArray<{numbering: string | null; title: string}>): (text: string) => boolean {
  const keys = new Set<string>()
  for (const entry of entries) {
    for (const text of [entry.title, withoutLabels(entry.title)]) if (key(text).length >= minListedKey) keys.add(key(text))
  }
  if (keys.size === 0) return () => false
  return (text) => keys.has(key(text)) || keys.has(key(withoutLabels(text)))
}

/** A title's forms that {@link titleSimilarity} compares, each worked out once per text. */
interface TitleForms {
  key: string
  /** Key of the title without its numbering. */
  bare: string
  /** Key of the title without every leading label. */
  stripped: string
  /** The requirement code opening the title (`G5`), if any. */
  code: string | undefined
  /** The chapter number set as a badge before the title (`03`), if any. */
  number: string | undefined
  /** A note in parentheses closes the title. */
  noted: boolean
  /** Bigrams of `bare`, else of `key`: made on first use. */
  grams: Bigrams | null
}

/** A text's character bigrams: each distinct one with its count, and the sum of the counts. */
interface Bigrams {
  counts: Map<string, number>
  grams: string[]
  times: number[]
  total: number
}

// matchContents compares every contents entry with every heading candidate near its page, so one line's
// forms were worked out once per entry: a tenth of the 332-page KISA guide's layout time. Bounded, and
// the same forms for the same text whatever was asked before, so the results do not depend on it.
const formsOf = new Map<string, TitleForms>()
const maxRememberedForms = 20_000

function titleForms(text: string): TitleForms {
  let forms = formsOf.get(text)
  if (forms === undefined) {
    if (formsOf.size >= maxRememberedForms) formsOf.clear()
    // An appendix's label (`부록4 인공지능 영향평가 관련 FAQ`) numbers it like `4.` does: not words of its title.
    const bare = key(parseNumbering(text).title.replace(appendixLabel, ''))
    forms = {
      key: key(text),
      bare,
      stripped: key(withoutLabels(text)),
      code: codeLabel.exec(text)?.[1],
      number: badgeNumber.exec(text)?.[0].trim(),
      noted: trailingNote.test(text),
      grams: null
    }
    formsOf.set(text, forms)
  }
  return forms
}

function gramsOf(forms: TitleForms): Bigrams {
  if (forms.grams === null) {
    const counts = bigrams(forms.bare || forms.key)
    const times = [...counts.values()]
    forms.grams = {counts, grams: [...counts.keys()], times, total: times.reduce((sum, count) => sum + count, 0)}
  }
  return forms.grams
}

// Each contents entry is compared with every line near its page: the sums are whole numbers, so
// they come out the same walked over the shorter list, with the totals counted once per text.
function similarity(x: TitleForms, y: TitleForms): number {
  if (x.key === '' || y.key === '') return 0
  if (x.key === y.key) return 1
  if (x.bare !== '' && x.bare === y.bare) return 1
  if (x.stripped !== '' && x.stripped === y.stripped) return 1
  const a = gramsOf(x)
  const b = gramsOf(y)
  const shorter = a.grams.length <= b.grams.length ? a : b
  const other = shorter === a ? b.counts : a.counts
  let common = 0
  for (let i = 0; i < shorter.grams.length; i++) {
    const count = other.get(shorter.grams[i]!)
    if (count !== undefined) common += Math.min(shorter.times[i]!, count)
  }
  const total = a.total + b.total
  return total === 0 ? 0 : (2 * common) / total
}

/**
 * Physical page of each printed page number, from page labels; empty when labels say nothing. Pages
 * up to the contents page are skipped when it is known: front matter numbered 1–4 before a body
 * numbered from 1 again is not where the contents points.
 */
function labelPages(labels: readonly (string | null)[], contentsPage: number): Map<number, number> {
  const pages = new Map<number, number>()
  labels.forEach((label, index) => {
    if (index + 1 <= contentsPage) return
    const printed = label === null ? null : /^\D{0,3}?(\d{1,4})\D{0,3}$/u.exec(label.trim())
    if (printed && !pages.has(Number(printed[1]))) pages.set(Number(printed[1]), index + 1)
  })
  return pages
}

/** Physical page = printed page + the offset most same-titled pairs agree on (smallest on ties). */
function learnOffset(candidates: readonly HeadingCandidate[], entries: readonly SkeletonEntry[]): number | null {
  const byKey = new Map<string, number[]>()
  for (const candidate of candidates) {
    if (!candidate.heading) continue
    const list = byKey.get(key(candidate.text)) ?? []
    list.push(candidate.page)
    byKey.set(key(candidate.text), list)
  }
  const votes = new Map<number, number>()
  for (const entry of entries) {
    if (entry.page === null) continue
    for (const page of byKey.get(key(entry.title)) ?? []) votes.set(page - entry.page, (votes.get(page - entry.page) ?? 0) + 1)
  }
  const best = [...votes].sort((a, b) => b[1] - a[1] || Math.abs(a[0]) - Math.abs(b[0]) || a[0] - b[0])[0]
  return best ? best[0] : null
}

/**
 * A skeleton that stops at some depth lists deeper headings at its deepest level (a contents page
 * indents three levels of a five-level paper): within each run of listed headings at that level,
 * their numbers nest them when each has a dotted one, else their type sizes.
 */
function refineDeepest(
  candidates: readonly HeadingCandidate[],
  levels: Array<number | null>,
  deepest: number,
  followed: ReadonlySet<number>
): void {
  let run: number[] = []
  const flush = (): void => {
    // Numbers of one depth are siblings however they are set (2.1 ko sets `3.1.3 인식` at 11 pt, `3.1.4` at 10.6).
    const depths = run.map((index) => decimalDepth(candidates[index]!.text))
    // A run holding a heading whose type was already overruled by the skeleton (set like a level above its own)
    // says nothing by its sizes: ASVS ko sets `ASVS 의 구조` larger than `릴리스 전략` only by its Latin word.
    const ranks = run.some((index) => followed.has(index)) ? run.map(() => 0) : run.map((index) => candidates[index]!.rank)
    const nested = relativeLevels(depths.every((depth) => depth !== null) ? depths : ranks)
    run.forEach((index, k) => {
      levels[index] = deepest + nested[k]! - 1
    })
    run = []
  }
  levels.forEach((level, index) => {
    if (level === null) return
    if (level < deepest) flush()
    else if (candidates[index]!.heading) run.push(index)
  })
  flush()
}

/**
 * Where the skeleton and the type sizes disagree: listed headings set in the type most headings of
 * another level use (the 2020 CNCF paper lists `Deploy` at the top, set like a section), with one
 * warning. Many such headings are a contents laid out by other rules than the pages: the skeleton is
 * followed. A few unnumbered ones that a printed contents lists one level higher than the pages set
 * them are the contents' slip (CNCF 2022 indents `Incident Response` as a sibling of `Threat
 * Modeling`, whose section the pages and the Markdown source put it in): their type decides.
 */
function disagreements(
  candidates: readonly HeadingCandidate[],
  matchedEntry: ReadonlyArray<number | null>,
  entries: readonly SkeletonEntry[],
  source: string
): {messages: Message[]; typeLevels: Map<number, number>; followed: Set<number>} {
  const listed = candidates.flatMap((candidate, index) => {
    const e = matchedEntry[index]
    return e === null || e === undefined || !candidate.heading ? [] : [{candidate, index, level: entries[e]!.level, entry: entries[e]!}]
  })
  // The type rank most headings of each listed level use.
  const votes = new Map<number, Map<number, number>>()
  for (const {candidate, level} of listed) {
    const byRank = votes.get(level) ?? new Map<number, number>()
    byRank.set(candidate.rank, (byRank.get(candidate.rank) ?? 0) + 1)
    votes.set(level, byRank)
  }
  const usual = new Map<number, number>()
  for (const [level, byRank] of votes) usual.set(level, [...byRank].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0])
  const levelOfRank = new Map<number, number>()
  for (const [level, rank] of [...usual].sort((a, b) => a[0] - b[0])) if (!levelOfRank.has(rank)) levelOfRank.set(rank, level)
  const odd = listed.filter(({candidate, level}) => {
    const typeLevel = levelOfRank.get(candidate.rank)
    return typeLevel !== undefined && typeLevel !== level && usual.get(level) !== candidate.rank
  })
  if (odd.length === 0) return {messages: [], typeLevels: new Map(), followed: new Set()}
  const first = odd[0]!
  const signal = source === 'bookmark' ? 'bookmarks' : source
  const slips =
    source === 'printed contents' &&
    odd.length <= maxSlips * listed.length &&
    odd.every(
      ({candidate, level, entry}) =>
        levelOfRank.get(candidate.rank) === level + 1 && entry.numbering === null && parseNumbering(candidate.text).numbering === null
    )
  if (slips) {
    const many = odd.length === 1 ? 'heading' : 'headings'
    return {
      messages: [
        {
          severity: 'warning',
          code: 'structure-signals-disagree',
          text: `the ${signal} list ${odd.length} ${many} one level higher than the pages set ${odd.length === 1 ? 'it' : 'them'} (first "${first.candidate.text}"); the pages are followed`,
          page: first.candidate.page
        }
      ],
      typeLevels: new Map(odd.map(({index, level}) => [index, level + 1])),
      followed: new Set()
    }
  }
  return {
    messages: [
      {
        severity: 'warning',
        code: 'structure-signals-disagree',
        text: `the ${signal} and the type sizes disagree on ${odd.length} ${odd.length === 1 ? 'heading' : 'headings'} (first "${first.candidate.text}": level ${first.level} in the ${signal}, set like level ${levelOfRank.get(first.candidate.rank)}); the ${signal} are followed`,
        page: first.candidate.page
      }
    ],
    typeLevels: new Map(),
    followed: new Set(odd.map(({index}) => index))
  }
}

/**
 * Rank of each entry in the order its section is looked for. An entry whose page comes before the
 * page of the entry above it, while the entry below it goes on from there, is printed out of place
 * (govcio's `3) 人材育成や組織設立の支援 … 52` after `2) … 55`: the body opens section 5.5 with it on
 * page 52), and the order-preserving match would lose it: it is looked for among the entries of its
 * page. Pages that start again and go on from there (a second numbering) are no such slip.
 */
function pageOrder(entries: readonly SkeletonEntry[]): number[] {
  const page = (index: number): number | null => entries[index]?.page ?? null
  const slipped = (index: number): boolean => {
    const [before, own, after] = [page(index - 1), page(index), page(index + 1)]
    return before !== null && own !== null && own < before && (index + 1 === entries.length || (after !== null && after >= before))
  }
  const order = entries.flatMap((_, index) => (slipped(index) ? [] : [index]))
  entries.forEach((entry, index) => {
    if (!slipped(index)) return
    const at = order.findIndex((other) => (page(other) ?? -Infinity) > entry.page!)
    order.splice(at < 0 ? order.length : at, 0, index)
  })
  const rank = new Array<number>(entries.length)
  order.forEach((entry, position) => {
    rank[entry] = position
  })
  return rank
}

/** A chapter's label printed again at most this many pages from its listed heading is the same chapter. */
const repeatReach = 1

/**
 * Headings that print a listed chapter's label again next to it: a chapter opener (`제2장` over its
 * title on a page of its own) and the band atop the chapter's first page (`제1장 인공지능 영향평가 개요`)
 * are one chapter, not two. The copy, unlisted and with no listed heading between it and the listed
 * one, is no heading (its text stays); where the copy comes first and reads the same, the listed
 * heading moves to it, so the chapter starts at its opener. Only labels of a named rank (`제N장`,
 * `Chapter N`): a `1.` repeats in every form. `matchedEntry` is updated in place.
 */
function chapterRepeats(candidates: readonly HeadingCandidate[], matchedEntry: Array<number | null>): Set<number> {
  const label = (index: number): string | null => {
    const {numbering} = parseNumbering(candidates[index]!.text)
    return numbering === null || numberingScheme(numbering).rank === null ? null : numbering.replace(/\s+/gu, '')
  }
  const repeats = new Set<number>()
  candidates.forEach((candidate, index) => {
    const own = label(index)
    if (matchedEntry[index] === null || own === null || !candidate.heading) return
    for (const step of [-1, 1]) {
      for (let other = index + step; other >= 0 && other < candidates.length; other += step) {
        const copy = candidates[other]!
        if (matchedEntry[other] !== null || Math.abs(copy.page - candidate.page) > repeatReach) break
        if (!copy.heading || label(other) !== own) continue
        if (step < 0 && key(copy.text) === key(candidate.text)) {
          matchedEntry[other] = matchedEntry[index]!
          matchedEntry[index] = null
          repeats.add(index)
          return
        }
        repeats.add(other)
      }
    }
  })
  return repeats
}

/** Match `entries` to `candidates` in order (see the module comment). */
export function matchContents(
  candidates: readonly HeadingCandidate[],
  entries: readonly SkeletonEntry[],
  options: MatchOptions
): ContentsMatch {
  const labels = options.physicalPages ? new Map<number, number>() : labelPages(options.labels, options.contentsPage ?? 0)
  const offset = options.physicalPages || labels.size > 0 ? 0 : learnOffset(candidates, entries)
  const expected = (entry: SkeletonEntry): number | null => {
    if (entry.page === null) return null
    if (labels.size > 0) return labels.get(entry.page) ?? null
    return offset === null ? null : entry.page + offset
  }
  const byPage = new Map<number, number[]>()
  candidates.forEach((candidate, index) => {
    const list = byPage.get(candidate.page) ?? []
    list.push(index)
    byPage.set(candidate.page, list)
  })

  // Every plausible (entry, candidate) pair with its score.
  const pairs: Array<{entry: number; candidate: number; score: number}> = []
  entries.forEach((entry, e) => {
    const page = expected(entry)
    const numbered = entry.numbering === null ? null : `${entry.numbering} ${entry.title}`
    const pool =
      page === null
        ? candidates.map((_, index) => index)
        : Array.from({length: 2 * pageSlack + 1}, (_, k) => byPage.get(page - pageSlack + k) ?? []).flat()
    for (const c of pool) {
      const candidate = candidates[c]!
      const similarity = Math.max(
        titleSimilarity(entry.title, candidate.text),
        numbered === null ? 0 : titleSimilarity(numbered, candidate.text)
      )
      if (similarity < (candidate.heading ? minSimilarity : bodyStyleSimilarity)) continue
      // A heading-styled block beats a body line of the same words; the named page beats its neighbours.
      const score = similarity + (candidate.heading ? 0.5 : 0) + (page === candidate.page ? 0.25 : 0)
      pairs.push({entry: e, candidate: c, score})
    }
  })

  // Heaviest order-preserving matching: pairs by entry (in the order of their pages), candidates
  // descending within an entry, and a Fenwick tree of the best total ending at each candidate.
  const rank = pageOrder(entries)
  pairs.sort((a, b) => rank[a.entry]! - rank[b.entry]! || b.candidate - a.candidate)
  const n = candidates.length
  const tree = new Array<number>(n + 1).fill(0)
  const treeAt = new Array<number>(n + 1).fill(-1)
  const query = (position: number): [number, number] => {
    let best = 0
    let at = -1
    for (let i = position; i > 0; i -= i & -i) {
      if (tree[i]! > best) {
        best = tree[i]!
        at = treeAt[i]!
      }
    }
    return [best, at]
  }
  const update = (position: number, value: number, pair: number): void => {
    for (let i = position; i <= n; i += i & -i) {
      if (value > tree[i]!) {
        tree[i] = value
        treeAt[i] = pair
      }
    }
  }
  const previous = new Array<number>(pairs.length).fill(-1)
  let bestTotal = 0
  let bestEnd = -1
  pairs.forEach((pair, index) => {
    const [before, at] = query(pair.candidate)
    const total = before + pair.score
    previous[index] = at
    update(pair.candidate + 1, total, index)
    if (total > bestTotal) {
      bestTotal = total
      bestEnd = index
    }
  })
  const matchedEntry = new Array<number | null>(n).fill(null)
  for (let index = bestEnd; index >= 0; index = previous[index]!) matchedEntry[pairs[index]!.candidate] = pairs[index]!.entry

  const repeats = chapterRepeats(candidates, matchedEntry)
  // Levels: listed headings at their entry's depth (or their type's, for a slip of the contents);
  // the others below the nearest listed one by rank.
  const disagreement = disagreements(candidates, matchedEntry, entries, options.source)
  const levels: Array<number | null> = candidates.map((_, index) => {
    const e = matchedEntry[index]
    return e === null || e === undefined ? null : (disagreement.typeLevels.get(index) ?? entries[e]!.level)
  })
  for (const index of repeats) levels[index] = null
  refineDeepest(
    candidates,
    levels,
    entries.reduce((top, entry) => Math.max(top, entry.level), 0),
    disagreement.followed
  )
  let anchor: {level: number; rank: number} | null = null
  candidates.forEach((candidate, index) => {
    const level = levels[index]
    if (level !== null && level !== undefined) anchor = {level, rank: candidate.heading ? candidate.rank : Number.POSITIVE_INFINITY}
    else if (!candidate.heading || repeats.has(index)) return
    else if (anchor === null) levels[index] = candidate.page < (options.contentsPage ?? 0) ? null : candidate.rank
    else {
      const {level: anchorLevel, rank}: {level: number; rank: number} = anchor
      // The skeleton lists every heading down to its depth: one it leaves out sits below the last listed
      // one (a bold label set larger than its section's heading does not climb out of it).
      levels[index] = anchorLevel + (Number.isFinite(rank) ? Math.max(1, candidate.rank - rank) : 1)
    }
  })

  const found = matchedEntry.filter((entry) => entry !== null).length
  const messages: Message[] = [...disagreement.messages]
  const matched = new Set(matchedEntry.filter((entry): entry is number => entry !== null))
  // A topic the contents lists under a section (`•환경변화`) may be a paragraph's lead-in in the body, not a heading.
  const promised = entries.flatMap((_, index) => (isTopicEntry(entries, index) ? [] : [index]))
  const missing = promised.filter((index) => !matched.has(index)).map((index) => entries[index]!)
  if (found > 0 && missing.length > 0) {
    const named = missing
      .slice(0, namedInWarning)
      .map((entry) => `"${entry.title}"`)
      .join(', ')
    messages.push({
      severity: 'warning',
      code: 'contents-entry-unmatched',
      text: `${missing.length} of ${promised.length} ${options.source} entries have no heading on the page they name (${named}${missing.length > namedInWarning ? ' …' : ''}); the outline there follows type sizes`,
      ...(missing[0]!.page !== null ? {page: missing[0]!.page} : {})
    })
  }
  return {levels, found, messages, listed: matchedEntry.map((entry) => entry !== null)}
}
