import {copyFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {fakeIo} from './fake-io.js'
import {corporaDir as corpora} from '../support/corpora.js'

describe('wpdiff history', () => {
  it('follows OWASP categories across 2019 → 2023 (wpdiff/history@1)', async () => {
    const io = fakeIo()
    const dir = path.join(corpora, 'owasp-api-security-top10')
    expect(await execute(['history', '--json', path.join(dir, '2023.en.md'), path.join(dir, '2019.en.md')], io)).toBe(0)
    const history = JSON.parse(io.out())
    expect(history.schema).toBe('wpdiff/history@1')
    expect(history.editions.map((e: {edition: string}) => e.edition)).toEqual(['2019', '2023'])
    const steps = (id: string) => history.lineages.find((l: {id: string}) => l.id === id).steps
    expect(steps('2019/api2-2019-broken-user-authentication')[1]).toMatchObject({relation: 'matched', flags: ['renamed', 'modified']})
    const merged = [steps('2019/api3-2019-excessive-data-exposure')[1], steps('2019/api6-2019-mass-assignment')[1]]
    expect(merged.map((s: {relation: string}) => s.relation)).toEqual(['merged', 'merged'])
    expect(merged.filter((s: {section: unknown}) => s.section === null)).toHaveLength(1)
    // every section of every edition sits in exactly one lineage
    for (const [k, edition] of history.editions.entries()) {
      const present = history.lineages.filter((l: {steps: {section: unknown}[]}) => l.steps[k]!.section !== null)
      expect(present).toHaveLength(edition.sections)
    }
  })

  it('tells a lineage’s life in text, and refuses a folder of mixed languages', async () => {
    // A small series folder: two English editions, one French, and the SOURCE.md notes (skipped).
    const folder = mkdtempSync(path.join(tmpdir(), 'wpdiff-history-'))
    for (const file of ['2019.en.md', '2023.en.md', '2019.fr.md', 'SOURCE.md'])
      copyFileSync(path.join(corpora, 'owasp-api-security-top10', file), path.join(folder, file))
    const io = fakeIo()
    expect(await execute(['history', '--lang', 'en', folder], io)).toBe(0)
    expect(io.out()).toContain('API2:2023 Broken Authentication: in 2019, renamed 2023 (was "API2:2019 Broken User Authentication")')
    expect(io.out()).toMatch(
      /API3:2019 Excessive Data Exposure: in 2019, merged into "API3:2023 Broken Object Property Level Authorization" 2023|API6:2019 - Mass Assignment: in 2019, merged into/
    )
    const io2 = fakeIo()
    expect(await execute(['history', folder], io2)).toBe(2)
    expect(io2.err()).toContain('choose one with --lang')
    rmSync(folder, {recursive: true, force: true})
  })

  it('leaves out what series.yaml exclude: and --exclude name, and refuses an exclude: that is not a list', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'wpdiff-history-'))
    for (const file of ['2019.en.md', '2023.en.md'])
      copyFileSync(path.join(corpora, 'owasp-api-security-top10', file), path.join(folder, file))
    writeFileSync(path.join(folder, 'series.yaml'), 'title: OWASP API Security Top 10\nexclude:\n  - Acknowledg*\n')
    const io = fakeIo()
    expect(await execute(['history', '--exclude', 'API8:2019*', folder], io)).toBe(0)
    expect(io.out()).not.toMatch(/Acknowledg|API8:2019/)
    expect(io.out()).toContain('API2:2023 Broken Authentication')
    writeFileSync(path.join(folder, 'series.yaml'), 'exclude: Acknowledgments\n')
    const bad = fakeIo()
    expect(await execute(['history', folder], bad)).toBe(2)
    expect(bad.err()).toMatch(/series\.yaml: exclude: must be a list of section patterns/)
    rmSync(folder, {recursive: true, force: true})
  })

  it('says where the text of a new section was', async () => {
    const cisa = (file: string): string => path.join(corpora, 'cisa-scuba-m365-baselines', file)
    const io = fakeIo()
    expect(await execute(['history', cisa('exo-v1.2.0-2024-04-04.md'), cisa('exo-v1.4.0-2024-11-22.md')], io)).toBe(0)
    expect(io.out()).toContain(
      'Implementation › MS.EXO.8.3v1 Instructions: new in v1.4.0-2024-11-22 (100% of its text from "MS.EXO.8.1v2 Instructions")'
    )
  })
})
