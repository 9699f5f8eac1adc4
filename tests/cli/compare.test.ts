import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {fakeIo} from './fake-io.js'
import {readZip} from '../support/read-zip.js'
import {writePdf} from '../ingest/pdf-writer.js'
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
    // The two categories, and beneath them five sub-sections of one title each (How To Prevent, References…).
    expect(io.out()).toMatch(/relations: .*6 merged.*words added/)
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
      /^ added + — {4}\+ Implementation › MS\.EXO\.8\.3v1 Instructions {2}\+29 -0 {2}\(100% was in Implementation › MS\.EXO\.8\.1v1 Instructions\)$/
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

  it('prints a git-like --stat and exits 1 when the editions differ, 0 with nothing printed when they do not', async () => {
    const io = fakeIo()
    expect(await execute(['compare', '--stat', owasp('2019.en.md'), owasp('2023.en.md')], io)).toBe(1)
    const lines = io.out().trimEnd().split('\n')
    expect(lines.at(-1)).toMatch(/^ \d+ sections changed, \d+ words added\(\+\), \d+ removed\(-\)$/)
    expect(lines).toContainEqual(expect.stringMatching(/^ API8:2019 Injection +\| removed +\+0 -106 -+$/))
    const same = fakeIo()
    expect(await execute(['compare', '--format', 'stat', owasp('2019.en.md'), owasp('2019.en.md')], same)).toBe(0)
    expect(same.out()).toBe('')
  })

  it('leaves out the sections --exclude names, and warns about a pattern that names nothing', async () => {
    const io = fakeIo()
    const args = ['compare', '--stat', owasp('2019.en.md'), owasp('2023.en.md')]
    expect(await execute([...args, '--exclude', 'acknowledg*', '--exclude', 'Methodology and Data', '--exclude', 'Nowhere'], io)).toBe(1)
    expect(io.out()).not.toMatch(/Acknowledg|Methodology/)
    expect(io.out()).toContain('API8:2019 Injection')
    expect(io.err()).toContain("exclude pattern 'Nowhere' names no section")
    const empty = fakeIo()
    expect(await execute([...args, '--exclude', ''], empty)).toBe(2)
    expect(empty.err()).toContain('--exclude needs a pattern')
  })

  it('writes a Word redline with -o x.docx, says what it wrote, and still exits 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-docx-'))
    const io = fakeIo({cwd: dir})
    expect(await execute(['compare', owasp('2019.en.md'), owasp('2023.en.md'), '-o', 'changes.docx'], io)).toBe(1)
    const bytes = readFileSync(path.join(dir, 'changes.docx'))
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(io.err()).toBe(`wpdiff: wrote changes.docx (${(bytes.length / 1000).toFixed(1)} kB)\n`)
    const document = readZip(bytes).get('word/document.xml')!.toString('utf8')
    expect(document).toContain('w:author="wpdiff" w:date="2023-01-01T00:00:00Z"')
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>/u)
    const quiet = fakeIo({cwd: dir})
    expect(await execute(['compare', owasp('2019.en.md'), owasp('2023.en.md'), '-o', 'c.json', '-q'], quiet)).toBe(1)
    expect(quiet.err()).toBe('')
    const stdout = fakeIo({cwd: dir})
    expect(await execute(['compare', '--format', 'docx', owasp('2019.en.md'), owasp('2023.en.md')], stdout)).toBe(2)
    expect(stdout.err()).toContain('--format docx writes a file: give -o changes.docx')
    rmSync(dir, {recursive: true, force: true})
  })

  it('shows progress on stderr only when it is a terminal, and clears it before anything else', async () => {
    const tty = fakeIo({tty: true})
    expect(await execute(['compare', '--stat', owasp('2019.en.md'), owasp('2019.fr.md')], tty)).toBe(1)
    // A line wider than the terminal (80 columns when it does not say) is wrapped, not cut.
    expect(tty.err().replaceAll('\n', '')).toContain(`wpdiff: reading ${owasp('2019.en.md')}…`)
    expect(tty.err()).toContain('wpdiff: aligning and comparing…')
    // What the terminal shows at the end: the language warning on a line of its own, no progress left.
    const shown = terminalScreen(tty.err())
    expect(shown).toHaveLength(2)
    expect(shown[0]).toMatch(/^wpdiff: .*different languages/u)
    expect(shown.join('\n')).not.toContain('…')
    const args = ['compare', '--stat', owasp('2019.en.md'), owasp('2023.en.md')]
    const pipe = fakeIo()
    expect(await execute(args, pipe)).toBe(1)
    expect(pipe.err()).toBe('')
    const quiet = fakeIo({tty: true})
    expect(await execute([...args, '--quiet'], quiet)).toBe(1)
    expect(quiet.err()).toBe('')
  })

  it('shows a PDF’s pages as they are read, on a terminal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-progress-'))
    const paper = (words: string) =>
      writePdf(
        ['Scope', 'Terms', 'Rules'].map((title, index) => ({
          lines: [
            {text: title, x: 72, y: 80, size: 18, bold: true},
            {text: `The ${title.toLowerCase()} of this paper are ${words}, page ${index + 1}.`, x: 72, y: 120, size: 10}
          ]
        }))
      )
    writeFileSync(path.join(dir, 'old.pdf'), paper('short'))
    writeFileSync(path.join(dir, 'new.pdf'), paper('longer now'))
    const tty = fakeIo({cwd: dir, tty: true})
    expect(await execute(['compare', '--stat', '--no-cache', 'old.pdf', 'new.pdf'], tty)).toBe(1)
    const err = tty.err().replaceAll('\n', '')
    for (const file of ['old.pdf', 'new.pdf']) expect(err).toContain(`wpdiff: reading ${file}: page 3 of 3…`)
    expect(terminalScreen(tty.err())).toEqual([''])
    rmSync(dir, {recursive: true, force: true})
  })

  it('says an unknown option in one line of its own words', async () => {
    const io = fakeIo()
    expect(await execute(['compare', '--stats', owasp('2019.en.md'), owasp('2023.en.md')], io)).toBe(2)
    expect(io.err()).toBe("wpdiff compare: unknown option '--stats' — run `wpdiff compare --help`\n")
    const missing = fakeIo()
    expect(await execute(['compare', owasp('2019.en.md'), owasp('2023.en.md'), '-o'], missing)).toBe(2)
    expect(missing.err()).toBe('wpdiff compare: --output needs a value — run `wpdiff compare --help`\n')
    // A file named with a leading -, and a value starting with -: what to write instead.
    const dashed = fakeIo()
    expect(await execute(['compare', '-2019.md', owasp('2023.en.md')], dashed)).toBe(2)
    expect(dashed.err()).toBe(
      "wpdiff compare: unknown option '-2' in '-2019.md' (a file whose name starts with -? write ./-2019.md, or put -- before it) — run `wpdiff compare --help`\n"
    )
    const value = fakeIo()
    expect(await execute(['compare', owasp('2019.en.md'), owasp('2023.en.md'), '-o', '-x.html'], value)).toBe(2)
    expect(value.err()).toBe('wpdiff compare: -o needs a value; one starting with - is written --output=-… — run `wpdiff compare --help`\n')
    const both = fakeIo()
    expect(await execute(['compare', '--json', '--stat', owasp('2019.en.md'), owasp('2023.en.md')], both)).toBe(2)
    expect(both.err()).toContain('choose one of --json and --stat')
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
    expect(io.out()).toContain('1 relation: 1 unchanged')
    expect(await execute(['compare', a, c], fakeIo())).toBe(1)
    expect(await execute(['compare', a, c, '--ignore-punctuation'], fakeIo())).toBe(0)
  })
})

/**
 * The lines a terminal shows after `text`, for the escapes a progress line uses: erase the line,
 * cursor up, to the line's start, synchronised output (ignored); anything else is text.
 */
function terminalScreen(text: string): string[] {
  const lines = ['']
  let row = 0
  for (const [, escape, char] of text.matchAll(/(\u001b\[[?0-9;]*[A-Za-z])|([^\u001b])/gsu)) {
    if (escape === '\u001b[2K') lines[row] = ''
    else if (escape === '\u001b[1A') row = Math.max(0, row - 1)
    else if (escape !== undefined) continue
    else if (char === '\n') {
      row++
      lines[row] ??= ''
    } else lines[row] += char ?? ''
  }
  return lines.slice(0, row + 1)
}
