import {parseArgs, type ParseArgsConfig} from 'node:util'
import {UsageError} from '../model/errors.js'

type OptionSpec = NonNullable<ParseArgsConfig['options']>

/** Flags every command takes. */
export const commonOptions = {
  help: {type: 'boolean', short: 'h'},
  quiet: {type: 'boolean', short: 'q'},
  verbose: {type: 'boolean'},
  debug: {type: 'boolean'}
} as const satisfies OptionSpec

/** Parse a command's arguments strictly; a bad flag is a `UsageError` pointing at `wpdiff <command> --help`. */
export function parseCommandArgs<const T extends OptionSpec>(
  command: string,
  args: string[],
  options: T
): ReturnType<typeof parseArgs<{args: string[]; options: typeof commonOptions & T; allowPositionals: true; strict: true}>> {
  try {
    return parseArgs({args, options: {...commonOptions, ...options}, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!.replace(/\.$/u, ''), command)
  }
}

/** A whole number option, or a `UsageError`. */
export function integerOption(command: string, name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^-?\d+$/u.test(value)) throw new UsageError(`--${name} takes a whole number, not '${value}'`, command)
  return Number(value)
}
