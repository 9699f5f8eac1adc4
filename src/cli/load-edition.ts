import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {ingestEdition, type IngestOptions, type IngestResult} from '../ingest/ingest-edition.js'
import {InputError} from '../model/errors.js'
import type {Io} from './io.js'

/** Inputs larger than this are refused rather than read into memory. */
export const maxInputBytes = 256 * 1024 * 1024

/**
 * Read a file (or stdin for `-`) and ingest it. Missing files, folders and oversized inputs are
 * `InputError`s naming the file.
 */
export async function loadEdition(file: string, io: Io, options: Omit<IngestOptions, 'file'> = {}): Promise<IngestResult> {
  const bytes = await readInput(file, io)
  // `wpdiff outline 2019.txt` inside editions/<series>/ still knows its series.
  const folder = file === '-' ? undefined : path.basename(path.dirname(path.resolve(io.cwd, file)))
  return ingestEdition(bytes, {...(folder ? {folder} : {}), ...options, file})
}

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
