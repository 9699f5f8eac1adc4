import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {blocksToText} from '../../src/model/blocks-to-text.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'
import {version} from '../../src/cli/version.js'
import {checkIngest, wordCounts as words} from '../support/check-ingest.js'
import {corporaDir, corpusFile, corpusFiles} from '../support/corpora.js'

// The real documents copied into tests/fixtures/corpora (see each SOURCE.md) and the shipped
// editions. The same checks over all 338 files of the whole corpora: `npm run eval`.
const editions = path.resolve(import.meta.dirname, '../../editions')

describe('the copied corpus files', () => {
  const files = corpusFiles()

  it('every Markdown and text file ingests, reads back to the same bytes, and keeps every word', async () => {
    // 67 files, some of every series.
    expect(new Set(files.map((file) => file.series)).size).toBe(readdirSync(corporaDir).length)
    expect(files.length).toBeGreaterThan(60)
    const failures: string[] = []
    for (const {series, name} of files) {
      const relative = `${series}/${name}`
      try {
        const check = await checkIngest(readFileSync(corpusFile(series, name)), relative)
        if (check.edition.words === 0) failures.push(`${relative}: no words`)
        if (!check.fixedPoint) failures.push(`${relative}: not idempotent`)
        for (const {word, before, after} of check.lost) failures.push(`${relative}: lost ${word} (${before} → ${after})`)
      } catch (error) {
        failures.push(`${relative}: ${(error as Error).message}`)
      }
    }
    expect(failures).toEqual([])
  }, 300_000)

  it('keeps every word of plain-text originals, and adds none', async () => {
    for (const year of ['1991', '1995', '2005', '2024']) {
      const file = corpusFile('un-general-debate-kor', `${year}.txt`)
      const {edition} = await ingestEdition(readFileSync(file), {file, title: 'Statement'})
      const before = words(readFileSync(file, 'utf8'))
      const after = words(
        flattenSections(edition)
          .map(({section}) => blocksToText(section.blocks))
          .join('\n')
      )
      expect(after, year).toEqual(before)
    }
  })

  it('puts the same CNCF chapters at the same level although 2022 nests them under a title heading', async () => {
    const outline = async (name: string): Promise<Map<string, number>> => {
      const file = corpusFile('cncf-cloud-native-security-whitepaper', name)
      const {edition} = await ingestEdition(readFileSync(file), {file})
      expect(edition.title.replace(/\*/gu, '')).toBe('Cloud Native Security Whitepaper')
      // First occurrence: later chapters have sub-sections named "Conclusion" too.
      return new Map(
        flattenSections(edition)
          .reverse()
          .map(({section}) => [section.heading, section.level])
      )
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
