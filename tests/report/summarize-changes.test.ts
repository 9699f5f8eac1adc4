import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {traceLineages} from '../../src/align/trace-lineages.js'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {describeLineage} from '../../src/report/describe-lineage.js'
import {onlyYearChanged, relationKinds} from '../../src/report/describe-relation.js'
import {summarizeChanges} from '../../src/report/summarize-changes.js'
import {fixturesDir, loadCncfPair, loadEditionFile} from './load-fixture.js'

describe('summarizeChanges', () => {
  it('counts each kind once, from the same relations the filters count', async () => {
    const [before, after] = await loadCncfPair()
    const result = compareEditions(before, after)
    const digest = summarizeChanges(result)
    for (const {kind, count} of digest.counts) {
      expect(count, kind).toBe(result.relations.filter((relation) => relationKinds(relation).includes(kind)).length)
    }
    expect(digest.changed).toBe(result.relations.filter((relation) => relationKinds(relation)[0] !== 'unchanged').length)
  })

  it('names new chapters with their parent and folds their sub-sections, and lists the changed sections by path', async () => {
    const [before, after] = await loadCncfPair()
    const digest = summarizeChanges(compareEditions(before, after))
    const ransomware = digest.added.find((item) => /Ransomware/u.test(item.heading))
    expect(ransomware).toBeDefined()
    expect(ransomware!.parent).not.toBe('')
    // No new section is listed under a new section that is listed too.
    const listed = new Set(digest.added.map((item) => (item.parent ? `${item.parent} › ${item.heading}` : item.heading)))
    for (const item of digest.added) expect(listed.has(item.parent)).toBe(false)
    expect(digest.mostChanged.length).toBeGreaterThan(0)
    for (const item of digest.mostChanged) expect(item.place).toMatch(/\S/u)
    expect(digest.mostChanged.some((item) => item.place.includes(' › '))).toBe(true)
    // Rewrites are pairs, largest first.
    const sizes = digest.rewrites.map((item) => item.added + item.removed)
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    for (const item of digest.rewrites) expect(item.similarity).not.toBeNull()
  })

  it('shows the declarations a comparison carries, and none when it carries none', async () => {
    const [before, after] = await loadCncfPair()
    const result = compareEditions(before, after)
    const undeclared = {
      ...result,
      relations: result.relations.map((relation) => ({...relation, evidence: {...relation.evidence!, declared: undefined}}))
    }
    expect(summarizeChanges(undeclared).declared).toEqual([])
    const target = undeclared.relations.find((relation) => relation.new.length > 0)!
    // The CNCF 2022 edition marks its new sections "(New in v2)": the aligner reads those as declarations.
    expect(summarizeChanges(result).declared.map((item) => item.text)).toContain('Use case: Ransomware (New in v2)')
    const withEvidence = {
      ...undeclared,
      relations: undeclared.relations.map((relation) =>
        relation === target
          ? {
              ...relation,
              evidence: {...relation.evidence!, declared: {kind: 'merged' as const, sentence: 'Supply chain is now part of Lifecycle.'}}
            }
          : relation
      )
    }
    expect(summarizeChanges(withEvidence).declared).toEqual([{anchor: target.new[0]!.id, text: 'Supply chain is now part of Lifecycle.'}])
  })
})

describe('a title that changed only its year', () => {
  it('is neither a rename nor a renumbering', async () => {
    expect(onlyYearChanged('Statement in the General Debate 2019', 'Statement in the General Debate 2020')).toBe(true)
    expect(onlyYearChanged('Top 10 2017', 'Top 10 2021')).toBe(true)
    expect(onlyYearChanged('Passwords', 'Authentication')).toBe(false)
    expect(onlyYearChanged('A1:2017 Injection', 'A03:2021 Injection')).toBe(false)
    expect(onlyYearChanged('Same', 'Same')).toBe(false)
    const editions = [
      await loadEditionFile(path.join(fixturesDir, 'yearly', '2019.md')),
      await loadEditionFile(path.join(fixturesDir, 'yearly', '2020.md'))
    ]
    const result = compareEditions(editions[0]!, editions[1]!)
    const statement = result.relations.find((relation) => relation.new[0]?.heading.endsWith('2020'))!
    // The aligner flags the new title; the report does not hold it against the section.
    expect(statement.flags.filter((flag) => flag === 'renamed' || flag === 'renumbered').length).toBeGreaterThan(0)
    expect(relationKinds(statement)).not.toContain('renamed')
    expect(relationKinds(statement)).not.toContain('renumbered')
    const history = traceLineages(editions)
    expect(history.lineages).toHaveLength(1)
    const line = describeLineage(history.lineages[0]!, history)
    expect(line).not.toMatch(/renamed|renumbered/u)
    expect(line).toContain('modified 2020')
  })
})

