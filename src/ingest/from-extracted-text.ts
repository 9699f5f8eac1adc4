/**
 * Text that was already extracted from a PDF (by `pdftotext`, a copy-paste, or the RFC editor's
 * own paginator): form feeds between pages, running heads and `[Page N]` footers, tab-separated
 * layout, words broken at line ends and tab stops, a contents page. This adapter removes the page
 * furniture, finds the contents list and the headings (numbering decides their level), and
 * re-joins what the page layout tore apart.
 */
import type {Message, ParsedDocument} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {buildDocument, type LayoutBlock} from './build-document.js'
import {findFurniture, runningKey} from './find-furniture.js'
import {normalizeChars} from './normalize-chars.js'
import {numberingScheme} from './numbering-level.js'
import {parseToc} from './parse-toc.js'
import {repairTextMap} from './repair-text-map.js'
import {buildLineLexicon} from './repair-words.js'

/**
 * True when `text` looks like PDF-extracted text rather than plain prose: form feeds, `[Page N]`
 * footers, several tab-laid-out lines, or wide-spaced lines that recur like running heads.
 */
export function looksExtracted(text: string): boolean {
  if (text.includes('\f')) return true
  const lines = text.split(/\r\n?|\n/u)
  if (lines.filter((line) => /\[Page \d+\]\s*$/u.test(line)).length >= 2) return true
  if (lines.filter((line) => /\S\t+\S/u.test(line) || /^\t.*\t/u.test(line)).length >= 3) return true
  const counts = new Map<string, number>()
  for (const line of lines) {
    if (/\S {3,}\S/u.test(line.trim()) && /\d/u.test(line)) counts.set(runningKey(line), (counts.get(runningKey(line)) ?? 0) + 1)
  }
  return [...counts.values()].some((count) => count >= 3)
}

interface SourceLine {
  text: string
  /** 1-based page, or null without form feeds. */
  page: number | null
  /** 1-based line in the input. */
  line: number
}

const sentenceEnd = /[.!?:;"”’)\]。！？」』]$/u

function indentOf(line: string): number {
  return /^[ \t]*/u.exec(line)![0].replace(/\t/gu, '    ').length
}

function isBlank(line: SourceLine): boolean {
  return line.text.trim() === ''
}

/** Pages with furniture removed, joined into one line list; a paragraph running over a page break is re-joined. */
function bodyLines(text: string, messages: Message[]): SourceLine[] {
  const rawPages = text.split('\f')
  const paginated = rawPages.length > 1
  const pages = rawPages.map((page) => page.split('\n'))
  const furniture = findFurniture(pages)
  let removed = 0
  const out: SourceLine[] = []
  let lineNumber = 1
  // Without form feeds, a running line is where a page ended: the text is cut there too.
  const segments: SourceLine[][] = []
  pages.forEach((page, p) => {
    let kept: SourceLine[] = []
    page.forEach((line, index) => {
      if (furniture.mask[p]![index]) {
        removed++
        if (!paginated) {
          segments.push(kept)
          kept = []
        }
      } else kept.push({text: line, page: paginated ? p + 1 : null, line: lineNumber + index})
    })
    lineNumber += page.length
    segments.push(kept)
  })
  // The last line with text so far: searching `out` for it at every page would be quadratic.
  let previous: SourceLine | undefined
  for (const segment of segments) {
    let start = 0
    let end = segment.length
    while (start < end && isBlank(segment[start]!)) start++
    while (end > start && isBlank(segment[end - 1]!)) end--
    if (start === end) continue
    const kept = segment.slice(start, end)
    if (out.length > 0) {
      const first = kept[0]!.text.trim()
      // A sentence left open at the foot of a page goes on at the top of the next, unless what
      // comes next is a heading (numbered, or a short line at the margin of an indented text).
      const heading = parseNumbering(first).numbering !== null || (indentOf(kept[0]!.text) === 0 && first.length < 40)
      const continues = previous !== undefined && (!sentenceEnd.test(previous.text.trim()) || /^\p{Ll}/u.test(first)) && !heading
      if (!continues) out.push({text: '', page: kept[0]!.page, line: kept[0]!.line})
    }
    // One push per line: spreading a page of many lines into one call overflows the stack.
    for (const line of kept) out.push(line)
    previous = kept[kept.length - 1]
  }
  if (removed > 0) {
    messages.push({
      severity: 'info',
      code: 'page-furniture-removed',
      text: `removed ${removed} running header, footer and page-number lines (${furniture.patterns.slice(0, 3).join(' | ')})`
    })
  }
  return out
}

function splitBlocks(lines: readonly SourceLine[]): SourceLine[][] {
  const blocks: SourceLine[][] = []
  let current: SourceLine[] = []
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) blocks.push(current)
      current = []
    } else current.push(line)
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best = 0
  let bestCount = -1
  for (const [value, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = value
      bestCount = count
    }
  }
  return best
}

