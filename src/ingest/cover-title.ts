import {isPageNumber} from './find-furniture.js'
import type {BadgeLine} from './merge-heading-badges.js'
import {joinLineList, type Lexicon} from './repair-words.js'

/**
 * A document's title as its cover prints it, for PDFs whose title is not a heading style of its own
 * (a cover set in the size of the chapter titles, or a title in two sizes), and a test for the
 * document information's title, which Word and Hwp often fill with the file's name.
 */

/** A cover title and its second line in the same type: more lines in the largest type are display text, not a title. */
const maxCoverLines = 4
/** Longer text in the cover's largest type is a paragraph set large, not a title. */
const maxCoverChars = 120
/** Fewer letters are a badge or a year (`05`, `2026`, `요약본`), not what the document is called. */
const minCoverLetters = 4
/** Lines within this many points of the largest size are set in it (sizes are measured in half points). */
const sameSize = 0.5
/** A contents page's own title is never the document's. */
const contentsTitle = /^(?:table\s*of\s*)?contents$|^목\s*차$|^차\s*례$|^目\s*次$|^目\s*录$/iu

/**
 * A line this share of the title's size or more, stacked under it, goes on with the title in a second
 * display size (`주요정보통신기반시설` at 34 pt over `관리·물리적 취약점 분석·평가방법 / 안내서` at 28 pt);
 * a tagline, the authors or a date under a title are set smaller (the CNCF paper's `VERSION 2` at 10 pt
 * under 36 pt, the ASVS's `Version 5.0.0` at 14 pt under 18 pt).
 */
const subtitleRatio = 0.8
/** A line of the title's block sits at most this many of its own sizes below the one above it; further down is another block. */
const maxTitleStep = 2

/**
 * The lines set in the largest type on the cover (the first page), with the lines stacked right under
 * them in a display size near theirs, joined in reading order, when that type is a heading's (`minSize`
 * and above) and what it says reads as a title: a few lines, some letters, not a contents page's
 * heading. A line of digits alone in the title's type is the edition's year or issue, not its name.
 * Null otherwise: a document that opens with body text, or a cover that is a picture.
 */
export function coverTitle(lines: readonly BadgeLine[], minSize: number, lexicon: Lexicon): string | null {
  const largest = lines.reduce((size, line) => Math.max(size, line.size), 0)
  if (largest < minSize) return null
  const written = lines.filter((line) => line.text.trim() !== '')
  const title = written.filter((line) => line.size >= largest - sameSize)
  if (title.length > maxCoverLines) return null
  const block = [...title, ...subtitleLines(written, title, minSize)].filter((line) => /\p{L}/u.test(line.text))
  block.sort((a, b) => written.indexOf(a) - written.indexOf(b))
  const text = joinLineList(
    block.map((line) => line.text),
    lexicon
  )
  if (text.length > maxCoverChars || (text.match(/\p{L}/gu) ?? []).length < minCoverLetters) return null
  return contentsTitle.test(text.trim()) ? null : text
}

/**
 * The lines that carry the title on under its last line in the largest type: each next in reading
 * order, in a display size of at least {@link subtitleRatio} of the title's (and a heading's), close
 * under the line above and lined up with it (the same left edge, right edge or centre), until a line
 * fails. A line in a script the title does not use (`Hwp Document File Formats 5.0` under
 * `한글 문서 파일 구조 5.0`) is the title again in another language, not more of it.
 */
function subtitleLines(written: readonly BadgeLine[], title: readonly BadgeLine[], minSize: number): BadgeLine[] {
  const last = title[title.length - 1]
  if (last === undefined) return []
  const scripts = new Set(title.flatMap((line) => scriptsOf(line.text)))
  const more: BadgeLine[] = []
  let above = last
  for (const line of written.slice(written.indexOf(last) + 1)) {
    const step = line.y - above.y
    const edge = line.size
    const lined =
      Math.abs(line.x0 - above.x0) <= edge ||
      Math.abs(line.x1 - above.x1) <= edge ||
      Math.abs(line.x0 + line.x1 - above.x0 - above.x1) <= edge
    const own = scriptsOf(line.text)
    const foreign = own.length > 0 && !own.some((script) => scripts.has(script))
    if (
      line.page !== last.page ||
      line.size > last.size ||
      line.size < Math.max(minSize, last.size * subtitleRatio) ||
      step <= 0 ||
      step > line.size * maxTitleStep ||
      !lined ||
      foreign
    )
      break
    more.push(line)
    above = line
  }
  return more
}

/** The scripts of a line's letters, as a reader tells a Latin line from a Hangul or Han one. */
function scriptsOf(text: string): string[] {
  const found: string[] = []
  if (/\p{Script=Latin}/u.test(text)) found.push('latin')
  if (/\p{Script=Hangul}/u.test(text)) found.push('hangul')
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) found.push('han')
  return found
}

