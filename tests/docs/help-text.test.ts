import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {findHelpBlocks, helpDocuments, helpNames, printedHelp, rewriteHelpBlocks} from '../../scripts/help-blocks.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')

describe('help texts quoted in the documentation', () => {
  it("docs/cli.md quotes the top-level help and every command's, once each, in `wpdiff --help` order", () => {
    expect(helpNames).toEqual(['wpdiff', 'ingest', 'outline', 'compare', 'history', 'report', 'trends'])
    expect(findHelpBlocks(read('docs/cli.md')).map((block) => block.command)).toEqual(helpNames)
    expect(findHelpBlocks(read('README.md')).map((block) => block.command)).toContain('wpdiff')
  })

  for (const file of helpDocuments) {
    it(`${file} shows exactly what --help prints (run \`npm run docs:help\` to regenerate)`, async () => {
      const blocks = findHelpBlocks(read(file), file)
      expect(blocks.length).toBeGreaterThan(0)
      for (const block of blocks) expect(block.text, `${file}: help of ${block.command}`).toBe(await printedHelp(block.command))
    })
  }

  it('rewriting replaces a stale block, keeps everything else, and leaves a current document unchanged', async () => {
    const stale = 'Intro.\n\n<!-- help: compare -->\n```text\nUsage: wpdiff compare (old text)\n```\n\nAfter.\n'
    const rewritten = rewriteHelpBlocks(stale, () => 'Usage: new\n')
    expect(rewritten).toBe('Intro.\n\n<!-- help: compare -->\n```text\nUsage: new\n```\n\nAfter.\n')
    const help = await printedHelp('compare')
    expect(help).toMatch(/^Usage: wpdiff compare /u)
    const current = rewriteHelpBlocks(stale, () => help)
    expect(rewriteHelpBlocks(current, () => help)).toBe(current)
    expect(findHelpBlocks(current)).toEqual([
      {command: 'compare', text: help, start: current.indexOf('Usage'), end: current.indexOf('Usage') + help.length}
    ])
  })

  it('a marker without a text fence right after it, or naming no command, is an error', async () => {
    expect(() => findHelpBlocks('<!-- help: compare -->\n\n```text\nx\n```\n', 'x.md')).toThrow(/x.md: .*must be followed directly/u)
    await expect(printedHelp('diff')).rejects.toThrow(/no wpdiff command 'diff'/u)
  })
})
