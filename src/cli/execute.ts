import {InputError, UsageError} from '../model/errors.js'
import {commands} from './commands/index.js'
import type {Io} from './io.js'
import {version} from './version.js'

const topHelp = (): string => `Usage: wpdiff <command> [options]

Compare yearly editions of long policy documents: what changed since last year, as a report you
can send, and how the emphasis shifted over the years.

Commands:
${commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join('\n')}

Run \`wpdiff <command> --help\` for a command's options.
  -h, --help     this help
  --version      print the version

Exit status: 0 success; 1 (compare only) the editions differ; 2 trouble.`

/**
 * Run the command line `argv` (without `node` and the script) against `io` and return the exit
 * code. Every user-facing failure becomes one stderr line; a stack trace only with `--debug`.
 */
export async function execute(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  const debug = argv.includes('--debug')
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${topHelp()}\n`)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version}\n`)
    return 0
  }
  const entry = commands.find((candidate) => candidate.name === name)
  if (!entry) {
    io.stderr.write(`wpdiff: unknown command '${name}' — run \`wpdiff --help\`\n`)
    return 2
  }
  const command = await entry.load()
  // Every command answers --help the same way: its help on stdout, exit 0, whatever else is given.
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help}\n`)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`wpdiff ${command.name}: ${error.message} — run \`wpdiff ${command.name} --help\`\n`)
      return 2
    }
    if (error instanceof InputError) {
      const where = error.file ? `${error.file}: ` : ''
      io.stderr.write(`wpdiff: ${where}${error.message} — ${error.hint}\n`)
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`)
      return 2
    }
    const code = (error as NodeJS.ErrnoException | null)?.code
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EROFS' || code === 'EISDIR') {
      const target = (error as NodeJS.ErrnoException).path ?? ''
      io.stderr.write(`wpdiff: ${target}: ${(error as Error).message.split(',')[0]} — check the path and its permissions\n`)
      return 2
    }
    io.stderr.write(
      `wpdiff: internal error: ${(error as Error)?.message ?? String(error)} — this is a bug in wpdiff; please report it${debug ? '' : ' (run with --debug for details)'}\n`
    )
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`)
    return 2
  }
}
