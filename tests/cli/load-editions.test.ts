import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {deserialize} from 'node:v8'
import {beforeAll, describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {loadEdition, minParsedCacheBytes, planEdition, readMarkdown} from '../../src/cli/load-edition.js'
import {loadEditions, minParallelBytes, readInWorker} from '../../src/cli/load-editions.js'
import {createProgress} from '../../src/cli/progress.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'
import {loadCorpusPool, makeSyntheticPair} from '../support/synthetic-editions.js'
import {fakeIo} from './fake-io.js'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Two normalised editions, each large enough to be read in parallel and kept in the cache: a
 * synthetic pair (renames, moves, splits, edits) built from the shipped editions' sentences,
 * written as `wpdiff ingest` writes it.
 */
async function largePair(): Promise<string> {
  const pair = makeSyntheticPair(
    {seed: 3, chapters: 9, sectionsPerChapter: 10, paragraphs: [4, 9], sentences: [2, 4], reuse: true},
    loadCorpusPool(path.join(root, 'editions'))
  )
  // A folder named alike wherever it is, as the folder's name is part of an edition's cache key.
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-large-')), 'pair')
  mkdirSync(dir)
  for (const [name, edition] of [
    ['old.md', pair.old],
    ['new.md', pair.new]
  ] as const) {
    const read = await ingestEdition(new TextEncoder().encode(toNormalizedMarkdown(edition, {generator: 'test'})), {file: name})
    writeFileSync(path.join(dir, name), toNormalizedMarkdown(read.edition, {generator: 'wpdiff test'}))
  }
  return dir
}

const compareJson = async (dir: string, ...args: string[]): Promise<{code: number; out: string; err: string}> => {
  const io = fakeIo({cwd: dir})
  const code = await execute(['compare', 'old.md', 'new.md', '--json', ...args], io)
  return {code, out: io.out(), err: io.err()}
}
/**
 * What a parsed entry holds: its header without the hash, and the edition it deserialises to. Not
 * its bytes: V8 writes a string as one or two bytes a character as it happens to be held in memory,
 * so an edition read in a worker thread serialises to other bytes than the same edition read here.
 */
const held = (bytes: Buffer): string => {
  const end = bytes.indexOf(0x0a)
  const {sha256, ...head} = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Record<string, unknown>
  expect(sha256).toBe(
    createHash('sha256')
      .update(bytes.subarray(end + 1))
      .digest('hex')
  )
  return JSON.stringify([head, deserialize(bytes.subarray(end + 1))])
}
const entries = (cache: string): string[] =>
  existsSync(path.join(cache, 'parsed-1')) ? readdirSync(path.join(cache, 'parsed-1')).sort() : []

describe('compare of two large Markdown editions', () => {
  let dir = ''
  // The editions as one plain `loadEdition` each reads them: no thread, no cache.
  let plain = ''
  let json = ''
  beforeAll(async () => {
    dir = await largePair()
    const io = fakeIo({cwd: dir})
    plain = JSON.stringify([await loadEdition('old.md', io), await loadEdition('new.md', io)])
    json = (await compareJson(dir, '--no-cache')).out
  }, 120_000)

  it('are large enough to be read in parallel and kept in the cache', () => {
    for (const name of ['old.md', 'new.md']) {
      expect(readFileSync(path.join(dir, name)).length).toBeGreaterThanOrEqual(Math.max(minParallelBytes, minParsedCacheBytes))
    }
    expect(JSON.parse(json).schema).toBe('wpdiff/compare@1')
  })

  it('reads one in a worker thread to the edition the main thread reads', async () => {
    const io = fakeIo({cwd: dir})
    const planned = planEdition('new.md', new Uint8Array(readFileSync(path.join(dir, 'new.md'))), io, {}, null)
    const serialized = await readInWorker(planned)
    expect(serialized).not.toBeNull()
    expect(JSON.stringify(deserialize(serialized as Uint8Array))).toBe(JSON.stringify(await readMarkdown(planned)))
  })

  it('loads the pair in parallel to the same editions as one at a time', async () => {
    const io = fakeIo({cwd: dir})
    const loaded = await loadEditions(['old.md', 'new.md'], io, {}, null, createProgress(io, {}), true)
    expect(JSON.stringify(loaded)).toBe(plain)
  }, 60_000)

  it('prints the same JSON from the cache as without it, and reads it the second time', async () => {
    const cache = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-cache-')), 'cache')
    const first = await compareJson(dir, '--cache-dir', cache, '--verbose')
    expect(first).toEqual({code: 1, out: json, err: ''})
    expect(entries(cache)).toHaveLength(2)
    const second = await compareJson(dir, '--cache-dir', cache, '--verbose')
    expect(second.out).toBe(json)
    expect(second.err).toBe(`wpdiff: ${cache}: info: read 2 editions from the cache instead of the originals\n`)
    // The editions the cache gives are those a plain reading gives.
    const io = fakeIo({cwd: dir, env: {WPDIFF_CACHE_DIR: cache}})
    const {openEditionCache} = await import('../../src/cli/edition-cache.js')
    const opened = openEditionCache(io, {})
    expect(JSON.stringify(await loadEditions(['old.md', 'new.md'], io, {}, opened, createProgress(io, {}), true))).toBe(plain)
    expect(opened?.hits).toBe(2)
  }, 120_000)

  it('reads an edition again when its text changed, and keeps both entries', async () => {
    const cache = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-cache-')), 'cache')
    expect((await compareJson(dir, '--cache-dir', cache)).out).toBe(json)
    const changed = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-changed-')), 'pair')
    mkdirSync(changed)
    writeFileSync(path.join(changed, 'old.md'), readFileSync(path.join(dir, 'old.md')))
    writeFileSync(path.join(changed, 'new.md'), `${readFileSync(path.join(dir, 'new.md'), 'utf8')}\nA sentence the cache has not seen.\n`)
    const fresh = await compareJson(changed, '--no-cache')
    expect(fresh.out).not.toBe(json)
    const cached = await compareJson(changed, '--cache-dir', cache, '--verbose')
    expect(cached.out).toBe(fresh.out)
    // old.md came from the cache (same bytes, same name); new.md did not.
    expect(cached.err).toBe(`wpdiff: ${cache}: info: read 1 edition from the cache instead of the originals\n`)
    expect(entries(cache)).toHaveLength(3)
  }, 120_000)

  // Two spoilt entries a run (the pair's two editions), four kinds of damage.
  it.each([
    ['cut short', 'with a byte changed'],
    ['without its header', 'empty']
  ])(
    'reads an edition afresh when its entry is %s or %s, and writes the entry again',
    async (...damages) => {
      const spoil: Record<string, (bytes: Buffer) => Buffer> = {
        'cut short': (bytes) => bytes.subarray(0, bytes.length - 100),
        'with a byte changed': (bytes) => Buffer.concat([bytes.subarray(0, -10), Buffer.from([bytes.at(-10)! ^ 1]), bytes.subarray(-9)]),
        'without its header': (bytes) => bytes.subarray(bytes.indexOf(0x0a) + 1),
        empty: () => Buffer.alloc(0)
      }
      const cache = path.join(mkdtempSync(path.join(tmpdir(), 'wpdiff-cache-')), 'cache')
      await compareJson(dir, '--cache-dir', cache)
      const names = entries(cache)
      const files = names.map((name) => path.join(cache, 'parsed-1', name))
      const bytes = files.map((file) => readFileSync(file))
      const whole = bytes.map(held)
      for (const [index, file] of files.entries()) writeFileSync(file, spoil[damages[index]!]!(bytes[index]!))
      for (const [index, file] of files.entries()) expect(readFileSync(file).equals(bytes[index]!)).toBe(false)
      const after = await compareJson(dir, '--cache-dir', cache, '--verbose')
      expect(after).toEqual({code: 1, out: json, err: ''})
      expect(entries(cache)).toEqual(names)
      expect(files.map((file) => held(readFileSync(file)))).toEqual(whole)
    },
    120_000
  )
})
