import type {Heading, RootContent} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {stringify as stringifyYaml} from 'yaml'
import type {Block, Edition, Section} from '../model/edition.js'
import {isPlainText, pageComment} from './find-plain-blocks.js'

/** Options of {@link toNormalizedMarkdown}. */
export interface NormalizedMarkdownOptions {
  /** Written to the front matter's `generator` field (`wpdiff 0.1.0`). Required: stages do not read package.json. */
  generator: string
}

const stringifier = unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkStringify, {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  setext: false,
  resourceLink: true
})

/**
 * Serialise an edition to the normalised format: YAML front matter, then the body with chapters as
 * `#`, sections as `##` and so on, headings as printed, one logical paragraph per paragraph, and a
 * `<!-- page: N -->` comment where a page of a paginated original begins. Reading the result back
 * gives the same edition, and writing that again gives the same bytes.
 */
export function toNormalizedMarkdown(edition: Edition, options: NormalizedMarkdownOptions): string {
  return toNormalizedForm(edition, options).markdown
}

/** What {@link toNormalizedForm} returns: the Markdown, and its front matter as written and as read. */
export interface NormalizedForm {
  markdown: string
  /** The YAML between the front matter's fences, and the mapping it reads as (a copy of the fields written, as YAML gives them back). */
  frontMatter: {yaml: string; value: Record<string, unknown>}
}

/**
 * {@link toNormalizedMarkdown}, with the front matter it writes: a reader handed both can take the
 * mapping without parsing the YAML it just wrote (`fromMarkdown`'s `frontMatter`).
 */
export function toNormalizedForm(edition: Edition, options: NormalizedMarkdownOptions): NormalizedForm {
  const front: Record<string, unknown> = {
    series: edition.series,
    edition: edition.edition,
    year: edition.year,
    title: edition.title,
    language: edition.language,
    source: {...edition.source},
    generator: options.generator
  }
  if (edition.toc.length > 0) front.toc = edition.toc.map((entry) => ({...entry}))
  if (edition.pageLabels) front.pageLabels = [...edition.pageLabels]
  const children: RootContent[] = []
  let page: number | null = null
  const pushBlocks = (blocks: Block[]): void => {
    for (const block of blocks) {
      const blockPage = (block.data as {page?: number} | undefined)?.page
      if (typeof blockPage === 'number' && blockPage !== page) {
        page = blockPage
        children.push({type: 'html', value: `<!-- page: ${page} -->`})
      }
      children.push(block)
    }
  }
  const pushSection = (section: Section): void => {
    if (section.page !== null && section.page !== page) {
      page = section.page
      children.push({type: 'html', value: `<!-- page: ${page} -->`})
    }
    const heading: Heading = {
      type: 'heading',
      depth: Math.min(section.level, 6) as Heading['depth'],
      children: [{type: 'text', value: section.heading}]
    }
    children.push(heading)
    pushBlocks(section.blocks)
    section.children.forEach(pushSection)
  }
  pushBlocks(edition.preamble)
  edition.sections.forEach(pushSection)
  const body = writeBody(children)
  const yaml = stringifyYaml(front, {lineWidth: 0}).trimEnd()
  return {markdown: `---\n${yaml}\n---\n\n${body}`, frontMatter: {yaml, value: front}}
}

/**
 * Whether front matter is that of the normalised format, which {@link toNormalizedMarkdown} marks
 * with a `generator` field naming wpdiff. In that format the title is the front matter's, and every
 * heading is a section: reading it must not decide again which heading is the title, or a chapter
 * that repeats the title would be dropped on the second read and ingest would not be a fixed point.
 */
export function isNormalizedFrontMatter(frontMatter: Record<string, unknown>): boolean {
  const generator = frontMatter.generator
  return typeof generator === 'string' && /^wpdiff(?:\s|$)/u.test(generator) && typeof frontMatter.title === 'string'
}

/**
 * The body: blocks the writer would write as their text alone (see {@link plainMarkdown}) are
 * written so, the others by the writer, a run at a time. At the top level the writer puts a blank
 * line between any two blocks (code is fenced), so the pieces join the same way; a list is written
 * here only between blocks that are not lists, as the writer changes the bullet of a list that
 * follows another.
 */
