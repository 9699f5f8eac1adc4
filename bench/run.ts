/**
 * `npm run bench`: every `bench/*.bench.ts` in name order (or only those named on the command line:
 * `npm run bench -- align`). Each prints its own medians and ratios against a baseline it runs in
 * the same process.
 */
import {readdirSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const wanted = process.argv.slice(2)
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort()

for (const name of files) {
  console.log(`\n# ${name.replace(/\.bench\.ts$/u, '')}`)
  const module = (await import(pathToFileURL(path.join(here, name)).href)) as {default: () => Promise<void>}
  await module.default()
}
