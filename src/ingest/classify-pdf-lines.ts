/**
 * Lines of a PDF that look like headings by their type (large, bold, alone) but are something else
 * by what they say or what they are set in: a list item whose bullet is a glyph of a symbol font
 * (Wingdings `l`, `Ÿ`, `§`, read as letters) or any other bullet (but not `§`, which numbers
 * sections of laws), a bullet or number alone, a metadata label
 * (`Contributors:`), a tag (`(New in v2)`), a cover or back-cover line (`#CNCFSECURITYTAG`,
 * `GITHUB.COM/CNCF/TAG-SECURITY`), the cells of a table row that the page's column finder took
 * for two columns.
 */

import {parseNumbering} from '../text/parse-numbering.js'
import {decimalParts} from './numbering-level.js'

/** Why a line in heading type is not a heading, or null when nothing here speaks against it. */
export type NotHeading = 'bullet' | 'mark-only' | 'label' | 'tag' | 'boilerplate' | 'contact' | 'example' | 'formula'

/** Fonts whose glyphs are pictures (bullets, arrows, check marks), not letters, whatever code they map to. */
const symbolFont = /wingdings|webdings|dingbats|zapf|symbol|marlett|mt-?extra|bookshelf/iu
/** A bullet in a symbol font is one glyph, maybe two (`Ÿ `, `l`, `§§`). */
const maxBulletGlyphs = 2

/**
 * True when a line's first run is a bullet drawn in a symbol font: `fontName` is that run's font,
 * `text` its text. Its text says nothing (`l` is a black circle in Wingdings).
 */
export function isSymbolBullet(fontName: string, text: string): boolean {
  const glyphs = [...text.trim()]
  return symbolFont.test(fontName) && glyphs.length > 0 && glyphs.length <= maxBulletGlyphs
}

