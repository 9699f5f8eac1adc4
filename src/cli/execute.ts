import {InputError, UsageError} from '../model/errors.js'
import {commands} from './commands/index.js'
import type {Io} from './io.js'
import {version} from './version.js'
import {StagedWriteError} from './write-atomic.js'

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
  } catch (thrown) {
    // A failure amid writing several files is told as the failure it met, with what it left of them.
    const left = thrown instanceof StagedWriteError ? `; ${thrown.left}` : ''
    const error = thrown instanceof StagedWriteError ? thrown.reason : thrown
    if (error instanceof UsageError) {
      io.stderr.write(`wpdiff ${command.name}: ${error.message} — run \`wpdiff ${command.name} --help\`\n`)
      return 2
    }
    if (error instanceof InputError) {
      const where = error.file ? `${error.file}: ` : ''
      io.stderr.write(`wpdiff: ${where}${error.message}${left} — ${error.hint}\n`)
      if (debug && error.stack) io.stderr.write(`${plainStack(error.stack, io)}\n`)
      return 2
    }
    const code = (error as NodeJS.ErrnoException | null)?.code
    const plain = code ? fileSystemErrors[code] : undefined
    if (plain) {
      const target = (error as NodeJS.ErrnoException).path
      io.stderr.write(`wpdiff: ${target ? `${target}: ` : ''}${plain[0]}${left} — ${plain[1]}\n`)
      if (debug && error instanceof Error && error.stack) io.stderr.write(`${plainStack(error.stack, io)}\n`)
      return 2
    }
    io.stderr.write(
      `wpdiff: internal error: ${(error as Error)?.message ?? String(error)}${left} — this is a bug in wpdiff; please report it${debug ? '' : ' (run with --debug for details)'}\n`
    )
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${plainStack(error.stack, io)}\n`)
    return 2
  }
}

/** What a file system error means for the user, and what to do: one line, not a bug report. */
const fileSystemErrors: Record<string, [string, string]> = {
  EACCES: ['permission denied', 'check the path and its permissions'],
  EPERM: ['operation not permitted', 'check the path and its permissions'],
  EROFS: ['the file system is read-only', 'choose another place to write'],
  ENOSPC: ['no space left on the device', 'free some space, or choose another place to write'],
  EDQUOT: ['the disk quota is used up', 'free some space, or choose another place to write'],
  EISDIR: ['is a folder, not a file', 'name a file'],
  ENOTDIR: ['part of the path is a file, not a folder', 'check the path'],
  EEXIST: ['already exists', 'choose another path, or remove it first'],
  ELOOP: ['a loop of symbolic links', 'fix or remove the link'],
  ENAMETOOLONG: ['the file name is too long', 'choose a shorter path'],
  ENOENT: ['no such file or folder', 'check the path'],
  EMFILE: ['too many open files', 'raise the limit (ulimit -n) or give fewer files'],
  EIO: ['input/output error', 'check the disk']
}

// Libraries colour their stack frames (unist's visitors name nodes in yellow); a file or pipe gets plain text.
function plainStack(stack: string, io: Io): string {
  return io.stderr.isTTY ? stack : stack.replace(/\u001b\[[0-9;]*m/gu, '')
}