const columnar = /\S(?: {3,}|\t)\S/u
const codeLike = /[{};]\s*$|^\s*[{}]|\s=\s|^\s*\/\*|^\s*\+[-+]+\+?\s*$|[|]\s*$/u
const bullet = /^\s*(?:[-*•·o])\s+\S/u
const functionWords = new Set('a an and as at by for from in into of on or the to with'.split(' '))

function titleCased(text: string): boolean {
  const list = text.split(/\s+/u).filter((word) => /\p{L}/u.test(word) && !functionWords.has(word.toLowerCase()))
  if (list.length === 0) return false
  return list.filter((word) => /^[^\p{L}]*\p{Lu}/u.test(word)).length * 2 >= list.length
}

interface Candidate {
  numbered: boolean
}

/** Decide whether a one-line block is a heading; null when it is not. */
function headingCandidate(line: SourceLine, bodyIndent: number, tocTitles: Set<string>): Candidate | null {
  const text = line.text.trim()
  if (text.length > 120 || columnar.test(text)) return null
  if (bodyIndent > 0 && indentOf(line.text) >= bodyIndent) return null
  const words = text.split(/\s+/u)
  const {numbering, title} = parseNumbering(text)
  const usable = numbering !== null && !numberingScheme(numbering).scheme.startsWith('other:')
  if (
    tocTitles.has(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')) ||
    tocTitles.has(title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''))
  ) {
    return {numbered: usable}
  }
  if (usable) {
    if (words.length > 16 || /[,;]$/u.test(text)) return null
    if (/\.$/u.test(title) && words.length > 6) return null
    if (title === '' && !/^(?:chapter|part|section|appendix|annex|제|第)/iu.test(numbering)) return null
    return {numbered: true}
  }
  if (words.length > 10 || /[.,;:!?]$/u.test(text)) return null
  if (!/^[\p{Lu}\p{Lo}]/u.test(text) || /^\d/u.test(text)) return null
  if (bodyIndent === 0 && !titleCased(text)) return null
  return {numbered: false}
}

