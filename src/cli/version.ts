import {readFileSync} from 'node:fs'

/** wpdiff's version, from package.json (two folders up from both src/cli and dist/cli). */
export const version: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
).version
