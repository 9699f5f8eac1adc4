/**
 * The checks every real edition must pass, for tests/ingest/corpora.test.ts (on the copied files)
 * and bench/eval-corpora.ts (on the whole corpora): it ingests, ingesting its normalised Markdown
 * again gives the same Markdown (a fixed point), and no word the reader of the original saw is lost.
 */
import type {Nodes, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {blocksToText} from '../../src/model/blocks-to-text.js'
import type {Edition} from '../../src/model/edition.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'

/** What {@link checkIngest} found on one file. */
export interface IngestCheck {
  edition: Edition
  /** Whether re-ingesting the normalised Markdown gives it back byte for byte. */
  fixedPoint: boolean
  /** Words of a Markdown original that occur fewer times in the edition (none for other formats). */
  lost: {word: string; before: number; after: number}[]
}

// Words for space-separated languages; letters for Chinese and Japanese, where re-joining a
// hard-wrapped line rightly merges two runs of characters into one.
export const wordCounts = (text: string, unspaced = false): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const word of text.normalize('NFC').match(unspaced ? /[\p{L}\p{N}]/gu : /[\p{L}\p{N}]+/gu) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return counts
}

const editionText = (edition: Edition): string =>
  [
    edition.title,
    blocksToText(edition.preamble),
    ...flattenSections(edition).map(({section}) => `${section.heading}\n${blocksToText(section.blocks)}`)
  ].join('\n')

// What a reader of the Markdown sees as text: no comments, HTML tags, attribute lists or image alt;
// a space between any two nodes so that words of adjacent blocks do not run together.
const markdownText = (markdown: string): string => {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root
  const parts: string[] = []
  const phrasing = (node: Nodes): string =>
    node.type === 'text' || node.type === 'inlineCode' ? node.value : 'children' in node ? node.children.map(phrasing).join('') : ''
  const walk = (node: Nodes): void => {
    if (node.type === 'code') parts.push(node.value)
    else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') parts.push(phrasing(node))
    else if ('children' in node) node.children.forEach(walk)
  }
  walk(tree)
  return parts.join(' ').replace(/\{(?::[^}\n]*|#[\w:.-]+|\.[\w-]+)\}/gu, ' ')
}

/** Ingest `bytes` (named `file`: its extension picks the reader) and check it; throws what ingest throws. */
export async function checkIngest(bytes: Uint8Array, file: string): Promise<IngestCheck> {
  const {edition} = await ingestEdition(bytes, {file})
  const markdown = toNormalizedMarkdown(edition, {generator: 'wpdiff test'})
  const again = await ingestEdition(new TextEncoder().encode(markdown), {file: `${file}.md`})
  const fixedPoint = toNormalizedMarkdown(again.edition, {generator: 'wpdiff test'}) === markdown
  const lost: IngestCheck['lost'] = []
  if (file.endsWith('.md')) {
    // Word multisets before and after: nothing the reader saw as text is lost.
    const unspaced = /^(?:zh|ja)\b/u.test(edition.language)
    const before = wordCounts(markdownText(new TextDecoder().decode(bytes)), unspaced)
    const after = wordCounts(editionText(edition), unspaced)
    for (const [word, count] of before) {
      if ((after.get(word) ?? 0) < count) lost.push({word, before: count, after: after.get(word) ?? 0})
    }
  }
  return {edition, fixedPoint, lost}
}
