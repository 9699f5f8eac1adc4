import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {writeAtomic} from '../../src/cli/write-atomic.js'

// Another program that creates the -o file while wpdiff writes its temporary file: the moment the
// "already exists" check has passed and the write has not yet landed.
const race = vi.hoisted(() => ({target: null as string | null}))
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...fs,
    writeFile: async (...args: Parameters<typeof fs.writeFile>) => {
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
