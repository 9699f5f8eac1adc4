/**
 * A PDF edition as a parsed document. Text items become lines (split at column gutters, so a
 * two-column page reads left column then right), lines become paragraphs by spacing and style,
 * running heads and page numbers are dropped by repetition, headings are told by font size and
 * weight ranked over the whole document (numbering refines levels within one style), and every
 * block remembers its page.
 */
import type {Message, ParsedDocument} from '../model/edition.js'
import {PdfError} from '../model/errors.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {buildDocument, type LayoutBlock} from './build-document.js'
import {
  backCoverPages,
  besideTextLines,
  childNumberedHeadings,
  companionSizes,
  continuesTaggedHeading,
  itemCodeLines,
  labelColumnLines,
  listMark,
  maxTaggedHeadingLines,
  notHeading,
  numberedListHeadings,
  overprintedLines,
  placedOffLines,
  readsAsProse,
  pageBodySizes,
  tableRowLines
} from './classify-pdf-lines.js'
import {coverTitle, isFileNameTitle, runningTitle, titleAsWritten} from './cover-title.js'
import {stopWords} from '../text/languages.js'
import {dropRepeatedTitle} from './drop-repeated-title.js'
import {findContentsPages} from './find-contents-pages.js'
import {findPlacedFurniture, keepLargerCopies} from './find-furniture.js'
import {findMarkupBalloons} from './find-markup-balloons.js'
import {hangingListLabels} from './hanging-list-labels.js'
import {skeletonEntries, skeletonLevels} from './skeleton-levels.js'
import {listedTitles} from './match-contents.js'
import {markBrokenWords} from './pdf-hyphens.js'
import {measureLineSteps} from './measure-line-steps.js'
import {mergeHeadingBadges} from './merge-heading-badges.js'
import {copyrightYear, coverPages} from './name-edition.js'
import {numberingScheme} from './numbering-level.js'
import {openedListHeadings} from './opened-list-headings.js'
import {parseToc} from './parse-toc.js'
import {templateLabels} from './template-labels.js'
import {termEntries} from './term-entries.js'
import {furnitureKey, trimNoteFurniture} from './trim-note-furniture.js'
import {
  headingTag,
  type LaidOutPdfPage,
  type PdfLayoutDecision,
  type PdfLine as Line,
  type PdfPageFacts,
  pdfPageLayout,
  roundSize,
  sizedRuns
} from './lay-out-pdf-page.js'
import {type PdfPage, readPdfPages, type WorkedPdfContent} from './pdf.js'
import {repairPageLines} from './repair-text-map.js'
import {buildLineLexicon, joinLineList} from './repair-words.js'

/** Options of {@link fromPdf}. */
export interface FromPdfOptions {
  /** Password of an encrypted PDF. Default: none. */
  password?: string
  /** Per-page time budget; slower pages are reported and skipped. Default 10000 ms. */
  pageTimeoutMs?: number
  /**
   * Called after each page the main thread reads, with how many pages have been taken by all threads and
   * how many there are: for a progress line (see `ReadPdfOptions`). Default: none.
   */
  onPage?: ((taken: number, total: number) => void) | undefined
  /** Keep the page thread, idle, after the pages (see `ReadPdfOptions.keepThread`). Default: false. */
  keepThread?: boolean
  /**
   * Called once, early, with the document made of the pages the main thread has read so far, when a
   * worker thread shares the pages (see `ReadPdfOptions.rehearse`): a caller warms what it runs after
   * the read. {@link fromPdf} itself always rehearses its own whole-document step. Default: none.
   */
  rehearse?: ((sample: ParsedDocument) => void) | undefined
  /** No effect: how many threads read a PDF's pages is set once a process, by `preloadPdfEngine` (kept so existing callers still type-check). */
  parallel?: boolean
}

// Layout thresholds, in units of the font size unless said otherwise. Each is a judgement about
// printed text; change one only with `npm run eval:pdf` and the real-PDF bench before and after.
/** A size this much above body text (in points) is a heading size: 0.9 keeps 10.5 pt notes in 10 pt body out. */
const headingSizeAbove = 0.9
/** A heading is at most this long (characters); longer bold text is a run-in paragraph. */
const maxHeadingChars = 200
/** A line spaced up to this factor of the body line step continues the paragraph (loose leading, superscripts). */
const paragraphStep = 1.3
/** A paragraph's first line is indented, or a list item's text hangs, by at most this many ems. */
const maxIndentEms = 3
/** A heading spans at most this many lines; more same-style lines are a bold paragraph. */
const maxHeadingLines = 3
/** A section title set in body type is printed this many times at most (its heading, a chapter opener's list); more copies are a running label. */
const maxListedCopies = 2
/** A monospaced character is this wide, to rebuild a code block's indentation from x positions. */
const monoAdvance = 0.6

/**
 * Fonts of marks rather than letters (Symbol, Wingdings, Webdings, Zapf Dingbats): a glyph of theirs
 * that maps to no character is a bullet or an arrow, and no word misses a letter by it.
 */
const symbolFont = /symbol|wingdings|webdings|dingbats/iu

