import {readFileSync} from 'node:fs'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Block, Edition, Section} from '../../src/model/edition.js'
import {corpusFile} from '../support/corpora.js'

/** An edition of `tests/fixtures/corpora/<series>/<file>`, ingested the way the CLI does it. */
export async function loadCorpusEdition(series: string, file: string): Promise<Edition> {
  const full = corpusFile(series, file)
  return (await ingestEdition(new Uint8Array(readFileSync(full)), {file: full})).edition
}

/** A hand-built section tree node: `[heading, paragraphs, children]`. */
export type Spec = [string, string[], Spec[]?]

/** A hand-built edition (no ingest), for small and generated cases. */
export function makeEdition(specs: Spec[], meta: Partial<Edition> = {}): Edition {
  const toSection = ([heading, paragraphs, children = []]: Spec, level: number, parent: string | null, taken: Set<string>): Section => {
    let id = `${parent ? `${parent}/` : ''}${
      heading
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'section'
    }`
    for (let i = 2; taken.has(id); i++) id = `${id.replace(/-\d+$/, '')}-${i}`
    taken.add(id)
    const blocks: Block[] = paragraphs.map((value) => ({type: 'paragraph', children: [{type: 'text', value}]}))
    const words = paragraphs.join(' ').split(/\s+/).filter(Boolean).length
    const kids = children.map((child) => toSection(child, level + 1, id, taken))
    const match = /^([A-Z]?\d+(?:\.\d+)*)\s+(.*)$/.exec(heading)
    return {
      id,
      heading,
      numbering: match ? match[1]! : null,
      title: match ? match[2]! : heading,
      level,
      blocks,
      children: kids,
      words,
      totalWords: words + kids.reduce((s, k) => s + k.totalWords, 0),
      page: null
    }
  }
  const taken = new Set<string>()
  const sections = specs.map((spec) => toSection(spec, 1, null, taken))
  return {
    series: 'test',
    edition: 'a',
    year: null,
    title: 'Test',
    language: 'en',
    source: {file: 'test.md', format: 'md', sha256: ''},
    preamble: [],
    preambleWords: 0,
    sections,
    toc: [],
    words: sections.reduce((s, x) => s + x.totalWords, 0),
    ...meta
  }
}
