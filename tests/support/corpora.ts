/**
 * The real documents the tests read: copies of a few editions of each series of the project's
 * sample corpora, in `tests/fixtures/corpora/<series>/` (each folder's SOURCE.md gives origin,
 * licence and which files are excerpts). Tests never read `../shared`: checks over the whole
 * corpora are `npm run eval` (bench/eval-corpora.ts).
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

export const corporaDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'corpora')

/** `tests/fixtures/corpora/<series>/<file>`. */
export const corpusFile = (series: string, file: string): string => path.join(corporaDir, series, file)

/** Every `.md`/`.txt` edition (not SOURCE.md) of every series, series and files in name order, with its text. */
export function corpusFiles(): {series: string; name: string; text: string}[] {
  return readdirSync(corporaDir)
    .sort()
    .flatMap((series) =>
      readdirSync(path.join(corporaDir, series))
        .filter((name) => /\.(md|txt)$/u.test(name) && name !== 'SOURCE.md')
        .sort()
        .map((name) => ({series, name, text: readFileSync(path.join(corporaDir, series, name), 'utf8')}))
    )
}
