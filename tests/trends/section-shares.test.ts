import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {sectionShares} from '../../src/trends/section-shares.js'
import {fixturesDir, loadFolder} from './load-fixture.js'

describe('sectionShares', () => {
  it('follows a renamed chapter as one row and gives every chapter exactly one row', async () => {
    const editions = await loadFolder(path.join(fixturesDir, 'korean-particles'))
    const ids = editions.map((edition) => edition.sections.map((section) => section.id))
    // Hand-made lineages: chapter 1 renamed in 2021 (한반도 정책 → 한반도 평화 프로세스), chapter 2 likewise.
    const rows = sectionShares(editions, [
      {id: 'peninsula', sections: [ids[0]![0]!, ids[1]![0]!, ids[2]![0]!]},
      {id: 'economy', sections: [ids[0]![1]!, ids[1]![1]!, ids[2]![1]!]}
    ])
    expect(rows.map((row) => row.lineage)).toEqual(['peninsula', 'economy'])
    expect(rows[0]!.headings).toEqual(['한반도 정책', '한반도 정책', '한반도 평화 프로세스'])
    expect(rows[0]!.label).toBe('한반도 평화 프로세스')
    editions.forEach((edition, i) => {
      const total = rows.reduce((sum, row) => sum + (row.words[i] ?? 0), 0)
      expect(total).toBe(edition.words - edition.preambleWords)
      expect(rows[0]!.shares[i]).toBeCloseTo(rows[0]!.words[i]! / edition.words, 4)
    })
  })

  it('gives chapters no lineage covers a row of their own', async () => {
    const editions = await loadFolder(path.join(fixturesDir, 'korean-particles'))
    const rows = sectionShares(editions, [])
    const chapters = editions.reduce((sum, edition) => sum + edition.sections.length, 0)
    expect(rows).toHaveLength(chapters)
    for (const row of rows) expect(row.sections.filter((id) => id !== null)).toHaveLength(1)
  })

  it('gives the text before the first heading a first row, so each edition adds up to its words (OpenChain 2.0 ko: 94%)', async () => {
    const edition = async (year: number, preamble: string) =>
      (
        await ingestEdition(
          new TextEncoder().encode(
            `---\ntitle: Spec\nyear: ${year}\n---\n\n${preamble}# Scope\n\nAll staff.\n\n# Rules\n\nEight characters.\n`
          ),
          {file: `spec-${year}.md`}
        )
      ).edition
    const editions = [await edition(2018, ''), await edition(2019, 'This text is given as is, without warranty.\n\n')]
    expect(editions[1]!.preambleWords).toBe(8)
    const rows = sectionShares(editions, [])
    expect(rows[0]).toMatchObject({lineage: '(preamble)', label: '(preamble)', sections: [null, '(preamble)'], words: [null, 8]})
    editions.forEach((e, i) => {
      expect(rows.reduce((sum, row) => sum + (row.words[i] ?? 0), 0)).toBe(e.words)
      expect(rows.reduce((sum, row) => sum + (row.shares[i] ?? 0), 0)).toBeCloseTo(1, 3)
    })
    // No row where no edition has such text.
    expect(sectionShares([editions[0]!], []).map((row) => row.label)).toEqual(['Scope', 'Rules'])
  })
})