/** Bullets and reference marks that open a list item or a note in any font (`⚫`, U+26AB, in Hancom's guides); a dash before a word (not `-1`). */
export const listMark = /^(?:[•◦▪‣●○■□◆◇▶►▸✓✔❖➢➤※·\u2023\u2043\u204C\u204D\u25A0-\u25FF\u26AA-\u26AC]|[-–‐](?!\p{N}))/u
/** Only numbers, bullets and punctuation: a page number, a list number, a bullet on a line of its own. */
const markOnly = /^[\p{N}\p{P}\p{S}\s]*$/u
/** A word or two and a colon: `Contributors:`, `Reviewers:`, `참고:`. */
const label = /^[^:：]{1,40}[:：]$/u
/** All in brackets: `(New in v2)`, `[Draft]`. */
const tag = /^[([{（［【][^()[\]{}（）［］【】]*[)\]}）］】]$/u
/** One token that is a hashtag, a web address or a domain path (cover and back-cover lines). */
const boilerplate = /^(?:#[\p{L}\p{N}_]+|(?:https?:\/\/)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:\/\S*)?|\S+@\S+\.\S+)$/iu

const whiteSpace = /\s/u

/** An example opened by its mark (`예) 편향된 의료 데이터를…`, `例：`): a sentence that illustrates, never a title. */
const exampleMark = /^[(（]?(?:예|例|보기)[)）:：]/u

/** A telephone number, `(031) 627-7000` or `02-405-5000`: an address block on a cover or back cover, never a title. */
const phoneNumber = /(?:\(\d{2,4}\)\s?|(?<!\d)\d{2,4}-)\d{3,4}-\d{4}(?!\d)/u

/** A formula has at least this many marks: `C++`, `<문의처>` or `論拠：` stay titles. */
const minFormulaMarks = 6

/**
 * An expression, not words: more brackets, operators and other marks than letters once the numbering
 * is set aside (the HWP specification's `MAKE_4CHID(a, b, c, d) (((a) << 24) | …)`, set bold as a
 * display formula). A title is words.
 */
function isFormula(text: string): boolean {
  const {title} = parseNumbering(text)
  const marks = (title.match(/[\p{P}\p{S}]/gu) ?? []).length
  return marks >= minFormulaMarks && marks > (title.match(/\p{L}/gu) ?? []).length
}

/** Why `text` (a line or a run of heading lines, joined) cannot be a heading, or null. */
export function notHeading(text: string): NotHeading | null {
  const trimmed = text.trim()
  if (markOnly.test(trimmed)) return 'mark-only'
  if (listMark.test(trimmed)) return 'bullet'
  if (label.test(trimmed)) return 'label'
  if (tag.test(trimmed)) return 'tag'
  // The pattern reads one token: a line with a space is no such token, and is not read against it.
  if (!whiteSpace.test(trimmed) && boilerplate.test(trimmed)) return 'boilerplate'
  if (phoneNumber.test(trimmed)) return 'contact'
  if (exampleMark.test(trimmed)) return 'example'
  if (isFormula(trimmed)) return 'formula'
  return null
}

/** What {@link tableRowLines} reads of a line. */
export interface RowLine {
  page: number
  /** Baseline from the page top. */
  y: number
  /** Column: 0 full width or single column, 1 left, 2 right. */
  column: number
  /** Another line shares this baseline in the same column: a cell among the cells of a table row. */
  inRow?: boolean
}

/** Baselines closer than this many points are one row (cells of a row share their baseline). */
const rowBaseline = 1

/**
 * The lines in heading type that share their baseline with another line in heading type in the
 * other column of their page, or with a cell of a row there (a line with others on its baseline):
 * cells of one table row (a term and its definition, an old and a new text; the HWP specification's
 * column heads `컨트롤 ID`, `개체 공통 속성` | `개체 요소 속성`, p. 42), which the column finder split
 * into columns. Two columns of running text put headings on one baseline only by chance, and never
 * beside a row of cells. Linear after sorting.
 */
export function tableRowLines<T extends RowLine>(lines: readonly T[], isHeadingType: (line: T) => boolean): Set<T> {
  const typed = lines.filter((line) => isHeadingType(line) || line.inRow === true).sort((a, b) => a.page - b.page || a.y - b.y)
  const heading = new Set(typed.filter(isHeadingType))
  const out = new Set<T>()
  let start = 0
  for (let i = 0; i < typed.length; i++) {
    const line = typed[i]!
    while (typed[start]!.page !== line.page || line.y - typed[start]!.y > rowBaseline) start++
    for (let j = start; j < i; j++) {
      const other = typed[j]!
      if (other.column === line.column || (!heading.has(other) && !heading.has(line))) continue
      // A full-width line (the column finder gives a cell that crosses the gutter column 0) is a cell only beside a row's cells.
      if (heading.has(other) && heading.has(line) && (other.column === 0 || line.column === 0)) continue
      // Two cells of rows meet here: each heading-type one is a cell; a row's cell that is no heading needs no mark.
      if (heading.has(other)) out.add(other)
      if (heading.has(line)) out.add(line)
    }
  }
  return out
}

/** What {@link besideTextLines} reads of a line. */
export interface SpanLine extends RowLine {
  size: number
  /** Left and right edges. */
  x0: number
  x1: number
}

/** Text beside a line is a table's other cell when set at least this share of its size; a note in the margin in much smaller type (Word's 6 pt comment balloons beside OpenChain 2.0 ja's 9 pt headings) is not. */
const minBesideShare = 0.75

/** The index of the first of `lines` (sorted by baseline) whose baseline is below `y`, found by halving. */
function firstBelow(lines: readonly RowLine[], y: number): number {
  let low = 0
  let high = lines.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (lines[middle]!.y <= y) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The lines in heading type with text beside them: another line of their page and column, clear of
 * them by an em to the left or right, in type not much smaller ({@link minBesideShare}), whose baseline is less than `reach(line)` (a line step) above or
 * below theirs. That is a table's label cell with its value lines set beside it (msit-ai-impact's
 * form, `2. 목적 및 필요성` in bold 10 pt left of 9 pt lines, p. 28), which the column finder did not
 * split; a heading stands alone across its measure.
 */
export function besideTextLines<T extends SpanLine>(
  lines: readonly T[],
  isHeadingType: (line: T) => boolean,
  reach: (line: T) => number
): Set<T> {
  // Each page's lines by baseline, so that a line looks only at those within its reach: a page of
  // 20,000 lines stays linear.
  const byPage = new Map<number, T[]>()
  for (const line of lines) {
    const page = byPage.get(line.page)
    if (page) page.push(line)
    else byPage.set(line.page, [line])
  }
  for (const page of byPage.values()) page.sort((a, b) => a.y - b.y)
  const out = new Set<T>()
  for (const line of lines) {
    if (!isHeadingType(line)) continue
    const within = reach(line)
    const page = byPage.get(line.page)!
    for (let i = firstBelow(page, line.y - within); i < page.length && page[i]!.y < line.y + within; i++) {
      const other = page[i]!
      if (
        other !== line &&
        other.column === line.column &&
        other.size >= line.size * minBesideShare &&
        (other.x0 >= line.x1 + line.size || other.x1 <= line.x0 - line.size)
      ) {
        out.add(line)
        break
      }
    }
  }
  return out
}

/** What {@link placedOffLines} reads of a line. */
export interface PlacedLine extends SpanLine {
  text: string
  bold: boolean
}

/** A line starts at its column's left edge when it starts within this many ems of the leftmost line there. */
const edgeEms = 1
/** Centred: its middle within this many ems of its column's middle, and clear of the left edge by more than twice that. */
const centredEms = 1
/** A line this many ems or more right of its column's left edge, and not centred, stands inside a box or a table's cell. */
const insetEms = 4

/**
 * The lines in heading type that stand where their style's headings do not: a style whose numbered
 * lines start at their column's left edge (`3.1 시나리오 기반 위협 분석`, bold 11 pt) sets its headings
 * there, so a line of that style centred on its column is a caption over a table or a box
 * (`제품 또는 서비스 차원에서 영향받을 수 있는 기본권`, `8. 위험 시나리오 (복수 작성 가능)` over a form's
 * rows), and one set well inside the measure, off centre, is a label in a cell right of a row label
 * (`직접 피영향자(영향받는 자)`): msit-ai-impact's tables and forms. A style with no numbered line at the
 * edge (centred chapter titles, a decree's `부칙`) is left alone. The column's edges are those of all its
 * lines on the page.
 */
export function placedOffLines<T extends PlacedLine>(lines: readonly T[], isHeadingType: (line: T) => boolean): Set<T> {
  const edges = new Map<string, [number, number]>()
  for (const line of lines) {
    const key = `${line.page}|${line.column}`
    const edge = edges.get(key)
    if (edge) {
      edge[0] = Math.min(edge[0], line.x0)
      edge[1] = Math.max(edge[1], line.x1)
    } else edges.set(key, [line.x0, line.x1])
  }
  const placement = (line: T): 'edge' | 'centred' | 'inset' | 'other' => {
    const [left, right] = edges.get(`${line.page}|${line.column}`)!
    const indent = line.x0 - left
    if (indent <= edgeEms * line.size) return 'edge'
    if (indent > 2 * centredEms * line.size && Math.abs((line.x0 + line.x1) / 2 - (left + right) / 2) <= centredEms * line.size)
      return 'centred'
    return indent >= insetEms * line.size ? 'inset' : 'other'
  }
  const style = (line: T): string => `${line.size}|${line.bold ? 1 : 0}`
  const typed = lines.filter((line) => isHeadingType(line))
  const edgeStyles = new Set(
    typed.filter((line) => parseNumbering(line.text).numbering !== null && placement(line) === 'edge').map((line) => style(line))
  )
  const out = new Set<T>()
  for (const line of typed) {
    if (!edgeStyles.has(style(line))) continue
    const place = placement(line)
    if (place === 'centred' || place === 'inset') out.add(line)
  }
  return out
}

/** What {@link backCoverPages} reads of a line. */
export interface PagedLine {
  text: string
  page: number
}

/** The colophon or back cover is one of the document's last pages: this many. */
const backPages = 2

/** A cover holds a title, a subtitle, a date, a publisher and a logo's words: at most this many lines. */
const maxCoverLines = 15
/** The cover's title is printed on at most this many pages: the cover and its inside, a title page, the colophon, the back cover. */
const maxTitleCopies = 5
/** A line's words as compared with the cover's: width forms folded, spaces left out. */
const coverKey = (text: string): string => text.normalize('NFKC').replace(/\s+/gu, '')

/**
 * The colophon or back cover: one of the document's last {@link backPages} pages (after
 * `lastPage - backPages`, never the cover itself) with a line (of `lines`, running heads removed) that repeats a line of its cover (`coverTexts`, the first page's lines, at most {@link maxCoverLines}) in heading type word
 * for word (`주요정보통신기반시설`, `요약본` over the publisher's address and licence), on no more than {@link maxTitleCopies} pages in all (not a running head). Set smaller than on
 * the cover but larger than the body, the title and the publisher's lines there read as headings; they
 * open no section.
 */
export function backCoverPages<T extends PagedLine>(
  lines: readonly T[],
  coverTexts: readonly string[],
  lastPage: number,
  isHeadingType: (line: T) => boolean
): Set<number> {
  // A first page of many lines is a page of text, not a cover.
  if (coverTexts.length > maxCoverLines) return new Set()
  const cover = new Set(coverTexts.map(coverKey).filter((key) => /\p{L}/u.test(key)))
  // A running head that repeats the cover's title is on most pages; the title is printed on a few at most.
  const pagesOf = new Map<string, Set<number>>()
  for (const line of lines) {
    const key = coverKey(line.text)
    if (cover.has(key)) pagesOf.set(key, (pagesOf.get(key) ?? new Set<number>()).add(line.page))
  }
  return new Set(
    lines
      .filter(
        (line) =>
          line.page > Math.max(1, lastPage - backPages) &&
          (pagesOf.get(coverKey(line.text))?.size ?? Infinity) <= maxTitleCopies &&
          isHeadingType(line)
      )
      .map((line) => line.page)
  )
}

/** A table's label column has at least this many labels; two stacked headings beside the other column's text are a chance. */
const minLabelRun = 3

/**
 * The lines in heading type of a left column that each have a line of the right column beside them
 * (baselines less than `reach(line)` apart), at least {@link minLabelRun} in a row, in one size and weight, with no other line of
 * the left column between them: a two-column table's label cells (`1. 제품ㆍ서비스 개요` … `7. 이용자 선택권`
 * beside their descriptions, msit-ai-impact p. 15), which the column finder split into columns. In two
 * columns of running text a heading is followed by its own column's text, not by another heading.
 */
export function labelColumnLines<T extends RowLine & {size: number; bold: boolean}>(
  lines: readonly T[],
  isHeadingType: (line: T) => boolean,
  reach: (line: T) => number
): Set<T> {
  const byPage = new Map<number, {left: T[]; right: T[]}>()
  for (const line of lines) {
    if (line.column === 0) continue
    const page = byPage.get(line.page) ?? {left: [], right: []}
    ;(line.column === 1 ? page.left : page.right).push(line)
    byPage.set(line.page, page)
  }
  const out = new Set<T>()
  for (const {left, right} of byPage.values()) {
    if (right.length === 0) continue
    left.sort((a, b) => a.y - b.y)
    right.sort((a, b) => a.y - b.y)
    // The right column's first baseline within reach above: a page of thousands of lines stays linear.
    const beside = (line: T): boolean => {
      const within = reach(line)
      const first = firstBelow(right, line.y - within)
      return first < right.length && right[first]!.y < line.y + within
    }
    let run: T[] = []
    const close = (): void => {
      if (run.length >= minLabelRun) for (const line of run) out.add(line)
      run = []
    }
    for (const line of left) {
      // A table's labels are set alike: a title over a heading (`Contributor Covenant Code / of Conduct`, `Our Pledge`) is no column of labels.
      if (run.length > 0 && (run[0]!.size !== line.size || run[0]!.bold !== line.bold)) close()
      if (isHeadingType(line) && beside(line)) run.push(line)
      else close()
    }
    close()
  }
  return out
}

/** What {@link itemCodeLines} reads of a line. */
export interface CodeLine extends RowLine {
  text: string
  bold: boolean
  size: number
  /** Another line shares this baseline in the same column (a table row). */
  inRow: boolean
}

/** A requirement or check-item code alone on its line: `A-1`, `B-12`, `PS-3`. */
const itemCode = /^[A-Z]{1,3}-\d{1,3}$/u
/** Fewer item codes than this are a reference or two, not a document's run of check items. */
const minItemCodes = 3

/**
 * Indices of the lines that open a check item: a code alone on its line (`A-1`), bold, with its
 * statement on the next line (`조직 전반에 적용하고 있는 정보보호 정책/지침 수립…`), set the same way at
 * least {@link minItemCodes} times. A guide's item pages carry the code as a badge above or beside the
 * statement, smaller than its sub-headings (`세부 설명`), so type size alone files them under body
 * text. Codes in a table row (an index of items) do not open an item.
 */
export function itemCodeLines<T extends CodeLine>(lines: readonly T[]): number[] {
  const found = lines.flatMap((line, index) => {
    const next = lines[index + 1]
    return itemCode.test(line.text.trim()) && line.bold && !line.inRow && next !== undefined && next.page === line.page && !next.inRow
      ? [index]
      : []
  })
  // One style for all of them: the size most of them use.
  const sizes = new Map<number, number>()
  for (const index of found) sizes.set(lines[index]!.size, (sizes.get(lines[index]!.size) ?? 0) + 1)
  const size = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0]
  const consistent = found.filter((index) => lines[index]!.size === size)
  return consistent.length >= minItemCodes ? consistent : []
}