describe('summarizeChanges renames', () => {
  it('gives a heading renamed alike under several parents one line with its count (OpenChain ja 2.0 → 2.1: 13 × 証跡となる資料 → 検証資料：)', async () => {
    const {ingestEdition} = await import('../../src/ingest/ingest-edition.js')
    const {renderCompareReport} = await import('../../src/report/render-compare-report.js')
    const {renderCompareMarkdown} = await import('../../src/report/render-compare-markdown.js')
    const requirement = (n: number, evidence: string, topic: string) =>
      `## ${n}.1 ${topic}\n\nThe organisation keeps a ${topic.toLowerCase()} procedure, reviewed every year by its owner.\n\n### ${evidence}\n\nA written ${topic.toLowerCase()} procedure, signed by the owner and kept for three years.\n\n`
    const topics = ['Policy', 'Training', 'Licences']
    const edition = async (year: number, evidence: string, title: string) => {
      const body = topics.map((topic, i) => `# ${i + 1} ${topic}\n\n${requirement(i + 1, evidence, topic)}`).join('')
      return (
        await ingestEdition(
          new TextEncoder().encode(
            `---\ntitle: Spec\nyear: ${year}\n---\n\n# 0 ${title}\n\nThis specification sets requirements.\n\n${body}`
          ),
          {file: `spec-${year}.md`}
        )
      ).edition
    }
    const result = compareEditions(await edition(2019, 'Evidence', 'About'), await edition(2020, 'Verification material', 'Introduction'))
    const digest = summarizeChanges(result)
    const evidence = digest.renamed.filter((row) => row.from.join() === 'Evidence')
    expect(evidence).toEqual([expect.objectContaining({from: ['Evidence'], to: ['Verification material'], sections: 3})])
    expect(digest.renamed.filter((row) => row.sections === 1).map((row) => row.to)).toEqual([['0 Introduction']])
    const html = renderCompareReport(result)
    expect(html).toContain('<h3>Renamed (4)</h3>')
    expect(html).toContain('<bdi>Evidence</bdi> → <bdi>Verification material</bdi></a> <span class="muted">(3 sections)</span>')
    expect(renderCompareMarkdown(result)).toContain('Evidence → Verification material (3 sections)')
  })
})

describe('summarizeChanges, requirements set as sentences', () => {
  it('names a renamed requirement by its number and first words, both sides up to where they differ', async () => {
    const {ingestEdition} = await import('../../src/ingest/ingest-edition.js')
    const requirement = (version: string) =>
      `6.1 An organization shall confirm that its program satisfies the requirements of version ${version} of this specification before it claims conformance, and shall keep the record of that review for eighteen months`
    const edition = async (version: string, year: number) =>
      (
        await ingestEdition(
          new TextEncoder().encode(
            `# Specification\n\n## Conformance\n\n### ${requirement(version)}\n\nThe record names the reviewer and the date of the review.\n`
          ),
          {file: `${year}.md`}
        )
      ).edition
    const digest = summarizeChanges(compareEditions(await edition('1.1', 2017), await edition('1.2', 2018)))
    expect(digest.renamed.map(({from, to}) => [from, to])).toEqual([
      [
        ['Conformance › 6.1 An organization shall confirm that its program satisfies the requirements of version 1.1 of this…'],
        ['Conformance › 6.1 An organization shall confirm that its program satisfies the requirements of version 1.2 of this…']
      ]
    ])
  })
})
