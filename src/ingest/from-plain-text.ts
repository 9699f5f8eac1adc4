import type {Heading, Paragraph, Root, RootContent} from 'mdast'
import type {Message, ParsedDocument} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {findFurniture} from './find-furniture.js'

// Words after which a line end is not a paragraph end, even though the line ends with a period.
const abbreviation = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|No|Nos|Art|Arts|Sec|Vol|pp|p|cf|e\.g|i\.e|etc|vs|Jr|Sr|Prof|Gen|Gov|Rep|Sen)\.$/u
const sentenceEnd = /[.!?。！？:;"”’)\]]$/u
const cjkEdge = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/**
 * Read plain text with no markup. Paragraphs are split on blank lines; hard-wrapped lines (the
 * 1990s UN records, e-mail-style text) are re-joined, and a wrapped text without blank lines is cut
 * where a short line ends a sentence; a file with one paragraph per line keeps each line. A short
 * line with a numbering (`1.`, `Chapter II`, `제1장`) standing alone is a heading. Text with no
 * headings is one section, titled by the document. Running headers left in by whoever extracted
 * the text (`36 General Assembly - Forty-eighth session`) are dropped.
 */
export function fromPlainText(text: string): ParsedDocument {
  const all = text
    .replace(/^\uFEFF/u, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+$/u, ''))
  const messages: Message[] = []
  const furniture = findFurniture([all])
  // A running line sits where a page ended, often inside a paragraph: the text on both sides joins.
  const lines = all.map((text, index) => ({text, line: index + 1})).filter((_, index) => !furniture.mask[0]![index])
  const removed = all.length - lines.length
  if (removed > 0) {
    messages.push({
      severity: 'info',
      code: 'page-furniture-removed',
      text: `removed ${removed} running header and footer lines (${furniture.patterns.slice(0, 3).join(' | ')})`
    })
  }
  const lengths = lines
    .filter(({text}) => text.trim() !== '')
    .map(({text}) => text.trim().length)
    .sort((a, b) => a - b)
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0
  // Lines far longer than any terminal are whole paragraphs, not wrapped lines.
  const linePerParagraph = median > 150

  const children: RootContent[] = []
  let buffer: Array<{text: string; line: number}> = []
  const flush = (): void => {
    if (buffer.length === 0) return
    const first = buffer[0]!
    const last = buffer[buffer.length - 1]!
    // Pieces joined once: reading the end of a growing string flattens it, line after line.
    const pieces: string[] = []
    let previous = ''
    for (const {text: part} of buffer) {
      const trimmed = part.trim()
      if (previous !== '') pieces.push(cjkEdge.test(previous.at(-1)!) && cjkEdge.test(trimmed[0] ?? '') ? '' : ' ')
      pieces.push(trimmed)
      if (trimmed !== '') previous = trimmed
    }
    const value = pieces.join('')
    const position = {start: {line: first.line, column: 1}, end: {line: last.line, column: last.text.length + 1}}
    const heading = buffer.length === 1 ? asHeading(value) : null
    if (heading) {
      heading.position = position
      children.push(heading)
    } else {
      const paragraph: Paragraph = {type: 'paragraph', children: [{type: 'text', value}], position}
      children.push(paragraph)
    }
    buffer = []
  }

  lines.forEach((entry, index) => {
    const line = entry.text
    if (line.trim() === '') {
      flush()
      return
    }
    if (linePerParagraph) {
      flush()
      buffer.push(entry)
      flush()
      return
    }
    const next = lines[index + 1]?.text.trim() ?? ''
    const standsAlone = buffer.length === 0 && (next === '' || asHeading(line.trim()) !== null)
    buffer.push(entry)
    const trimmed = line.trim()
    const endsParagraph =
      standsAlone && asHeading(trimmed) !== null
        ? true
        : sentenceEnd.test(trimmed) && !abbreviation.test(trimmed) && trimmed.length < width * 0.8
    if (endsParagraph) flush()
  })
  flush()

  const root: Root = {type: 'root', children}
  return {root, title: null, frontMatter: {}, toc: [], messages}
}

function asHeading(line: string): Heading | null {
  if (line.length > 100) return null
  const {numbering, title} = parseNumbering(line)
  if (!numbering || title === '' || /[.,;:]$/u.test(title) || !/^[\p{Lu}\p{Lo}]/u.test(title)) return null
  // A numbered line that reads like a sentence is a list item, not a heading.
  if (title.split(/\s+/u).length > 14) return null
  return {type: 'heading', depth: numberingRank(numbering), children: [{type: 'text', value: line}]}
}

/**
 * A heading depth implied by the kind of numbering: parts above chapters above sections above
 * decimal numbers, deeper decimals deeper still. Depths are relative; `toSectionTree` closes gaps.
 */
function numberingRank(numbering: string): 1 | 2 | 3 | 4 | 5 | 6 {
  const clamp = (n: number): 1 | 2 | 3 | 4 | 5 | 6 => Math.max(1, Math.min(6, n)) as 1 | 2 | 3 | 4 | 5 | 6
  if (/^(?:Part|Book|Volume|제\s*\d+\s*[편부]|第.+[部編编篇])/iu.test(numbering)) return 1
  if (/^(?:Chapter|Chap\.|제\s*\d+\s*장|第.+章)/iu.test(numbering)) return 1
  if (/^(?:Section|Sec\.|제\s*\d+\s*절|第.+[節节])/iu.test(numbering)) return 2
  const dotted = /^\d+((?:\.\d+)*)\.?$/u.exec(numbering)
  if (dotted) return clamp(1 + (dotted[1]!.match(/\./gu)?.length ?? 0))
  if (/^[A-Z]\.?\d/u.test(numbering)) return clamp(1 + (numbering.match(/\./gu)?.length ?? 0))
  if (/^[IVXLCDM]+\.$/u.test(numbering) || /^[一二三四五六七八九十]+、$/u.test(numbering)) return 1
  if (/^[가-하][.)]$/u.test(numbering) || /^[（(][一二三四五六七八九十]+[)）]$/u.test(numbering)) return 3
  if (/^\(\d+\)$|^[①-⑳]$/u.test(numbering)) return 4
  return 2
}