/** What {@link numberedListHeadings} reads of a line. */
export interface ListLine {
  text: string
  page: number
  size: number
  bold: boolean
  /** Structure type of the tagged element holding most of the line, or null untagged. */
  tag: string | null
}

/** Structure types of running text: a paragraph, a list item's body or the item. */
const bodyTag = /^(?:P|LBody|LI)$/u
/** A lower-case `o` and a space opening a line: Word's bullet in a text font (`o FOSS 정책…`), not a title's next line. */
const oneGlyphBullet = /^o\s/u
/** A tagged heading element, `H` or `H1`…`H6`. */
const headingTagType = /^H[1-6]?$/u
/** Fewer numbered bold list bodies than this are emphasis here and there, not a document's requirement headings. */
const minListHeadings = 3

/**
 * Lines of bold list bodies that open with a dotted number two deep or more (`1.1 공급 대상 소프트웨어…`
 * and the lines it wraps onto): a specification's numbered requirements, which some exporters tag
 * `LBody` where other editions of the same document tag them `H3`. Once at least
 * {@link minListHeadings} are list bodies, the same bold numbered lines tagged `P` continue the series
 * (OpenChain 1.1 ko tags goal 1's requirements `LBody`, the others' `P`). Regular-weight numbered
 * items (`1.1.1 문서화된 FOSS 정책`) stay list items. A title takes at most `maxLines` lines. Bold numbered paragraphs in body size alone are left as they
 * are tagged (see {@link childNumberedHeadings} for those set larger).
 */
