import type {Root} from 'mdast'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {type Processor, unified} from 'unified'
import type {Message} from '../model/edition.js'
import {boundInlineMarks} from './bound-inline-marks.js'
import {boundMarkdownNesting} from './bound-markdown-nesting.js'
import {boundTableCells} from './bound-table-cells.js'
import {findPlainBlocks} from './find-plain-blocks.js'
import {markdownChunkChars, parseInChunks} from './parse-in-chunks.js'

/** Options of {@link parseMarkdown}. */
export interface ParseMarkdownOptions {
  /**
   * The text is normalised Markdown as wpdiff wrote it from an edition it had read (a fixed point
   * of ingest), so no GFM autolink literal can occur in it: the writer escapes what would read as
   * one (`www\.`, `https\://`, `\@`) and writes every link as a link, and the edition it wrote had
   * already been through the literal pass. Skipping that extension (a tokenizer tried at every
   * `w`, `h` and word character, and a regular-expression pass over every text node) takes about
   * 40% off the parse of a large edition. Default `false`: the whole of GFM.
   */
  normalized?: boolean
  /**
   * Build the blocks `findPlainBlocks` knows (one-line paragraphs and headings of plain text, tight
   * lists of them, page comments) without the parser, which spends as much on a line of plain text
   * as on any: the same tree, for less when most blocks are plain, as in the Markdown ingest has
   * just written from a PDF and reads back. Default `false`.
   */
  skipPlainBlocks?: boolean
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const normalizedParser = unified().use(remarkParse).use(gfmExtensions, {tables: true}).use(remarkFrontmatter, ['yaml'])
// The GFM table extension scans the first line of every paragraph for a head row (some 10% of the
// parse of a normalised edition); a chunk without a line that could be a delimiter row has no
// table, so it is read without the extension.
const normalizedParserWithoutTables = unified().use(remarkParse).use(gfmExtensions, {tables: false}).use(remarkFrontmatter, ['yaml'])

/**
 * Text that can hold a GFM autolink literal: its tokenizers start only at `www`, `http` or an `@`
 * (either case), and so do the patterns of its pass over text nodes. A chunk without one reads the
 * same without the extension, which is most chunks of most editions.
 */
const autolinkLiteralHint = /www|http|@/iu

/**
 * A line that could be a table's delimiter row (`| --- | :-: |`), behind any container markers:
 * cells of dashes and colons between pipes, nothing else. Thematic breaks and setext underlines
 * match too, which only keeps the table extension where it was not needed.
 */
const delimiterRowLike = /^[ \t>*+\d.)]*[ \t|:-]*-[ \t|:-]*$/mu

/**
 * Markdown (CommonMark + GFM, YAML front matter as a `yaml` node) as mdast: the one place remark
 * parses. Here, beside its printer (`toNormalizedMarkdown`), so that the normalised form is read
 * and written in one stage, and both reading an edition (`fromMarkdown`) and cleaning one
 * (`cleanTree`) use it without the normalise stage importing the ingest stage. Nesting deeper than
 * a parser can bear is flattened first (see `boundMarkdownNesting`), and rows too wide read as text
 * (see `boundTableCells`), with a warning. Long text is
 * parsed a chunk at a time (see `parseInChunks`), the same tree in bounded memory.
 */
export function parseMarkdown(text: string, options: ParseMarkdownOptions = {}): {root: Root; messages: Message[]} {
  const nesting = boundMarkdownNesting(text)
  const cells = boundTableCells(nesting.text)
  const marks = boundInlineMarks(cells.text)
  const bounded = {text: marks.text, messages: [...nesting.messages, ...cells.messages, ...marks.messages]}
  const parse = (chunk: string): Root => {
    if (!options.normalized && autolinkLiteralHint.test(chunk)) return parser.parse(chunk) as Root
    return (delimiterRowLike.test(chunk) ? normalizedParser : normalizedParserWithoutTables).parse(chunk) as Root
  }
  const plain = options.skipPlainBlocks ? findPlainBlocks(bounded.text) : []
  return {root: parseInChunks(bounded.text, parse, markdownChunkChars, plain), messages: bounded.messages}
}

// remark-gfm's extensions in its order, less the autolink literals, and less tables when asked.
function gfmExtensions(this: Processor, options: {tables: boolean}): void {
  const data = this.data()
  data.micromarkExtensions ??= []
  data.micromarkExtensions.push(gfmFootnote(), gfmStrikethrough(), ...(options.tables ? [gfmTable()] : []), gfmTaskListItem())
  data.fromMarkdownExtensions ??= []
  data.fromMarkdownExtensions.push([
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    ...(options.tables ? [gfmTableFromMarkdown()] : []),
    gfmTaskListItemFromMarkdown()
  ])
}
