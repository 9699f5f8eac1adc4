import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import * as wpdiff from '../src/index.js'
import {importInFreshProcess, lazyEngines} from './support/loaded-modules.js'

const root = path.resolve(import.meta.dirname, '..')
const editions = path.join(root, 'editions')

describe('the library API', () => {
  it('exports exactly this list (adding is fine; removing or renaming needs a major version)', () => {
    expect(Object.keys(wpdiff).sort()).toEqual([
      'InputError',
      'PdfError',
      'UsageError',
      'alignSections',
      'blockToText',
      'blocksToText',
      'buildSite',
      'cleanTree',
      'compareEditions',
      'computeTrends',
      'countWords',
      'createProfileCache',
      'decodeText',
      'detectFormat',
      'detectScript',
      'diffRelations',
      'diffSection',
      'flattenSections',
      'fromDocx',
      'fromExtractedText',
      'fromHtml',
      'fromMarkdown',
      'fromPdf',
      'fromPlainText',
      'guessLanguage',
      'ingestEdition',
      'inputFormats',
      'isSameEdition',
      'keyness',
      'listAlignableSections',
      'loadHtmlEngine',
      'looksExtracted',
      'orderEditions',
      'parseNumbering',
      'parseThemes',
      'renderCompareMarkdown',
      'renderCompareReport',
      'renderTrendsPage',
      'sniffFormat',
      'splitSentences',
      'toEditionRef',
      'toNormalizedMarkdown',
      'toOutline',
      'toSectionSummary',
      'toSectionTree',
      'toSlug',
      'tokenize',
      'traceLineages',
      'trendsToCsv'
    ])
    for (const name of Object.keys(wpdiff)) {
      expect(typeof (wpdiff as Record<string, unknown>)[name], name).toBe(name === 'inputFormats' ? 'object' : 'function')
    }
  })

  it('runs the README example: ingest two editions, compare them, render the report', async () => {
    const read = async (file: string) => (await wpdiff.ingestEdition(readFileSync(file), {file})).edition
    const result = wpdiff.compareEditions(
      await read(path.join(editions, 'owasp-api-security-top10/2019.md')),
      await read(path.join(editions, 'owasp-api-security-top10/2023.md')),
      {detail: 'blocks'}
    )
    expect(result.schema).toBe('wpdiff/compare@1')
    expect(result.summary.merged).toBeGreaterThanOrEqual(1)
    const html = wpdiff.renderCompareReport(result, {})
    expect(html).toMatch(/^<!doctype html>/iu)
    expect(html).toContain('Content-Security-Policy')
  }, 120_000)

  it.each([
    ['src/index.ts', ['--import', 'tsx']],
    ['dist/index.js', []]
  ])('%s loads no PDF, Word, HTML or template engine and changes no global at import', (entry, nodeArgs) => {
    const loaded = importInFreshProcess(pathToFileURL(path.join(root, entry)).href, {cwd: root, nodeArgs})
    expect(loaded.stderr).toBe('')
    expect(loaded.status).toBe(0)
    // Something was loaded at all (the hook works): the Markdown reader is imported eagerly.
    expect(loaded.packages).toContain('unified')
    expect(loaded.packages.filter((name) => lazyEngines.includes(name))).toEqual([])
    expect(loaded.changedGlobals).toEqual([])
  })
})
