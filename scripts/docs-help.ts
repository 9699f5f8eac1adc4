/**
 * `npm run docs:help`: rewrite the help texts quoted in README.md and docs/cli.md from what
 * `--help` prints today (see `help-blocks.ts`). Prints which files changed.
 */
import {readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {helpDocuments, helpNames, printedHelp, rewriteHelpBlocks} from './help-blocks.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const helps = new Map<string, string>()
for (const name of helpNames) helps.set(name, await printedHelp(name))

for (const file of helpDocuments) {
  const target = path.join(root, file)
  const before = await readFile(target, 'utf8')
  const after = rewriteHelpBlocks(
    before,
    (command) => {
      const help = helps.get(command)
      if (help === undefined) throw new Error(`${file}: <!-- help: ${command} --> names no wpdiff command (${helpNames.join(', ')})`)
      return help
    },
    file
  )
  if (after === before) {
    console.log(`${file}: up to date`)
    continue
  }
  await writeFile(`${target}.tmp-docs-help`, after)
  await rename(`${target}.tmp-docs-help`, target)
  console.log(`${file}: help rewritten`)
}
