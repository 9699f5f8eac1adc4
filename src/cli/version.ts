import {readFileSync, statSync} from 'node:fs'

/** wpdiff's version, from package.json (two folders up from src/cli, dist/cli and the bundle in dist/cli-bundle). */
export const version: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string})
  .version

let stamp: string | undefined

/**
 * The version and the build running it: the size and modification time of the file this code is
 * loaded from (in a build, a chunk of the bundle, which every build writes anew). A checkout rebuilt
 * between two runs keeps its version, and a cache keyed by the version alone would serve what the
 * older code read.
 */
export function codeStamp(): string {
  if (stamp === undefined) {
    const file = statSync(new URL(import.meta.url))
    stamp = `${version}+${file.size}.${Math.trunc(file.mtimeMs)}`
  }
  return stamp
}
