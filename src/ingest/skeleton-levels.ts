/**
 * Heading levels from the author's own outline, strongest signal first: the PDF's bookmarks when it
 * has a real tree of them, else the printed contents. Each block that could be a heading is offered
 * to {@link matchContents}; without a skeleton nothing is decided and type sizes rule alone.
 */
import type {Message, TocEntry} from '../model/edition.js'
import {readsAsProse} from './classify-pdf-lines.js'
import {type ContentsMatch, type HeadingCandidate, matchContents, type SkeletonEntry} from './match-contents.js'

/** A laid-out block as the PDF adapter groups lines. */
export interface SkeletonBlock {
  lines: ReadonlyArray<{text: string; page: number}>
  heading: boolean
  code: boolean
}

/** What the PDF says about its outline besides the text. */
export interface OutlineSignals {
  bookmarks: ReadonlyArray<{title: string; level: number; page: number | null}>
  /** Printed page labels, one per physical page. */
  labels: readonly (string | null)[]
  /** Physical page where the printed contents start, or null (none, or not laid out on a page of its own). */
  contentsPage?: number | null
}

/** Fewer bookmarks than this are a cover link or two, not the document's tree. */
const minBookmarks = 3
/** Fewer bookmarks than this hold others: the rest is a flat list under a wrapper or two (Hwp's `책갈피`), positions without levels. */
const minParents = 3
/** A body-style block of more lines than this is a paragraph, never a listed heading. */
const maxCandidateLines = 2
/** A body-style block longer than this (characters) is a paragraph, never a listed heading. */
const maxCandidateChars = 200

/** Bookmarks cover a document's headings when at least this share of them is found: unlisted headings must then read like headings. */
const coveringShare = 0.9
/** An unlisted line printed this many times in a style no bookmark uses is a label (a table's column head). */
const minLabelCopies = 3
/**
 * A type style whose unlisted lines read as running text this often is a body style (prose set larger
 * than the tables). Not a half: once a page whose prose outweighs its larger boxes reads that prose as
 * body, the Hwp spec's 10 pt style keeps 25 prose lines of 56, beside its `Tag ID : …` lines and labels.
 */
const minProseShare = 0.4

/** An anchor's internal name glued before a bookmark's title (`C02_01정보보호 정책`, Hwp). */
const anchorName = /^[A-Z]\d+(?:_\d+)+(?=\S)/u

/**
 * The bookmarks without the wrappers some exporters put around the whole tree (Hwp writes the file
 * name, then `책갈피`, then the real entries): a lone top entry holding every other entry is not a
 * level of the document. Anchor names glued before titles are dropped too.
 */
export function unwrapBookmarks<T extends {title: string; level: number}>(bookmarks: readonly T[]): T[] {
  let list = bookmarks
    .map((bookmark) => ({...bookmark, title: bookmark.title.replace(anchorName, '').trim()}))
    .filter((bookmark) => bookmark.title !== '')
  while (list.length > 1) {
    const top = list.reduce((least, bookmark) => Math.min(least, bookmark.level), Infinity)
    if (list.filter((bookmark) => bookmark.level === top).length !== 1 || list[0]!.level !== top) break
    list = list.slice(1)
  }
  const top = list.reduce((least, bookmark) => Math.min(least, bookmark.level), Infinity)
  return list.map((bookmark) => ({...bookmark, level: bookmark.level - top + 1}))
}

/**
 * Bookmarks that say nothing about levels: fewer than {@link minParents} of them hold others (every
 * section of the KISA guide sits under `책갈피`, one level deep).
 */
export function flatBookmarks(bookmarks: ReadonlyArray<{level: number}>): boolean {
  return bookmarks.filter((bookmark, index) => (bookmarks[index + 1]?.level ?? 0) > bookmark.level).length < minParents
}

/** The skeleton: the bookmarks when they form a tree (or nothing nests better), else the printed contents. */
export function skeletonEntries(
  rawBookmarks: OutlineSignals['bookmarks'],
  toc: readonly TocEntry[]
): {entries: readonly SkeletonEntry[]; useBookmarks: boolean} {
  const bookmarks = unwrapBookmarks(rawBookmarks)
  // Flat bookmarks mark where sections start but not how they nest: a printed contents that nests is the better skeleton.
  const nestedToc = toc.length >= minBookmarks && toc.some((entry) => entry.level > 1)
  const useBookmarks = bookmarks.length >= minBookmarks && !(nestedToc && flatBookmarks(bookmarks))
  const entries = useBookmarks
    ? bookmarks.map((bookmark) => ({level: bookmark.level, numbering: null, title: bookmark.title.trim(), page: bookmark.page}))
    : toc
  return {entries, useBookmarks}
}

