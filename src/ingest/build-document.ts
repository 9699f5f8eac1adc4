/**
 * The last step shared by the PDF and the extracted-text adapters: laid-out blocks (heading lines,
 * paragraph lines, preformatted lines, bullets) become an mdast tree. Paragraph lines are re-joined
 * with hyphenation undone, torn words repaired, heading levels decided by numbering (layout only
 * breaks ties), and the printed contents list confirms headings and their levels.
 */
import type {Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import type {Message, ParsedDocument, TocEntry} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {numberingLevels, numberingScheme} from './numbering-level.js'
import {joinLineList, repairSpacedWords, type Lexicon} from './repair-words.js'

/** One block as laid out on the page, before text repair. */
export interface LayoutBlock {
  kind: 'heading' | 'paragraph' | 'code' | 'bullet'
  /** The block's lines as printed (code keeps indentation; others are trimmed when joined). */
  lines: string[]
  /** 1-based page the block starts on, or null for unpaginated input. */
  page: number | null
  /** 1-based line in the input where the block starts, or null. */
  line: number | null
  /** For headings: level from layout (font size rank, indentation) used when the heading has no numbering. Default 1. */
  fallbackLevel?: number
}

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

/** `**bold**` that extraction tools leave in text, as strong nodes. */
function toPhrasing(text: string): PhrasingContent[] {
  const parts = text.split(/\*\*(\S(?:[^*]*\S)?)\*\*/u)
  const out: PhrasingContent[] = []
  parts.forEach((part, index) => {
    if (part === '') return
    if (index % 2 === 1) out.push({type: 'strong', children: [{type: 'text', value: part}]})
    else out.push({type: 'text', value: part})
  })
  return out
}

function joinAll(lines: readonly string[], lexicon: Lexicon): string {
  return repairSpacedWords(joinLineList(lines, lexicon), lexicon).replace(/\t+/gu, ' ').replace(/ {2,}/gu, ' ').trim()
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
export function buildDocument(blocks: readonly LayoutBlock[], options: BuildOptions): ParsedDocument {
  const {lexicon} = options
  const toc = options.toc ?? []
  const messages: Message[] = [...(options.messages ?? [])]
  const tocByTitle = new Map<string, TocEntry>()
  for (const entry of toc) {
    tocByTitle.set(key(entry.title), entry)
    tocByTitle.set(key(`${entry.numbering ?? ''}${entry.title}`), entry)
  }

  const headingTexts: string[] = []
  const headingInputs: Array<{numbering: string | null; fallbackLevel: number}> = []
  const tocLevels: Array<number | null> = []
  for (const block of blocks) {
    if (block.kind !== 'heading') continue
    const text = joinAll(block.lines, lexicon)
    headingTexts.push(text)
    const {numbering} = parseNumbering(text)
    const usable = numbering !== null && !numberingScheme(numbering).scheme.startsWith('other:')
    const entry = options.tocChecked ? undefined : (tocByTitle.get(key(text)) ?? tocByTitle.get(key(parseNumbering(text).title)))
    tocLevels.push(entry ? entry.level : null)
    headingInputs.push({numbering: usable ? numbering : null, fallbackLevel: entry?.level ?? block.fallbackLevel ?? 1})
  }
  const levels =
    options.levelsFrom === 'layout' ? relativeLevels(headingInputs.map((input) => input.fallbackLevel)) : numberingLevels(headingInputs)

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
  for (const block of blocks) {
    if (block.kind !== 'bullet') list = null
    if (block.kind === 'heading') {
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
      const indent = Math.min(...block.lines.filter((line) => line.trim() !== '').map((line) => /^\s*/u.exec(line)![0].length))
      const value = block.lines.map((line) => line.slice(indent).replace(/\s+$/u, '')).join('\n')
      children.push(withPlace({type: 'code', lang: null, meta: null, value}, block))
    } else {
      const text = joinAll(block.lines, lexicon)
      if (text === '') continue
      const paragraph: Paragraph = withPlace({type: 'paragraph', children: toPhrasing(text)}, block)
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
  const root: Root = {type: 'root', children}
  return {root, title: options.title ?? null, frontMatter: {}, toc, messages}
}
