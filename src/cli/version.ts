import {readFileSync} from 'node:fs'

/** wpdiff's version, from package.json (two folders up from src/cli, dist/cli and the bundle in dist/cli-bundle). */
export const version: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string})
  .version
