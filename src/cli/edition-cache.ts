import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {deserialize} from 'node:v8'
import type {IngestResult} from '../ingest/ingest-edition.js'
import type {Message} from '../model/edition.js'
import type {Io} from './io.js'
import {printMessages, type Verbosity} from './print-messages.js'
import {codeStamp, version} from './version.js'
import {writeAtomic} from './write-atomic.js'

/**
 * The cache of ingested editions: a PDF, Word or HTML edition read once is kept as its normalised
 * Markdown (the canonical form every format is reread from) with the warnings its reading gave, so
 * the next `report`, `trends`, `history` or `compare` on the same bytes skips the reading. One JSON
 * file per entry, named by the hash of its key; an entry is trusted only when the hash of its value,
 * stored beside it, still matches.
 *
 * A large Markdown edition is its own canonical form, but parsing it is most of what `compare`
 * does with it: the edition it yields is kept too, as V8's serialisation (`v8.serialize`, read back
 * in milliseconds), in a folder of its own.
 */

/** Where the cache lives and whether it is used, as the command line chose. */
export interface CacheSettings {
  /** `--cache-dir`. Default: `$WPDIFF_CACHE_DIR`, else `$XDG_CACHE_HOME/wpdiff`, else `~/.cache/wpdiff`. */
  cacheDir?: string | undefined
  /** `--no-cache`: neither read nor write. Default: false. */
  noCache?: boolean | undefined
}

/** What a cache entry holds: what a fresh ingest would return, in its canonical form. */
export interface CachedEdition {
  /** The normalised Markdown of the edition (`wpdiff ingest` output). */
  markdown: string
  /** The messages the first reading gave, replayed on every hit. */
  messages: Message[]
}

/** The cache one command run uses. */
export interface EditionCache {
  /** The folder of the entries. */
  folder: string
  /** The entry for `key`, or null when there is none or it cannot be trusted (unreadable, truncated, edited). */
  get(key: string): Promise<CachedEdition | null>
  /** Store an entry; a cache that cannot be written is reported once in `messages` and otherwise ignored. */
  put(key: string, value: CachedEdition): Promise<void>
  /** The parsed edition stored for `key`, or null when there is none or it cannot be trusted. */
  getParsed(key: string): Promise<IngestResult | null>
  /** Store a parsed edition as `v8.serialize` wrote it (the bytes are what a hit deserialises). */
  putParsed(key: string, serialized: Uint8Array): Promise<void>
  /** How many `get`s found an entry, and how many did not. */
  hits: number
  misses: number
  /** Trouble with the cache itself (a warning each kind, once): it never stops a command. */
  messages: Message[]
}

const entrySchema = 'wpdiff/edition-cache@1'
// Entries of one layout live in their own folder, so a later layout never reads an older one's files.
const entriesFolder = 'editions-1'
const parsedSchema = 'wpdiff/parsed-edition@1'
const parsedFolder = 'parsed-1'

/** Width of a help text line, as every command's help keeps to. */
const helpWidth = 80

/**
 * The help lines of `--cache-dir` and `--no-cache`, their descriptions starting at `column` and
 * wrapped to the help's width, so every command that reads editions says the same about the cache.
 */
export function cacheOptionsHelp(column: number, metavar = '<dir>'): string {
  const option = (flag: string, text: string): string[] => {
    const lines: string[] = []
    let line = `  ${flag}`.padEnd(column)
    let empty = true
    for (const word of text.split(' ')) {
      if (!empty && line.length + 1 + word.length > helpWidth) {
        lines.push(line)
        line = ' '.repeat(column)
        empty = true
      }
      line += empty ? word : ` ${word}`
      empty = false
    }
    return [...lines, line]
  }
  return [
    ...option(
      `--cache-dir ${metavar}`,
      'keep what is read from PDF, Word and HTML editions here, as normalised Markdown, and large Markdown editions as parsed, so the next run skips reading them (default: $WPDIFF_CACHE_DIR, else $XDG_CACHE_HOME/wpdiff, else ~/.cache/wpdiff; never with --password)'
    ),
    ...option('--no-cache', 'read every edition afresh, and write no cache')
  ].join('\n')
}

/** The cache folder the settings and environment name, or null when caching is off (or no home is known). */
export function cacheFolder(io: Io, settings: CacheSettings): string | null {
  if (settings.noCache) return null
  const env = io.env
  const chosen = settings.cacheDir ?? nonEmpty(env.WPDIFF_CACHE_DIR)
  if (chosen) return path.resolve(io.cwd, chosen)
  const xdg = nonEmpty(env.XDG_CACHE_HOME)
  if (xdg) return path.resolve(io.cwd, xdg, 'wpdiff')
  // Without a home there is no per-user place to keep it: a cache under the working folder would litter it.
  const home = nonEmpty(env.HOME) ?? nonEmpty(env.USERPROFILE)
  return home ? path.join(home, '.cache', 'wpdiff') : null
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined
}

