import type {Io} from './io.js'

/** One `wpdiff` subcommand; its one-line summary lives in `commands/index.ts`, which loads it. */
export interface Command {
  name: string
  /** The full `wpdiff <name> --help` text (usage, options, exit status); `execute` prints it. */
  help: string
  /**
   * Run with the arguments after the command name. Returns the exit code. Throws `InputError` for
   * bad input and `UsageError` for a bad command line; `execute` turns both into one stderr line.
   */
  run(args: string[], io: Io): Promise<number>
}