export function numberedListHeadings<T extends ListLine>(lines: readonly T[], bodyBold: boolean, maxLines: number): Set<T> {
  const out = new Set<T>()
  if (bodyBold) return out
  const listBody = (line: T | undefined): line is T => line !== undefined && bodyTag.test(line.tag ?? '') && line.bold
  let listed = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (!listBody(line) || decimalParts(line.text).length < 2) continue
    if (line.tag === 'LBody') listed++
    for (const title of titleLines(lines, i, maxLines, listBody)) out.add(title)
  }
  return listed >= minListHeadings ? out : new Set()
}

/** A numbered line and the lines right below it that wrap its title (same tag, page and size, no number of their own). */
function titleLines<T extends ListLine>(
  lines: readonly T[],
  start: number,
  maxLines: number,
  inTitle: (line: T | undefined, above: T) => line is T
): T[] {
  const line = lines[start]!
  const out = [line]
  for (let k = start + 1; k < start + maxLines; k++) {
    const next = lines[k]
    if (
      !inTitle(next, lines[k - 1]!) ||
      next.tag !== line.tag ||
      next.page !== line.page ||
      next.size !== line.size ||
      parseNumbering(next.text).numbering !== null ||
      // A title's last line may end in a colon (`아님) :`, a list follows); after a sentence's end, such a line is a label of its own.
      (notHeading(next.text) !== null && (notHeading(next.text) !== 'label' || readsAsProse(lines[k - 1]!.text) === 'sentence')) ||
      oneGlyphBullet.test(next.text)
    )
      break
    out.push(next)
  }
  return out
}

