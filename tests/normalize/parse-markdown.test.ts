import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Link, Paragraph} from 'mdast'
import {describe, expect, it} from 'vitest'
import {fromMarkdown} from '../../src/ingest/from-markdown.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {InputError} from '../../src/model/errors.js'
import {cleanTree} from '../../src/normalize/clean-tree.js'
import {parseMarkdown} from '../../src/normalize/parse-markdown.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'

const root = path.resolve(import.meta.dirname, '../..')
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

// Every Markdown file under `folder` whose front matter says wpdiff wrote it.
function normalizedFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(root, folder, name))
    .filter((file) => /^---\n[\s\S]*?^generator: wpdiff/mu.test(readFileSync(file, 'utf8')))
    .sort()
}

const links = (paragraph: Paragraph): Link[] => paragraph.children.filter((child): child is Link => child.type === 'link')

describe('parseMarkdown of normalised Markdown (no GFM autolink literals)', () => {
  it('reads every shipped edition and normalised fixture exactly as full GFM does, positions included', () => {
    const files = [...normalizedFiles('editions'), ...normalizedFiles('tests/fixtures')]
    expect(files.length).toBeGreaterThanOrEqual(50)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(parseMarkdown(text, {normalized: true}), file).toEqual(parseMarkdown(text))
    }
  })

  // A heading is plain text once cleaned: an address in one is written escaped, and full GFM
  // reads it back as a link that cleaning flattens again. So the trees are compared cleaned.
  it('reads what ingest writes as full GFM does once cleaned, URLs and e-mail addresses in the text included', async () => {
    const literal = fc.constantFrom(
      'www.example.org',
      'https://example.org/a_(b)',
      'http://x.y/*z*',
      'mail a.b@example.org.',
      'mailto:a@b.co',
      'xmpp:me@chat.example.org/home',
      '<https://example.org>',
      '[www.example.org](https://example.org)',
      '`www.example.org`',
      'WWW.EXAMPLE.ORG',
      'www.x'
    )
    const word = fc.constantFrom('policy', 'the', 'review', '_data_', '**of**', '(see', 'it)', '`code`')
    const paragraph = fc.array(fc.oneof(word, literal), {minLength: 1, maxLength: 8}).map((parts) => parts.join(' '))
    const block = fc.oneof(
      paragraph,
      paragraph.map((text) => `## ${text}`),
      paragraph.map((text) => `- ${text}\n- second`),
      paragraph.map((text) => `| a | b |\n| --- | --- |\n| ${text} | x |`)
    )
    const document = fc.array(block, {minLength: 1, maxLength: 6}).map((blocks) => `# Title\n\n${blocks.join('\n\n')}\n`)
    await fc.assert(
      fc.asyncProperty(document, async (text) => {
        let normalized: string
        try {
          const {edition} = await ingestEdition(encode(text), {file: 'series/2020.md'})
          normalized = toNormalizedMarkdown(edition, {generator: 'wpdiff test'})
        } catch (error) {
          if (error instanceof InputError) return
          throw error
        }
        expect(cleanTree(fromMarkdown(normalized).root)).toEqual(cleanTree(fromMarkdown(normalized, {trustGenerator: false}).root))
      }),
      {numRuns: 200}
    )
  }, 60_000)

  it('is chosen by the front matter, and not for the Markdown ingest writes from another format', async () => {
    const normalized = '---\ntitle: T\ngenerator: wpdiff 0.1.0\n---\n\n# A\n\nSee www\\.example.org now.\n'
    // As wpdiff writes it, the escaped address is text; a reader of any Markdown makes it a link.
    expect(links(fromMarkdown(normalized).root.children[1] as Paragraph)).toHaveLength(0)
    expect(links(fromMarkdown(normalized, {trustGenerator: false}).root.children[1] as Paragraph)).toHaveLength(1)
    expect(links(fromMarkdown(normalized.replace('wpdiff 0.1.0', 'pandoc')).root.children[1] as Paragraph)).toHaveLength(1)
    // HTML text holding an address is written escaped, and read back as a link, as before.
    const {edition} = await ingestEdition(encode('<h1>A</h1><p>See www.example.org now.</p>'), {file: 'series/2020.html'})
    const paragraph = edition.sections[0]!.blocks[0] as Paragraph
    expect(links(paragraph).map((link) => link.url)).toEqual(['http://www.example.org'])
  })
})
