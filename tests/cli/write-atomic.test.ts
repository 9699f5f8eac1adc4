import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {writeAtomic} from '../../src/cli/write-atomic.js'
import {fakeIo} from './fake-io.js'

// Another program that creates the -o file while wpdiff writes its temporary file: the moment the
// "already exists" check has passed and the write has not yet landed.
// A disk that fills up: the temporary file is made, part of it written, then the write fails as
// the system's does, with a code and no path.
const race = vi.hoisted(() => ({target: null as string | null, diskFull: false}))
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...fs,
    writeFile: async (...args: Parameters<typeof fs.writeFile>) => {
      if (race.diskFull) {
        await fs.writeFile(args[0], 'par', args[2])
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {errno: -28, code: 'ENOSPC', syscall: 'write'})
      }
      await fs.writeFile(...args)
      if (race.target) await fs.writeFile(race.target, 'theirs')
    }
  }
})

describe('writeAtomic without --force (issue #22)', () => {
  it('keeps a file that appeared after the check, and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-race-'))
    const file = path.join(dir, 'out.md')
    race.target = file
    try {
      await expect(writeAtomic(file, 'ours')).rejects.toThrow(/already exists \(it appeared while wpdiff was writing\)/u)
    } finally {
      race.target = null
    }
    expect(readFileSync(file, 'utf8')).toBe('theirs')
    expect(readdirSync(dir)).toEqual(['out.md'])
  })

  it('writes a new file, and with force replaces a regular one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-race-'))
    const file = path.join(dir, 'out.md')
    await writeAtomic(file, 'one')
    expect(readFileSync(file, 'utf8')).toBe('one')
    await expect(writeAtomic(file, 'two')).rejects.toThrow(/already exists/u)
    writeFileSync(file, 'edited')
    await writeAtomic(file, 'three', {force: true})
    expect(readFileSync(file, 'utf8')).toBe('three')
    expect(readdirSync(dir)).toEqual(['out.md'])
  })
})

describe('a full disk', () => {
  it('is one line naming the output, exit 2, and leaves nothing behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-full-'))
    writeFileSync(path.join(dir, 'a.md'), '# T\n\n## A\n\nHello world.\n')
    writeFileSync(path.join(dir, 'b.md'), '# T\n\n## A\n\nHello there, world.\n')
    const io = fakeIo({cwd: dir})
    race.diskFull = true
    try {
      expect(await execute(['compare', 'a.md', 'b.md', '-o', 'out.html'], io)).toBe(2)
    } finally {
      race.diskFull = false
    }
    expect(io.err()).toBe(
      `wpdiff: ${path.join(dir, 'out.html')}: no space left on the device — free some space, or choose another place to write\n`
    )
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md'])
  })
})