/** What {@link childNumberedHeadings} reads of a line. */
export interface PlacedListLine extends ListLine {
  x0: number
  /** Baseline from the page top. */
  y: number
}

/** Lines of one title start within this many points of each other; runs on one baseline are closer than this. */
const sameEdge = 2

/**
 * Lines tagged as running text (`P`, `LBody`) that number a sub-section of the tagged heading before
 * them (`1.1 정책`, `1.2 역량` after the `H2` `1.0 프로그램 설립`; `1.0` and `1` are one parent), set bold
 * and larger than the body, with the lines that wrap their titles: OpenChain 2.0 tags its
 * requirements that way in both languages, the first as a list body, the rest as paragraphs, 12 pt
 * bold in 11 pt body (ja 9.1 in 8.3), where 1.2 tags them `H3`. Body-size bold numbered items
 * (`1.1.1 문서화된 오픈소스 정책` under a requirement) are not. A title goes on over the runs on its
 * baseline (a number a tab stop from its title) and the lines below at its left edge: 2.0 ja sets the
 * requirement's statement in bold nearly its size, indented below it (`3.1 部品表（Bill of Materials）`,
 * then `供給ソフトウェア…`). Fewer than {@link minListHeadings} are left as tagged.
 */
export function childNumberedHeadings<T extends PlacedListLine>(lines: readonly T[], bodySize: number, maxLines: number): Set<T> {
  const out = new Set<T>()
  const styled = (line: T | undefined): line is T => line !== undefined && bodyTag.test(line.tag ?? '') && line.bold && line.size > bodySize
  const inTitle = (line: T | undefined, above: T): line is T =>
    styled(line) && (Math.abs(line.y - above.y) < sameEdge || Math.abs(line.x0 - above.x0) <= sameEdge)
  const stem = (parts: string[]): string => parts.join('.').replace(/(?:\.0+)+$/u, '')
  let parent: string | null = null
  let found = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (headingTagType.test(line.tag ?? '')) {
      const parts = decimalParts(line.text)
      parent = parts.length > 0 ? stem(parts) : null
      continue
    }
    const parts = decimalParts(line.text)
    if (parent === null || !styled(line) || parts.length < 2 || stem(parts.slice(0, -1)) !== parent) continue
    found++
    for (const title of titleLines(lines, i, maxLines, inTitle)) out.add(title)
  }
  return found >= minListHeadings ? out : new Set()
}

