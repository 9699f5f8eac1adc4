import {randomBytes} from 'node:crypto'
import {link, lstat, mkdir, readdir, rename, rm, stat, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {formatOfExtension} from '../ingest/input-formats.js'
import {InputError} from '../model/errors.js'

/** Options of {@link writeAtomic}. */
export interface WriteOptions {
  /** Replace an existing regular file. Default: false (refuse). Anything else is never replaced. */
  force?: boolean
  /** Create missing parent folders. Default: false (refuse, naming the folder). */
  makeParents?: boolean
  /**
   * The files (or series folders, for their edition files) this run reads: never replaced, even
   * with `force`, as a report written over an edition is a slip of the keyboard that loses the
   * edition. Default: none.
   */
  inputs?: readonly string[]
}

// `.<name>.tmp-<pid>-<8 hex>`: the temporary files this module makes, and only those.
const temporaryName = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/u

/**
 * The file an `-o` value names, resolved against `cwd`. A value ending in `/` names a folder,
 * which a command writing one file refuses rather than writing a file named like the folder.
 */
export function outputFile(cwd: string, given: string): string {
  if (given.endsWith('/') || given.endsWith(path.sep)) {
    throw new InputError('names a folder (it ends with /), not a file', {
      file: given,
      hint: 'give a file name to -o, such as out/report.html'
    })
  }
  return path.resolve(cwd, given)
}

/** The call that writes a temporary file's bytes: node's, or a test's that fails as a full disk does. */
export type WriteBytes = (file: string, content: string | Uint8Array, options: {flag: string}) => Promise<void>

/**
 * Write several files (a site) so that either all of them are replaced or none: each is written to a
 * temporary file beside it first, and only when every one is written are they moved into place
 * (moves take no space). A failure while writing (a full disk) removes the temporary files and
 * leaves every earlier file as it was, which the error says; a failure while moving (rare: the moves
 * are renames in folders just written to) says how many were replaced. Files are replaced as
 * {@link writeAtomic} with `force` does, and missing folders made.
 */
export async function writeAllAtomic(
  files: readonly (readonly [string, string | Uint8Array])[],
  options: {inputs?: readonly string[]; write?: WriteBytes; what: string}
): Promise<void> {
  const write = options.write ?? writeFile
  const staged: {temporary: string; file: string}[] = []
  try {
    for (const [file, content] of files) {
      await checkTarget(file, {force: true, makeParents: true, inputs: options.inputs})
      const temporary = temporaryFor(file)
      staged.push({temporary, file})
      try {
        await write(temporary, content, {flag: 'wx'})
      } catch (error) {
        const failed = error as NodeJS.ErrnoException
        if (failed.path === temporary || (failed.code !== undefined && failed.path === undefined)) failed.path = file
        throw error
      }
    }
  } catch (error) {
    await Promise.all(staged.map(({temporary}) => rm(temporary, {force: true})))
    // Before the first file was written the error is the whole story, as for one file.
    if (staged.length <= 1) throw error
    throw new StagedWriteError(error, `no file of ${options.what} was changed`)
  }
  for (const [index, {temporary, file}] of staged.entries()) {
    try {
      await rename(temporary, file)
    } catch (error) {
      await Promise.all(staged.slice(index).map(({temporary: left}) => rm(left, {force: true})))
      throw new StagedWriteError(
        error,
        `${index} of the ${staged.length} files of ${options.what} were replaced, the others left as they were`
      )
    }
  }
}

/** A failure of {@link writeAllAtomic}: the error met, and what it left of the files. */
export class StagedWriteError extends Error {
  override name = 'StagedWriteError'
  constructor(
    readonly reason: unknown,
    readonly left: string
  ) {
    super(`${(reason as Error)?.message ?? String(reason)}; ${left}`)
  }
}

function temporaryFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
}

// The checks before writing `file`: its folder (made if asked), and what is there now, which only a
// regular file that is not an input may be, and only with `force`. The file's details, or null.
async function checkTarget(file: string, options: WriteOptions): Promise<Awaited<ReturnType<typeof lstat>> | null> {
  const folder = path.dirname(file)
  if (options.makeParents) await makeFolder(folder, file)
  const folderStat = await stat(folder).catch(() => null)
  if (!folderStat) throw new InputError(`folder ${folder} does not exist`, {file, hint: 'create it first, or choose another -o'})
  if (!folderStat.isDirectory()) throw new InputError(`${folder} is not a folder`, {file, hint: 'choose another -o'})
  const existing = await lstat(file).catch(() => null)
  if (existing) {
    if (existing.isDirectory()) throw new InputError('is a folder', {file, hint: 'give a file name to -o'})
    if (!existing.isFile()) {
      throw new InputError(`is a ${kind(existing)}, not a regular file; wpdiff never replaces one`, {file, hint: 'choose another -o'})
    }
    if (options.inputs && (await isInput(existing, options.inputs))) {
      throw new InputError('is an edition this command reads; wpdiff never writes over one', {file, hint: 'choose another -o'})
    }
    if (!options.force) throw new InputError('already exists', {file, hint: 'pass --force to overwrite it'})
  }
  await removeStaleTemporaries(folder)
  return existing
}

