import {randomBytes} from 'node:crypto'
import {access, mkdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {InputError} from '../model/errors.js'

/** Options of {@link writeAtomic}. */
export interface WriteOptions {
  /** Replace an existing file. Default: false (refuse). */
  force?: boolean
  /** Create missing parent folders. Default: false (refuse, naming the folder). */
  makeParents?: boolean
}

/**
 * Write a file so that it is either wholly there or not at all: write a temporary file beside it,
 * then rename it into place.
 */
export async function writeAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const folder = path.dirname(file)
  if (options.makeParents) await mkdir(folder, {recursive: true})
  const folderStat = await stat(folder).catch(() => null)
  if (!folderStat) throw new InputError(`folder ${folder} does not exist`, {file, hint: 'create it first, or choose another -o'})
  if (!folderStat.isDirectory()) throw new InputError(`${folder} is not a folder`, {file, hint: 'choose another -o'})
  const exists = await access(file).then(
    () => true,
    () => false
  )
  if (exists) {
    if ((await stat(file)).isDirectory()) throw new InputError('is a folder', {file, hint: 'give a file name to -o'})
    if (!options.force) throw new InputError('already exists', {file, hint: 'pass --force to overwrite it'})
  }
  const temporary = path.join(folder, `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    await writeFile(temporary, content)
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}
