import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Nodes, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {blocksToText} from '../../src/model/blocks-to-text.js'
import type {Edition} from '../../src/model/edition.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'
import {version} from '../../src/cli/version.js'

// The real multi-edition documents of ../shared/corpora (see each SOURCE.md) and the shipped editions.
const corpora = path.resolve(import.meta.dirname, '../../../shared/corpora')
const editions = path.resolve(import.meta.dirname, '../../editions')
const files = readdirSync(corpora)
  .sort()
  .flatMap((series) =>
    readdirSync(path.join(corpora, series))
      .filter((name) => name !== 'SOURCE.md' && /\.(md|txt)$/u.test(name))
      .sort()
      .map((name) => path.join(corpora, series, name))
  )

// Words for space-separated languages; letters for Chinese and Japanese, where re-joining a
// hard-wrapped line rightly merges two runs of characters into one.
const words = (text: string, unspaced = false): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const word of text.normalize('NFC').match(unspaced ? /[\p{L}\p{N}]/gu : /[\p{L}\p{N}]+/gu) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return counts
}

const editionText = (edition: Edition): string =>
  [edition.title, blocksToText(edition.preamble), ...flattenSections(edition).map(({section}) => `${section.heading}\n${blocksToText(section.blocks)}`)].join('\n')

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

describe('the real corpora', () => {
  expect(files.length).toBeGreaterThan(300)

  it('every Markdown and text file ingests, reads back to the same bytes, and keeps every word', async () => {
    const failures: string[] = []
    for (const file of files) {
      const relative = path.relative(corpora, file)
      try {
        const bytes = readFileSync(file)
        const {edition} = await ingestEdition(bytes, {file: relative})
        if (edition.words === 0) failures.push(`${relative}: no words`)
        const markdown = toNormalizedMarkdown(edition, {generator: 'wpdiff test'})
        const again = await ingestEdition(new TextEncoder().encode(markdown), {file: relative + '.md'})
        if (toNormalizedMarkdown(again.edition, {generator: 'wpdiff test'}) !== markdown) failures.push(`${relative}: not idempotent`)
        if (file.endsWith('.md')) {
          // Word multisets before and after: nothing the reader saw as text is lost.
          const unspaced = /^(?:zh|ja)\b/u.test(edition.language)
          const before = words(markdownText(bytes.toString('utf8')), unspaced)
          const after = words(editionText(edition), unspaced)
          for (const [word, count] of before) {
            if ((after.get(word) ?? 0) < count) failures.push(`${relative}: lost ${word} (${count} → ${after.get(word) ?? 0})`)
          }
        }
      } catch (error) {
        failures.push(`${relative}: ${(error as Error).message}`)
      }
    }
    expect(failures).toEqual([])
  }, 900_000)

  it('keeps every word of plain-text originals, and adds none', async () => {
    for (const year of ['1991', '1995', '2005', '2024']) {
      const file = path.join(corpora, 'un-general-debate-kor', `${year}.txt`)
      const {edition} = await ingestEdition(readFileSync(file), {file, title: 'Statement'})
      const before = words(readFileSync(file, 'utf8'))
      const after = words(flattenSections(edition).map(({section}) => blocksToText(section.blocks)).join('\n'))
      expect(after, year).toEqual(before)
    }
  })

  it('puts the same CNCF chapters at the same level although 2022 nests them under a title heading', async () => {
    const outline = async (name: string): Promise<Map<string, number>> => {
      const file = path.join(corpora, 'cncf-cloud-native-security-whitepaper', name)
      const {edition} = await ingestEdition(readFileSync(file), {file})
      expect(edition.title.replace(/\*/gu, '')).toBe('Cloud Native Security Whitepaper')
      // First occurrence: later chapters have sub-sections named "Conclusion" too.
      return new Map(flattenSections(edition).reverse().map(({section}) => [section.heading, section.level]))
    }
    const v1 = await outline('v1-2020.en.md')
    const v2 = await outline('v2-2022.en.md')
    for (const chapter of ['Executive Summary', 'Introduction', 'Cloud Native Layers']) {
      expect(v1.get(chapter), chapter).toBe(1)
      expect(v2.get(chapter), chapter).toBe(1)
    }
    for (const section of ['Purpose', 'Lifecycle Phases', 'Target Audience']) {
      expect(v1.get(section), section).toBe(2)
      expect(v2.get(section), section).toBe(2)
    }
  }, 120_000)
})

describe('the shipped editions', () => {
  const shipped = readdirSync(editions, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(path.join(editions, entry.name))
        .filter((name) => name.endsWith('.md') && name !== 'SOURCE.md')
        .map((name) => path.join(editions, entry.name, name))
    )

  it('include the series the project promises', () => {
    const names = shipped.map((file) => path.relative(editions, file))
    expect(names).toEqual(
      expect.arrayContaining([
        'cncf-cloud-native-security-whitepaper/2020.md',
        'cncf-cloud-native-security-whitepaper/2022.md',
        'cncf-cloud-native-security-whitepaper-zh-cn/2020.md',
        'cncf-cloud-native-security-whitepaper-zh-cn/2022.md',
        'owasp-api-security-top10/2019.md',
        'owasp-api-security-top10/2023.md',
        'diplomatic-white-paper/2020.md'
      ])
    )
    expect(names.filter((name) => name.startsWith('un-general-debate-kor/'))).toHaveLength(34)
  })

  it('re-ingest byte for byte (ingest is idempotent)', async () => {
    for (const file of shipped) {
      const bytes = readFileSync(file)
      const {edition} = await ingestEdition(bytes, {file})
      expect(toNormalizedMarkdown(edition, {generator: `wpdiff ${version}`}), file).toBe(bytes.toString('utf8'))
    }
  }, 300_000)
})