/**
 * Write a file so that it is either wholly there or not at all: write a temporary file beside it,
 * then move it into place. Without `force` the move is a hard link, which fails if the file exists,
 * so no file made meanwhile by another program is overwritten; with `force` only a regular file is
 * replaced, never a folder, a FIFO, a device or a symbolic link. Temporary files that a killed
 * wpdiff left in the folder are removed.
 */
export async function writeAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const existing = await checkTarget(file, options)
  const temporary = temporaryFor(file)
  try {
    await writeFile(temporary, content, {flag: 'wx'})
    if (existing) await rename(temporary, file)
    else await linkNew(temporary, file)
  } catch (error) {
    // The user named the output, not its temporary file: a folder that refuses files (EACCES,
    // EROFS, ENOSPC) is reported under that name. A write that fails once the file is open (a disk
    // that fills up, ENOSPC or EIO) carries no path at all: it too is about the output.
    const failed = error as NodeJS.ErrnoException
    if (failed.path === temporary || (failed.code !== undefined && failed.path === undefined)) failed.path = file
    throw error
  } finally {
    await rm(temporary, {force: true})
  }
}

// Whether `target` is one of `inputs`, or a file in a readable format directly inside one that is a
// folder (a series folder's editions): the same file by device and inode, whatever the path says.
async function isInput(target: Awaited<ReturnType<typeof lstat>>, inputs: readonly string[]): Promise<boolean> {
  const same = (info: Awaited<ReturnType<typeof stat>> | null) => info !== null && info.dev === target.dev && info.ino === target.ino
  for (const input of inputs) {
    const info = await stat(input).catch(() => null)
    if (same(info)) return true
    if (!info?.isDirectory()) continue
    const names = await readdir(input).catch(() => [] as string[])
    const readable = (name: string) => formatOfExtension(/\.([A-Za-z0-9]+)$/u.exec(name)?.[1] ?? '') !== undefined
    for (const name of names.filter(readable)) if (same(await stat(path.join(input, name)).catch(() => null))) return true
  }
  return false
}

// Create `temporary`'s content at `file` only if no file is there: link, then drop the temporary name.
async function linkNew(temporary: string, file: string): Promise<void> {
  try {
    await link(temporary, file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST')
      throw new InputError('already exists (it appeared while wpdiff was writing)', {file, hint: 'pass --force to overwrite it'})
    // File systems without hard links (FAT, some network shares): rename, after one more look.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error
    if (await lstat(file).catch(() => null)) throw new InputError('already exists', {file, hint: 'pass --force to overwrite it'})
    await rename(temporary, file)
    return
  }
  await unlink(temporary)
}

async function makeFolder(folder: string, file: string): Promise<void> {
  try {
    // One level at a time from the deepest folder that exists: Node's recursive mkdir retries
    // forever where the system answers ENOENT for a parent that exists (-o /proc/site spun at
    // 100% CPU for ten minutes).
    const missing: string[] = []
    for (let at = folder; !(await lstat(at).catch(() => null)); at = path.dirname(at)) {
      if (path.dirname(at) === at) break
      missing.unshift(at)
    }
    for (const at of missing)
      await mkdir(at).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new InputError(`cannot make the folder ${folder}: part of its path is a file`, {file, hint: 'choose another -o'})
    }
    throw error
  }
}

function kind(info: Awaited<ReturnType<typeof lstat>>): string {
  if (info.isFIFO()) return 'FIFO'
  if (info.isSymbolicLink()) return 'symbolic link'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device'
  if (info.isSocket()) return 'socket'
  return 'special file'
}

// Folders already cleaned by this process (a report writes many files into few folders).
const cleaned = new Set<string>()

/** Remove this module's temporary files in `folder` whose process is gone (a killed run's leftovers). */
async function removeStaleTemporaries(folder: string): Promise<void> {
  if (cleaned.has(folder)) return
  cleaned.add(folder)
  const names = await readdir(folder).catch(() => [] as string[])
  for (const name of names) {
    const pid = temporaryName.exec(name)?.[1]
    if (pid === undefined || isRunning(Number(pid))) continue
    const full = path.join(folder, name)
    if ((await lstat(full).catch(() => null))?.isFile()) await rm(full, {force: true})
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
