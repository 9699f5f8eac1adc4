import {open, readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import type {Edition, InputFormat} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import {excludeSections} from '../model/exclude-sections.js'
import {orderEditions} from '../model/order-editions.js'
import {readFrontMatter as readFrontMatterText} from '../ingest/from-markdown.js'
import {describeExtensions, formatOfExtension} from '../ingest/input-formats.js'
import {toThemes, type Theme} from '../trends/parse-themes.js'
import type {EditionCache} from './edition-cache.js'
import type {Io} from './io.js'
import {loadEdition} from './load-edition.js'
import {printMessages, type Verbosity} from './print-messages.js'
import {createProgress} from './progress.js'

// Notes that live beside the editions of a series folder.
const notes = /^(SOURCE|README|LICENSE|NOTICE|NOTES?|CHANGELOG|CHANGES|AUTHORS|CONTRIBUTING|COPYING|TODO)\./iu
const seriesFiles = ['series.yaml', 'series.yml']

/**
 * Whether a file of a series folder, by its name, is an edition in a readable format rather than a
 * note or a hidden file (`.draft.md`, an editor's or a killed run's temporary file). The one rule
 * of every command that reads a series folder (`report` then keeps the normalised ones).
 */
export function isEditionFile(name: string): boolean {
  if (name.startsWith('.')) return false
  const extension = /\.([A-Za-z0-9]+)$/u.exec(name)?.[1]
  return extension !== undefined && formatOfExtension(extension) !== undefined && !notes.test(name)
}

/** Options of {@link loadSeries}. */
export interface LoadSeriesOptions extends Verbosity {
  /** Input format of every file. Default: detected per file. */
  from?: InputFormat | undefined
  /** Password of the encrypted PDFs among them. Default: none. */
  password?: string | undefined
  /** Keep only editions in this language. Default: all, which must then share one language (unless `mixedLanguages`). */
  lang?: string | undefined
  /** What the editions are for, in the "needs two or more" error (`a history`, `trends`). */
  purpose: string
  /** Which edition files of a folder to read; the others are listed in `skipped`. Default: every one. */
  select?: ((file: string) => Promise<boolean>) | undefined
  /** Keep editions in several languages (the caller pairs each with its own). Default: false. */
  mixedLanguages?: boolean | undefined
  /** Fewest editions the caller can use; with 0 an empty folder is no error. Default: 2. */
  least?: number | undefined
  /** Read and parse the folder's series.yaml (into `series`). Default: false. */
  seriesFile?: boolean | undefined
  /** `--exclude` patterns; the folder's series.yaml `exclude:` list is added to them. Default: none. */
  exclude?: string[] | undefined
  /** The cache of ingested editions (see `edition-cache.ts`), opened by the caller when several calls share it. Default: none. */
  cache?: EditionCache | null | undefined
}

/** A series' `series.yaml` (or `series.yml`), read once. */
export interface SeriesFile {
  file: string
  /** Its top-level fields (`title`, `publisher`, `language`, …). */
  fields: Record<string, unknown>
  /** Its `themes`, checked (see `parseThemes`). */
  themes: Theme[]
  /** Its `exclude:` list of section patterns (see `excludeSections`). */
  exclude: string[]
}

/** A series read from the command line. */
export interface LoadedSeries {
  /** Oldest first (see `orderEditions`). */
  editions: Edition[]
  /** The folder's `series.yaml` or `series.yml`, when a folder was given and has one. */
  seriesYaml: string | null
  /** That file, parsed, when `seriesFile` asked for it. */
  series: SeriesFile | null
  /** Edition files of the folder that `select` turned down. */
  skipped: string[]
}

/**
 * Read the editions named on a command line: one series folder (its edition files, `SOURCE.md`
 * and other notes left out, and its `series.yaml`) or two or more files. They must share one
 * language (or `--lang` picks one, or the caller takes `mixedLanguages`) and be at least `least`.
 */
export async function loadSeries(positionals: string[], io: Io, options: LoadSeriesOptions): Promise<LoadedSeries> {
  const least = options.least ?? 2
  const {files, seriesYaml, originals} = await listEditionFiles(positionals, io.cwd, least)
  if (originals.length > 0) {
    const names = originals.map((file) => path.basename(file)).join(', ')
    const text = `read ${originals.length === 1 ? '1 original' : `${originals.length} originals`} through the normalised edition beside it, not twice: ${names}`
    printMessages(io, positionals[0]!, [{severity: 'info', code: 'original-beside-normalised', text}], options)
  }
  const series = seriesYaml && options.seriesFile ? await readSeriesFile(seriesYaml, io.cwd) : null
  const yamlExclude = series?.exclude ?? (seriesYaml ? await readExcludeOnly(seriesYaml, io, options) : [])
  let editions: Edition[] = []
  const fileOf = new Map<Edition, string>()
  const skipped: string[] = []
  const progress = createProgress(io, options)
  for (const [index, file] of files.entries()) {
    if (options.select && !(await options.select(file))) {
      skipped.push(file)
      continue
    }
    const reading = `reading ${file} (${index + 1}/${files.length})`
    progress.step(reading)
    const {edition, messages} = await loadEdition(
      file,
      io,
      {...(options.from ? {from: options.from} : {}), ...(options.password ? {password: options.password} : {})},
      options.cache ?? null,
      (taken, total) => progress.step(`${reading}: page ${taken} of ${total}`)
    ).finally(() => progress.clear())
    printMessages(io, file, messages, options)
    editions.push(edition)
    fileOf.set(edition, file)
  }
  const lang = options.lang?.toLowerCase()
  if (lang) editions = editions.filter((edition) => edition.language.toLowerCase() === lang)
  const languages = [...new Set(editions.map((edition) => edition.language))].sort()
  if (languages.length > 1 && !options.mixedLanguages) {
    throw new InputError(`the editions are in several languages (${languages.join(', ')})`, {
      file: positionals.length === 1 ? positionals[0]! : null,
      hint: 'choose one with --lang'
    })
  }
  refuseDuplicateLabels(editions, fileOf)
  if (editions.length < least) {
    throw new InputError(`${options.purpose} needs ${least === 2 ? 'two' : least} or more editions, found ${editions.length}`, {
      file: positionals[0] ?? null,
      hint: 'give more editions (or check --lang)'
    })
  }
  const kept = excludeSections(editions, [...(options.exclude ?? []), ...yamlExclude])
  printMessages(io, positionals.join(' '), kept.messages, options)
  return {editions: orderEditions(kept.editions), seriesYaml, series, skipped}
}

/**
 * The edition files of a series folder (or the files as given), the folder's series.yaml, and the
 * originals left out because a normalised edition beside them stands for them.
 */
async function listEditionFiles(
  positionals: string[],
  cwd: string,
  least: number
): Promise<{files: string[]; seriesYaml: string | null; originals: string[]}> {
  if (positionals.length !== 1) return {files: positionals, seriesYaml: null, originals: []}
  const folder = positionals[0]!
  const full = path.resolve(cwd, folder)
  const info = await stat(full).catch(() => null)
  if (!info?.isDirectory()) return {files: positionals, seriesYaml: null, originals: []}
  const names = (await readdir(full)).sort()
  const editions = names.filter(isEditionFile)
  if (editions.length === 0 && least > 0)
    throw new InputError('holds no edition files', {file: folder, hint: `put ${describeExtensions(true)} editions in it`})
  const originals = await originalsOfNormalised(full, editions)
  const yaml = names.find((name) => seriesFiles.includes(name))
  return {
    files: editions.filter((name) => !originals.has(name)).map((name) => path.join(folder, name)),
    seriesYaml: yaml ? path.join(folder, yaml) : null,
    originals: [...originals].sort().map((name) => path.join(folder, name))
  }
}

const stemOf = (name: string) => name.replace(/\.[A-Za-z0-9]+$/u, '')

// The front matter of a normalised edition, its printed contents included, fits in this many bytes.
const frontMatterBytes = 256 * 1024

/** The front matter a file opens with; none when it cannot be opened (reading it as an edition then says why, naming it). */
async function readFrontMatter(file: string): Promise<Record<string, unknown>> {
  const handle = await open(file, 'r').catch(() => null)
  if (!handle) return {}
  const head = await handle
    .read(Buffer.alloc(frontMatterBytes), 0, frontMatterBytes, 0)
    .catch(() => null)
    .finally(() => handle.close())
  return head ? frontMatterOf(new Uint8Array(head.buffer.subarray(0, head.bytesRead))) : {}
}

/**
 * The originals in a series folder that a normalised edition beside them stands for: same name but
 * the extension (2023.pdf beside 2023.md), or the file its front matter's `source:` names. Reading
 * both would make one edition twice.
 */
async function originalsOfNormalised(folder: string, names: readonly string[]): Promise<Set<string>> {
  const originals = new Set<string>()
  const markdown = names.filter((name) => formatOfExtension(/\.([A-Za-z0-9]+)$/u.exec(name)?.[1] ?? '') === 'md')
  for (const name of markdown) {
    const front = await readFrontMatter(path.join(folder, name))
    // Markdown without front matter is an edition in its own right, not a normalised one.
    if (Object.keys(front).length === 0) continue
    const source = front.source && typeof front.source === 'object' ? (front.source as Record<string, unknown>).file : undefined
    for (const other of names) {
      if (other !== name && !markdown.includes(other) && (other === source || stemOf(other) === stemOf(name))) originals.add(other)
    }
  }
  return originals
}

/**
 * The exclude: list of a series.yaml read by a command that has no use for the rest: every command
 * honours it, but YAML it cannot parse is a warning there, not a failure.
 */
async function readExcludeOnly(file: string, io: Io, verbosity: Verbosity): Promise<string[]> {
  let data: unknown
  try {
    data = await parseSeriesYaml(file, io.cwd)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    const text = `${error.message}; its exclude: list is not used — ${error.hint}`
    printMessages(io, file, [{severity: 'warning', code: 'series-file-unreadable', text}], verbosity)
    return []
  }
  return toExcludeList(toFields(data).exclude, file)
}

async function parseSeriesYaml(file: string, cwd: string): Promise<unknown> {
  try {
    return parseYaml(await readFile(path.resolve(cwd, file), 'utf8'))
  } catch (error) {
    throw new InputError(`${path.basename(file)} does not parse: ${(error as Error).message.split('\n')[0]}`, {
      file,
      hint: 'fix the YAML (title, publisher, language, themes, exclude)'
    })
  }
}

function toFields(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
}

/** Parse a series.yaml once: its fields, its themes and its exclude: list. */
async function readSeriesFile(file: string, cwd: string): Promise<SeriesFile> {
  const data = await parseSeriesYaml(file, cwd)
  const fields = toFields(data)
  return {file, fields, themes: toThemes(data, file), exclude: toExcludeList(fields.exclude, file)}
}

/** A series.yaml `exclude:` value: absent, or a list of non-empty patterns. */
function toExcludeList(value: unknown, file: string): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some((pattern) => typeof pattern !== 'string' || pattern.trim() === '')) {
    throw new InputError('exclude: must be a list of section patterns', {
      file,
      hint: 'write one heading pattern per line, as "- Acknowledg*"'
    })
  }
  return value as string[]
}