/**
 * Per block, its heading level (null: not a heading) as the skeleton decides; an empty map when
 * there is no skeleton. `rankOf` gives a heading-styled block's typographic level. Warnings go to `messages`.
 */
export function skeletonLevels<B extends SkeletonBlock>(
  blocks: readonly B[],
  rankOf: (block: B) => number,
  signals: OutlineSignals,
  toc: readonly TocEntry[],
  messages: Message[]
): Map<B, number | null> {
  const {entries, useBookmarks} = skeletonEntries(signals.bookmarks, toc)
  if (entries.length === 0) return new Map()
  // A paragraph's lines are not joined to learn that it is too long: most blocks are paragraphs.
  const offered = blocks.filter(
    (block) =>
      !block.code &&
      (block.heading ||
        (block.lines.length <= maxCandidateLines &&
          block.lines.reduce((length, line) => length + line.text.length, block.lines.length - 1) <= maxCandidateChars))
  )
  const candidates: HeadingCandidate[] = offered.map((block) => ({
    text: block.lines.map((line) => line.text).join(' '),
    page: block.lines[0]!.page,
    heading: block.heading,
    rank: block.heading ? rankOf(block) : 0
  }))
  const match = matchContents(candidates, entries, {
    physicalPages: useBookmarks,
    labels: signals.labels,
    source: useBookmarks ? 'bookmark' : 'printed contents',
    contentsPage: signals.contentsPage ?? null
  })
  if (match.found === 0) {
    messages.push({
      severity: 'warning',
      code: 'contents-entry-unmatched',
      text: `none of the ${entries.length} ${useBookmarks ? 'bookmark' : 'printed contents'} entries was found on the page it names; the outline follows type sizes`
    })
    return new Map()
  }
  messages.push(...match.messages)
  const levels = useBookmarks && match.found >= coveringShare * entries.length ? withoutUnlistedProse(candidates, match) : match.levels
  return new Map(offered.map((block, index) => [block, levels[index]!]))
}

/**
 * Levels without the unlisted headings that read as running text, once bookmarks cover the headings
 * (nearly all found): the author's tree already names the sections, so a line that is a heading by
 * its type alone must also read like one. A sentence, a caption or a line carrying on from the one
 * before is a paragraph; so is every unlisted line of a type style no bookmarked heading uses when at
 * least half its lines read that way (Hancom's spec sets its prose at 10 pt over 9 pt tables: its
 * `Tag ID : HWPTAG_…` lines are that prose too), and a label that such a style prints again and again.
 * A style is a candidate's typographic rank (its size and weight, and numbering depth within them).
 */
function withoutUnlistedProse(candidates: readonly HeadingCandidate[], match: ContentsMatch): Array<number | null> {
  const unlisted = (index: number): boolean => candidates[index]!.heading && !match.listed[index] && match.levels[index] !== null
  const listedRanks = new Set(candidates.flatMap((candidate, index) => (match.listed[index] && candidate.heading ? [candidate.rank] : [])))
  const prose = candidates.map((candidate, index) => unlisted(index) && readsAsProse(candidate.text) !== null)
  const byRank = new Map<number, {lines: number; prose: number}>()
  candidates.forEach((candidate, index) => {
    if (!unlisted(index)) return
    const counts = byRank.get(candidate.rank) ?? {lines: 0, prose: 0}
    counts.lines++
    if (prose[index]) counts.prose++
    byRank.set(candidate.rank, counts)
  })
  const proseRank = (rank: number): boolean => {
    const counts = byRank.get(rank)
    return !listedRanks.has(rank) && counts !== undefined && counts.prose >= minProseShare * counts.lines
  }
  // The same words as several unlisted lines of a style no bookmark uses: a table's column head (`설명`), not a section.
  const copies = new Map<string, number>()
  candidates.forEach((candidate, index) => {
    if (unlisted(index) && !listedRanks.has(candidate.rank)) copies.set(candidate.text.trim(), (copies.get(candidate.text.trim()) ?? 0) + 1)
  })
  const label = (index: number): boolean =>
    unlisted(index) && !listedRanks.has(candidates[index]!.rank) && copies.get(candidates[index]!.text.trim())! >= minLabelCopies
  // The tree names sections in every style it uses down to its smallest: an unlisted line in a style larger than that
  // which no bookmarked heading uses is something else set large (a diagram's caption in 12 pt beside 11.5 pt bold sections).
  const smallestListed = Math.max(...listedRanks)
  const offStyle = (index: number): boolean =>
    unlisted(index) && !listedRanks.has(candidates[index]!.rank) && candidates[index]!.rank < smallestListed
  return match.levels.map((level, index) =>
    prose[index] || label(index) || offStyle(index) || (unlisted(index) && proseRank(candidates[index]!.rank)) ? null : level
  )
}
