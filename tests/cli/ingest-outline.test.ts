import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {fakeIo} from './fake-io.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures/ingest')
const editions = path.resolve(import.meta.dirname, '../../editions')
const scratch = (): string => mkdtempSync(path.join(tmpdir(), 'wpdiff-cli-'))

/** Writes a file into the scratch folder and returns its path. */
function fileIn(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name)
  writeFileSync(file, content)
  return file
}

/** Run and return [exit code, stdout, stderr]. */
async function run(argv: string[], options: Parameters<typeof fakeIo>[0] = {}): Promise<[number, string, string]> {
  const io = fakeIo(options)
  const code = await execute(argv, io)
  return [code, io.out(), io.err()]
}

describe('wpdiff (top level)', () => {
  it('prints help to stdout and exits 0, listing every command', async () => {
    const [code, out] = await run(['--help'])
    expect(code).toBe(0)
    for (const name of ['ingest', 'outline', 'compare', 'history', 'report', 'trends']) expect(out).toContain(`  ${name} `)
  })

  it('prints the version from package.json', async () => {
    const {version} = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {version: string}
    expect(await run(['--version'])).toEqual([0, `${version}\n`, ''])
  })

  it('rejects an unknown command in one line with exit 2', async () => {
    const [code, out, err] = await run(['frobnicate'])
    expect([code, out]).toEqual([2, ''])
    expect(err).toBe("wpdiff: unknown command 'frobnicate' — run `wpdiff --help`\n")
  })

  it('every command has --help on stdout with exit 0', async () => {
    for (const name of ['ingest', 'outline', 'compare', 'history', 'report', 'trends']) {
      const [code, out, err] = await run([name, '--help'])
      expect([code, err], name).toEqual([0, ''])
      expect(out, name).toMatch(new RegExp(`^Usage: wpdiff ${name}`, 'u'))
    }
  })

  it('turns a bad flag into a usage line pointing at the command help', async () => {
    const [code, , err] = await run(['outline', '--frob', 'x.md'])
    expect(code).toBe(2)
    expect(err).toMatch(/^wpdiff outline: .*--frob.* — run `wpdiff outline --help`\n$/u)
  })
})