/** A tagged heading wraps over at most this many lines (OpenChain 1.2 ja sets a requirement over four). */
export const maxTaggedHeadingLines = 6

/** What {@link continuesTaggedHeading} needs of a line. */
export interface TaggedLine {
  text: string
  page: number
  size: number
  y: number
  tag: string | null
}

/**
 * The line right below a tagged heading's line, of the same heading tag and size with no number of
 * its own, is more of that heading whatever its weight: the tag says where the heading ends
 * (OpenChain 1.2 ko sets a requirement's second sentence regular, `문서화된 FOSS 정책이 존재한다. 이
 * 정책은…`, and 1.2 ja wraps one over four lines; read by weight or a three-line cap, each tail
 * became a heading of its own). `step` is the most a line may sit below the last one.
 */
export function continuesTaggedHeading(last: TaggedLine, line: TaggedLine, linesSoFar: number, step: number): boolean {
  return (
    headingTagType.test(last.tag ?? '') &&
    line.tag === last.tag &&
    line.size === last.size &&
    line.page === last.page &&
    line.y > last.y &&
    line.y - last.y <= step &&
    linesSoFar < maxTaggedHeadingLines &&
    parseNumbering(line.text).numbering === null
  )
}

/** What {@link overprintedLines} reads of a line. */
export interface FlowLine extends RowLine {
  text: string
  size: number
  x0: number
  x1: number
  /** Another line shares this baseline in the same column (a table row). */
  inRow: boolean
}