/**
 * The key of an edition: the SHA-256 of its bytes, the wpdiff version and build ({@link codeStamp}), and every input of ingest
 * that changes its output (format, the file's name and folder, which give the label, series and
 * language, and metadata given on the command line). Never a password: none is stored anywhere.
 */
export function cacheKey(sha256: string, inputs: Record<string, string | number | null | undefined>, build: string = codeStamp()): string {
  const fields = Object.keys(inputs)
    .sort()
    .filter((name) => inputs[name] !== undefined)
    .map((name) => [name, inputs[name]])
  return createHash('sha256')
    .update(JSON.stringify({schema: entrySchema, version: build, sha256, fields}))
    .digest('hex')
}

function valueHash(value: CachedEdition): string {
  return createHash('sha256')
    .update(JSON.stringify([value.markdown, value.messages]))
    .digest('hex')
}

/** Open the cache the settings ask for, or null when it is off. Nothing is read or made until used. */
export function openEditionCache(io: Io, settings: CacheSettings): EditionCache | null {
  const folder = cacheFolder(io, settings)
  if (folder === null) return null
  const entryFile = (key: string) => path.join(folder, entriesFolder, `${key}.json`)
  const parsedFile = (key: string) => path.join(folder, parsedFolder, `${key}.v8`)
  const store = async (file: string, content: string | Uint8Array): Promise<void> => {
    try {
      await writeAtomic(file, content, {force: true, makeParents: true})
    } catch (error) {
      if (cache.messages.length > 0) return
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      cache.messages.push({
        severity: 'warning',
        code: 'cache-unwritable',
        text: `cannot write the cache in ${folder} (${reason}); editions are read afresh each time — choose another with --cache-dir, or pass --no-cache`
      })
    }
  }
  const cache: EditionCache = {
    folder,
    hits: 0,
    misses: 0,
    messages: [],
    async get(key) {
      const value = await readEntry(entryFile(key), key)
      if (value) cache.hits++
      else cache.misses++
      return value
    },
    async put(key, value) {
      const entry = {schema: entrySchema, version, key, sha256: valueHash(value), ...value}
      await store(entryFile(key), `${JSON.stringify(entry)}\n`)
    },
    async getParsed(key) {
      const value = await readParsedEntry(parsedFile(key), key)
      if (value) cache.hits++
      else cache.misses++
      return value
    },
    async putParsed(key, serialized) {
      const head = {schema: parsedSchema, version, key, sha256: createHash('sha256').update(serialized).digest('hex')}
      const header = new TextEncoder().encode(`${JSON.stringify(head)}\n`)
      const content = new Uint8Array(header.length + serialized.length)
      content.set(header)
      content.set(serialized, header.length)
      await store(parsedFile(key), content)
    }
  }
  return cache
}

/**
 * A parsed entry: one line of JSON (schema, version, key and the SHA-256 of what follows), then the
 * serialised edition. Null when the line or the hash does not match or the bytes do not deserialise
 * to an ingest result (the edition is then read afresh and the entry rewritten).
 */
async function readParsedEntry(file: string, key: string): Promise<IngestResult | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    return null
  }
  // The header is a few hundred bytes; a newline later than this is no header of ours.
  const end = bytes.subarray(0, 1024).indexOf(0x0a)
  if (end === -1) return null
  let head: Record<string, unknown>
  try {
    head = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Record<string, unknown>
  } catch {
    return null
  }
  if (head.schema !== parsedSchema || head.version !== version || head.key !== key) return null
  const payload = bytes.subarray(end + 1)
  if (head.sha256 !== createHash('sha256').update(payload).digest('hex')) return null
  try {
    const value = deserialize(payload) as Partial<IngestResult> | null
    return value && typeof value.edition === 'object' && Array.isArray(value.messages) ? (value as IngestResult) : null
  } catch {
    return null
  }
}

/** An entry's value when the file is whole and its value hashes to what it says; else null (it will be rewritten). */
async function readEntry(file: string, key: string): Promise<CachedEdition | null> {
  let entry: unknown
  try {
    entry = JSON.parse(await readFile(file, 'utf8'))
  } catch {
    return null
  }
  if (!entry || typeof entry !== 'object') return null
  const fields = entry as Record<string, unknown>
  if (fields.schema !== entrySchema || fields.version !== version || fields.key !== key) return null
  if (typeof fields.markdown !== 'string' || !Array.isArray(fields.messages)) return null
  const value: CachedEdition = {markdown: fields.markdown, messages: fields.messages as Message[]}
  return fields.sha256 === valueHash(value) ? value : null
}

/** Trouble with the cache as a warning, and with `--verbose` how many editions came from it. */
export function reportCacheUse(io: Io, cache: EditionCache | null, verbosity: Verbosity): void {
  if (!cache) return
  const notes = [...cache.messages]
  if (cache.hits > 0) {
    const editions = cache.hits === 1 ? '1 edition' : `${cache.hits} editions`
    notes.push({severity: 'info', code: 'cache-hits', text: `read ${editions} from the cache instead of the originals`})
  }
  printMessages(io, cache.folder, notes, verbosity)
}
