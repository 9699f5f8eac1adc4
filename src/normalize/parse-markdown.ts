import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

/**
 * Markdown (CommonMark + GFM, YAML front matter as a `yaml` node) as mdast: the one place remark
 * parses. Here, beside its printer (`toNormalizedMarkdown`), so that the normalised form is read
 * and written in one stage, and both reading an edition (`fromMarkdown`) and cleaning one
 * (`cleanTree`) use it without the normalise stage importing the ingest stage.
 */
export function parseMarkdown(text: string): Root {
  return parser.parse(text) as Root
}
