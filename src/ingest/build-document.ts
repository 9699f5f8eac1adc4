/**
 * The last step shared by the PDF and the extracted-text adapters: laid-out blocks (heading lines,
 * paragraph lines, preformatted lines, bullets) become an mdast tree. Paragraph lines are re-joined
 * with hyphenation undone, torn words repaired, heading levels decided by numbering (layout only
 * breaks ties), and the printed contents list confirms headings and their levels.
 */
import type {FootnoteDefinition, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import type {Message, ParsedDocument, TocEntry} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {numberingLevels, numberingScheme} from './numbering-level.js'
import {undoubleListNumbers} from './undouble-list-numbers.js'
import {joinLineList, repairSpacedWords, type Lexicon} from './repair-words.js'
import {splitArticles} from './split-articles.js'

/** One block as laid out on the page, before text repair. */
export interface LayoutBlock {
  /** `footnote`: the text of a note, kept as a footnote definition at the end of its section. */
  kind: 'heading' | 'paragraph' | 'code' | 'bullet' | 'footnote'
  /** The block's lines as printed (code keeps indentation; others are trimmed when joined). */
  lines: string[]
  /** 1-based page the block starts on, or null for unpaginated input. */
  page: number | null
  /** 1-based line in the input where the block starts, or null. */
  line: number | null
  /** 1-based page of each line, when the block runs over a page break (a block split at a line keeps its page). Default: all on `page`. */
  linePages?: number[]
  /** For headings: level from layout (font size rank, indentation) used when the heading has no numbering. Default 1. */
  fallbackLevel?: number
  /** For footnotes: the label printed before the note (`1`, `*`). */
  label?: string
}

/**
 * The text that stands for a footnote reference inside a block's lines (noncharacters around the
 * label: no real text holds them) until it becomes an mdast `footnoteReference`.
 */
export function footnoteToken(label: string): string {
  return `\uFDD0${label}\uFDD1`
}

const footnoteTokens = /\uFDD0([^\uFDD0\uFDD1]+)\uFDD1/gu

/** Options of {@link buildDocument}. */
export interface BuildOptions {
  lexicon: Lexicon
  /** The printed contents, already cut from `blocks`. Default none. */
  toc?: TocEntry[]
  title?: string | null
  /** Messages gathered by the adapter so far, kept in front of the ones added here. */
  messages?: Message[]
  /**
   * What decides heading levels: `numbering` (numbered headings by their numbering, the rest by
   * `fallbackLevel`), or `layout` (`fallbackLevel` of every heading, e.g. font-size rank, already
   * refined by numbering). Default `numbering`.
   */
  levelsFrom?: 'numbering' | 'layout'
  /**
   * The adapter already matched an outline (bookmarks or the contents) to the headings, set their
   * `fallbackLevel`s and warned about what it could not match: the contents neither override those
   * levels nor are checked again here. Default false.
   */
  tocChecked?: boolean
}

/** Layout ranks as tree levels: one below the nearest preceding heading of a smaller rank. */
export function relativeLevels(ranks: readonly number[]): number[] {
  const stack: number[] = []
  return ranks.map((rank) => {
    while (stack.length > 0 && stack[stack.length - 1]! >= rank) stack.pop()
    stack.push(rank)
    return stack.length
  })
}

function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * `**bold**` that extraction tools leave in text, as strong nodes; footnote tokens as references
 * (through `reference`, which names the definition, or returns null for a marker without a note:
 * that raised number is dropped, as it carries no words and would glue a digit to its word).
 */
function toPhrasing(text: string, reference: (label: string) => string | null = () => null): PhrasingContent[] {
  const parts = text.split(/\*\*(\S(?:[^*]*\S)?)\*\*/u)
  const out: PhrasingContent[] = []
  const plain = (value: string): void => {
    let from = 0
    for (const match of value.matchAll(footnoteTokens)) {
      if (match.index > from) out.push({type: 'text', value: value.slice(from, match.index)})
      const identifier = reference(match[1]!)
      if (identifier !== null) out.push({type: 'footnoteReference', identifier, label: identifier})
      from = match.index + match[0].length
    }
    if (from < value.length) out.push({type: 'text', value: value.slice(from)})
  }
  parts.forEach((part, index) => {
    if (part === '') return
    if (index % 2 === 1) out.push({type: 'strong', children: [{type: 'text', value: part.replace(footnoteTokens, '')}]})
    else plain(part)
  })
  return out
}

/** A note printed more pages than this after its reference is an end note (a page footnote runs on to the next page at most). */
const footnotePages = 1

/** Footnote identifiers (see {@link footnoteIdentifiers}). */
interface FootnoteIds {
  /** The identifier of each note block. */
  definition: Map<LayoutBlock, string>
  /** The identifier a reference with this label names, or null when no note follows with that label. */
  reference(label: string): string | null
  /** Called for every block in order, so that references after a note name the next note of their label. */
  pass(block: LayoutBlock): void
}

/**
 * Identifiers for footnotes: a label as printed, or `label-n` for its n-th use when the numbering
 * restarts (per page or chapter). A reference names the next note with its label, which follows it.
 */
function footnoteIdentifiers(blocks: readonly LayoutBlock[]): FootnoteIds {
  const definition = new Map<LayoutBlock, string>()
  const uses = new Map<string, number>()
  for (const block of blocks) {
    if (block.kind !== 'footnote' || block.label === undefined) continue
    const n = (uses.get(block.label) ?? 0) + 1
    uses.set(block.label, n)
    definition.set(block, n === 1 ? block.label : `${block.label}-${n}`)
  }
  const passed = new Map<string, number>()
  return {
    definition,
    reference: (label) => {
      const n = (passed.get(label) ?? 0) + 1
      return n <= (uses.get(label) ?? 0) ? (n === 1 ? label : `${label}-${n}`) : null
    },
    pass: (block) => {
      if (definition.has(block)) passed.set(block.label!, (passed.get(block.label!) ?? 0) + 1)
    }
  }
}

function joinAll(lines: readonly string[], lexicon: Lexicon): string {
  // A soft hyphen left after joining ends a block or a line that no word continues: it is printed.
  return repairSpacedWords(joinLineList(lines, lexicon), lexicon)
    .replace(/\u00AD/gu, '-')
    .replace(/\t+/gu, ' ')
    .replace(/ {2,}/gu, ' ')
    .trim()
}

function withPlace<T extends RootContent>(node: T, block: LayoutBlock): T {
  if (block.page !== null) node.data = {...(node.data ?? {}), page: block.page} as T['data']
  if (block.line !== null) {
    node.position = {
      start: {line: block.line, column: 1},
      end: {line: block.line + block.lines.length - 1, column: (block.lines.at(-1)?.length ?? 0) + 1}
    }
  }
  return node
}

/** Turn laid-out blocks into a {@link ParsedDocument}. */
export function buildDocument(laidOut: readonly LayoutBlock[], options: BuildOptions): ParsedDocument {
  const {lexicon} = options
  // A statute's articles open with a run-in head in body type: its numbering is the outline, ranked as laid out.
  const {blocks, statute} = splitArticles(laidOut)
  const toc = options.toc ?? []
  const messages: Message[] = [...(options.messages ?? [])]
  const tocByTitle = new Map<string, TocEntry>()
  for (const entry of toc) {
    tocByTitle.set(key(entry.title), entry)
    tocByTitle.set(key(`${entry.numbering ?? ''}${entry.title}`), entry)
  }

  const headingBlocks = blocks.filter((block) => block.kind === 'heading')
  const undoubled = undoubleListNumbers(headingBlocks.map((block) => joinAll(block.lines, lexicon).replace(footnoteTokens, '')))
  const headingTexts = undoubled.texts
  messages.push(...undoubled.messages)
  const headingInputs: Array<{numbering: string | null; fallbackLevel: number}> = []
  const tocLevels: Array<number | null> = []
  for (const [index, text] of headingTexts.entries()) {
    const block = headingBlocks[index]!
    const {numbering} = parseNumbering(text)
    const usable = numbering !== null && !numberingScheme(numbering).scheme.startsWith('other:')
    const entry = options.tocChecked ? undefined : (tocByTitle.get(key(text)) ?? tocByTitle.get(key(parseNumbering(text).title)))
    tocLevels.push(entry ? entry.level : null)
    headingInputs.push({numbering: usable ? numbering : null, fallbackLevel: entry?.level ?? block.fallbackLevel ?? 1})
  }
  const levels =
    options.levelsFrom === 'layout' || statute
      ? relativeLevels(headingInputs.map((input) => input.fallbackLevel))
      : numberingLevels(headingInputs)

  // Without a body (front matter only) there is nothing to check the contents against.
  const bodyPresent = tocLevels.some((level) => level !== null)
  if (bodyPresent) {
    const found = new Set(headingTexts.flatMap((text) => [key(text), key(parseNumbering(text).title)]))
    for (const entry of toc) {
      if (!found.has(key(entry.title)) && !found.has(key(`${entry.numbering ?? ''}${entry.title}`))) {
        messages.push({
          severity: 'warning',
          code: 'toc-entry-without-heading',
          text: `contents entry "${[entry.numbering, entry.title].filter(Boolean).join(' ')}" has no matching heading in the body`,
          actual: [entry.numbering, entry.title].filter(Boolean).join(' '),
          ...(entry.page !== null ? {page: entry.page} : {})
        })
      }
    }
  }

  // Contents that stop at some depth (chapters only) leave the deeper headings out by design:
  // one of those missing is a note, not a warning.
  const tocDepth = toc.reduce((depth, entry) => Math.max(depth, entry.level), 0)
  const children: RootContent[] = []
  let headingIndex = 0
  let list: List | null = null
  const footnotes = footnoteIdentifiers(blocks)
  const definitions = new Map<string, FootnoteDefinition>()
  for (const [block, identifier] of footnotes.definition) {
    const text = joinAll(block.lines, lexicon)
    if (text === '') continue
    const paragraph: Paragraph = withPlace({type: 'paragraph', children: toPhrasing(text)}, block)
    definitions.set(identifier, withPlace({type: 'footnoteDefinition', identifier, label: identifier, children: [paragraph]}, block))
  }
  // A note goes to the end of the section that first refers to it (as Markdown footnotes are
  // written), one that nothing refers to to the end of its own. An end note, printed pages after its
  // reference among the others under a heading of their own (CNCF 2022's Citations), stays there: its
  // Markdown source writes it there too, and a notes section is not empty.
  const notePage = new Map([...footnotes.definition].map(([block, identifier]) => [identifier, block.page]))
  let referringPage: number | null = null
  const due = new Set<string>()
  const placed = new Set<string>()
  const refer = (label: string): string | null => {
    const identifier = footnotes.reference(label)
    const printed = identifier === null ? null : (notePage.get(identifier) ?? null)
    const endNote = printed !== null && referringPage !== null && printed - referringPage > footnotePages
    if (identifier !== null && !placed.has(identifier) && !endNote) due.add(identifier)
    return identifier
  }
  const flushNotes = (): void => {
    for (const identifier of due) {
      const definition = definitions.get(identifier)
      if (definition) children.push(definition)
      placed.add(identifier)
    }
    due.clear()
  }
  for (const block of blocks) {
    footnotes.pass(block)
    referringPage = block.page
    if (block.kind !== 'bullet') list = null
    if (block.kind === 'footnote') {
      const identifier = footnotes.definition.get(block)
      if (identifier !== undefined && !placed.has(identifier)) due.add(identifier)
    } else if (block.kind === 'heading') {
      flushNotes()
      const text = headingTexts[headingIndex]!
      const level = levels[headingIndex]!
      if (bodyPresent && tocLevels[headingIndex] === null) {
        messages.push({
          severity: level > tocDepth ? 'info' : 'warning',
          code: 'heading-not-in-toc',
          text: `heading "${text}" is missing from the contents`,
          actual: text,
          ...(block.line !== null ? {line: block.line} : {}),
          ...(block.page !== null ? {page: block.page} : {})
        })
      }
      headingIndex++
      const heading: Heading = {type: 'heading', depth: Math.min(6, level) as Heading['depth'], children: toPhrasing(text)}
      if (level > 6) {
        messages.push({
          severity: 'info',
          code: 'heading-too-deep',
          text: `heading "${text}" is ${level} levels deep; kept at level 6`,
          actual: text
        })
      }
      children.push(withPlace(heading, block))
    } else if (block.kind === 'code') {
      const indent = block.lines.reduce(
        (least, line) => (line.trim() === '' ? least : Math.min(least, /^\s*/u.exec(line)![0].length)),
        Infinity
      )
      const value = block.lines.map((line) => line.slice(indent).replace(/\s+$/u, '')).join('\n')
      children.push(withPlace({type: 'code', lang: null, meta: null, value}, block))
    } else {
      const text = joinAll(block.lines, lexicon)
      if (text === '') continue
      const paragraph: Paragraph = withPlace({type: 'paragraph', children: toPhrasing(text, refer)}, block)
      if (block.kind === 'bullet') {
        const item: ListItem = {type: 'listItem', spread: false, checked: null, children: [paragraph]}
        if (list) list.children.push(item)
        else {
          list = withPlace({type: 'list', ordered: false, start: null, spread: false, children: [item]}, block)
          children.push(list)
        }
      } else children.push(paragraph)
    }
  }
  flushNotes()
  const root: Root = {type: 'root', children}
  return {root, title: options.title ?? null, frontMatter: {}, toc, messages}
}
