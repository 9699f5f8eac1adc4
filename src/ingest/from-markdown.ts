import {isMap, isScalar, parseDocument, visit} from 'yaml'
import type {ParsedDocument, TocEntry} from '../model/edition.js'
import {parseMarkdown} from '../normalize/parse-markdown.js'
import {isNormalizedFrontMatter} from '../normalize/to-normalized-markdown.js'

/** Options of {@link fromMarkdown}. */
export interface FromMarkdownOptions {
  /**
   * Read a file whose front matter names wpdiff as its generator as the normalised Markdown it
   * says it is, without GFM autolink literals (see `parseMarkdown`). Default `true`; `false` for
   * Markdown just written from another format's tree, which only this read makes normalised.
   */
  trustGenerator?: boolean
  /** Build blocks of plain text without the parser (`parseMarkdown`'s `skipPlainBlocks`): the same tree. Default `false`. */
  skipPlainBlocks?: boolean
  /**
   * The front matter the caller wrote atop `text`, as written and as YAML reads it (see
   * `toNormalizedForm`): when remark finds exactly that YAML there, the mapping is taken as given,
   * not parsed again. Default: none.
   */
  frontMatter?: {yaml: string; value: Record<string, unknown>}
}

/**
 * YAML as the yaml package's `parse` reads it, its first error thrown, but with the check that a
 * mapping's keys are unique done once for all keys: the package compares each key with every one
 * before it, and a front matter of 250,000 keys (10 MB) took minutes (25,000 keys: 10 s).
 */
function parseYaml(text: string): unknown {
  const document = parseDocument(text, {uniqueKeys: false})
  if (document.errors.length > 0) throw document.errors[0]
  visit(document, {
    Map(_, map) {
      if (!isMap(map)) return
      const seen = new Set<unknown>()
      for (const pair of map.items) {
        // As the package compares keys: scalars by value, any other key only with itself.
        const key = isScalar(pair.key) ? pair.key.value : pair.key
        if (seen.has(key)) throw new Error(`Map keys must be unique (${String(key)})`)
        seen.add(key)
      }
    }
  })
  return document.toJS()
}

// The front matter block at the very start, as remark-frontmatter reads it.
const frontMatterBlock = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/u

/**
 * Read a Markdown edition (CommonMark + GFM, YAML front matter). The tree is returned as parsed;
 * `cleanTree` removes what real sources carry besides text (attribute lists, images in headings,
 * comments, inline HTML).
 */
export function fromMarkdown(text: string, options: FromMarkdownOptions = {}): ParsedDocument {
  const claimed = (options.trustGenerator ?? true) ? normalizedFrontMatter(text) : null
  const skipPlainBlocks = options.skipPlainBlocks ?? false
  let {root, messages} = parseMarkdown(text, {normalized: claimed !== null, skipPlainBlocks})
  let first = root.children[0]
  // The claim holds only for the front matter remark read: else read it again as any Markdown.
  if (claimed && !(first?.type === 'yaml' && first.value === claimed.yaml)) {
    ;({root, messages} = parseMarkdown(text, {skipPlainBlocks}))
    first = root.children[0]
  }
  let frontMatter: Record<string, unknown> = {}
  if (first && first.type === 'yaml') {
    if (claimed && first.value === claimed.yaml) frontMatter = claimed.value
    else if (options.frontMatter && first.value === options.frontMatter.yaml) frontMatter = options.frontMatter.value
    else
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

// The front matter, when it is wpdiff's, read before the parse that depends on it.
function normalizedFrontMatter(text: string): {yaml: string; value: Record<string, unknown>} | null {
  // Most front matter is not wpdiff's: a look for its key spares those a second YAML parse.
  if (!/^generator:/mu.test(frontMatterBlock.exec(text)?.[1] ?? '')) return null
  const front = readFrontMatter(text)
  return front && isNormalizedFrontMatter(front.value) ? front : null
}

/**
 * The YAML front matter `text` opens with, as written and as read, without parsing the Markdown;
 * null when there is none or it is not a YAML mapping. For a choice that must come before the parse.
 */
export function readFrontMatter(text: string): {yaml: string; value: Record<string, unknown>} | null {
  const yaml = frontMatterBlock.exec(text)?.[1]
  if (yaml === undefined) return null
  try {
    const value: unknown = parseYaml(yaml)
    return value && typeof value === 'object' && !Array.isArray(value) ? {yaml, value: value as Record<string, unknown>} : null
  } catch {
    return null
  }
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
