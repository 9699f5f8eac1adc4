/**
 * `npm run bench`: every `bench/*.bench.ts` in name order (or only those named on the command line:
 * `npm run bench -- align`). Each prints its own medians and ratios against a baseline it runs in
 * the same process, and each runs in a process of its own: a bench then starts from a fresh heap
 * (its timings and peak memory are not those of the benches before it).
 */
import {spawnSync} from 'node:child_process'
import {readdirSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))

if (process.argv[2] === '--one') {
  const name = process.argv[3]!
  const module = (await import(pathToFileURL(path.join(here, name)).href)) as {default: () => Promise<void>}
  await module.default()
} else {
  const wanted = process.argv.slice(2)
  const files = readdirSync(here)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
    .sort()
  let failed = 0
  for (const name of files) {
    console.log(`\n# ${name.replace(/\.bench\.ts$/u, '')}`)
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', name], {stdio: 'inherit'})
    if (run.status !== 0) {
      console.log(`  (${name} failed: exit ${run.status ?? run.signal})`)
      failed++
    }
  }
  process.exitCode = failed === 0 ? 0 : 1
}
