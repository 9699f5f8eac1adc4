import {createHash} from 'node:crypto'
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {readFrontMatter} from '../ingest/from-markdown.js'
import {formatOfExtension} from '../ingest/input-formats.js'
import {ingestEdition, type IngestOptions, type IngestResult} from '../ingest/ingest-edition.js'
import type {Edition} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import {toNormalizedMarkdown} from '../normalize/to-normalized-markdown.js'
import type {EditionCache} from './edition-cache.js'
import {cacheKey} from './edition-cache.js'
import type {Io} from './io.js'
import {nameParts, shortTitle, yearOnCover} from './name-edition.js'

/** Inputs larger than this are refused rather than read into memory. */
export const maxInputBytes = 256 * 1024 * 1024

/**
 * Markdown at least this large is kept in the cache as the edition it parses to. Below it the parse
 * takes some tens of milliseconds (about 0.8 s a megabyte here): not worth a file in the cache.
 */
export const minParsedCacheBytes = 64 * 1024

/**
 * What loading one edition takes, decided before any parsing: its bytes, how it is named, its
 * format and its cache key (empty when the cache is not used for it).
 */
export interface PlannedEdition {
  file: string
  bytes: Uint8Array
  format: string | undefined
  /** The options ingest is called with (the command line's, with the name's defaults). */
  ingest: IngestOptions
  /** The command line's options, which decide what `finish` may change. */
  given: Omit<IngestOptions, 'file'>
  /** The fields of the leading front matter. */
  front: Record<string, unknown>
  key: string
}

/**
 * Read a file (or stdin for `-`) and ingest it, naming it by the rules of `name-edition.ts` where
 * its front matter and the command line are silent. With a cache, an edition in any format but
 * Markdown is read from there when its bytes were read before (and stored there when not); editions
 * opened with a password never are, as their text would then lie unencrypted on disk. A large
 * Markdown edition is kept there as the edition it parses to. Missing files, folders and oversized
 * inputs are `InputError`s naming the file.
 */
export async function loadEdition(
  file: string,
  io: Io,
  options: Omit<IngestOptions, 'file'> = {},
  cache: EditionCache | null = null
): Promise<IngestResult> {
  const planned = planEdition(file, await readInput(file, io), io, options, cache)
  return (await cachedEdition(planned, cache)) ?? (await ingestPlanned(planned, cache))
}

/** How to load the edition `bytes` of `file` holds (see {@link PlannedEdition}). */
export function planEdition(
  file: string,
  bytes: Uint8Array,
  io: Io,
  options: Omit<IngestOptions, 'file'>,
  cache: EditionCache | null
): PlannedEdition {
  // `wpdiff outline 2019.txt` inside editions/<series>/ still knows its series.
  const folder = file === '-' ? undefined : path.basename(path.dirname(path.resolve(io.cwd, file)))
  const front = frontMatterOf(bytes)
  const named = file === '-' ? options : withNameDefaults(file, options, front)
  const ingest: IngestOptions = {...(folder ? {folder} : {}), ...named, file}
  const extension = /\.([A-Za-z0-9]+)$/u.exec(file)?.[1]
  const format = options.from ?? (file === '-' ? 'md' : extension ? formatOfExtension(extension) : undefined)
  const useCache =
    cache !== null && file !== '-' && options.password === undefined && (format !== 'md' || bytes.length >= minParsedCacheBytes)
  const parent = file.split(/[\\/]/u).slice(-2, -1)[0] ?? ''
  const {file: _file, password: _password, ...fields} = ingest
  const key = useCache
    ? cacheKey(createHash('sha256').update(bytes).digest('hex'), {
        ...fields,
        base: path.basename(file),
        parent,
        format,
        // A parsed entry is V8's serialisation, which only the V8 that wrote it is sure to read.
        ...(format === 'md' ? {v8: process.versions.v8} : {})
      })
    : ''
  return {file, bytes, format, ingest, given: options, front, key}
}

/** The edition from the cache, when the plan has a key and the cache an entry for it. */
export async function cachedEdition(planned: PlannedEdition, cache: EditionCache | null): Promise<IngestResult | null> {
  if (cache === null || planned.key === '') return null
  if (planned.format === 'md') return cache.getParsed(planned.key)
  const hit = await cache.get(planned.key)
  return hit ? {edition: await fromCanonical(hit.markdown, planned.ingest), messages: hit.messages} : null
}

/**
 * Ingest a planned edition and store it in the cache where the plan has a key. `serialized` is
 * the Markdown edition already read and serialised elsewhere (a worker thread): only stored.
 */
