import type {Heading, Root} from 'mdast'
import type {Block, Message, Section} from '../model/edition.js'
import {blocksToText} from '../model/blocks-to-text.js'
import {countWords} from '../text/count-words.js'
import {headingText} from './clean-tree.js'
import {parseNumbering} from '../text/parse-numbering.js'
import {toSlug} from './to-slug.js'

/** Options of {@link toSectionTree}. */
export interface SectionTreeOptions {
  /** Language the words are counted in (BCP 47). */
  language: string
  /** The document title when already known (front matter, `--title`, `<title>`); null if not. */
  title: string | null
  /** Series slug; a first heading that names the series is the document title. Default: none. */
  series?: string
  /**
   * Title for a document with no headings at all, which becomes one section of that name.
   * Default: the document title, else `Text`.
   */
  untitledHeading?: string
  /**
   * Look for a heading that is the document title (see {@link toSectionTree}). False for the
   * normalised format, where the title is in front matter and every heading is a section.
   * Default: true.
   */
  findTitleHeading?: boolean
  /**
   * Count the words of every section. False when only the tree is wanted, words left at 0: the
   * first reading of an edition that ingest writes as Markdown and reads again, where counting
   * (word segmentation in CJK text) would be done twice. Default: true.
   */
  countWords?: boolean
  /**
   * Words of a section's text counted already (by another thread, see `countWordsAside`), or
   * undefined when not: a count is the same wherever it is made. Default: every text counted here.
   */
  knownWords?: (text: string) => number | undefined
}

/** The section tree of one edition. */
export interface SectionTree {
  /** The document title found in the tree (a lone top heading), or the `title` option. */
  title: string | null
  preamble: Block[]
  preambleWords: number
  sections: Section[]
  messages: Message[]
}

const squash = (text: string): string => toSlug(text).replace(/-/gu, '')

/**
 * Build the section tree from a cleaned mdast root. Levels are relative: a heading is one level
 * below the nearest preceding heading of smaller depth, so `#` → `####` becomes level 1 → 2 (with a
 * warning) and an edition that nests everything under one title heading lines up with one that does
 * not. That title heading becomes the document title, not a chapter.
 */
export function toSectionTree(root: Root, options: SectionTreeOptions): SectionTree {
  const messages: Message[] = []
  const nodes = [...root.children]
  let title = options.title
  const titleIndex = options.findTitleHeading === false ? -1 : findTitleHeading(nodes, options)
  if (titleIndex >= 0) {
    const heading = nodes[titleIndex] as Heading
    title ??= headingText(heading)
    nodes.splice(titleIndex, 1)
  }

  const preamble: Block[] = []
  const sections: Section[] = []
  // Open sections with the markdown depth they were opened at.
  const stack: Array<{section: Section; depth: number}> = []
  const usedIds = new Set<string>()

  for (const node of nodes) {
    if (node.type !== 'heading') {
      const top = stack[stack.length - 1]
      if (top) top.section.blocks.push(node)
      else preamble.push(node)
      continue
    }
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent && node.depth > parent.depth + 1) {
      messages.push({
        severity: 'warning',
        code: 'heading-level-jump',
        text: `heading level jump h${parent.depth}→h${node.depth} at "${headingText(node)}"; it is placed one level below "${parent.section.heading}"`,
        actual: headingText(node),
        ...(node.position ? {line: node.position.start.line} : {})
      })
    }
    const heading = headingText(node)
    const {numbering, title: ownTitle} = parseNumbering(heading)
    const level = stack.length + 1
    const base = parent ? `${parent.section.id}/${toSlug(heading)}` : toSlug(heading)
    let id = base
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`
    usedIds.add(id)
    const page = (node.data as {page?: number} | undefined)?.page ?? null
    const section: Section = {
      id,
      heading,
      numbering,
      title: ownTitle,
      level,
      blocks: [],
      children: [],
      words: 0,
      totalWords: 0,
      page
    }
    if (parent) parent.section.children.push(section)
    else sections.push(section)
    stack.push({section, depth: node.depth})
  }

  // A text with no headings is one section named after the document.
  if (sections.length === 0 && preamble.length > 0) {
    const heading = options.untitledHeading ?? title ?? 'Text'
    sections.push({
      id: toSlug(heading),
      heading,
      numbering: null,
      title: heading,
      level: 1,
      blocks: preamble.splice(0),
      children: [],
      words: 0,
      totalWords: 0,
      page: firstPage(preamble)
    })
    messages.push({severity: 'info', code: 'no-headings', text: 'no headings: the whole text is one section'})
  }

  const {knownWords} = options
  const count =
    options.countWords === false
      ? () => 0
      : (blocks: Block[]) => {
          const text = blocksToText(blocks)
          return knownWords?.(text) ?? countWords(text, options.language)
        }
  for (const section of sections) countSection(section, count)
  const preambleWords = count(preamble)
  return {title, preamble, preambleWords, sections, messages}
}

function countSection(section: Section, count: (blocks: Block[]) => number): number {
  section.words = count(section.blocks)
  if (section.page === null) section.page = firstPage(section.blocks)
  section.totalWords = section.words + section.children.reduce((sum, child) => sum + countSection(child, count), 0)
  return section.totalWords
}

function firstPage(blocks: Block[]): number | null {
  for (const block of blocks) {
    const page = (block.data as {page?: number} | undefined)?.page
    if (typeof page === 'number') return page
  }
  return null
}

/** At most this many short lines may stand above a title: a gazette's issue line, a report number. */
const maxIssueLines = 2
/** An issue line is at most this long (characters): a longer one is a paragraph. */
const maxIssueChars = 30

/**
 * Whether `nodes` hold no text but a line or two that number the issue (`대통령령 제 36053 호` above
 * the decree's title, `Report No. 2024-01`): a short paragraph holding a digit, printed above the
 * title heading on the first page, and no part of any section.
 */
function issueLinesOnly(nodes: Root['children']): boolean {
  const texts = nodes.map((node) =>
    node.type === 'paragraph' ? blocksToText([node]).trim() : blocksToText([node]).trim() === '' ? '' : null
  )
  if (texts.some((text) => text === null)) return false
  const lines = texts.filter((text) => text !== '') as string[]
  return lines.length <= maxIssueLines && lines.every((text) => [...text].length <= maxIssueChars && /\d/u.test(text))
}

/**
 * Index of the heading that is the document's own title, or -1. It must be the first heading, at
 * the shallowest depth, with no text before it but an issue line or two. When the title is known, it must repeat it;
 * otherwise it must be the only heading at that depth, or name the series.
 */
function findTitleHeading(nodes: Root['children'], options: SectionTreeOptions): number {
  const headings = nodes.flatMap((node, index) => (node.type === 'heading' ? [{node, index}] : []))
  const first = headings[0]
  if (!first || headings.length < 2) return -1
  const minDepth = Math.min(...headings.map(({node}) => node.depth))
  if (first.node.depth !== minDepth) return -1
  if (!issueLinesOnly(nodes.slice(0, first.index))) return -1
  const text = squash(headingText(first.node))
  // With the title known, only a heading that repeats it is the title heading.
  if (options.title) return text === squash(options.title) ? first.index : -1
  const topLevel = headings.filter(({node}) => node.depth === minDepth)
  if (topLevel.length === 1) return first.index
  if (options.series && text.length >= 8) {
    const series = squash(options.series)
    if (series.includes(text) || text.includes(series)) return first.index
  }
  return -1
}
