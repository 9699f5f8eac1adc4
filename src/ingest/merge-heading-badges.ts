/**
 * A heading's number set apart from its title, as slides and chapter openers print it: a badge
 * (`제1장`, `Part 01`, `01`) above the title, or beside a title of two lines, where reading by
 * baseline puts it between them. Either way it becomes the start of its title's first line, so the
 * heading is one heading, number first, and not a number alone followed by an unnumbered title.
 */
import {parseNumbering} from '../text/parse-numbering.js'

/** What {@link mergeHeadingBadges} reads of a line. */
export interface BadgeLine {
  text: string
  page: number
  x0: number
  x1: number
  /** Baseline from the page top. */
  y: number
  size: number
}

/**
 * A title at most this many of its font sizes below its badge belongs to it: a chapter opener leaves
 * room between them (the KISA guide's `Chapter 01` sits 3.2 title sizes above `개요`).
 */
const badgeReach = 4
/** A badge whose baseline is within this share of the title's size of the title's is on the title's line. */
const onBaseline = 0.35
/** Lines of one title start within this many points of each other. */
const sameEdge = 2

/** A note in brackets alone on its line, naming what kind of annex follows: `(informative)`, `(정보)`, `（参考）`. */
const bracketNote = /^[(（][^()（）]{1,20}[)）]$/u

/**
 * An appendix's number (`부록1`, set alone above its title `인공지능 영향평가서 양식 및 작성 예시`), which
 * parseNumbering leaves a word; it opens the merged title.
 */
export const appendixLabel = /^(?:부록|별첨|붙임|付録|附録|附录|appendix|annex)\s?(?:\p{N}{1,2}|[A-Z])(?=\s|$)/iu

/** A number alone: a numbering label with no title (`제1장`, `Part 01`, `3.1`), an appendix's (`부록1`), or one to three digits (`01`). */
export function isBadge(text: string): boolean {
  const trimmed = text.trim()
  if (/^\p{N}{1,3}$/u.test(trimmed) || appendixLabel.exec(trimmed)?.[0] === trimmed) return true
  const {numbering, title} = parseNumbering(trimmed)
  return numbering !== null && title === ''
}

/**
 * `lines` in reading order with each heading badge merged into its title (see the module comment);
 * `isHeadingType(line)` tells lines set in a heading's type. Lines are not changed; merged ones are copies.
 */
export function mergeHeadingBadges<T extends BadgeLine>(lines: readonly T[], isHeadingType: (line: T) => boolean): T[] {
  const out: T[] = []
  const near = (a: T, b: T): boolean => a.page === b.page && Math.abs(b.y - a.y) <= badgeReach * Math.max(a.size, b.size)
  const title = (line: T | undefined): line is T => line !== undefined && isHeadingType(line) && !isBadge(line.text)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const next = lines[i + 1]
    if (!isHeadingType(line) || !isBadge(line.text)) {
      out.push(line)
      continue
    }
    const before = out[out.length - 1]
    // Beside a two-line title: left of it, between its lines.
    if (
      title(before) &&
      title(next) &&
      near(before, line) &&
      near(line, next) &&
      line.x1 <= before.x0 + sameEdge &&
      Math.abs(next.x0 - before.x0) <= sameEdge &&
      next.size === before.size &&
      before.y < line.y &&
      line.y < next.y
    ) {
      out[out.length - 1] = {...before, text: `${line.text.trim()} ${before.text}`}
      continue
    }
    // Left of the title before it on its baseline, set lower as larger type sits (a chapter number at 35 pt
    // beside a 22 pt title): the title came first only because its baseline is a few points higher.
    if (
      title(before) &&
      before.page === line.page &&
      line.x1 <= before.x0 + sameEdge &&
      Math.abs(line.y - before.y) <= onBaseline * before.size
    ) {
      out[out.length - 1] = {...before, text: `${line.text.trim()} ${before.text}`}
      continue
    }
    // An annex's label, its kind in brackets and its title, one a line (`부록 A` `(정보)` `다국어 번역`, ISO's layout).
    const after = lines[i + 2]
    if (
      next &&
      bracketNote.test(next.text.trim()) &&
      title(after) &&
      near(line, next) &&
      near(next, after) &&
      line.y < next.y &&
      next.y < after.y
    ) {
      out.push({...after, text: `${line.text.trim()} ${next.text.trim()} ${after.text}`})
      i += 2
      continue
    }
    // Above (or left of) a title.
    if (title(next) && near(line, next) && next.y >= line.y) {
      out.push({...next, text: `${line.text.trim()} ${next.text}`})
      i++
      continue
    }
    out.push(line)
  }
  return out
}
