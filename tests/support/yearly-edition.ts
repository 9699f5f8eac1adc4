/**
 * A one-chapter edition of a toy series, read from Markdown as the CLI reads a file: the trends
 * tests build a series of them, one a year, in the language under test.
 */
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'

/** The edition of `year` in `language`, its chapter `1` holding `body`. */
export async function yearlyEdition(language: string, year: number, body: string): Promise<Edition> {
  const text = `---\ntitle: spec\nyear: ${year}\nlanguage: ${language}\n---\n\n# 1\n\n${body}\n`
  return (await ingestEdition(new TextEncoder().encode(text), {file: `spec-${year}.md`, language})).edition
}
