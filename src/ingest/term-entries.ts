/**
 * Term entries of a terms-and-definitions clause, as ISO's layout sets them: a number and a short
 * term on one line (`2.1 컴플라이언스 산출물`, bold, the size of a sub-clause heading), the definition
 * below. Set like sub-clauses, they are still entries of a glossary, not sections: the printed
 * contents lists the clause but none of them, and an edition that defines the same terms as a list
 * (`“컴플라이언스 결과물” - …`) would see every term as an added section. Each becomes a paragraph that
 * opens with its number and term in bold and goes on with its definition, inside its clause.
 */
import type {Message, TocEntry} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import type {LayoutBlock} from './build-document.js'
import {decimalParts} from './numbering-level.js'
import {undoubleListNumbers} from './undouble-list-numbers.js'

/** Words that name a terms clause (its title says nothing else but these and connectors): ISO's `Terms and definitions` in any language. */
const termWords =
  /terms?|definitions?|abbreviat(?:ed terms|ions?)|symbols?|glossary|용어|정의|약어|기호|用語|定義|略語|記号|术语|術語|定义|缩略语|符号/giu
/** Connectors and punctuation between those words (`and`, `와`, `及び`, `の`, `、`). */
const connectors = /\b(?:and|for|the|of)\b|및|와|과|의|と|の|及び|および|及|和|与|[\s\p{P}]/giu
/** A term is a word or a few: a longer title is a section's. */
const maxTermChars = 60
/** A term wraps over at most this many lines. */
const maxTermLines = 2

/** The groups of a dotted-decimal number as numbers (`2.1`, `２．０１` → 2, 1), none for another numbering. */
const decimalNumbers = (text: string): string[] => decimalParts(text).map((part) => String(Number(part)))

/** True when a heading's title (numbering aside) names a terms and definitions clause and nothing else. */
export function isTermsClauseTitle(text: string): boolean {
  const {title} = parseNumbering(text.trim())
  termWords.lastIndex = 0
  if (!termWords.test(title)) return false
  return title.replace(termWords, '').replace(connectors, '') === ''
}

const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/**
 * `blocks` with the term entries of every numbered terms clause made paragraphs (see the module
 * comment). An entry is a heading numbered below its clause (`2.1`, `2.1.3` under `2`), of at most
 * {@link maxTermLines} lines and {@link maxTermChars} characters, followed by a paragraph (its
 * definition) rather than a heading: a numbered group of terms (`3.1 Terms related to …` over
 * `3.1.1`) stays a heading. None is an entry when the printed contents lists it: a clause whose
 * contents list its sub-clauses has sections, not terms. Blocks are not changed; merged ones are new.
 */
export function termEntries(laidOut: readonly LayoutBlock[], toc: readonly TocEntry[]): {blocks: LayoutBlock[]; messages: Message[]} {
  const {blocks, messages} = undoubled(laidOut)
  const listedNumbers = new Set(toc.flatMap((entry) => (entry.numbering === null ? [] : [decimalNumbers(entry.numbering).join('.')])))
  // A numbered entry names its section by number (the contents may list a section titled like a term: `3.4.1 컴플라이언스 산출물`).
  const listedTitles = new Set(toc.flatMap((entry) => (entry.numbering === null ? [key(entry.title)] : [])))
  const out: LayoutBlock[] = []
  // Number of the terms clause being read, or null outside one.
  let clause: string[] | null = null
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (block.kind !== 'heading') {
      out.push(block)
      continue
    }
    const text = headingText(block)
    const parts = decimalNumbers(text)
    const inside = clause !== null && parts.length > clause.length && clause.every((part, k) => parts[k] === part)
    if (!inside) {
      clause = parts.length > 0 && isTermsClauseTitle(text) ? parts : null
      out.push(block)
      continue
    }
    const definition = blocks[i + 1]
    const term = parseNumbering(text).title
    const entry =
      definition?.kind === 'paragraph' &&
      block.lines.length <= maxTermLines &&
      term !== '' &&
      [...term].length <= maxTermChars &&
      !listedNumbers.has(parts.join('.')) &&
      !listedTitles.has(key(text)) &&
      !listedTitles.has(key(term))
    if (!entry) {
      out.push(block)
      continue
    }
    // The term's lines stay lines, so that they join as the paragraph's do (no space inside a Japanese term).
    const bold = block.lines.map((line, k) => `${k === 0 ? '**' : ''}${line.trim()}${k === block.lines.length - 1 ? '**' : ''}`)
    const merged: LayoutBlock = {kind: 'paragraph', lines: [...bold, ...definition.lines], page: block.page, line: block.line}
    if (block.page !== null && definition.page !== null)
      merged.linePages = [
        ...(block.linePages ?? block.lines.map(() => block.page!)),
        ...(definition.linePages ?? definition.lines.map(() => definition.page!))
      ]
    out.push(merged)
    i++
  }
  return {blocks: out, messages}
}

function headingText(block: LayoutBlock): string {
  return block.lines.map((line) => line.trim()).join(' ')
}

/**
 * Headings with doubled list numbers read once (`2.11`, `2.22` … as `2.1`, `2.2`: see
 * undouble-list-numbers.ts), here rather than when the document is built: a term entry is known by
 * its number under its clause, and once it is a paragraph its number is no longer read with the
 * series. The number is mended in the heading's first line, where it is printed.
 */
function undoubled(blocks: readonly LayoutBlock[]): {blocks: LayoutBlock[]; messages: Message[]} {
  const headings = blocks.filter((block) => block.kind === 'heading')
  const {texts, messages} = undoubleListNumbers(headings.map(headingText))
  const mended = new Map<LayoutBlock, LayoutBlock>()
  headings.forEach((block, index) => {
    const before = parseNumbering(headingText(block)).numbering
    const after = parseNumbering(texts[index]!).numbering
    if (before === null || after === null || before === after) return
    const [first = '', ...rest] = block.lines
    mended.set(block, {...block, lines: [first.replace(before, after), ...rest]})
  })
  return {blocks: blocks.map((block) => mended.get(block) ?? block), messages}
}