/** A stamp says a few words; a longer line in a gap is text of the page. */
const maxStampChars = 30

/**
 * Lines printed over the text rather than in it: a short line set larger than the body, alone on its
 * baseline, less than a line step below one body line and above the next, both of which run across
 * it (a review stamp, `법제처 심사를 마침`, dropped onto a decree's page). A heading takes a line of its own
 * and space around it; a table's label cell sits beside its text, not across it. `step` is the body's
 * baseline step.
 */
export function overprintedLines<T extends FlowLine>(lines: readonly T[], bodySize: number, step: number): Set<T> {
  const out = new Set<T>()
  for (let i = 1; i + 1 < lines.length; i++) {
    const [above, line, below] = [lines[i - 1]!, lines[i]!, lines[i + 1]!]
    const flow = above.size === bodySize && below.size === bodySize && above.page === line.page && below.page === line.page
    if (!flow || line.size <= bodySize || line.inRow || above.column !== below.column || line.text.length > maxStampChars) continue
    const across = (other: T): boolean => other.x0 < line.x1 && other.x1 > line.x0
    if (!across(above) || !across(below)) continue
    if (above.y < line.y && line.y < below.y && below.y - above.y < 2 * step && line.y - above.y < step && below.y - line.y < step)
      out.add(line)
  }
  return out
}

/** What {@link pageBodySizes} reads of a line. */
export interface SizedLine {
  text: string
  page: number
  size: number
}

/** A page with fewer characters than this (a chapter opener, a cover) has no body of its own to measure. */
const minPageBodyChars = 400
/**
 * A size above the document's body carrying at least this share of a full page's characters is running
 * text there (11 pt prose beside 9 pt boxed quotations, 27% on msit-ai-impact p. 5): headings carry a few per cent.
 */
const minRunningShare = 0.25

/**
 * Per page, its body size where it is larger than the document's (`bodySize`): the larger size carrying
 * the most characters of a page full of text, if a share no heading type reaches ({@link runningSize}). A guide that sets its prose at 11 pt and its form
 * appendix at 9 pt has a 9 pt body by character count, and without this every prose line would be
 * heading type. Pages whose text is smaller than the document's body are left to it.
 */
export function pageBodySizes<T extends SizedLine>(lines: readonly T[], bodySize: number): Map<number, number> {
  const byPage = new Map<number, Map<number, number>>()
  for (const line of lines) {
    const sizes = byPage.get(line.page) ?? new Map<number, number>()
    sizes.set(line.size, (sizes.get(line.size) ?? 0) + line.text.length)
    byPage.set(line.page, sizes)
  }
  const out = new Map<number, number>()
  for (const [page, sizes] of byPage) {
    const total = [...sizes.values()].reduce((sum, count) => sum + count, 0)
    const [size, count] = runningSize(sizes, bodySize)
    if (total >= minPageBodyChars && count >= total * minRunningShare && size > bodySize) out.set(page, size)
    // A page too short to measure that ends the running text of the page before it (a FAQ's last answer
    // over a few lines) is read against that page's body, when that size carries most of its text.
    const before = out.get(page - 1)
    if (!out.has(page) && before !== undefined && (sizes.get(before) ?? 0) * 2 > total) out.set(page, before)
  }
  return out
}

/**
 * The size carrying most of a page's characters among those above the document's body, with its
 * count: not the commonest size of the page, since boxed quotations at 9 pt may outweigh the prose
 * beside them at 11 pt (msit-ai-impact p. 5), and a size carrying that share of a page is running
 * text there, never headings.
 */
function runningSize(sizes: ReadonlyMap<number, number>, bodySize: number): [number, number] {
  const above = [...sizes].filter(([size]) => size > bodySize)
  return above.sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [bodySize, 0]
}

/** What {@link companionSizes} reads of a text run (the thread that lays out a page sends these, not the text). */
export interface SizedRun {
  /** Letters in the run's text. */
  letters: number
  /** Baseline from the page top. */
  y: number
  fontSize: number
  bold: boolean
}

