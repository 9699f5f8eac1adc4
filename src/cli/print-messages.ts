import type {Message} from '../model/edition.js'
import type {Io} from './io.js'

/** How chatty the CLI is: `--quiet` hides warnings, `--verbose` adds info messages. */
export interface Verbosity {
  quiet?: boolean | undefined
  verbose?: boolean | undefined
}

/** Print a stage's messages to stderr, one line each: `wpdiff: file:line: warning: text`. */
export function printMessages(io: Io, file: string, messages: readonly Message[], verbosity: Verbosity): void {
  if (verbosity.quiet) return
  for (const message of messages) {
    if (message.severity === 'info' && !verbosity.verbose) continue
    const where = message.line ? `${file}:${message.line}` : message.page ? `${file} p. ${message.page}` : file
    io.stderr.write(`wpdiff: ${where}: ${message.severity}: ${message.text}\n`)
  }
}
