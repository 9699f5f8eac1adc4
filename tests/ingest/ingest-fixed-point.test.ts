import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {ingestEdition, type IngestOptions} from '../../src/ingest/ingest-edition.js'
import {InputError} from '../../src/model/errors.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'

const generator = {generator: 'wpdiff test'}
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

/** The normalised Markdown of one input, as `wpdiff ingest` writes it. */
async function ingest(text: string, options: Partial<IngestOptions> = {}): Promise<string> {
  const {edition} = await ingestEdition(encode(text), {file: 'series/2020.md', ...options})
  return toNormalizedMarkdown(edition, generator)
}

// A small pool of heading texts, so that headings repeat each other, the series and the title.
const headingText = fc.constantFrom('Title', 'Release', 'Introduction', 'Series', 'Annex A', '1. Scope', 'Title Of The Report')
const word = fc.constantFrom('policy', 'the', 'review', 'data', 'of', 'release', 'annual', '2020')
const words = fc.array(word, {minLength: 1, maxLength: 6}).map((list) => list.join(' '))
const paragraph = fc
  .tuple(words, fc.constantFrom('', ' `code`', ' ![x](b.png)', ' [link](https://example.org)', ' *emphasis*'))
  .map(([text, end]) => text + end)
const block = fc.oneof(
  fc.tuple(fc.integer({min: 1, max: 6}), headingText).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  fc.tuple(fc.constantFrom('=', '-'), headingText).map(([line, text]) => `${text}\n${line.repeat(text.length)}`),
  paragraph,
  fc.constant('![logo](logo.png)'),
  words.map((text) => `| Head | Other |\n| --- | --- |\n| ${text} | cell |`),
  words.map((text) => `- ${text}\n- second item`)
)
const frontMatter = fc.option(
  fc.record(
    {
      title: fc.option(headingText, {nil: undefined}),
      series: fc.option(fc.constantFrom('series', 'title-of-the-report'), {nil: undefined})
    },
    {requiredKeys: []}
  ),
  {nil: undefined}
)
const document = fc.tuple(frontMatter, fc.array(block, {minLength: 1, maxLength: 12})).map(([front, blocks]) => {
  const yaml = front
    ? Object.entries(front)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}: ${value}`)
    : []
  return `${(yaml.length > 0 ? `---\n${yaml.join('\n')}\n---\n\n` : '') + blocks.join('\n\n')}\n`
})
const options = fc
  .record({title: fc.option(headingText, {nil: undefined})}, {requiredKeys: []})
  .map((record) => (record.title === undefined ? {} : {title: record.title}))

// Input with no words at all is refused, which is right; it has no normalised form to compare.
async function ingestOrNull(text: string, ingestOptions: Partial<IngestOptions>): Promise<string | null> {
  try {
    return await ingest(text, ingestOptions)
  } catch (error) {
    if (error instanceof InputError) return null
    throw error
  }
}

describe('ingest is a fixed point', () => {
  it('of a Markdown edition whose title heading is not at the top level', async () => {
    // An image line, `## Title`, a paragraph, `### Release`, then `# Release`: the first ingest keeps
    // `Title` as a chapter, so reading its output again must not take it for the document title.
    const input = '![logo](logo.png)\n\n## Title\n\nShort paragraph.\n\n### Release\n\nText.\n\n# Release\n\nMore.\n'
    const once = await ingest(input, {title: 'Title'})
    expect(once).toContain('\n# Title\n')
    expect(once).toContain('\n## Release\n')
    expect(await ingest(once)).toBe(once)
  })

  it('of generated heading sequences (content first, lone top headings, level jumps, setext, front matter)', async () => {
    await fc.assert(
      fc.asyncProperty(document, options, async (text, ingestOptions) => {
        const once = await ingestOrNull(text, ingestOptions)
        if (once === null) return
        expect(await ingest(once)).toBe(once)
      }),
      {numRuns: 300}
    )
  }, 60_000)

  it('of every shipped edition', async () => {
    const editions = path.resolve(import.meta.dirname, '../../editions')
    const files = readdirSync(editions, {withFileTypes: true})
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        readdirSync(path.join(editions, entry.name))
          .filter((name) => name.endsWith('.md') && name !== 'SOURCE.md')
          .map((name) => path.join(editions, entry.name, name))
      )
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const once = await ingest(readFileSync(file, 'utf8'), {file: path.relative(editions, file)})
      expect(await ingest(once, {file: path.relative(editions, file)}), file).toBe(once)
    }
  }, 120_000)
})
