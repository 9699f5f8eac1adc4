import {parse as parseYaml} from 'yaml'
import type {ParsedDocument, TocEntry} from '../model/edition.js'
import {parseMarkdown} from '../normalize/parse-markdown.js'

/**
 * Read a Markdown edition (CommonMark + GFM, YAML front matter). The tree is returned as parsed;
 * `cleanTree` removes what real sources carry besides text (attribute lists, images in headings,
 * comments, inline HTML).
 */
export function fromMarkdown(text: string): ParsedDocument {
  const {root, messages} = parseMarkdown(text)
  let frontMatter: Record<string, unknown> = {}
  const first = root.children[0]
  if (first && first.type === 'yaml') {
    try {
      const value: unknown = parseYaml(first.value)
      if (value && typeof value === 'object' && !Array.isArray(value)) frontMatter = value as Record<string, unknown>
    } catch (error) {
      messages.push({
        severity: 'warning',
        code: 'bad-front-matter',
        text: `front matter is not valid YAML and was ignored (${(error as Error).message.split('\n')[0]})`,
        line: 1
      })
    }
    root.children.shift()
  }
  const toc = Array.isArray(frontMatter.toc) ? (frontMatter.toc as unknown[]).flatMap(toTocEntry) : []
  return {root, title: null, frontMatter, toc, messages}
}

// The normalised format keeps a printed table of contents in its front matter.
function toTocEntry(value: unknown): TocEntry[] {
  if (!value || typeof value !== 'object') return []
  const entry = value as Record<string, unknown>
  if (typeof entry.title !== 'string') return []
  return [
    {
      level: typeof entry.level === 'number' ? entry.level : 1,
      numbering: typeof entry.numbering === 'string' ? entry.numbering : null,
      title: entry.title,
      page: typeof entry.page === 'number' ? entry.page : null
    }
  ]
}
