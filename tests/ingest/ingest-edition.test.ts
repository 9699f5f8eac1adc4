import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ingestEdition, type IngestOptions} from '../../src/ingest/ingest-edition.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'

// Each folder: input.<ext>, options.json (IngestOptions without the bytes), expected.md (the
// normalised edition; a missing one fails: regenerate deliberately with `npx vitest run -u` and
// review the diff) and expected.json (the outline as `level heading` lines plus the warning
// codes, written by hand).
const root = path.join(import.meta.dirname, '../fixtures/ingest')

describe('ingestEdition on fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, async () => {
      const folder = path.join(root, name)
      const input = readdirSync(folder).find((file) => file.startsWith('input.'))!
      const options = JSON.parse(readFileSync(path.join(folder, 'options.json'), 'utf8')) as Partial<IngestOptions>
      const {edition, messages} = await ingestEdition(readFileSync(path.join(folder, input)), {
        ...options,
        file: options.file ?? input
      })
      const markdown = toNormalizedMarkdown(edition, {generator: 'wpdiff test'})
      await expect(markdown).toMatchFileSnapshot(path.join(folder, 'expected.md'))

      const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as {
        outline: string[]
        warnings: string[]
        title?: string
        language?: string
      }
      const flat = flattenSections(edition)
      expect(flat.map(({section}) => `${section.level} ${section.heading}`)).toEqual(expected.outline)
      expect(messages.filter((m) => m.severity === 'warning').map((m) => m.code)).toEqual(expected.warnings)
      if (expected.title) expect(edition.title).toBe(expected.title)
      if (expected.language) expect(edition.language).toBe(expected.language)

      // Invariants of every section tree.
      expect(new Set(flat.map(({section}) => section.id)).size).toBe(flat.length)
      for (const {section} of flat) {
        for (const child of section.children) expect(child.level).toBe(section.level + 1)
        expect(section.totalWords).toBe(section.words + section.children.reduce((s, c) => s + c.totalWords, 0))
      }
      expect(edition.words).toBe(edition.preambleWords + edition.sections.reduce((s, c) => s + c.totalWords, 0))

      // Idempotent: the normalised file reads back to the same bytes.
      const again = await ingestEdition(new TextEncoder().encode(markdown), {file: `${name}.md`})
      expect(toNormalizedMarkdown(again.edition, {generator: 'wpdiff test'})).toBe(markdown)
    })
  }
})