/**
 * A title running through the document reaches across at least this share of its pages, from its
 * first copy to its last; a chapter's running head stays within its chapter.
 */
const runningSpread = 0.5

/**
 * The document's title as its running head prints it, for a PDF whose cover holds no title in text
 * (a cover that is a picture, or one whose title is drawn in outlines): the running line (`mask`,
 * page furniture) that the most pages repeat word for word, among those whose copies reach across
 * half the document or more and that no heading carries (a chapter's running head does). A line
 * that reads as a title: some letters, not a page number or a contents page's heading. Null when
 * no running line is such (most documents run a chapter's name, or none).
 */
export function runningTitle(
  pages: ReadonlyArray<ReadonlyArray<{text: string}>>,
  mask: ReadonlyArray<ReadonlyArray<boolean>>,
  headings: readonly string[]
): string | null {
  const compact = (text: string): string => text.replace(/\s+/gu, '')
  const headed = new Set(headings.map(compact))
  const seen = new Map<string, {text: string; first: number; last: number; pages: number}>()
  pages.forEach((lines, p) => {
    const onPage = new Set<string>()
    lines.forEach((line, index) => {
      if (mask[p]?.[index] !== true) return
      const text = line.text.trim()
      const key = compact(text)
      if (onPage.has(key) || headed.has(key) || isPageNumber(text) || contentsTitle.test(text)) return
      if (text.length > maxCoverChars || (text.match(/\p{L}/gu) ?? []).length < minCoverLetters) return
      onPage.add(key)
      const entry = seen.get(key)
      if (entry === undefined) seen.set(key, {text, first: p, last: p, pages: 1})
      else {
        entry.last = p
        entry.pages++
      }
    })
  })
  let best: {text: string; pages: number} | null = null
  for (const entry of seen.values())
    if (entry.last - entry.first + 1 >= pages.length * runningSpread && (best === null || entry.pages > best.pages)) best = entry
  return best?.text ?? null
}

/**
 * The document information's title names a file, not the document: `OpenChain-2.1_original_ja`,
 * `Microsoft Word - draft.docx`. Such a title is worse than none.
 */
export function isFileNameTitle(title: string): boolean {
  return /\.(?:docx?|pdf|hwpx?|indd|pptx?|odt|rtf|txt)$/iu.test(title.trim()) || (!/\s/u.test(title.trim()) && title.includes('_'))
}

/** A word of a cover set in capitals: two letters or more, none of them lower case. */
const capitalsWord = /^\p{Lu}{2,}$/u
/** Words as the document writes them, case kept. */
const casedWord = /\p{L}+/gu

/**
 * The title with the words its cover sets in capitals (a display face's `CLOUD NATIVE SECURITY
 * WHITEPAPER`, `OPENCHAIN 仕様書`) written as the document writes them elsewhere, which is how a
 * reader names it: the whole title as another part of the file gives it (the document information,
 * the first bookmark: `titles`), else word by word as its text (`texts`, the cover left out) spells
 * it most often (`OpenChain`; `cloud`, capitalised in a title as its other words are, a short word of
 * `stop` kept small after the first). A word the text writes in capitals as often, an acronym (`SBOM`,
 * `CNCF`), or not at all, stays as printed.
 */
export function titleAsWritten(
  title: string,
  titles: ReadonlyArray<string | null | undefined>,
  texts: Iterable<string>,
  stop: {has(word: string): boolean}
): string {
  const capitals = new Set((title.match(casedWord) ?? []).filter((word) => capitalsWord.test(word)))
  if (capitals.size === 0) return title
  const key = (text: string): string => text.replace(/\s+/gu, '').toLowerCase()
  const whole = titles.find((other) => other && key(other) === key(title) && /\p{Ll}/u.test(other))
  if (whole) return whole.trim()
  // Per word set in capitals: how often the text writes it in each form.
  const forms = new Map<string, Map<string, number>>()
  for (const text of texts) {
    for (const word of text.match(casedWord) ?? []) {
      const upper = word.toUpperCase()
      if (!capitals.has(upper)) continue
      const counts = forms.get(upper) ?? new Map<string, number>()
      counts.set(word, (counts.get(word) ?? 0) + 1)
      forms.set(upper, counts)
    }
  }
  let first = true
  return title.replace(casedWord, (word) => {
    const opening = first
    first = false
    const counts = forms.get(word)
    if (!capitals.has(word) || !counts) return word
    let best: string | null = null
    for (const [form, count] of counts) {
      if (form === word) continue
      const bestCount = best === null ? 0 : counts.get(best)!
      if (count > bestCount || (count === bestCount && best !== null && form < best)) best = form
    }
    if (best === null || counts.get(best)! <= (counts.get(word) ?? 0)) return word
    if (best !== best.toLowerCase()) return best
    return !opening && stop.has(best) ? best : best[0]!.toUpperCase() + best.slice(1)
  })
}
