import {createHash} from 'node:crypto'
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {formatOfExtension} from '../ingest/input-formats.js'
import {ingestEdition, type IngestOptions, type IngestResult} from '../ingest/ingest-edition.js'
import {InputError} from '../model/errors.js'
import {toNormalizedMarkdown} from '../normalize/to-normalized-markdown.js'
import type {EditionCache} from './edition-cache.js'
import {cacheKey} from './edition-cache.js'
import type {Io} from './io.js'
import {nameParts, shortTitle, yearOnCover} from './name-edition.js'
import {version} from './version.js'

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
  const format = options.from ?? (extension ? formatOfExtension(extension) : undefined)
  const cacheable = cache !== null && file !== '-' && format !== 'md' && options.password === undefined
  if (!cacheable) return finish(await ingestEdition(bytes, ingestOptions), options, front)
  const parent = file.split(/[\\/]/u).slice(-2, -1)[0] ?? ''
  const {file: _file, password: _password, ...given} = ingestOptions
  const key = cacheKey(createHash('sha256').update(bytes).digest('hex'), {...given, base: path.basename(file), parent, format})
  const hit = await cache.get(key)
  if (hit) {
    // The stored Markdown is the canonical form ingest rereads every format from: the same edition.
    const {edition} = await ingestEdition(new TextEncoder().encode(hit.markdown), {...ingestOptions, from: 'md'})
    return {edition, messages: hit.messages}
  }
  const result = finish(await ingestEdition(bytes, ingestOptions), options, front)
  await cache.put(key, {markdown: toNormalizedMarkdown(result.edition, {generator: `wpdiff ${version}`}), messages: result.messages})
  return result
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

/** The year from the cover where nothing else gave one, and a title short enough for a page heading. */
function finish(result: IngestResult, options: Omit<IngestOptions, 'file'>, front: Record<string, unknown>): IngestResult {
  const edition = result.edition
  if (edition.year === null && options.year === undefined && !('year' in front)) edition.year = yearOnCover(edition)
  if (options.title === undefined) edition.title = shortTitle(edition.title, edition)
  return result
}

/** The fields of the YAML front matter the bytes open with, or none (it is read again, in full, by ingest). */
export function frontMatterOf(bytes: Uint8Array): Record<string, unknown> {
  if (bytes[0] !== 0x2d || bytes[1] !== 0x2d || bytes[2] !== 0x2d) return {}
  const head = new TextDecoder().decode(bytes.subarray(0, frontMatterBytes))
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/u.exec(head)
  if (!match) return {}
  try {
    const value: unknown = parseYaml(match[1]!)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
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