function writeBody(children: RootContent[]): string {
  // The writer ends a document with a line break unless its last block does: a run cut there
  // could not be told from one that did not.
  if (children.some((child) => 'value' in child && /[\r\n]$/u.test(child.value))) {
    return stringifier.stringify({type: 'root', children: children.map(stripData)})
  }
  const pieces: string[] = []
  let run: RootContent[] = []
  const flush = (): void => {
    if (run.length > 0) pieces.push(stringifier.stringify({type: 'root', children: run}).replace(/\n$/u, ''))
    run = []
  }
  for (const [index, child] of children.entries()) {
    const plain = plainMarkdown(child, children[index - 1], children[index + 1])
    if (plain === null) {
      run.push(stripData(child))
      continue
    }
    flush()
    pieces.push(plain)
  }
  flush()
  return pieces.length > 0 ? `${pieces.join('\n\n')}\n` : ''
}

// What the writer makes of a page comment, or of a paragraph, an ATX heading or a tight bullet list of plain text.
function plainMarkdown(block: RootContent, before: RootContent | undefined, after: RootContent | undefined): string | null {
  const plainText = (node: {children: RootContent[]} | undefined, heading = false): string | null => {
    const only = node?.children.length === 1 ? node.children[0] : undefined
    return only?.type === 'text' ? writtenText(only.value, heading) : null
  }
  if (block.type === 'html') return pageComment.test(block.value) ? block.value : null
  if (block.type === 'paragraph') return plainText(block)
  if (block.type === 'heading') {
    const text = plainText(block, true)
    return text === null || text.includes('#') ? null : `${'#'.repeat(block.depth)} ${text}`
  }
  if (block.type !== 'list' || block.ordered || block.spread !== false || before?.type === 'list' || after?.type === 'list') return null
  const lines: string[] = []
  for (const item of block.children) {
    const first = item.children[0]
    const text = item.children.length === 1 && first?.type === 'paragraph' && typeof item.checked !== 'boolean' ? plainText(first) : null
    if (text === null) return null
    lines.push(`- ${text}`)
  }
  return lines.length > 0 ? lines.join('\n') : null
}

// Brackets and angle brackets beside plain text. The writer escapes every `[` (it could open a
// link, an image or a footnote) and leaves `]` as it is; a `(` right after a `]`, a `!` right before
// a `[` and a `<` before what could open HTML are escaped by rules of their own, so text holding
// those is left to the writer.
const brackets = /[[\]<]/gu
const besideBrackets = /\]\(|!\[|<[!/?A-Za-z]/u
/**
 * What may open such text and is no markup inside a line: a number and `.` or `)` (a list marker
 * where a line starts), `#` (a heading's), and `(` or a quote (the reader's caution: a link
 * definition's title), which the writer leaves as they are.
 */
const opener = /^(?:\d+[.)]|[#("'])/u

/**
 * How the writer writes `value` as the whole content of a paragraph or list item (or, `heading`,
 * of an ATX heading), when it is plain text (see `isPlainText`) but for brackets and what opens it
 * (see {@link opener}): each `[` escaped (`\[별표7] 1.1.5 정책 수립`, `<표 1>`), and where a line
 * starts, a `#`, the `)` of a number and the `.` of one before a space (`\#`, `1\. 개요`, `1\) 범위`,
 * but `6.1.2 Verify`, `(예시)`). Null for any other text, which is left to the writer. Guides cite
 * their sources in brackets and standards number their requirements on many of their paragraphs,
 * and the writer takes several times longer over a paragraph than this.
 */
export function writtenText(value: string, heading = false): string | null {
  if (isPlainText(value)) return value
  if (besideBrackets.test(value)) return null
  const label = opener.exec(value)?.[0] ?? ''
  const rest = value.slice(label.length)
  // After what opens it the text need not open as a line may: its start is checked after a letter.
  if (!isPlainText(`${label === '' ? '' : 'x'}${rest.replace(brackets, '')}`)) return null
  if (label === '#') return heading ? null : `\\#${rest.replaceAll('[', '\\[')}`
  const marker = /^\d/u.test(label) && !heading && (label.endsWith(')') || rest === '' || /^[ \t]/u.test(rest))
  return `${marker ? `${label.slice(0, -1)}\\${label.slice(-1)}` : label}${rest.replaceAll('[', '\\[')}`
}

/** Markdown of blocks, exactly as the normalised format writes them. */
export function blocksToMarkdown(blocks: Block[]): string {
  return stringifier.stringify({type: 'root', children: blocks})
}

// Positions and page data belong to the input; the output is a new document.
function stripData(block: Block): Block {
  return JSON.parse(JSON.stringify(block, (key, value: unknown) => (key === 'position' || key === 'data' ? undefined : value))) as Block
}