/**
 * Two editions of one language with one label would be two pages of one name (`2020-to-2020.html`)
 * and two columns no reader can tell apart: refuse them, naming both files.
 */
function refuseDuplicateLabels(editions: readonly Edition[], fileOf: ReadonlyMap<Edition, string>): void {
  const seen = new Map<string, Edition>()
  for (const edition of editions) {
    const key = `${edition.language.toLowerCase()}\u0000${edition.edition}`
    const first = seen.get(key)
    if (first) {
      throw new InputError(`${fileOf.get(first)} and ${fileOf.get(edition)} are both edition "${edition.edition}"`, {
        file: fileOf.get(edition) ?? null,
        hint: 'give each edition its own label (the `edition:` field of its front matter, or its file name)'
      })
    }
    seen.set(key, edition)
  }
}

/** The fields of the YAML front matter the bytes open with, or none (it is read again, in full, by ingest). */
export function frontMatterOf(bytes: Uint8Array): Record<string, unknown> {
  if (bytes[0] !== 0x2d || bytes[1] !== 0x2d || bytes[2] !== 0x2d) return {}
  return readFrontMatterText(new TextDecoder().decode(bytes.subarray(0, frontMatterOfBytes)))?.value ?? {}
}

// Front matter is a few hundred bytes; a normalised edition's printed contents can make it some kilobytes.
const frontMatterOfBytes = 1024 * 1024