/**
 * One warning for the glyphs that map to no character, naming their fonts (most first) and pages:
 * the same code point often recurs in every font of a document (Hancom's fonts print 한 as U+F53A).
 * Glyphs of symbol fonts get a note instead (`--verbose`): Word sets its bullets in SymbolMT, and a
 * warning that letters may be missing where none are would teach readers to skip warnings.
 */
export function emptyGlyphMessages(content: {pages: ReadonlyArray<Pick<PdfPage, 'number' | 'emptyGlyphs'>>}): Message[] {
  const letters = glyphCounts(content, (fontName) => !symbolFont.test(fontName))
  const marks = glyphCounts(content, (fontName) => symbolFont.test(fontName))
  const messages: Message[] = []
  if (letters.total > 0)
    messages.push({
      severity: 'warning',
      code: 'glyph-without-text',
      text: `${glyphsMap(letters)} and ${letters.total === 1 ? 'is' : 'are'} left out, so words there may miss a letter: ${whereGlyphs(letters)}`,
      page: letters.pages[0]!
    })
  if (marks.total > 0)
    messages.push({
      severity: 'info',
      code: 'symbol-glyph-without-text',
      text: `${glyphsMap(marks)} in a symbol font (bullets and other marks, no letters) and ${marks.total === 1 ? 'is' : 'are'} left out: ${whereGlyphs(marks)}`,
      page: marks.pages[0]!
    })
  return messages
}

interface GlyphCounts {
  total: number
  byFont: Map<string, number>
  pages: number[]
  examples: Set<string>
}

function glyphCounts(
  content: {pages: ReadonlyArray<Pick<PdfPage, 'number' | 'emptyGlyphs'>>},
  wanted: (fontName: string) => boolean
): GlyphCounts {
  const counts: GlyphCounts = {total: 0, byFont: new Map(), pages: [], examples: new Set()}
  for (const page of content.pages) {
    const glyphs = page.emptyGlyphs.filter((entry) => wanted(entry.fontName))
    if (glyphs.length > 0) counts.pages.push(page.number)
    for (const entry of glyphs) {
      counts.byFont.set(entry.fontName, (counts.byFont.get(entry.fontName) ?? 0) + entry.count)
      if (entry.example !== null) counts.examples.add(entry.example)
      counts.total += entry.count
    }
  }
  return counts
}

function glyphsMap(counts: GlyphCounts): string {
  const codes = counts.examples.size === 0 ? '' : ` (private-use ${listed([...counts.examples].sort(), 3)})`
  return `${counts.total} ${counts.total === 1 ? 'glyph maps' : 'glyphs map'} to no character${codes}`
}

function whereGlyphs(counts: GlyphCounts): string {
  const fonts = [...counts.byFont]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => `${name === '' ? '(unnamed)' : name} (${count})`)
  return `font ${listed(fonts, 3)}; ${counts.pages.length === 1 ? 'page' : 'pages'} ${listed(counts.pages, 5)}`
}

function listed(items: readonly (string | number)[], most: number): string {
  return items.length <= most ? items.join(', ') : `${items.slice(0, most).join(', ')} and ${items.length - most} more`
}

