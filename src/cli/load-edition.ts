import {createHash} from 'node:crypto'
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
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
 * Read a file (or stdin for `-`) and ingest it, naming it by the rules of `name-edition.ts` where
 * its front matter and the command line are silent. With a cache, an edition in any format but
 * Markdown is read from there when its bytes were read before (and stored there when not); editions
 * opened with a password never are, as their text would then lie unencrypted on disk. Missing files,
 * folders and oversized inputs are `InputError`s naming the file.
 */
export async function loadEdition(
  file: string,
  io: Io,
  options: Omit<IngestOptions, 'file'> = {},
  cache: EditionCache | null = null
): Promise<IngestResult> {
  const bytes = await readInput(file, io)
  // `wpdiff outline 2019.txt` inside editions/<series>/ still knows its series.
  const folder = file === '-' ? undefined : path.basename(path.dirname(path.resolve(io.cwd, file)))
  const front = frontMatterOf(bytes)
  const named = file === '-' ? options : withNameDefaults(file, options, front)
  const ingestOptions: IngestOptions = {...(folder ? {folder} : {}), ...named, file}
  const extension = /\.([A-Za-z0-9]+)$/u.exec(file)?.[1]
  const format = options.from ?? (file === '-' ? 'md' : extension ? formatOfExtension(extension) : undefined)
  if (format === 'md') return finish(await ingestEdition(bytes, ingestOptions), options, front).result
  // Every other format is read back from its normalised Markdown, the form the cache keeps.
  const useCache = cache !== null && file !== '-' && options.password === undefined
  const parent = file.split(/[\\/]/u).slice(-2, -1)[0] ?? ''
  const {file: _file, password: _password, ...given} = ingestOptions
  const key = useCache
    ? cacheKey(createHash('sha256').update(bytes).digest('hex'), {...given, base: path.basename(file), parent, format})
    : ''
  const hit = useCache ? await cache.get(key) : null
  if (hit) return {edition: await fromCanonical(hit.markdown, ingestOptions), messages: hit.messages}
  const {result, changed} = finish(await ingestEdition(bytes, ingestOptions), options, front)
  // Written as ingest writes the canonical form it rereads (generator and all), so the source
  // positions of blocks read back from the cache are those of a fresh reading.
  if (!useCache && !changed) return result
  const markdown = toNormalizedMarkdown(result.edition, {generator: 'wpdiff'})
  if (useCache) await cache.put(key, {markdown, messages: result.messages})
  // A title or year set here moves what follows it in that form: read it back, so the edition is
  // the same with the cache, without it, and from it.
  return changed ? {edition: await fromCanonical(markdown, ingestOptions), messages: result.messages} : result
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
