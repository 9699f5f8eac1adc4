import type {Nodes, Root} from 'mdast'
import fc from 'fast-check'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

// The words a reader sees in the paragraphs of a Markdown text, in order: inline code and images
// are part of the word they touch, so a lost space (`word\`code\``) or an added one shows.
const paragraphWords = (markdown: string): string[] => {
  const phrasing = (node: Nodes): string => {
    if (node.type === 'text') return node.value
    if (node.type === 'inlineCode') return `\`${node.value}\``
    if (node.type === 'image') return `[image:${node.url}]`
    if (node.type === 'break') return ' '
    return 'children' in node ? node.children.map(phrasing).join('') : ''
  }
  const paragraphs: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph') paragraphs.push(phrasing(node))
    else if ('children' in node) node.children.forEach(walk)
  }
  walk(parser.parse(markdown) as Root)
  return paragraphs
    .join('\n')
    .split(/[ \t\n]+/u)
    .filter((word) => word !== '')
}

const word = fc.constantFrom('policy', 'the', 'review', 'data', 'of', '2020', 'end.')
const part = fc.oneof(
  {weight: 4, arbitrary: word},
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '`code`',
      '`x = 1`',
      '![x](b.png)',
      '![](c.png)',
      '[a link](https://example.org)',
      '*emphasised words*',
      '**strong**'
    )
  }
)
// Parts joined by a space, a line end (hard wrap) or nothing (`word\`code\``).
const paragraph = fc
  .array(fc.tuple(part, fc.constantFrom(' ', ' ', '\n', '')), {minLength: 1, maxLength: 10})
  .map((parts) => parts.map(([text, gap], index) => (index === parts.length - 1 ? text : text + gap)).join(''))

describe('ingest keeps the text', () => {
  it('keeps the space before inline code and images that end a paragraph', async () => {
    const input = '# Notes\n\nSee the word `code`\n\nText and ![x](b.png)\n\n![y](a.png) and more\n'
    const {edition} = await ingestEdition(new TextEncoder().encode(input), {file: 'notes.md'})
    const output = toNormalizedMarkdown(edition, {generator: 'wpdiff test'})
    expect(output).toContain('\nSee the word `code`\n')
    expect(output).toContain('\nText and ![x](b.png)\n')
    expect(output).toContain('\n![y](a.png) and more\n')
  })

  it('loses no non-space character and no word boundary of a paragraph', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, {minLength: 1, maxLength: 4}), async (paragraphs) => {
        const input = `# Section\n\n${paragraphs.join('\n\n')}\n`
        const {edition} = await ingestEdition(new TextEncoder().encode(input), {file: 'series/2020.md'})
        const output = toNormalizedMarkdown(edition, {generator: 'wpdiff test'})
        expect(paragraphWords(output)).toEqual(paragraphWords(input))
      }),
      {numRuns: 200}
    )
  }, 60_000)
})
