/**
 * The help texts quoted in the documentation. A fenced `text` block right after a marker
 * `<!-- help: compare -->` (or `<!-- help: wpdiff -->` for the top level) holds exactly what
 * `wpdiff compare --help` prints; `npm run docs:help` rewrites those blocks and a test checks them.
 */
import {commands} from '../src/cli/commands/index.js'
import {execute} from '../src/cli/execute.js'

/** One quoted help text: the command it quotes and where its text sits in the document. */
export interface HelpBlock {
  /** `wpdiff` for the top-level help, else the command name. */
  command: string
  /** The block's content, final newline included. */
  text: string
  /** Offsets of `text` in the document. */
  start: number
  end: number
}

const marker = /<!-- help: ([a-z-]+) -->\n/gu
const fence = /^```text\n([\s\S]*?)^```$/mu

/** Every marked help block of `markdown`, in order. A marker not followed by a `text` fence is a mistake in the document. */
export function findHelpBlocks(markdown: string, file = 'the document'): HelpBlock[] {
  const blocks: HelpBlock[] = []
  for (const match of markdown.matchAll(marker)) {
    const after = match.index + match[0].length
    const block = fence.exec(markdown.slice(after))
    if (block?.index !== 0) {
      throw new Error(`${file}: <!-- help: ${match[1]} --> must be followed directly by a \`\`\`text fence holding the help`)
    }
    const start = after + '```text\n'.length
    blocks.push({command: match[1]!, text: block[1]!, start, end: start + block[1]!.length})
  }
  return blocks
}

/** `markdown` with every marked help block replaced by `helpFor(command)`. */
export function rewriteHelpBlocks(markdown: string, helpFor: (command: string) => string, file?: string): string {
  let result = ''
  let done = 0
  for (const block of findHelpBlocks(markdown, file)) {
    result += markdown.slice(done, block.start) + helpFor(block.command)
    done = block.end
  }
  return result + markdown.slice(done)
}

/** The documents that quote help texts, relative to the repository. */
export const helpDocuments: readonly string[] = ['README.md', 'docs/cli.md']

/** Names a help block may quote: `wpdiff` and every command, in `wpdiff --help` order. */
export const helpNames: readonly string[] = ['wpdiff', ...commands.map((command) => command.name)]

/** What `wpdiff --help` (for `wpdiff`) or `wpdiff <command> --help` prints on stdout, run in-process. */
export async function printedHelp(command: string): Promise<string> {
  if (!helpNames.includes(command)) throw new Error(`no wpdiff command '${command}': a help marker names one of ${helpNames.join(', ')}`)
  let out = ''
  let err = ''
  const code = await execute(command === 'wpdiff' ? ['--help'] : [command, '--help'], {
    stdout: {write: (chunk: string | Uint8Array) => (out += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk))},
    stderr: {write: (chunk: string) => (err += chunk)},
    readStdin: async () => new Uint8Array(),
    env: {},
    cwd: process.cwd()
  })
  if (code !== 0) throw new Error(`wpdiff ${command} --help exited ${code}: ${err}`)
  return out
}
