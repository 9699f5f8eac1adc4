import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {compareEditions, type CompareResult} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import type {Edition} from '../../src/model/edition.js'
import {layOutPaper, type PaperLayout} from './lay-out-paper.js'

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pdf-structure')
const source = (name: string): string => readFileSync(path.join(folder, name), 'utf8')

async function edition(bytes: Uint8Array, file: string): Promise<Edition> {
  const version = path.basename(file).replace(/\.\w+$/u, '')
  return (await ingestEdition(bytes, {file: `paper/${file}`, series: 'paper', edition: version, year: version === 'v1' ? 2020 : 2022}))
    .edition
}

const paths = (item: Edition): string[] => flattenSections(item).map((flat) => flat.path.join(' › '))

/** One relation as kind, flags and the paths it joins: what a reader of the report sees. */
const relations = (result: CompareResult): string[] =>
  result.relations.map(
    (relation) =>
      `${relation.kind}[${relation.flags.join(',')}] ${relation.old.map((ref) => ref.path.join(' › ')).join(' + ')} → ${relation.new.map((ref) => ref.path.join(' › ')).join(' + ')}`
  )

describe('an InDesign-style paper in two editions: outline and relations from the PDFs match the Markdown', () => {
  const layouts: Array<[string, PaperLayout, PaperLayout]> = [
    ['printed contents only (offset learnt: printed page 1 is physical page 3)', {}, {}],
    ['bookmarks in one edition, page labels in the other', {labels: true}, {bookmarks: true}],
    // CNCF 2020 prints `Deploy` flush left with the chapters, in the sections' weight: still a section.
    ["a section pulled flush left on the contents page, set in the sections' weight", {pulledLeft: ['Develop']}, {}]
  ]
  let markdown: [Edition, Edition]
  let fromMarkdown: CompareResult
  beforeAll(async () => {
    markdown = [await edition(Buffer.from(source('v1.md')), 'v1.md'), await edition(Buffer.from(source('v2.md')), 'v2.md')]
    fromMarkdown = compareEditions(markdown[0], markdown[1])
  })

  it.each(layouts)('%s', async (_, oldLayout, newLayout) => {
    const pdfs: [Edition, Edition] = [
      await edition(layOutPaper(source('v1.md'), oldLayout), 'v1.pdf'),
      await edition(layOutPaper(source('v2.md'), newLayout), 'v2.pdf')
    ]
    // Levels 2 and 3 share one type size: only the contents or the bookmarks nest Code Review under Develop.
    expect(paths(pdfs[0])).toEqual(paths(markdown[0]))
    expect(paths(pdfs[1])).toEqual(paths(markdown[1]))
    expect(paths(pdfs[0])).toContain('Pipeline Stages › Develop › Code Review')
    // The contents page is not body text.
    expect(pdfs[0].sections[0]!.blocks.map((block) => JSON.stringify(block))).not.toContain('Contents')
    expect(pdfs[0].toc.map((entry) => `${entry.level} ${entry.title} ${entry.page}`).slice(0, 4)).toEqual([
      '1 Executive Summary 1',
      '2 Purpose 1',
      '2 Audience 1',
      '1 Pipeline Stages 1'
    ])

    const expected = relations(fromMarkdown)
    const found = new Set(relations(compareEditions(pdfs[0], pdfs[1])))
    const same = expected.filter((relation) => found.has(relation)).length
    expect(same / Math.max(expected.length, found.size)).toBeGreaterThanOrEqual(0.9)
    expect([...found]).toContain(
      'matched[moved,modified] Pipeline Stages › Develop › Secret Scanning → Pipeline Stages › Distribute › Secret Scanning'
    )
  })

  it('without contents or bookmarks, type sizes alone cannot nest the third level (the test above can fail)', async () => {
    const pdf = await edition(layOutPaper(source('v1.md'), {contents: false}), 'v1.pdf')
    expect(pdf.toc).toEqual([])
    expect(paths(pdf)).toContain('Pipeline Stages › Code Review')
  })
})