export async function ingestPlanned(planned: PlannedEdition, cache: EditionCache | null, serialized?: Uint8Array): Promise<IngestResult> {
  const key = cache !== null ? planned.key : ''
  if (planned.format === 'md') {
    if (serialized) {
      if (key) await cache!.putParsed(key, serialized)
      return deserialize(serialized) as IngestResult
    }
    const result = await readMarkdown(planned)
    if (key) await cache!.putParsed(key, serialize(result))
    return result
  }
  const {ingest, given, front} = planned
  const {result, changed} = finish(await ingestEdition(planned.bytes, ingest), given, front)
  // Written as ingest writes the canonical form it rereads (generator and all), so the source
  // positions of blocks read back from the cache are those of a fresh reading.
  if (!key && !changed) return result
  const markdown = toNormalizedMarkdown(result.edition, {generator: 'wpdiff'})
  if (key) await cache!.put(key, {markdown, messages: result.messages})
  // A title or year set here moves what follows it in that form: read it back, so the edition is
  // the same with the cache, without it, and from it.
  return changed ? {edition: await fromCanonical(markdown, ingest), messages: result.messages} : result
}

/** A planned Markdown edition read as ingest reads it: what a worker thread does, and the main one. */
export async function readMarkdown(planned: Pick<PlannedEdition, 'bytes' | 'ingest' | 'given' | 'front'>): Promise<IngestResult> {
  return finish(await ingestEdition(planned.bytes, planned.ingest), planned.given, planned.front).result
}

/** The edition of a canonical (normalised) Markdown form, read as ingest rereads it. */
async function fromCanonical(markdown: string, options: IngestOptions): Promise<Edition> {
  return (await ingestEdition(new TextEncoder().encode(markdown), {...options, from: 'md'})).edition
}

/** The label (and a language tag after `_` or `-`) a file's name gives, where front matter and options give none. */
function withNameDefaults(file: string, options: Omit<IngestOptions, 'file'>, front: Record<string, unknown>): Omit<IngestOptions, 'file'> {
  const parts = nameParts(file)
  const stem = path.basename(file).replace(/\.[A-Za-z0-9]+$/u, '')
  const named = {...options}
  if (named.edition === undefined && front.edition === undefined) named.edition = parts.label
  // A tag after a dot ingest reads itself, below `<html lang>`; only the other spellings need saying.
  if (named.language === undefined && front.language === undefined && parts.language && !stem.endsWith(`.${parts.language}`))
    named.language = parts.language
  return named
}

/** The year from the cover where nothing else gave one, and a title short enough for a page heading; `changed` when either moved. */
function finish(
  result: IngestResult,
  options: Omit<IngestOptions, 'file'>,
  front: Record<string, unknown>
): {result: IngestResult; changed: boolean} {
  const edition = result.edition
  const {year, title} = edition
  if (edition.year === null && options.year === undefined && !('year' in front)) edition.year = yearOnCover(edition)
  if (options.title === undefined) edition.title = shortTitle(edition.title, edition)
  return {result, changed: edition.year !== year || edition.title !== title}
}

/** The fields of the YAML front matter the bytes open with, or none (it is read again, in full, by ingest). */
export function frontMatterOf(bytes: Uint8Array): Record<string, unknown> {
  if (bytes[0] !== 0x2d || bytes[1] !== 0x2d || bytes[2] !== 0x2d) return {}
  return readFrontMatter(new TextDecoder().decode(bytes.subarray(0, frontMatterBytes)))?.value ?? {}
}

// Front matter is a few hundred bytes; a normalised edition's printed contents can make it some kilobytes.
const frontMatterBytes = 1024 * 1024

/** The bytes of a file named on the command line, or of stdin for `-`. */
export async function readInput(file: string, io: Io): Promise<Uint8Array> {
  if (file === '-') return io.readStdin()
  const full = path.resolve(io.cwd, file)
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ELOOP') throw new InputError('a loop of symbolic links', {file, hint: 'fix or remove the link'})
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null
    throw error
  })
  if (!info) throw new InputError('no such file', {file, hint: 'check the path'})
  if (info.isDirectory()) throw new InputError('is a folder, not a file', {file, hint: 'name one edition file'})
  if (info.size > maxInputBytes) {
    throw new InputError(`too large (${Math.round(info.size / 1048576)} MB; the limit is ${maxInputBytes / 1048576} MB)`, {
      file,
      hint: 'split the edition into parts'
    })
  }
  return new Uint8Array(await readFile(full))
}
