/** Editions for report tests: the fixture pairs and the real corpora, ingested the way the CLI does. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'
import {corporaDir} from '../support/corpora.js'

export {corporaDir}
export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'report')

export async function loadEditionFile(file: string, options: {series?: string; edition?: string; year?: number} = {}): Promise<Edition> {
  const {edition} = await ingestEdition(new Uint8Array(readFileSync(file)), {file, ...options})
  return edition
}

/** `tests/fixtures/report/<name>/old.md` and `new.md`. */
export async function loadFixturePair(name: string): Promise<[Edition, Edition]> {
  return [await loadEditionFile(path.join(fixturesDir, name, 'old.md')), await loadEditionFile(path.join(fixturesDir, name, 'new.md'))]
}

/** The CNCF Cloud Native Security Whitepaper, English, 2020 and 2022. */
export async function loadCncfPair(): Promise<[Edition, Edition]> {
  const dir = path.join(corporaDir, 'cncf-cloud-native-security-whitepaper')
  return [
    await loadEditionFile(path.join(dir, 'v1-2020.en.md'), {series: 'cncf-cloud-native-security-whitepaper', edition: '2020', year: 2020}),
    await loadEditionFile(path.join(dir, 'v2-2022.en.md'), {series: 'cncf-cloud-native-security-whitepaper', edition: '2022', year: 2022})
  ]
}

/** Contributor Covenant 1.0, 1.1 and 1.2 (2014–2016): a series of three, enough for a trends page. */
export async function loadCovenantSeries(): Promise<Edition[]> {
  const editions: Edition[] = []
  for (const minor of [0, 1, 2]) {
    editions.push(
      await loadEditionFile(path.join(corporaDir, 'contributor-covenant', `v1.${minor}.en.md`), {
        series: 'contributor-covenant',
        edition: `1.${minor}`,
        year: 2014 + minor
      })
    )
  }
  return editions
}