describe('wpdiff outline', () => {
  it('prints an indented tree with numbering, titles and word counts', async () => {
    const [code, out, err] = await run(['outline', path.join(fixtures, 'html-page/input.html')])
    expect([code, err]).toEqual([0, ''])
    expect(out).toBe(
      [
        'Defence White Paper 2022 — html-page input (2022), en, 25 words',
        '  Chapter 1 Security Environment  [6/19]',
        '    Section 1 Global Trends  [7]',
        '    Section 2 Regional Trends  [6]',
        '  Chapter 2 Defence Policy  [6]',
        ''
      ].join('\n')
    )
  })

  it('prints the wpdiff/outline@1 JSON with exactly the documented fields', async () => {
    const [code, out] = await run(['outline', '--json', path.join(editions, 'owasp-api-security-top10/2023.md')])
    expect(code).toBe(0)
    const outline = JSON.parse(out) as Record<string, unknown> & {
      sections: Array<Record<string, unknown>>
      edition: Record<string, unknown>
    }
    expect(outline.schema).toBe('wpdiff/outline@1')
    expect(Object.keys(outline.edition)).toEqual(['series', 'edition', 'year', 'title', 'language', 'words', 'source'])
    expect(outline.edition).toMatchObject({series: 'owasp-api-security-top10', edition: '2023', year: 2023, language: 'en'})
    expect(outline.edition.source).toMatchObject({file: '2023.en.md', format: 'md'})
    const api1 = outline.sections.find((s) => s.numbering === 'API1:2023')
    expect(api1).toEqual({
      id: 'api1-2023-broken-object-level-authorization',
      heading: 'API1:2023 Broken Object Level Authorization',
      numbering: 'API1:2023',
      title: 'Broken Object Level Authorization',
      level: 1,
      path: ['API1:2023 Broken Object Level Authorization'],
      words: expect.any(Number),
      totalWords: expect.any(Number),
      page: null
    })
    // Flat, in document order, the document title excluded: one entry per heading.
    const headings = readFileSync(path.join(editions, 'owasp-api-security-top10/2023.md'), 'utf8').match(/^#{1,6} /gmu) ?? []
    expect(outline.sections).toHaveLength(headings.length)
  })

  it('reads stdin for -', async () => {
    const [code, out] = await run(['outline', '-'], {stdin: '# One\n\nText.\n\n# Two\n\nMore.\n'})
    expect(code).toBe(0)
    expect(out).toContain('  One  [1]\n  Two  [1]\n')
  })

  it('warns on stderr about a heading level jump, keeping stdout clean', async () => {
    const [code, out, err] = await run(['outline', path.join(fixtures, 'heading-level-jump/input.md')])
    expect(code).toBe(0)
    expect(err).toMatch(/^wpdiff: .*input\.md:5: warning: heading level jump h1→h4/u)
    expect(out).toContain('    1.1.1 Deep detail')
  })

  it('counts repeated warnings of one kind on one line, and lists them all with --verbose', async () => {
    const dir = scratch()
    const file = path.join(dir, 'jumps.md')
    writeFileSync(
      file,
      `${['# One', '#### Deep one', '# Two', '#### Deep two', '# Three', '#### Deep three', '# Four', '#### Deep four'].join('\n\n')}\n`
    )
    const [code, out, err] = await run(['outline', file])
    expect(code).toBe(0)
    expect(out).toContain('Deep four')
    expect(err).toBe(
      `wpdiff: ${file}: warning: 4 headings jump more than one level; each is placed one level below the heading before it (first: "Deep one" line 3, "Deep two" line 7, "Deep three" line 11); --verbose lists all 4\n`
    )
    const [, , verbose] = await run(['outline', '--verbose', file])
    expect(verbose.split('\n').filter((line) => line.includes('warning: heading level jump'))).toHaveLength(4)
  })

  it('treats a text without headings as one section named after the document', async () => {
    const [code, out] = await run(['outline', path.join(fixtures, 'text-no-headings/input.txt')])
    expect(code).toBe(0)
    expect(out.split('\n').filter((line) => line.startsWith('  '))).toEqual(['  text-no-headings input  [40]'])
  })
})

describe('bad input: one line on stderr naming the file, exit 2, nothing written', () => {
  const cases: Array<[string, (dir: string) => string[], RegExp]> = [
    ['a missing file', (dir) => ['outline', path.join(dir, 'nope.md')], /nope\.md: no such file — check the path/u],
    ['a folder given as a file', (dir) => ['outline', dir], /: is a folder, not a file — name one edition file/u],
    ['an empty file', (dir) => ['outline', fileIn(dir, 'empty.md', '')], /empty\.md: the file is empty/u],
    [
      'a binary file',
      (dir) => [
        'outline',
        fileIn(
          dir,
          'x.md',
          new Uint8Array(5000).map((_, i) => (i * 31) % 256)
        )
      ],
      /x\.md: binary data, not text/u
    ],
    ['an unknown extension', (dir) => ['outline', fileIn(dir, 'a.xyz', 'hello')], /a\.xyz: unknown file type '\.xyz' — pass --from/u],
    [
      'a wrong --from',
      (dir) => ['outline', '--from', 'md', fileIn(dir, 'a.pdf', '%PDF-1.4\n')],
      /a\.pdf: --from md given, but the file is a PDF/u
    ],
    ['an unknown --from', (dir) => ['outline', '--from', 'rtf', fileIn(dir, 'a.md', '# A')], /unknown --from 'rtf'/u],
    ['white space only', (dir) => ['outline', fileIn(dir, 'blank.txt', ' \n\n\t\n')], /blank\.txt: the file holds only white space/u],
    [
      'an output path in a missing folder',
      (dir) => ['ingest', path.join(fixtures, 'crlf-line-ends/input.md'), '-o', path.join(dir, 'missing/out.md')],
      /folder .*missing does not exist — create it first/u
    ]
  ]
  for (const [name, setup, message] of cases) {
    it(name, async () => {
      const dir = scratch()
      const [code, out, err] = await run(setup(dir))
      expect(code).toBe(2)
      expect(out).toBe('')
      expect(err).toMatch(message)
      expect(err.trim().split('\n')).toHaveLength(1)
      expect(err).toMatch(/^wpdiff: /u)
      expect(err).not.toMatch(/\n\s+at /u)
    })
  }
})

describe('wpdiff ingest', () => {
  it('writes the normalised edition to stdout, idempotently', async () => {
    const [code, out] = await run(['ingest', path.join(fixtures, 'markdown-cleanup/input.md'), '--series', 's', '--edition', 'e'])
    expect(code).toBe(0)
    expect(out).toMatch(/^---\nseries: s\nedition: e\n/u)
    const [code2, out2] = await run(['ingest', '-', '--from', 'md'], {stdin: out})
    expect(code2).toBe(0)
    expect(out2).toBe(out)
  })

  it('derives series, edition and year from editions/<series>/<edition>.<ext>', async () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'defence-white-paper'))
    writeFileSync(path.join(dir, 'defence-white-paper', '2019.txt'), 'Chapter 1 Outlook\n\nThe outlook is uncertain.\n')
    const [code, out] = await run(['ingest', path.join(dir, 'defence-white-paper', '2019.txt')])
    expect(code).toBe(0)
    expect(out).toMatch(/^---\nseries: defence-white-paper\nedition: "2019"\nyear: 2019\n/u)
  })

  it('takes the series from the folder when run inside it with a bare file name', async () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'annual-report'))
    writeFileSync(path.join(dir, 'annual-report', '2021.md'), '# Outlook\n\nSteady growth.\n')
    const [code, out] = await run(['outline', '--json', '2021.md'], {cwd: path.join(dir, 'annual-report')})
    expect(code).toBe(0)
    expect(JSON.parse(out).edition).toMatchObject({series: 'annual-report', edition: '2021', year: 2021})
  })

  it('writes atomically with -o, refuses to overwrite without --force, and leaves no temporary file', async () => {
    const dir = scratch()
    const target = path.join(dir, 'out.md')
    const input = path.join(fixtures, 'utf16-bom/input.md')
    expect((await run(['ingest', input, '-o', target]))[0]).toBe(0)
    const first = readFileSync(target, 'utf8')
    expect(first).toContain('café and 한국어')
    const [code, , err] = await run(['ingest', input, '-o', target])
    expect(code).toBe(2)
    expect(err).toMatch(/out\.md: already exists — pass --force to overwrite it/u)
    expect((await run(['ingest', input, '-o', target, '--force']))[0]).toBe(0)
    expect(readdirSync(dir)).toEqual(['out.md'])
  })

  it('reads a 20 MB Markdown edition', async () => {
    const dir = scratch()
    const paragraph = 'The ministry pursued cooperation with its neighbours and partners across the region. '.repeat(8)
    const parts: string[] = []
    let size = 0
    for (let i = 1; size < 20 * 1024 * 1024; i++) {
      const part = `${i % 50 === 1 ? `# Chapter ${i}\n\n` : ''}${paragraph}\n\n`
      parts.push(part)
      size += part.length
    }
    writeFileSync(path.join(dir, 'huge.md'), parts.join(''))
    const [code, out] = await run(['outline', '--json', path.join(dir, 'huge.md')])
    expect(code).toBe(0)
    const outline = JSON.parse(out) as {sections: unknown[]; edition: {words: number}}
    expect(outline.sections.length).toBe(Math.ceil(parts.length / 50))
    expect(outline.edition.words).toBe(parts.length * 8 * 12)
  }, 600_000)
})

describe('wpdiff outline, pages', () => {
  it('gives a section the page number printed on its page, and the PDF page where that differs', async () => {
    const dir = scratch()
    const markdown = (labels: string) =>
      `---\nseries: guide\nedition: "2024"\ntitle: Guide\nlanguage: en\ngenerator: wpdiff\n${labels}---\n\n<!-- page: 1 -->\n\n# Foreword\n\nPublished every year.\n\n<!-- page: 3 -->\n\n# Scope\n\nThe guide covers licences.\n`
    const [, labelled] = await run(['outline', fileIn(dir, 'labelled.md', markdown('pageLabels:\n  - i\n  - ii\n  - "1"\n'))])
    expect(labelled).toContain('  Foreword  [3]  p. i (PDF page 1)\n')
    expect(labelled).toContain('  Scope  [4]  p. 1 (PDF page 3)\n')
    const [, plain] = await run(['outline', fileIn(dir, 'plain.md', markdown(''))])
    expect(plain).toContain('  Scope  [4]  p. 3\n')
  })
})
