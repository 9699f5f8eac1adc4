import {parseArgs, type ParseArgsConfig} from 'node:util'
import {UsageError} from '../model/errors.js'
import type {CacheSettings} from './edition-cache.js'

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
    throw new UsageError(describeParseError(error as Error & {code?: string}, args), command)
  }
}

/**
 * Node's parseArgs messages, in our words: its unknown-option text ends with advice about `--`
 * that only confuses someone who mistyped a flag.
 */
function describeParseError(error: Error & {code?: string}, args: readonly string[]): string {
  const message = error.message.split('\n')[0] ?? ''
  const unknown = /^Unknown option '([^']+)'/u.exec(message)
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    // `-2019.md` is read as the flags -2, -0…: name the whole word, and say how to give it as a file.
    const word = args.find((arg) => arg.startsWith(unknown[1]!) && arg !== unknown[1] && /[./\\]/u.test(arg))
    if (!unknown[1]!.startsWith('--') && word !== undefined) {
      return `unknown option '${unknown[1]}' in '${word}' (a file whose name starts with -? write ./${word}, or put -- before it)`
    }
    return `unknown option '${unknown[1]}'`
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/u.exec(message)
  if (missing) return `${missing[1]} needs a value`
  // `--top -1`: a value starting with - is taken for a flag unless joined with =.
  const ambiguous = /^Option '(-\w|--[\w-]+)' argument is ambiguous/u.exec(message)
  if (ambiguous) {
    const long = /use '(--[\w-]+)=/u.exec(error.message)?.[1] ?? ambiguous[1]
    return `${ambiguous[1]} needs a value; one starting with - is written ${long}=-…`
  }
  const extra = /^Option '(--[\w-]+)' does not take an argument/u.exec(message)
  if (extra) return `${extra[1]} takes no value`
  return message.replace(/\.$/u, '')
}

/** A whole number option, or a `UsageError`. */
export function integerOption(command: string, name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^-?\d+$/u.test(value)) throw new UsageError(`--${name} takes a whole number, not '${value}'`, command)
  return Number(value)
}

/** `--exclude <pattern>`, repeatable: sections to leave out (see `excludeSections`). */
export const excludeOption = {exclude: {type: 'string', multiple: true}} as const satisfies OptionSpec

/** The `--exclude` patterns given, checked: an empty one would name nothing and hide a typo. */
export function excludePatterns(command: string, values: string[] | undefined): string[] {
  const patterns = values ?? []
  if (patterns.some((pattern) => pattern.trim() === ''))
    throw new UsageError('--exclude needs a pattern (a heading, with * and ?)', command)
  return patterns
}

/** `--cache-dir DIR` and `--no-cache`: where ingested editions are kept between runs (see `edition-cache.ts`). */
export const cacheOptions = {'cache-dir': {type: 'string'}, 'no-cache': {type: 'boolean'}} as const satisfies OptionSpec

/** The cache settings given, checked. */
export function cacheSettings(
  command: string,
  values: {'cache-dir'?: string | undefined; 'no-cache'?: boolean | undefined}
): CacheSettings {
  if (values['cache-dir'] !== undefined && values['cache-dir'].trim() === '') throw new UsageError('--cache-dir needs a folder', command)
  if (values['cache-dir'] !== undefined && values['no-cache']) throw new UsageError('give --cache-dir or --no-cache, not both', command)
  return {cacheDir: values['cache-dir'], noCache: values['no-cache'] === true}
}