const bulletMark = /^[•◦▪‣●○■□–-]\s+/u
const question = /[?？]$/u
const sentenceEnd = /[.!?:;"”’)\]。！？」』]$/u

/** Parse a PDF (see the module comment). Throws `PdfError` for an encrypted, corrupt or text-less PDF. */
export async function fromPdf(bytes: Uint8Array, options: FromPdfOptions = {}): Promise<ParsedDocument> {
  const rehearse = (sample: WorkedPdfContent<unknown, unknown, unknown>): void => {
    if (!worthRehearsing(sample as LaidOutPdf)) return
    const parsed = pdfDocument(sample as LaidOutPdf)
    options.rehearse?.(parsed)
  }
  return pdfDocument(await readPdfPages(bytes, pdfPageLayout, {...options, rehearse}))
}

/**
 * Lines in the first pages beyond which {@link fromPdf} does not rehearse on them: some steps after
 * the pages grow faster than their lines (a page of 20,000 one-word lines takes minutes to join), and
 * a rehearsal on such pages would add as much again. Ordinary pages hold 30–150 lines.
 */
export const maxRehearsedLines = 2400

/** Whether the first pages are ordinary enough to rehearse the whole-document step on (see `FromPdfOptions.rehearse`). */
export function worthRehearsing(sample: LaidOutPdf): boolean {
  let lines = 0
  for (const page of sample.pages) lines += page.result.lines.length
  return lines <= maxRehearsedLines
}

/** The pages read and laid out by {@link fromPdf}: what the whole-document step is given. */
export type LaidOutPdf = WorkedPdfContent<PdfPageFacts, PdfLayoutDecision, LaidOutPdfPage>

/** The whole-document step of {@link fromPdf}, once every page is read and laid out: pure, and it leaves `content` as it is. */
export function pdfDocument(content: LaidOutPdf): ParsedDocument {
  const messages: Message[] = [...content.messages]
  const textless = content.pages.filter((page) => !page.facts.hasText)
  // A page without text is a scan when it shows an image; without either it is blank.
  const blank = textless.filter((page) => page.images === 0).map((page) => page.number)
  // A page PDFium could not load (images null) is neither: it has a warning of its own.
  const empty = textless.filter((page) => page.images !== 0 && page.images !== null).map((page) => page.number)
  const unread = textless.filter((page) => page.images === null).length
  const pageCount = content.pages.length
  // Pages of drawings alone: text set as outlines (a designer's cover, a poster) reads as shapes.
  if (blank.length === pageCount && textless.some((page) => (page.paths ?? 0) > 0)) {
    throw new PdfError('no text layer: run OCR first (e.g. ocrmypdf)', {
      hint: 'the PDF holds only drawings: its text may have been turned into outlines'
    })
  }
  if (blank.length === pageCount) {
    throw new PdfError(`blank: no text and no images on any of its ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}`, {
      hint: 'check that this is the file you meant, or export the document again'
    })
  }
  if (textless.length === pageCount && empty.length === 0) {
    // A page tree that loops, or pages that point nowhere: nothing to OCR.
    throw new PdfError(
      unread === pageCount
        ? `the PDF is damaged: ${pageCount === 1 ? 'its one page could not be read' : `none of its ${pageCount} pages could be read`}`
        : `the PDF is damaged: ${unread} of its ${pageCount} pages could not be read, and the rest are blank`,
      {hint: 'download or export the PDF again'}
    )
  }
  if (textless.length === pageCount) {
    throw new PdfError('no text layer: run OCR first (e.g. ocrmypdf)', {
      hint:
        blank.length === 0 ? 'the PDF holds only images of its pages' : `the PDF holds only images of its pages, and ${blank.length} blank`
    })
  }
  if (empty.length > 0) {
    messages.push({
      severity: 'warning',
      code: 'page-without-text',
      text: `${empty.length === 1 ? 'page' : 'pages'} ${listed(empty, 10)} ${empty.length === 1 ? 'has no text layer (scanned?); its' : 'have no text layer (scanned?); their'} content is missing`,
      page: empty[0]!
    })
  }
  if (blank.length > 0) {
    messages.push({
      severity: 'info',
      code: 'blank-page',
      text: `${blank.length === 1 ? 'page' : 'pages'} ${listed(blank, 10)} ${blank.length === 1 ? 'is' : 'are'} blank (no text, no images)`,
      page: blank[0]!
    })
  }

  messages.push(...emptyGlyphMessages(content))

  // A tagged PDF that tags its headings says which lines are headings and at what level (below),
  // and its artifacts are page furniture (running heads, page numbers), not text. Each page was laid
  // out by the thread that read it (lay-out-pdf-page.ts).
  const {tagged} = content.decision
  const {pages: repaired, messages: textMapMessages} = repairPageLines(
    content.pages.map((page) => page.result.lines),
    {pageNumbers: content.pages.map((page) => page.number)}
  )
  messages.push(...textMapMessages)
  // Word's comments and tracked changes printed in the right margin are the editors' notes, not text.
  const balloons = findMarkupBalloons(repaired)
  const laidOut = balloons.lines === 0 ? repaired : repaired.map((page, p) => page.filter((_, index) => !balloons.mask[p]![index]))
  if (balloons.lines > 0)
    messages.push({
      severity: 'info',
      code: 'markup-balloons-removed',
      text: `removed ${balloons.lines} lines of comment and tracked-change balloons (small type right of the text column, as Word prints markup) on pages ${listed(balloons.pages, 10)}`,
      page: balloons.pages[0]!
    })
  // Laid-out contents pages (title and page number far apart, often in two columns), by geometry and
  // before running heads: an entry at the top of the page repeats the heading atop its own page.
  const contentsPages = findContentsPages(laidOut)
  const contentsAt = contentsPages.used.findIndex((used) => used.some(Boolean))
  let contentsPage = contentsAt < 0 ? null : content.pages[contentsAt]!.number
  const pages = laidOut.map((page, p) => page.filter((_, index) => !contentsPages.used[p]![index]))
  const furniture = findPlacedFurniture(pages, {zone: 2})
  const sizeWeight = new Map<number, number>()
  for (const line of pages.flat()) sizeWeight.set(line.size, (sizeWeight.get(line.size) ?? 0) + line.text.length)
  const commonSize = [...sizeWeight].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0
  // A line in larger type than a running head's other copies (the title on the first page, under a running head with the same words) stays.
  furniture.mask = keepLargerCopies(
    pages.map((lines) => lines.map((line) => line.text)),
    pages.map((lines) => lines.map((line) => line.size)),
    furniture.mask,
    headingSizeAbove,
    commonSize
  )
  const removed = furniture.mask.flat().filter(Boolean).length
  if (removed > 0) {
    messages.push({
      severity: 'info',
      code: 'page-furniture-removed',
      text: `removed ${removed} running header, footer and page-number lines`
    })
  }
  let lines = pages.flatMap((page, p) => page.filter((_, index) => !furniture.mask[p]![index]))
  const lexicon = buildLineLexicon(lines.map((line) => line.text))
  const unbroken = markBrokenWords(
    lines.map((line) => line.text),
    lexicon
  )
  lines = lines.map((line, index) => (unbroken[index] === line.text ? line : {...line, text: unbroken[index]!}))

  // The contents list: its lines keep their page numbers at the right edge; give the parser the
  // wide-spaced shape it knows.
  const tocView = lines.map((line) => (/\s\d{1,4}$/u.test(line.text) ? line.text.replace(/\s+(\d{1,4})$/u, '   $1') : line.text))
  const parsedToc = contentsPages.entries.length > 0 ? null : parseToc(tocView, lexicon, lines.map((line) => line.text).join('\n'))
  if (parsedToc) {
    contentsPage = lines[parsedToc.start]?.page ?? null
    lines = [...lines.slice(0, parsedToc.start), ...lines.slice(parsedToc.end)]
  }
  const toc = contentsPages.entries.length > 0 ? contentsPages.entries : (parsedToc?.entries ?? [])
  if (toc.length > 0) messages.push({severity: 'info', code: 'toc-found', text: `table of contents with ${toc.length} entries`})

  // Body style: the size and weight carrying most characters.
  const styleWeight = new Map<string, number>()
  for (const line of lines) {
    const style = `${line.size}|${line.bold ? 1 : 0}`
    styleWeight.set(style, (styleWeight.get(style) ?? 0) + line.text.length)
  }
  const bodyStyle = [...styleWeight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '0|0'
  const bodySize = Number(bodyStyle.split('|')[0])
  const bodyBold = bodyStyle.endsWith('|1')
  // A line dominated by the body's Latin type, which a Korean or Japanese layout sets larger, is body text.
  const companions = companionSizes(
    content.pages.map((page) => sizedRuns(page.result.runs)),
    bodySize,
    bodyBold,
    roundSize
  )
  if (companions.size > 0)
    lines = lines.map((line) => (companions.has(line.size) && line.bold === bodyBold ? {...line, size: bodySize} : line))
  // A page of running text set larger than the document's commonest size (prose at 11 pt in a guide
  // whose form appendix fills more pages at 9 pt) is read against its own: its text is not heading type.
  const pageBody = pageBodySizes(lines, bodySize)
  // Where headings are tagged, table cells, list items and bold paragraphs (tagged TD, LBody, P)
  // are not headings, however they are set.
  const tagLevel = (line: Line): number | null => {
    const match = headingTag.exec(line.tag ?? '')
    return match ? Number(match[1] ?? 1) : null
  }
  // A check item's code badge and its statement are one heading, code first (`A-1 조직 전반에 …`).
  const codeAt = new Set(itemCodeLines(lines))
  const itemHeadings = new Set<Line>()
  lines = lines.flatMap((line, index) => {
    if (codeAt.has(index - 1)) return []
    if (!codeAt.has(index)) return [line]
    const statement = lines[index + 1]!
    const merged = {...statement, text: `${line.text.trim()} ${statement.text}`, bold: true, size: line.size}
    itemHeadings.add(merged)
    return [merged]
  })
  // Numbered requirements tagged as running text: list bodies of a series, or sub-sections of the tagged heading before them.
  const taggedListHeadings = (): Set<Line> =>
    tagged
      ? new Set([
          ...numberedListHeadings(lines, bodyBold, maxTaggedHeadingLines),
          ...childNumberedHeadings(lines, bodySize, maxHeadingLines)
        ])
      : new Set()
  let listHeadings = taggedListHeadings()
  // A template's sub-headings printed as bold labels (tagged as text, or set as run-in labels), once the numbered sections they repeat under are known.
  let labels = new Set<Line>()
  // Table cells (several on one baseline, or far apart) and a bold run-in label (`New in 2023:`)
  // share a heading's look but are not headings.
  const headingStyle = (line: Line): boolean =>
    itemHeadings.has(line) ||
    (tagged
      ? (tagLevel(line) !== null || listHeadings.has(line) || labels.has(line)) && !line.monospace
      : labels.has(line) ||
        (!line.monospace &&
          // Words in a figure (a chart's label, a side tab drawn as art) belong to the picture.
          line.tag !== 'Figure' &&
          !line.inRow &&
          line.maxGap < 1 &&
          (line.size > (pageBody.get(line.page) ?? bodySize) + headingSizeAbove ||
            (line.size >= bodySize - 0.1 && line.bold && !bodyBold && !line.indented && !/[:：]$/u.test(line.text)))))

  // Spacing between lines of one paragraph, per font size: the most common baseline step.
  const stepCounts = new Map<number, number>()
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!
    const b = lines[i]!
    if (a.page === b.page && a.size === bodySize && b.size === bodySize && b.y > a.y) {
      const step = Math.round(b.y - a.y)
      stepCounts.set(step, (stepCounts.get(step) ?? 0) + 1)
    }
  }
  const bodyStep = [...stepCounts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? bodySize * 1.2
  // Type in heading sizes whose paragraphs run looser than the body's leading goes by its own measured
  // step (msit-ai-impact's 11 pt prose at 180 % beside 9 pt boxes at 133 %): a wrapped line left apart
  // there becomes a heading. Never tighter, as a title block's lines (a decree's `[별표 1]` over its
  // title) sit further apart than its text and still read as one; and not at body size or below, where
  // lines spaced evenly are as often entries of a list or a contents page, each a block of its own.
  const sizeSteps = measureLineSteps(lines, bodySize + headingSizeAbove)
  const lineStep = (size: number): number => Math.max((bodyStep / bodySize) * size, sizeSteps.get(size) ?? 0)
  // A stamp printed over the text (a decree's `법제처 심사를 마침`) is no more its text than a running head.
  const stamps = overprintedLines(lines, bodySize, bodyStep)
  if (stamps.size > 0) {
    lines = lines.filter((line) => !stamps.has(line))
    messages.push({
      severity: 'info',
      code: 'stamp-removed',
      text: `removed ${stamps.size} short ${stamps.size === 1 ? 'line' : 'lines'} printed over the text (${listed([...new Set([...stamps].map((line) => line.text))], 2)})`
    })
  }

  lines = mergeHeadingBadges(lines, (line) => headingStyle(line) && line.text.length <= maxHeadingChars)
  // A requirement's number set apart from its text (`1.1` tab `공급 대상…`) is merged now: the merged copies are the lines.
  listHeadings = taggedListHeadings()
  labels = templateLabels(lines, (line) => headingStyle(line) && parseNumbering(line.text).numbering !== null, !tagged)
  const rowCells = tableRowLines(lines, headingStyle)
  // A label cell with its values beside it is no heading either (a check item's code badge was merged into its statement above).
  for (const cell of besideTextLines(
    lines,
    (line) => headingStyle(line) && !itemHeadings.has(line),
    (line) => lineStep(line.size)
  ))
    rowCells.add(cell)
  // A two-column table's label cells, which the column finder read as a left column of stacked headings.
  for (const cell of labelColumnLines(lines, headingStyle, (line) => lineStep(line.size))) rowCells.add(cell)
  // Numbered terms in bold body type, each over its description hanging under it, are a list's items.
  for (const label of hangingListLabels(
    lines,
    (line) => headingStyle(line) && line.size <= (pageBody.get(line.page) ?? bodySize) + headingSizeAbove,
    (line) => lineStep(line.size) * paragraphStep
  ))
    rowCells.add(label)
  // A colophon or back cover repeats the cover's title over the publisher's lines: none of them opens a section.
  const coverLines = laidOut[content.pages.findIndex((page) => page.number === 1)] ?? []
  const lastPage = content.pages.reduce((last, page) => Math.max(last, page.number), 0)
  const backCover = backCoverPages(
    lines,
    coverLines.map((line) => line.text),
    lastPage,
    headingStyle
  )
  for (const line of lines) if (backCover.has(line.page)) rowCells.add(line)
  // A caption centred over a table, or a label inset in a form's cell, in the style of headings that start at the
  // column's edge. A tagged heading is the author's word wherever it stands (OpenChain's requirements hang their wrapped lines).
  if (!tagged) for (const cell of placedOffLines(lines, (line) => headingStyle(line) && !itemHeadings.has(line))) rowCells.add(cell)

  // A numbered line in body size and weight but another typeface than the lines around it, which words a
  // skeleton entry, is a block of its own for the skeleton to find on its page (Japanese papers set
  // headings in Gothic beside Mincho body text, with no space below). Lines in heading type are offered
  // to the skeleton already (a chapter opener's list of its sections stays one block).
  const isListed = listedTitles(skeletonEntries(content.bookmarks, toc).entries)
  const listedLines = lines.filter(
    (line, index) =>
      !headingStyle(line) &&
      lines[index - 1]?.font !== line.font &&
      lines[index + 1]?.font !== line.font &&
      parseNumbering(line.text).numbering !== null &&
      isListed(line.text)
  )
  const copies = new Map<string, number>()
  for (const line of listedLines) copies.set(line.text, (copies.get(line.text) ?? 0) + 1)
  const alone = new Set(listedLines.filter((line) => copies.get(line.text)! <= maxListedCopies))

  // Group lines into blocks.
  interface Group {
    lines: Line[]
    heading: boolean
    code: boolean
  }
  const groups: Group[] = []
  // Where the text of each page's column ends on the right: a line that reaches it fills the measure.
  const measure = new Map<string, number>()
  for (const line of lines) {
    const key = `${line.page}:${line.column}`
    measure.set(key, Math.max(measure.get(key) ?? -Infinity, line.x1))
  }
  // A line of the same paragraph: on the same page and column, at most a line step and a little more below.
  const closeBelow = (last: Line, line: Line): boolean => {
    const step = line.y - last.y
    return last.page === line.page && last.column === line.column && step > 0 && step <= lineStep(line.size) * paragraphStep
  }
  // A label (`이유:`, `論拠：`) that the author tagged as a heading is one: the tag is the author's own
  // word, where a colon alone marks a run-in label (`Contributors:`) in untagged type.
  const notLabel = (line: Line): boolean => {
    const why = notHeading(line.text)
    return why === null || (why === 'label' && (tagLevel(line) !== null || labels.has(line) || listHeadings.has(line)))
  }
  // A paragraph that opens with a bold run-in term (`頒布コンプライアンス関連資料（…）－ 確認済みライセン`
  // over `スによって…`, a glossary set in Word) changes weight inside its text: a line that fills its
  // column's measure without ending a sentence runs on into the next, as a paragraph break leaves its
  // line short. A table's cells end where their column does, short of the measure, and a row's
  // next cell starts further along than a first line's indent or a bullet's hanging one.
  const runsOn = (last: Line, line: Line): boolean =>
    last.page === line.page &&
    last.column === line.column &&
    !rowCells.has(last) &&
    !rowCells.has(line) &&
    last.x1 >= (measure.get(`${last.page}:${last.column}`) ?? Infinity) - 2 * last.size &&
    last.x1 >= line.x1 - line.size &&
    Math.abs(line.x0 - last.x0) <= maxIndentEms * line.size &&
    !sentenceEnd.test(last.text) &&
    !bulletMark.test(line.text) &&
    !listMark.test(line.text)
  for (const line of lines) {
    const group = groups[groups.length - 1]
    const last = group?.lines[group.lines.length - 1]
    // The next line of a block in heading type that is no heading (a list item, a line too long for
    // a title), set like it and close below, carries the block on: it is no heading either
    // (msit-ai-impact sets its items at 11 pt over pages of 9 pt boxes, wrapped after a long first line).
    const itemGoesOn =
      group !== undefined &&
      last !== undefined &&
      !group.heading &&
      headingStyle(group.lines[0]!) &&
      !rowCells.has(last) &&
      notHeading(line.text) === null &&
      last.size === line.size &&
      last.bold === line.bold &&
      closeBelow(last, line)
    const isHeading = headingStyle(line) && line.text.length <= maxHeadingChars && notLabel(line) && !rowCells.has(line) && !itemGoesOn
    let continues = false
    if (
      group &&
      last &&
      group.heading === isHeading &&
      last.size === line.size &&
      (last.bold === line.bold || (!isHeading && runsOn(last, line))) &&
      last.monospace === line.monospace &&
      (!tagged || last.tag === line.tag)
    ) {
      if (last.page === line.page && last.column === line.column) {
        // A bullet in any font (`⚫`, `·` in Hancom's guides) opens an item of its own, however close below.
        continues = closeBelow(last, line) && !bulletMark.test(line.text) && !listMark.test(line.text)
      } else if (last.column !== line.column && last.page === line.page) {
        continues = !sentenceEnd.test(last.text) || /^\p{Ll}/u.test(line.text)
      } else if (line.page === last.page + 1 && !isHeading) {
        continues = !sentenceEnd.test(last.text) && !bulletMark.test(line.text)
      }
      // A numbered requirement tagged as a list body wraps as far as a tagged heading does (OpenChain 1.1 ko's 3.2, over four lines).
      const cap = listHeadings.has(line) && listHeadings.has(last) ? maxTaggedHeadingLines : maxHeadingLines
      if (isHeading && group.lines.length >= cap) continues = false
    }
    if (
      tagged &&
      isHeading &&
      group?.heading &&
      last &&
      continuesTaggedHeading(last, line, group.lines.length, lineStep(line.size) * paragraphStep)
    )
      continues = true
    if (alone.has(line) || (last !== undefined && alone.has(last))) continues = false
    if (continues) group!.lines.push(line)
    else groups.push({lines: [line], heading: isHeading, code: line.monospace})
  }
  // Bold at the text's own size that fills the line and runs on into the next line at the paragraph's
  // step, in the same size, opens that paragraph: emphasis, not a heading, which would end short of the
  // measure or leave space below it (msit-ai-impact's FAQ answers, `A. 인공지능 영향평가란 … 서비스를`).
  // A tagged heading is the author's word, however it runs on (OpenChain ko's long requirements).
  for (let index = groups.length - 2; index >= 0; index--) {
    const group = groups[index]!
    const next = groups[index + 1]!
    const last = group.lines[group.lines.length - 1]!
    const following = next.lines[0]!
    if (
      !tagged &&
      group.heading &&
      !next.heading &&
      !next.code &&
      last.bold &&
      last.size === following.size &&
      last.size <= (pageBody.get(last.page) ?? bodySize) + headingSizeAbove &&
      !itemHeadings.has(group.lines[0]!) &&
      closeBelow(last, following) &&
      last.x1 >= following.x1 - last.size &&
      !bulletMark.test(following.text) &&
      !listMark.test(following.text)
    ) {
      groups.splice(index, 2, {lines: [...group.lines, ...next.lines], heading: false, code: false})
    }
  }
  // Letters stacked one a line down the margin (a side tab `요 약 본`, too short to join as vertical text) name no section.
  for (const group of groups)
    if (group.heading && group.lines.length > 1 && group.lines.every((line) => [...line.text].length === 1)) group.heading = false

  // Bold lines in body type without a number that end a sentence are an emphasised sentence (`조직은 다음 사항을 수행해야
  // 한다`, over a list of what to do), not a title: a title ends in a noun. A question may be one (a FAQ's entry).
  for (const group of groups) {
    const first = group.lines[0]!
    if (!group.heading || tagged || itemHeadings.has(first) || first.size > (pageBody.get(first.page) ?? bodySize) + headingSizeAbove)
      continue
    const text = group.lines.map((line) => line.text).join(' ')
    if (parseNumbering(text).numbering === null && readsAsProse(text) === 'sentence' && !question.test(text)) group.heading = false
  }

  // Heading styles ranked over the whole document: larger first, bold before regular.
  const styles = [...new Set(groups.filter((g) => g.heading).map((g) => `${g.lines[0]!.size}|${g.lines[0]!.bold ? 1 : 0}`))].sort(
    (a, b) => {
      const [sa, ba] = a.split('|').map(Number) as [number, number]
      const [sb, bb] = b.split('|').map(Number) as [number, number]
      return sb - sa || bb - ba
    }
  )
  const styleOf = (group: Group): string => `${group.lines[0]!.size}|${group.lines[0]!.bold ? 1 : 0}`

  // The document title: the top style used once, on the first page with text, before any body.
  let title: string | null = null
  const headingGroups = groups.filter((group) => group.heading)
  const first = headingGroups[0]
  if (
    first &&
    styles[0] === styleOf(first) &&
    headingGroups.filter((group) => styleOf(group) === styles[0]).length === 1 &&
    groups.indexOf(first) <= 1
  ) {
    title = joinLineList(
      first.lines.map((line) => line.text),
      lexicon
    )
    groups.splice(groups.indexOf(first), 1)
    styles.shift()
  }
  // Else the cover's largest type, else the document information unless it names a file (Word and Hwp fill it with one).
  const cover = pages[content.pages.findIndex((page) => page.number === 1)] ?? []
  // A title heading that is the first of the cover's title lines (a main title over its remaining words in a second display size) is read as all of them.
  const printed = coverTitle(cover, bodySize + headingSizeAbove, lexicon)
  const compact = (text: string): string => text.replace(/\s+/gu, '')
  if (printed !== null && (title === null || compact(printed).startsWith(compact(title)))) title = printed
  if (title === null && content.title !== null && !isFileNameTitle(content.title)) title = content.title
  // Else the running head that names the document on every other page (a cover drawn as a picture).
  title ??= runningTitle(
    pages,
    furniture.mask,
    headingGroups.map((group) => group.lines.map((line) => line.text).join(' '))
  )
  // A cover in capitals names the document as its other parts write it (CLOUD NATIVE → Cloud Native).
  if (title !== null) {
    const coverIndex = content.pages.findIndex((page) => page.number === 1)
    // Read lazily: most titles hold no word in capitals and need neither the text nor the stop words.
    const texts = function* () {
      for (let p = 0; p < pages.length; p++) if (p !== coverIndex) for (const line of pages[p]!) yield line.text
    }
    const stop = {has: (word: string) => stopWords(content.language ?? 'en').has(word)}
    title = titleAsWritten(title, [content.title, content.bookmarks[0]?.title], texts(), stop)
  }

  // Within one style, dotted-decimal depth separates levels (`1.` and `1.1` printed alike).
  const keys = new Map<Group, [number, number]>()
  // A numbered list body taken for a heading sits one level below the tagged heading before it.
  let lastTagLevel = 0
  let lastLevel = 0
  for (const group of groups) {
    if (!group.heading) continue
    const {numbering} = parseNumbering(group.lines.map((line) => line.text).join(' '))
    const scheme = numbering === null ? null : numberingScheme(numbering)
    const ownTag = tagged ? tagLevel(group.lines[0]!) : null
    if (ownTag !== null) lastTagLevel = ownTag
    const listed = listHeadings.has(group.lines[0]!) ? lastTagLevel + 1 : null
    // A template's label sits one level below the heading of the section it repeats in.
    const level = tagged ? (ownTag ?? listed ?? (labels.has(group.lines[0]!) ? lastLevel + 1 : null)) : null
    if (tagged && !labels.has(group.lines[0]!) && level !== null) lastLevel = level
    keys.set(group, level !== null ? [level, 0] : [styles.indexOf(styleOf(group)), scheme?.scheme === 'decimal' ? scheme.depth : 0])
  }
  // A check item holds the sub-headings after it (`세부 설명`, `점검 방법`): it ranks just above their
  // style, however small its code is set.
  let inside: Group | null = null
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index]!
    if (!group.heading || tagged) continue
    if (!itemHeadings.has(group.lines[0]!)) inside = group
    else if (inside !== null) keys.set(group, [styles.indexOf(styleOf(inside)), -1])
  }
  // A count that starts again at 1 right under an unnumbered heading of its own type is that heading's parts.
  if (!tagged) {
    const headed = groups.flatMap((group, index) => (group.heading ? [{group, atOnce: groups[index - 1]?.heading === true}] : []))
    const held = openedListHeadings(
      headed.map(({group, atOnce}) => ({
        style: styleOf(group),
        rank: styles.indexOf(styleOf(group)),
        numbering: parseNumbering(group.lines.map((line) => line.text).join(' ')).numbering,
        atOnce
      }))
    )
    for (const index of held) {
      const {group} = headed[index]!
      const [s, d] = keys.get(group)!
      keys.set(group, [s, Math.max(d, 1)])
    }
  }
  const order = [...new Set([...keys.values()].map(([s, d]) => `${s}:${d}`))].sort((a, b) => {
    const [sa, da] = a.split(':').map(Number) as [number, number]
    const [sb, db] = b.split(':').map(Number) as [number, number]
    return sa - sb || da - db
  })

  const rankOf = (group: Group): number => {
    const [s, d] = keys.get(group)!
    return order.indexOf(`${s}:${d}`) + 1
  }
  const levelOf = skeletonLevels(
    groups,
    rankOf,
    {
      bookmarks: content.bookmarks,
      labels: content.pages.map((page) => page.label),
      contentsPage
    },
    toc,
    messages
  )

  const blocks: LayoutBlock[] = groups.map((group) => {
    const texts = group.lines.map((line) => line.text)
    const place = {page: group.lines[0]!.page, line: null, linePages: group.lines.map((line) => line.page)}
    const level = levelOf.get(group)
    if (level !== undefined ? level !== null : group.heading) {
      return {kind: 'heading', lines: texts, ...place, fallbackLevel: level ?? rankOf(group)}
    }
    if (group.code) {
      const minX = group.lines.reduce((min, line) => Math.min(min, line.x0), Infinity)
      const charWidth = group.lines[0]!.size * monoAdvance
      return {
        kind: 'code',
        lines: group.lines.map((line) => ' '.repeat(Math.max(0, Math.round((line.x0 - minX) / charWidth))) + line.text),
        ...place
      }
    }
    if (bulletMark.test(texts[0]!)) return {kind: 'bullet', lines: [texts[0]!.replace(bulletMark, ''), ...texts.slice(1)], ...place}
    return {kind: 'paragraph', lines: texts, ...place}
  })
  // Each page's notes go where they are printed: below the page's last block for notes at its foot
  // (buildDocument moves them to the end of their section), under their heading for end notes.
  const tops = new Map(groups.map((group, index) => [blocks[index]!, group.lines[0]!.y]))
  // A footer read into the last note of its page is known by its copies removed from the other pages
  // (keyed when the first page with notes asks: most documents have none).
  let furnitureKeys: Set<string> | null = null
  for (const {number: page, result} of content.pages) {
    const {notes} = result
    // Most pages have none: a search of every block for each page would cost pages × blocks.
    if (notes.length === 0) continue
    furnitureKeys ??= new Set(
      pages.flatMap((page, p) => page.flatMap((line, index) => (furniture.mask[p]![index] ? [furnitureKey(line.text)] : [])))
    )
    const keys = furnitureKeys
    const y = notes[0]!.y
    const at = blocks.findIndex((block) => (block.page ?? 0) > page || (block.page === page && (tops.get(block) ?? -Infinity) > y))
    const noteBlocks: LayoutBlock[] = notes.map((note) => ({
      kind: 'footnote',
      label: note.label,
      lines: trimNoteFurniture(note.lines, keys),
      page,
      line: null
    }))
    blocks.splice(at < 0 ? blocks.length : at, 0, ...noteBlocks)
  }
  // A glossary's numbered terms, set like sub-clauses, are entries of their clause (term-entries.ts).
  const terms = termEntries(blocks, toc)
  messages.push(...terms.messages)
  const titled = dropRepeatedTitle(terms.blocks, title, toc)
  messages.push(...titled.messages)
  // A copyright footer under the cover is furniture, and still the document's date when its text gives none.
  const coverYear = copyrightYear(
    pages
      .flatMap((page, p) => (content.pages[p]!.number <= coverPages ? page.filter((_, index) => furniture.mask[p]![index]) : []))
      .map((line) => line.text)
      .join('\n')
  )
  const parsed = buildDocument(titled.blocks, {lexicon, toc, title, messages, levelsFrom: 'layout', tocChecked: levelOf.size > 0})
  const pageLabels = printedPageLabels(content.pages)
  return {...parsed, ...(coverYear === null ? {} : {coverYear}), ...(pageLabels ? {pageLabels} : {})}
}

/**
 * The page labels a PDF defines (`iv`, `A-3`), by physical page, when one differs from its page's
 * number: a reader checking a section against the printed copy looks for the number printed on
 * the page. Null when the PDF defines none, or only labels that are the physical numbers.
 */
function printedPageLabels(pages: ReadonlyArray<Pick<PdfPage, 'number' | 'label'>>): (string | null)[] | null {
  const labels: (string | null)[] = []
  for (const page of pages) labels[page.number - 1] = page.label
  const filled = Array.from(labels, (label) => label ?? null)
  return filled.some((label, index) => label !== null && label !== String(index + 1)) ? filled : null
}
