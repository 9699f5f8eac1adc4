import {createHash} from 'node:crypto'
import {open, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {formatOfExtension} from '../ingest/input-formats.js'
import type {IngestOptions, IngestResult} from '../ingest/ingest-edition.js'
import type {Edition} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import type {EditionCache} from './edition-cache.js'
import {cacheKey} from './edition-cache.js'
import type {Io} from './io.js'

/**
 * The ingest stage and its writer, loaded on first use: an edition read from the cache needs none
 * of their parsers (some 200 modules, a megabyte bundled), which would cost a cached `compare`
 * about a tenth of its CPU to load.
 */
const ingestStage = async () => (await import('../ingest/ingest-edition.js')).ingestEdition
const normalizedWriter = async () => (await import('../normalize/to-normalized-markdown.js')).toNormalizedMarkdown

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
  /** The options ingest is called with: the command line's, naming the edition by wpdiff's rules. */
  ingest: IngestOptions
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
  cache: EditionCache | null = null,
  onPage?: IngestOptions['onPage']
): Promise<IngestResult> {
  const planned = planEdition(file, await readInput(file, io), io, options, cache)
  return (await cachedEdition(planned, cache)) ?? (await ingestPlanned(planned, cache, undefined, onPage))
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
  const ingest: IngestOptions = {...(folder ? {folder} : {}), ...options, nameByRules: true, file}
  const extension = /\.([A-Za-z0-9]+)$/u.exec(file)?.[1]
  const format = options.from ?? (file === '-' ? 'md' : extension ? formatOfExtension(extension) : undefined)
  const useCache =
    cache !== null && file !== '-' && options.password === undefined && (format !== 'md' || bytes.length >= minParsedCacheBytes)
  const parent = file.split(/[\\/]/u).slice(-2, -1)[0] ?? ''
  const {file: _file, password: _password, nameByRules: _nameByRules, onPage: _onPage, ...fields} = ingest
  const key = useCache
    ? cacheKey(createHash('sha256').update(bytes).digest('hex'), {
        ...fields,
        // The label, language, year and title are decided by these rules from the name below.
        naming: 'name-edition',
        base: path.basename(file),
        parent,
        format,
        // A parsed entry is V8's serialisation, which only the V8 that wrote it is sure to read.
        ...(format === 'md' ? {v8: process.versions.v8} : {})
      })
    : ''
  return {file, bytes, format, ingest, key}
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
 * `onPage` hears of a PDF's pages as they are read; it is no part of the plan, which a worker thread
 * is sent and the cache key is made of.
 */
export async function ingestPlanned(
  planned: PlannedEdition,
  cache: EditionCache | null,
  serialized?: Uint8Array,
  onPage?: IngestOptions['onPage']
): Promise<IngestResult> {
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
  const result = await (await ingestStage())(planned.bytes, onPage ? {...planned.ingest, onPage} : planned.ingest)
  // Written as ingest writes the canonical form it rereads (generator and all), so the source
  // positions of blocks read back from the cache are those of a fresh reading.
  if (key) await cache!.put(key, {markdown: (await normalizedWriter())(result.edition, {generator: 'wpdiff'}), messages: result.messages})
  return result
}

/** A planned Markdown edition read as ingest reads it: what a worker thread does, and the main one. */
export async function readMarkdown(planned: Pick<PlannedEdition, 'bytes' | 'ingest'>): Promise<IngestResult> {
  return (await ingestStage())(planned.bytes, planned.ingest)
}

/** The edition of a canonical (normalised) Markdown form, read as ingest rereads it. */
async function fromCanonical(markdown: string, options: IngestOptions): Promise<Edition> {
  return (await (await ingestStage())(new TextEncoder().encode(markdown), {...options, from: 'md'})).edition
}

/**
 * The bytes of a file named on the command line, or of stdin for `-`, refused past
 * {@link maxInputBytes}: a regular file by its size, anything else (stdin, a device such as
 * /dev/zero, a FIFO, which all say size 0) as it is read, so an endless one stops there.
 */
export async function readInput(file: string, io: Io): Promise<Uint8Array> {
  if (file === '-') return withinLimit(await io.readStdin(maxInputBytes), file)
  const full = path.resolve(io.cwd, file)
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ELOOP') throw new InputError('a loop of symbolic links', {file, hint: 'fix or remove the link'})
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null
    throw error
  })
  // Node reads a name that is not UTF-8 (from argv or a folder) with U+FFFD in place of its bytes, and no such name exists.
  if (!info && file.includes('\uFFFD'))
    throw new InputError('its name is not valid UTF-8, and wpdiff can only open files by UTF-8 names', {
      file,
      hint: 'rename it in UTF-8 (e.g. convmv -f latin1 -t utf8 --notest)'
    })
  if (!info) throw new InputError('no such file', {file, hint: 'check the path'})
  if (info.isDirectory()) throw new InputError('is a folder, not a file', {file, hint: 'name one edition file'})
  if (info.size > maxInputBytes) {
    throw new InputError(`too large (${Math.round(info.size / 1048576)} MB; the limit is ${maxInputBytes / 1048576} MB)`, {
      file,
      hint: 'split the edition into parts'
    })
  }
  if (info.isFile() && info.size > 0) return new Uint8Array(await readFile(full))
  return readBounded(full, file)
}

function tooLarge(file: string): InputError {
  return new InputError(`too large (more than ${maxInputBytes / 1048576} MB)`, {file, hint: 'split the edition into parts'})
}

/** `bytes`, unless they number more than {@link maxInputBytes}. */
function withinLimit(bytes: Uint8Array, file: string): Uint8Array {
  if (bytes.length <= maxInputBytes) return bytes
  throw tooLarge(file)
}

/** A file whose size is not known before it is read, a chunk at a time, refused once past {@link maxInputBytes}. */
async function readBounded(full: string, file: string): Promise<Uint8Array> {
  const handle = await open(full, 'r')
  try {
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const chunk = new Uint8Array(1 << 20)
      const {bytesRead} = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > maxInputBytes) throw tooLarge(file)
    }
    return Buffer.concat(chunks)
  } finally {
    await handle.close()
  }
}
