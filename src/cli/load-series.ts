import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Edition, InputFormat} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import {describeExtensions, formatOfExtension} from '../ingest/input-formats.js'
import {orderEditions} from '../model/order-editions.js'
import type {Io} from './io.js'
import {loadEdition} from './load-edition.js'
import {printMessages, type Verbosity} from './print-messages.js'

// Notes that live beside the editions of a series folder.
const notes = /^(SOURCE|README|LICENSE|NOTICE)\./iu

/** Whether a file of a series folder, by its name, is an edition in a readable format rather than a note. */
export function isEditionFile(name: string): boolean {
  const extension = /\.([A-Za-z0-9]+)$/u.exec(name)?.[1]
  return extension !== undefined && formatOfExtension(extension) !== undefined && !notes.test(name)
}

/** Options of {@link loadSeries}. */
export interface LoadSeriesOptions extends Verbosity {
  /** Input format of every file. Default: detected per file. */
  from?: InputFormat | undefined
  /** Keep only editions in this language. Default: all, which must then share one language. */
  lang?: string | undefined
  /** What the editions are for, in the "needs two or more" error (`a history`, `trends`). */
  purpose: string
}

/** A series read from the command line. */
export interface LoadedSeries {
  /** Oldest first (see `orderEditions`). */
  editions: Edition[]
  /** The folder's `series.yaml`, when a folder was given and has one. */
  seriesYaml: string | null
}

/**
 * Read the editions named on a command line: one series folder (its edition files, `SOURCE.md`
 * and other notes left out) or two or more files. They must share one language (or `--lang`
 * picks one) and be at least two.
 */
export async function loadSeries(positionals: string[], io: Io, options: LoadSeriesOptions): Promise<LoadedSeries> {
  const {files, seriesYaml} = await listEditionFiles(positionals, io.cwd)
  let editions: Edition[] = []
  for (const file of files) {
    const {edition, messages} = await loadEdition(file, io, options.from ? {from: options.from} : {})
    printMessages(io, file, messages, options)
    editions.push(edition)
  }
  const lang = options.lang?.toLowerCase()
  if (lang) editions = editions.filter((edition) => edition.language.toLowerCase() === lang)
  const languages = [...new Set(editions.map((edition) => edition.language))].sort()
  if (languages.length > 1) {
    throw new InputError(`the editions are in several languages (${languages.join(', ')})`, {
      file: positionals.length === 1 ? positionals[0]! : null,
      hint: 'choose one with --lang'
    })
  }
  if (editions.length < 2) {
    throw new InputError(`${options.purpose} needs two or more editions, found ${editions.length}`, {
      file: positionals[0] ?? null,
      hint: 'give more editions (or check --lang)'
    })
  }
  return {editions: orderEditions(editions), seriesYaml}
}

/** The edition files of a series folder (or the files as given), and the folder's series.yaml. */
async function listEditionFiles(positionals: string[], cwd: string): Promise<{files: string[]; seriesYaml: string | null}> {
  if (positionals.length !== 1) return {files: positionals, seriesYaml: null}
  const folder = positionals[0]!
  const full = path.resolve(cwd, folder)
  const info = await stat(full).catch(() => null)
  if (!info?.isDirectory()) return {files: positionals, seriesYaml: null}
  const names = (await readdir(full)).sort()
  const files = names.filter(isEditionFile)
  if (files.length === 0) throw new InputError('holds no edition files', {file: folder, hint: `put ${describeExtensions(true)} editions in it`})
  const yaml = names.find((name) => name === 'series.yaml' || name === 'series.yml')
  return {files: files.map((name) => path.join(folder, name)), seriesYaml: yaml ? path.join(folder, yaml) : null}
}
