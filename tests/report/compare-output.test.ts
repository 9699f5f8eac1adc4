import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {compareFormat} from '../../src/cli/commands/compare.js'
import {fixturesDir} from './load-fixture.js'

const io = (cwd: string, out: string[] = [], err: string[] = []) => ({
  stdout: {write: (chunk: string | Uint8Array) => out.push(String(chunk))},
  stderr: {write: (chunk: string) => err.push(chunk)},
  readStdin: async () => new Uint8Array(),
  env: {},
  cwd
})

describe('wpdiff compare -o / --format', () => {
  const old = path.join(fixturesDir, 'small-pair', 'old.md')
  const next = path.join(fixturesDir, 'small-pair', 'new.md')

  it('takes the format from the extension of -o unless --format or --json says otherwise', () => {
    expect(compareFormat({output: 'r.html'})).toBe('html')
    expect(compareFormat({output: 'r.HTM'})).toBe('html')
    expect(compareFormat({output: 'r.json'})).toBe('json')
    expect(compareFormat({output: 'r.md'})).toBe('md')
    expect(compareFormat({output: 'r.txt'})).toBe('text')
    expect(compareFormat({})).toBe('text')
    expect(compareFormat({json: true})).toBe('json')
    expect(compareFormat({output: 'r.html', format: 'md'})).toBe('md')
    expect(() => compareFormat({format: 'pdf'})).toThrow(/--format/u)
  })

  it('writes the HTML report with redlines, the Markdown summary and the JSON to files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-compare-o-'))
    expect(await execute(['compare', old, next, '-o', 'r.html'], io(dir))).toBe(1)
    const html = readFileSync(path.join(dir, 'r.html'), 'utf8')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<ins>')
    expect(await execute(['compare', old, next, '-o', 'r.md'], io(dir))).toBe(1)
    expect(readFileSync(path.join(dir, 'r.md'), 'utf8')).toContain('## Changes (5)')
    expect(await execute(['compare', old, next, '-o', 'r.json'], io(dir))).toBe(1)
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).schema).toBe('wpdiff/compare@1')
    // An existing file is kept unless --force.
    const err: string[] = []
    expect(await execute(['compare', old, next, '-o', 'r.html'], io(dir, [], err))).toBe(2)
    expect(err.join('')).toContain('already exists')
    expect(await execute(['compare', old, next, '-o', 'r.html', '--force'], io(dir))).toBe(1)
  })

  it('prints Markdown or HTML to stdout without -o', async () => {
    const out: string[] = []
    expect(await execute(['compare', old, next, '--format', 'md'], io(process.cwd(), out))).toBe(1)
    expect(out.join('').startsWith('# Small Security Guide: 2022 → 2023')).toBe(true)
    const html: string[] = []
    expect(await execute(['compare', old, old, '--format', 'html'], io(process.cwd(), html))).toBe(0)
    expect(html.join('')).toContain('<html lang="en">')
  })
})

describe('an added section that took in an edited paragraph from elsewhere', () => {
  const old = path.join(fixturesDir, 'added-section-moved-text', 'old.md')
  const next = path.join(fixturesDir, 'added-section-moved-text', 'new.md')
  const run = async (...args: string[]) => {
    const out: string[] = []
    expect(await execute(['compare', old, next, ...args], io(process.cwd(), out))).toBe(1)
    return out.join('')
  }

  it('shows no removed words in text, --stat, Markdown, HTML and JSON; the words it lost count where it left', async () => {
    const json = JSON.parse(await run('--json'))
    const deploy = json.relations.find((r: {new: Array<{title: string}>}) => r.new[0]?.title === 'Deploy')
    expect(deploy.kind).toBe('added')
    expect(deploy.stats).toMatchObject({wordsAdded: 9, wordsRemoved: 0, paragraphsMoved: 1})
    const release = json.relations.find((r: {old: Array<{title: string}>}) => r.old[0]?.title === 'Release Process')
    expect(release.stats.wordsRemoved).toBe(3)
    const sum = (key: string) => json.relations.reduce((total: number, r: {stats: Record<string, number>}) => total + r.stats[key]!, 0)
    expect([json.summary.wordsAdded, json.summary.wordsRemoved]).toEqual([sum('wordsAdded'), sum('wordsRemoved')])

    expect(await run()).toMatch(/^ added +— +\+ Deploy {2}\+9 -0$/mu)
    expect(await run('--stat')).toMatch(/^ Deploy +\| added +\+9 -0 \+{9}$/mu)
    expect(await run('--format', 'md')).toContain('1. Deploy (new, 9 words)')
    const html = await run('--format', 'html')
    // The card gives the words the list gives (9 new; the paragraph of 13 that moved in is said moved), not the section's 22.
    expect(html).toMatch(/<p class="meta">new section, 9 words · 1 paragraph moved<\/p>/u)
    expect(html).toContain('<span class="muted">(new, 9 words)</span>')
  })
})
