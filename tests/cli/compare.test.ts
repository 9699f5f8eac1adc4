import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {fakeIo} from './fake-io.js'
import {corporaDir as corpora} from '../support/corpora.js'

const owasp = (file: string): string => path.join(corpora, 'owasp-api-security-top10', file)

describe('wpdiff compare', () => {
  it('prints a --stat-like summary and exits 1 when the editions differ', async () => {
    const io = fakeIo()
    expect(await execute(['compare', owasp('2019.en.md'), owasp('2023.en.md')], io)).toBe(1)
    expect(io.out()).toContain('merged,renamed,modified')
    expect(io.out()).toContain(
      'API3:2019 Excessive Data Exposure + API6:2019 - Mass Assignment → API3:2023 Broken Object Property Level Authorization'
    )
    expect(io.out()).toMatch(/relations: .*1 merged.*words added/)
  })

  it('says where the text of an added section was in the old edition', async () => {
    const io = fakeIo()
    const cisa = (file: string): string => path.join(corpora, 'cisa-scuba-m365-baselines', file)
    expect(await execute(['compare', cisa('exo-v1.2.0-2024-04-04.md'), cisa('exo-v1.4.0-2024-11-22.md')], io)).toBe(1)
    const line = io
      .out()
      .split('\n')
      .find((l) => l.includes('+ Implementation › MS.EXO.8.3v1 Instructions'))
    expect(line).toMatch(
      /^ added +0\.\d\d {2}\+ Implementation › MS\.EXO\.8\.3v1 Instructions {2}\+29 -0 {2}\(100% was in Implementation › MS\.EXO\.8\.1v1 Instructions\)$/
    )
  })

  it('marks a weak pairing of renamed sections doubtful, but not a section that kept its title and place', async () => {
    const io = fakeIo()
    expect(await execute(['compare', owasp('2019.en.md'), owasp('2023.en.md')], io)).toBe(1)
    expect(io.out()).toMatch(/ merged,renamed,modified +0\.\d\d\? API3:2019/)
    // Firefox (ko) 2020 → 2021: the opening section's only text is its effective date, so most of it
    // changed (similarity 0.42 now that Korean words are stems); it is still the same section.
    const firefox = fakeIo()
    const notice = (file: string): string => path.join(corpora, 'mozilla-firefox-privacy-notice', file)
    expect(await execute(['compare', notice('2020.ko.md'), notice('2021.ko.md')], firefox)).toBe(1)
    expect(firefox.out()).toContain(' modified                   0.42  Firefox 개인정보 취급방침  +4 -3')
  })

  it('prints wpdiff/compare@1 with --json and exits 0 for the same file twice', async () => {
    const io = fakeIo()
    expect(await execute(['compare', '--json', owasp('2019.en.md'), owasp('2019.en.md')], io)).toBe(0)
    const json = JSON.parse(io.out())
    expect(json.schema).toBe('wpdiff/compare@1')
    expect(json.summary.similarity).toBe(1)
  })

  it('exits 2 with one line on bad input or usage', async () => {
    const io = fakeIo()
    expect(await execute(['compare', owasp('2019.en.md')], io)).toBe(2)
    expect(io.err()).toMatch(/give two editions.*wpdiff compare --help/)
    const io2 = fakeIo()
    expect(await execute(['compare', owasp('2019.en.md'), 'no-such-file.md'], io2)).toBe(2)
    expect(io2.err().trim().split('\n')).toHaveLength(1)
  })

  it('warns on stderr when the editions are in different languages', async () => {
    const io = fakeIo()
    expect(await execute(['compare', owasp('2019.en.md'), owasp('2019.fr.md')], io)).toBe(1)
    expect(io.err()).toContain('different languages')
  })
})

describe('wpdiff compare --ignore-*', () => {
  const write = (dir: string, name: string, text: string): string => {
    writeFileSync(path.join(dir, name), text)
    return path.join(dir, name)
  }

  it('counts case and punctuation changes unless told to ignore them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-ignore-'))
    const a = write(dir, 'a.md', '# Intro\n\nThe Ministry pursued PEACE, on the peninsula.\n')
    const b = write(dir, 'b.md', '# Intro\n\nthe ministry pursued peace, on the Peninsula.\n')
    const c = write(dir, 'c.md', '# Intro\n\nThe Ministry pursued PEACE on the peninsula.\n')
    expect(await execute(['compare', a, b], fakeIo())).toBe(1)
    const io = fakeIo()
    expect(await execute(['compare', a, b, '--ignore-case'], io)).toBe(0)
    expect(io.out()).toContain('1 relations: 1 unchanged')
    expect(await execute(['compare', a, c], fakeIo())).toBe(1)
    expect(await execute(['compare', a, c, '--ignore-punctuation'], fakeIo())).toBe(0)
  })
})
