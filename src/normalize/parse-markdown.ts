import type {Root} from 'mdast'
import type {Message} from '../model/edition.js'
import {boundMarkdownNesting} from './bound-markdown-nesting.js'
import {parseInChunks} from './parse-in-chunks.js'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

/**
 * Markdown (CommonMark + GFM, YAML front matter as a `yaml` node) as mdast: the one place remark
 * parses. Here, beside its printer (`toNormalizedMarkdown`), so that the normalised form is read
 * and written in one stage, and both reading an edition (`fromMarkdown`) and cleaning one
 * (`cleanTree`) use it without the normalise stage importing the ingest stage. Nesting deeper than
 * a parser can bear is flattened first (see `boundMarkdownNesting`), with a warning. Long text is
 * parsed a chunk at a time (see `parseInChunks`), the same tree in bounded memory.
 */
export function parseMarkdown(text: string): {root: Root; messages: Message[]} {
  const bounded = boundMarkdownNesting(text)
  return {root: parseInChunks(bounded.text, (chunk) => parser.parse(chunk) as Root), messages: bounded.messages}
}
