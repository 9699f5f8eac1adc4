/**
 * User-facing failures. Stages throw these for bad input; the CLI maps every one of them to exit
 * code 2 and a single stderr line `wpdiff: <file>: <message> — <hint>`. Anything else that is thrown
 * is a bug in wpdiff.
 */
export class InputError extends Error {
  override name = 'InputError'
  /** The file the problem is in (as the user named it), or null when it is not about one file. */
  file: string | null
  /** What the user can do about it, one short clause. */
  hint: string

  constructor(message: string, options: {file?: string | null; hint: string}) {
    super(message)
    this.file = options.file ?? null
    this.hint = options.hint
  }
}

/** A PDF that cannot be read (encrypted, corrupt, no text layer). */
export class PdfError extends InputError {
  override name = 'PdfError'
}

/** A command line that does not parse. */
export class UsageError extends Error {
  override name = 'UsageError'
  /** The subcommand whose `--help` to point at, or null for the top level. */
  command: string | null

  constructor(message: string, command: string | null) {
    super(message)
    this.command = command
  }
}