/** Runs whose baselines are closer than this (points) are on one line. */
const runBaseline = 1
/** A line holds body text when this many of its letters are set in the body's size and weight. */
const minBodyLetters = 2
/** A size is the body's other script when at least this share of its letters sits on lines of body text… */
const minCompanionShare = 0.5
/** …and at least this many (a few words set larger beside body text are emphasis, not a script). */
const minCompanionLetters = 200

/**
 * Sizes larger than the body's that are the body's own type for another script: Korean or Japanese
 * typesetting scales the Latin font up beside the CJK one (OWASP ASVS ko sets Noto Sans CJK at 9.5 pt
 * and Source Serif at 10.9 pt on the same lines), so a line with more Latin than Hangul, or none, is
 * dominated by a size above the body's and read as heading type (`자 내성 암호 (Post‑Quantum Cryptography;
 * PQC) 는 …`). Such a size, in the body's weight, keeps most of its letters on lines that also hold
 * body-size letters; a heading size does not. `round` rounds a font size as lines are measured.
 */
export function companionSizes<T extends SizedRun>(
  pages: readonly (readonly T[])[],
  bodySize: number,
  bodyBold: boolean,
  round: (size: number) => number
): Set<number> {
  const mixed = new Map<number, number>()
  const total = new Map<number, number>()
  for (const page of pages) {
    const runs = page.filter((run) => run.bold === bodyBold).sort((a, b) => a.y - b.y)
    for (let start = 0; start < runs.length; ) {
      let end = start + 1
      while (end < runs.length && runs[end]!.y - runs[start]!.y <= runBaseline) end++
      // Most lines have no run above the body size: nothing to count there.
      let larger = false
      for (let i = start; i < end && !larger; i++) larger = round(runs[i]!.fontSize) > bodySize
      if (larger) {
        let bodyLetters = 0
        for (let i = start; i < end; i++) if (round(runs[i]!.fontSize) === bodySize) bodyLetters += runs[i]!.letters
        for (let i = start; i < end; i++) {
          const size = round(runs[i]!.fontSize)
          if (size <= bodySize) continue
          const {letters} = runs[i]!
          total.set(size, (total.get(size) ?? 0) + letters)
          if (bodyLetters >= minBodyLetters) mixed.set(size, (mixed.get(size) ?? 0) + letters)
        }
      }
      start = end
    }
  }
  const out = new Set<number>()
  for (const [size, count] of mixed) if (count >= minCompanionLetters && count >= minCompanionShare * total.get(size)!) out.add(size)
  return out
}

/** A sentence's end: a full stop (not an ellipsis), a question or exclamation mark, in any script. */
const sentenceEnd = /(?<![.…])[.!?。！？]$/u
/**
 * A predicate's last word, which ends a Korean or Japanese sentence whether or not a full stop or a
 * colon follows (`조직은 다음 사항을 수행해야 한다`, `以下のとおりである：`): Korean declaratives end in
 * `다` after a word or more (a noun alone may end in `다`: `바다`), Japanese ones in a polite or copula
 * ending; titles end in a noun.
 */
const predicateEnd = /(?:\S\s+\S*\p{Script=Hangul}다|ます|ません|ました|です|でした|である)[.。:：]?$/u
/** A caption: a table or figure number before its title (`표 3 파일 인식 정보`, `Figure 1: license`). */
const caption = /^(?:표|그림|도표|図|表|图|Table|Figure|Fig\.)\s*\d+(?:[-.]\d+)*(?:\s|[:.：]|$)/iu
/** A line that carries on from the one before: it opens in lower case, or with closing punctuation. */
const continuation = /^(?:\p{Ll}|[)\]}’”』」〉》,.;:])/u

/**
 * Why a line in heading type reads as running text once the outline is known, or null: it ends a
 * sentence (`FileHeader 스트림에 저장되는 데이터는 다음과 같다.`), captions a table or figure, or carries
 * on a sentence from the line before (`Sanitization)’장에 속한다.`).
 */
export function readsAsProse(text: string): 'sentence' | 'caption' | 'continuation' | null {
  const trimmed = text.trim()
  if (caption.test(trimmed)) return 'caption'
  if (continuation.test(trimmed)) return 'continuation'
  if (sentenceEnd.test(trimmed) || predicateEnd.test(trimmed)) return 'sentence'
  return null
}
