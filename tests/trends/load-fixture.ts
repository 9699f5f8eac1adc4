/** Shared by the trends tests: editions from a fixture folder or a corpus folder, through the real ingest. */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'

export {corporaDir, corpusFiles} from '../support/corpora.js'

export const fixturesDir = path.join(import.meta.dirname, '..', 'fixtures', 'trends')

/** Every edition file (`.md`/`.txt`, not SOURCE/README) of `folder`, oldest first by file name. */
export async function loadFolder(
  folder: string,
  options: {language?: string; filter?: (name: string) => boolean} = {}
): Promise<Edition[]> {
  const names = readdirSync(folder)
    .filter((name) => /\.(md|txt)$/u.test(name) && !/^(SOURCE|README)\./u.test(name))
    .filter(options.filter ?? (() => true))
    .sort()
  const editions: Edition[] = []
  for (const name of names) {
    const file = path.join(folder, name)
    const {edition} = await ingestEdition(new Uint8Array(readFileSync(file)), {
      file,
      ...(options.language ? {language: options.language} : {})
    })
    editions.push(edition)
  }
  return editions
}

/** An independent count: whole-word, case-insensitive occurrences in whitespace-collapsed text (like `tr -s` + `grep -o -i -w`). */
export function grepCount(text: string, phrase: string): number {
  const escaped = phrase
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
    .replace(/ /gu, ' ')
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'gu')
  return text.replace(/\s+/gu, ' ').toLowerCase().match(pattern)?.length ?? 0
}