/** Parse PDF-extracted plain text (see the module comment). */
export function fromExtractedText(input: string): ParsedDocument {
  const textMap = repairTextMap(normalizeChars(input.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n')).split('\f'))
  const messages: Message[] = [...textMap.messages]
  const text = textMap.pages.join('\f')
  let lines = bodyLines(text, messages)
  const lexicon = buildLineLexicon(lines.map((line) => line.text.trim()))

  const toc = parseToc(
    lines.map((line) => line.text),
    lexicon,
    lines.map((line) => line.text).join('\n')
  )
  if (toc) lines = [...lines.slice(0, toc.start), ...lines.slice(toc.end)]
  const tocTitles = new Set(
    (toc?.entries ?? [])
      .flatMap((entry) => [entry.title, `${entry.numbering ?? ''}${entry.title}`])
      .map((t) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''))
  )

  const blocks = splitBlocks(lines)
  const bodyIndent = mostCommon(lines.filter((line) => !isBlank(line)).map((line) => indentOf(line.text)))

  // Cover lines: the first short, non-columnar block is the title; blocks repeating its words
  // (a second cover line with the year) add their year and go too.
  let title: string | null = null
  const firstText = blocks.findIndex((block) => !block.some((line) => columnar.test(line.text.trim())))
  if (firstText >= 0) {
    const block = blocks[firstText]!
    const joined = block.map((line) => line.text.trim()).join(' ')
    const short =
      block.length <= 4 && block.every((line) => line.text.trim().split(/\s+/u).length <= 8 && !/[.,;]$/u.test(line.text.trim()))
    const next = blocks[firstText + 1]
    const joinedWords = new Set(joined.toLowerCase().split(/\s+/u))
    const nextRepeats = next
      ?.flatMap((line) => line.text.trim().toLowerCase().split(/\s+/u))
      .every((word) => joinedWords.has(word) || /^\d{4}$/u.test(word))
    // A lone short line followed by body text is a heading, not a title, unless it is set apart
    // (centred, deeper than the body) or a second cover line repeats it.
    const nextNumbered = next !== undefined && next.length === 1 && parseNumbering(next[0]!.text.trim()).numbering !== null
    const apart = block.length > 1 || nextRepeats || nextNumbered || indentOf(block[0]!.text) > bodyIndent
    if (short && parseNumbering(joined).numbering === null && apart) {
      title = joined.replace(/\s+/gu, ' ')
      const titleWords = new Set(title.toLowerCase().split(' '))
      let i = firstText + 1
      for (; i < blocks.length; i++) {
        const words = blocks[i]!.flatMap((line) => line.text.trim().toLowerCase().split(/\s+/u))
        if (!words.every((word) => titleWords.has(word) || /^\d{4}$/u.test(word))) break
        for (const word of words) if (/^\d{4}$/u.test(word) && !titleWords.has(word)) title = `${title} ${word}`
      }
      blocks.splice(firstText, i - firstText)
    }
  }

  const layout: LayoutBlock[] = []
  blocks.forEach((block, index) => {
    const first = block[0]
    if (first === undefined) return
    const place = {page: first.page, line: first.line}
    const raw = block.map((line) => line.text)
    if (block.length === 1) {
      const candidate = headingCandidate(first, bodyIndent, tocTitles)
      if (candidate) {
        const previous = blocks[index - 1]
        const next = blocks[index + 1]
        const interrupts =
          !candidate.numbered &&
          previous !== undefined &&
          next !== undefined &&
          !sentenceEnd.test(previous[previous.length - 1]!.text.trim()) &&
          /^\p{Ll}/u.test(next[0]!.text.trim())
        if (interrupts) {
          // A label printed beside the text (a side tab, a running title) that extraction put in
          // the middle of a sentence: it names the text since the last heading, if that has none.
          const lastHeading = layout.findLastIndex((item) => item.kind === 'heading')
          const owner = lastHeading + 1
          if (lastHeading < 0 || layout.slice(owner).every((item) => item.kind !== 'heading')) {
            if (!layout.some((item) => item.kind === 'heading')) {
              layout.splice(owner, 0, {kind: 'heading', lines: raw, ...place, fallbackLevel: 1})
              // The interrupted paragraph continues after the label.
              const prevBlock = layout[layout.length - 1]
              if (prevBlock && prevBlock.kind === 'paragraph') prevBlock.lines.push(...next.map((line) => line.text))
              blocks[index + 1] = []
              return
            }
          }
          layout.push({kind: 'paragraph', lines: raw, ...place})
          return
        }
        layout.push({kind: 'heading', lines: raw, ...place, fallbackLevel: 1})
        return
      }
    }
    const columnarLines = block.filter((line) => columnar.test(line.text.trim())).length
    const codeLines = block.filter((line) => codeLike.test(line.text)).length
    const deep = bodyIndent > 0 && block.every((line) => indentOf(line.text) > bodyIndent + 2)
    if (columnarLines * 2 >= block.length || codeLines * 2 >= block.length || (deep && codeLines > 0)) {
      layout.push({kind: 'code', lines: raw, ...place})
    } else if (bullet.test(first.text)) {
      layout.push({
        kind: 'bullet',
        lines: [first.text.replace(bullet, (m) => m.trimStart().slice(1).trimStart()), ...raw.slice(1)],
        ...place
      })
    } else {
      layout.push({kind: 'paragraph', lines: raw, ...place})
    }
  })

  if (toc) messages.push({severity: 'info', code: 'toc-found', text: `table of contents with ${toc.entries.length} entries`})
  return buildDocument(layout, {lexicon, toc: toc?.entries ?? [], title, messages})
}
