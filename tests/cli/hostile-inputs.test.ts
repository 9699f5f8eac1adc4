import {execFileSync} from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {isEditionFile} from '../../src/cli/load-series.js'
import {onStdoutError} from '../../src/cli/main.js'
import {fakeIo} from './fake-io.js'

// Issue #22: what a careful user or an attacker can hand the command line. Generated inputs; the
// test runner's timeout bounds them.
const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'trends', 'korean-particles')
const files = ['2019.md', '2020.md', '2021.md'].map((name) => path.join(fixture, name))

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'wpdiff-hostile-'))
}

describe('user regular expressions', () => {
  it('a catastrophic --terms pattern is counted, not hung on', async () => {
    const io = fakeIo()
    expect(await execute(['trends', '--json', '--terms', '/(.*a){25}/,/(x+x+)+y/', ...files], io)).toBe(0)
    const result = JSON.parse(io.out())
    expect(result.terms.map((term: {counts: number[]}) => term.counts)).toEqual([
      [0, 0, 0],
      [0, 0, 0]
    ])
  })

  it('a pattern RE2 cannot run is a usage error naming the term', async () => {
    const io = fakeIo()
    expect(await execute(['trends', '--terms', '/(a)\\1/', ...files], io)).toBe(2)
    expect(io.err()).toMatch(/^wpdiff trends: term \/\(a\)\\1\/ is not a regular expression wpdiff can run/u)
  })

  it('report builds a site whose series.yaml has a catastrophic theme', async () => {
    const dir = scratch()
    const series = path.join(dir, 'editions', 'particles')
    mkdirSync(series, {recursive: true})
    for (const file of files) copyFileSync(file, path.join(series, path.basename(file)))
    writeFileSync(path.join(series, 'series.yaml'), 'title: T\nthemes:\n  slow: ["/(.*a){25}/"]\n')
    const io = fakeIo({cwd: dir})
    expect(await execute(['report', 'editions', '-o', 'site', '--quiet'], io)).toBe(0)
    expect(readdirSync(path.join(dir, 'site', 'particles'))).toContain('trends.html')
  })

  it('a series.yaml theme RE2 cannot run is refused, naming the file and theme', async () => {
    const dir = scratch()
    for (const file of files) copyFileSync(file, path.join(dir, path.basename(file)))
    writeFileSync(path.join(dir, 'series.yaml'), 'title: T\nthemes:\n  bad: ["/a(?=b)/"]\n')
    const io = fakeIo({cwd: dir})
    expect(await execute(['trends', '.'], io)).toBe(2)
    expect(io.err()).toMatch(/^wpdiff: series\.yaml: theme "bad": term \/a\(\?=b\)\//mu)
  })
})

describe('many terms', () => {
  it('trends -o with 50,000 terms writes the page (Math.max over a spread overflowed the stack)', async () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'terms.txt'), Array.from({length: 50_000}, (_, i) => `term${i}`).join('\n'))
    const io = fakeIo({cwd: dir})
    expect(await execute(['trends', '--terms-file', 'terms.txt', '-o', 'trends.html', ...files], io)).toBe(0)
    expect(io.err()).toMatch(/^wpdiff: wrote trends\.html \([0-9.]+ MB\)\n$/u)
    expect(statSync(path.join(dir, 'trends.html')).size).toBeGreaterThan(0)
  })
})

describe('-o never clobbers what it should not', () => {
  const edition = files[0]!

  it('refuses to replace a FIFO, even with --force', async () => {
    const dir = scratch()
    const fifo = path.join(dir, 'pipe')
    execFileSync('mkfifo', [fifo])
    const io = fakeIo({cwd: dir})
    expect(await execute(['ingest', edition, '-o', 'pipe', '--force'], io)).toBe(2)
    expect(io.err()).toBe(`wpdiff: ${fifo}: is a FIFO, not a regular file; wpdiff never replaces one — choose another -o\n`)
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('refuses to replace a symbolic link, even with --force', async () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'target.md'), 'keep')
    symlinkSync('target.md', path.join(dir, 'link.md'))
    const io = fakeIo({cwd: dir})
    expect(await execute(['ingest', edition, '-o', 'link.md', '--force'], io)).toBe(2)
    expect(io.err()).toMatch(/^wpdiff: \S+\/link\.md: is a symbolic link, not a regular file/u)
    expect(readFileSync(path.join(dir, 'target.md'), 'utf8')).toBe('keep')
  })

  it('-o newdir/ (missing folder, trailing slash) writes no file named newdir', async () => {
    const dir = scratch()
    const io = fakeIo({cwd: dir})
    expect(await execute(['ingest', edition, '-o', 'newdir/'], io)).toBe(2)
    expect(io.err()).toBe(
      'wpdiff: newdir/: names a folder (it ends with /), not a file — give a file name to -o, such as out/report.html\n'
    )
    expect(readdirSync(dir)).toEqual([])
  })

  it('removes the temporary files a killed run left behind, and no others', async () => {
    const dir = scratch()
    // A pid far above any pid_max: no such process.
    const stale = '.out.md.tmp-99999999-0a1b2c3d'
    writeFileSync(path.join(dir, stale), 'half')
    writeFileSync(path.join(dir, `.out.md.tmp-${process.pid}-0a1b2c3e`), 'ours, running')
    writeFileSync(path.join(dir, '.notes.tmp-1-x'), 'the user’s')
    const io = fakeIo({cwd: dir})
    expect(await execute(['ingest', edition, '-o', 'out.md'], io)).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['.notes.tmp-1-x', `.out.md.tmp-${process.pid}-0a1b2c3e`, 'out.md'])
  })
})

describe('a PDF whose pages cannot be loaded', () => {
  // A minimal PDF of the given objects (numbered from 1, the first the catalog), with its xref table.
  const pdfOf = (objects: string[]): Uint8Array => {
    let body = '%PDF-1.4\n'
    const offsets = objects.map((object, index) => {
      const offset = body.length
      body += `${index + 1} 0 obj\n${object}\nendobj\n`
      return offset
    })
    const xref = body.length
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
    return new TextEncoder().encode(body)
  }

  it('is damaged, not a scan to OCR: a page tree that loops back on itself', async () => {
    const dir = scratch()
    const catalog = '<< /Type /Catalog /Pages 2 0 R >>'
    writeFileSync(
      path.join(dir, 'loop.pdf'),
      pdfOf([catalog, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>'])
    )
    const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'
    writeFileSync(path.join(dir, 'half.pdf'), pdfOf([catalog, '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', page]))
    const io = fakeIo({cwd: dir})
    expect(await execute(['outline', 'loop.pdf'], io)).toBe(2)
    expect(await execute(['outline', 'half.pdf'], io)).toBe(2)
    expect(io.err()).toBe(
      'wpdiff: loop.pdf: the PDF is damaged: its one page could not be read — download or export the PDF again\n' +
        'wpdiff: half.pdf: the PDF is damaged: 1 of its 2 pages could not be read, and the rest are blank — download or export the PDF again\n'
    )
  })
})

describe('-o naming an edition the command reads', () => {
  const pdf = path.join(import.meta.dirname, '..', 'fixtures', 'pdf', 'semver-2.0.0', 'document.pdf')

  it('is refused even with --force, and the edition is left as it was', async () => {
    const dir = scratch()
    for (const file of files) copyFileSync(file, path.join(dir, path.basename(file)))
    mkdirSync(path.join(dir, 'original'))
    copyFileSync(pdf, path.join(dir, 'original', 'semver.pdf'))
    const before = readFileSync(path.join(dir, '2019.md'))
    const runs = [
      ['compare', '2019.md', '2020.md', '-o', '2019.md', '--force'],
      ['compare', '2019.md', '2020.md', '--json', '-o', './2020.md', '--force'],
      ['trends', '.', '-o', '2019.md', '--force'],
      ['trends', '2019.md', '2020.md', '-o', '2020.md', '--force'],
      ['ingest', 'original/semver.pdf', '-o', 'original/semver.pdf', '--force']
    ]
    for (const argv of runs) {
      const io = fakeIo({cwd: dir})
      expect(await execute(argv, io), argv.join(' ')).toBe(2)
      const target = path.join(dir, argv[argv.indexOf('-o') + 1]!)
      expect(io.err()).toBe(`wpdiff: ${target}: is an edition this command reads; wpdiff never writes over one — choose another -o\n`)
    }
    expect(readFileSync(path.join(dir, '2019.md'))).toEqual(before)
    expect(readFileSync(path.join(dir, 'original', 'semver.pdf'))).toEqual(readFileSync(pdf))
  })

  it('ingest still normalises a Markdown edition in place, and other outputs are still replaced with --force', async () => {
    const dir = scratch()
    for (const file of files) copyFileSync(file, path.join(dir, path.basename(file)))
    writeFileSync(path.join(dir, 'out.json'), 'old')
    expect(await execute(['ingest', '2019.md', '-o', '2019.md', '--force'], fakeIo({cwd: dir}))).toBe(0)
    expect(await execute(['compare', '2019.md', '2020.md', '--json', '-o', 'out.json', '--force'], fakeIo({cwd: dir}))).toBe(1)
    expect(readFileSync(path.join(dir, 'out.json'), 'utf8')).toContain('wpdiff/compare@1')
  })
})

describe('file system errors are one line naming the file, not a bug report', () => {
  it.skipIf(!existsSync('/proc/self'))(
    'a folder that takes no new file is reported under the -o name, not its temporary file',
    async () => {
      const io = fakeIo()
      expect(await execute(['compare', ...files.slice(0, 2), '-o', '/proc/wpdiff-out.json'], io)).toBe(2)
      expect(io.err()).toBe('wpdiff: /proc/wpdiff-out.json: no such file or folder — check the path\n')
    }
  )

  it('a symbolic link loop in a series folder (ELOOP)', async () => {
    const dir = scratch()
    for (const file of files) copyFileSync(file, path.join(dir, path.basename(file)))
    symlinkSync('2022.md', path.join(dir, '2022.md'))
    const io = fakeIo({cwd: dir})
    expect(await execute(['trends', '.'], io)).toBe(2)
    expect(io.err()).not.toMatch(/internal error|bug/u)
    expect(io.err()).toBe('wpdiff: 2022.md: a loop of symbolic links — fix or remove the link\n')
  })

  it('report -o onto a file', async () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'site'), 'a file')
    const io = fakeIo({cwd: dir})
    expect(await execute(['report', path.join(import.meta.dirname, '..', '..', 'editions'), '-o', 'site'], io)).toBe(2)
    expect(io.err()).toBe('wpdiff: site: is a file, not a folder — give a folder to -o\n')
  })

  it.skipIf(!existsSync('/proc/self'))(
    'report -o a folder the system will not make (/proc/…) fails at once, not in an endless retry',
    async () => {
      const io = fakeIo()
      const series = path.join(scratch(), 'editions', 'series')
      mkdirSync(series, {recursive: true})
      for (const file of files) copyFileSync(file, path.join(series, path.basename(file)))
      expect(await execute(['report', path.dirname(series), '-o', '/proc/wpdiff-site/a', '--no-cache', '-q'], io)).toBe(2)
      expect(io.err()).toBe('wpdiff: /proc/wpdiff-site: no such file or folder — check the path\n')
    },
    20_000
  )

  it('report -o a new folder several levels deep makes them all', async () => {
    const dir = scratch()
    const series = path.join(dir, 'editions', 'series')
    mkdirSync(series, {recursive: true})
    for (const file of files) copyFileSync(file, path.join(series, path.basename(file)))
    expect(await execute(['report', 'editions', '-o', 'out/a/b', '--no-cache', '-q'], fakeIo({cwd: dir}))).toBe(0)
    expect(readdirSync(path.join(dir, 'out', 'a', 'b'))).toContain('index.html')
  }, 60_000)

  it('--debug traces carry no colour codes when stderr is not a terminal', async () => {
    const dir = scratch()
    symlinkSync('x.md', path.join(dir, 'x.md'))
    const io = fakeIo({cwd: dir})
    expect(await execute(['outline', 'x.md', '--debug'], io)).toBe(2)
    expect(io.err()).not.toContain('\u001b[')
  })
})

describe('standard output closed or full', () => {
  it('EPIPE exits quietly with the code already decided; ENOSPC is one line and exit 2', () => {
    expect(onStdoutError(Object.assign(new Error('write EPIPE'), {code: 'EPIPE'}), 1)).toEqual({code: 1, line: null})
    expect(onStdoutError(Object.assign(new Error('write EPIPE'), {code: 'EPIPE'}), undefined)).toEqual({code: 0, line: null})
    expect(onStdoutError(Object.assign(new Error('write ENOSPC'), {code: 'ENOSPC'}), 0)).toEqual({
      code: 2,
      line: 'wpdiff: standard output: no space left on the device — free some space'
    })
  })
})

describe('inputs whose size is not known before they are read', () => {
  const limit = 256 * 1024 * 1024

  it.skipIf(!existsSync('/dev/zero'))(
    'an endless device (/dev/zero) is refused past the limit, not read until memory runs out',
    async () => {
      const io = fakeIo()
      expect(await execute(['outline', '/dev/zero', '--from', 'txt'], io)).toBe(2)
      expect(io.err()).toBe('wpdiff: /dev/zero: too large (more than 256 MB) — split the edition into parts\n')
    }
  )

  it('stdin is asked for no more than the limit, and refused past it', async () => {
    const asked: (number | undefined)[] = []
    const io = {...fakeIo(), readStdin: async (most?: number) => (asked.push(most), new Uint8Array(limit + 1))}
    const err: string[] = []
    io.stderr = {write: (chunk: string) => err.push(chunk)}
    expect(await execute(['outline', '-'], io)).toBe(2)
    expect(asked).toEqual([limit])
    expect(err.join('')).toBe('wpdiff: -: too large (more than 256 MB) — split the edition into parts\n')
  })
})

describe('every command that reads PDFs takes --password', () => {
  const encrypted = path.join(import.meta.dirname, '..', 'fixtures', 'pdf', 'bad', 'encrypted.pdf')

  it.each(['compare', 'history', 'trends'])('%s', async (command) => {
    // Two editions with labels of their own (one file twice would be one label twice).
    const dir = scratch()
    copyFileSync(encrypted, path.join(dir, '2020.pdf'))
    copyFileSync(encrypted, path.join(dir, '2021.pdf'))
    const argv = [command, '2020.pdf', '2021.pdf']
    const without = fakeIo({cwd: dir})
    expect(await execute(argv, without)).toBe(2)
    expect(without.err()).toContain('--password')
    const io = fakeIo({cwd: dir})
    expect(await execute([...argv, '--password', 'secret', '--quiet'], io)).toBe(0)
    expect(io.err()).toBe('')
  })
})

describe('a series folder', () => {
  it('three editions that all say edition "2020" are refused, naming two of them', async () => {
    const dir = scratch()
    for (const year of [2019, 2020, 2021]) {
      writeFileSync(path.join(dir, `${year}.md`), `---\nedition: "2020"\n---\n\n# T\n\n## Scope\n\nText of ${year}.\n`)
    }
    for (const command of ['trends', 'history']) {
      const io = fakeIo({cwd: dir})
      expect(await execute([command, '.'], io)).toBe(2)
      expect(io.err()).toBe(
        'wpdiff: 2020.md: 2019.md and 2020.md are both edition "2020" — give each edition its own label (the `edition:` field of its front matter, or its file name)\n'
      )
    }
  })

  it('report refuses them too, before it writes a page', async () => {
    const dir = scratch()
    const series = path.join(dir, 'editions', 's')
    mkdirSync(series, {recursive: true})
    for (const year of [2019, 2020, 2021]) {
      writeFileSync(path.join(series, `${year}.md`), `---\nedition: "2020"\n---\n\n# T\n\n## Scope\n\nText of ${year}.\n`)
    }
    const io = fakeIo({cwd: dir})
    expect(await execute(['report', 'editions', '-o', 'site'], io)).toBe(2)
    expect(io.err()).toMatch(/^wpdiff: \S*2020\.md: \S*2019\.md and \S*2020\.md are both edition "2020" — /u)
    expect(readdirSync(dir)).toEqual(['editions'])
  })

  it('the same label in two languages is no duplicate', async () => {
    const dir = scratch()
    writeFileSync(path.join(dir, '2020.en.md'), '# T\n\n## Scope\n\nThe text of the edition.\n')
    writeFileSync(path.join(dir, '2020.ko.md'), '# 제목\n\n## 범위\n\n이 판의 본문입니다.\n')
    writeFileSync(path.join(dir, '2021.en.md'), '# T\n\n## Scope\n\nThe text of the new edition.\n')
    const io = fakeIo({cwd: dir})
    expect(await execute(['history', '.', '--lang', 'en'], io)).toBe(0)
  })
})

describe('which files of a series folder are editions: one rule for every command', () => {
  it.each(['trends', 'history'])('%s leaves out notes.txt and .hidden.md', async (command) => {
    const dir = scratch()
    for (const file of files) copyFileSync(file, path.join(dir, path.basename(file)))
    writeFileSync(path.join(dir, 'notes.txt'), 'Where these editions came from: a long note, of many words.\n')
    writeFileSync(path.join(dir, '.hidden.md'), '# Hidden\n\n## Draft\n\nA draft.\n')
    const io = fakeIo({cwd: dir})
    expect(await execute([command, '.', '--json', '--quiet'], io)).toBe(0)
    expect(JSON.parse(io.out()).editions.map((edition: {label?: string; edition?: string}) => edition.label ?? edition.edition)).toEqual([
      '2019',
      '2020',
      '2021'
    ])
  })

  it('isEditionFile says so by name', () => {
    expect(
      ['2020.md', 'notes.txt', 'NOTES.md', '.hidden.md', '.2020.md.tmp-1-0a1b2c3d', 'SOURCE.md', '2021.pdf'].filter(isEditionFile)
    ).toEqual(['2020.md', '2021.pdf'])
  })
})

describe('an HTML page past what its converter can hold', () => {
  // 150,000 paragraphs side by side in one <body>: the converter overflowed the stack and the
  // user was told of a bug in wpdiff ('internal error: Maximum call stack size exceeded').
  it('is one line naming the file and what to do, exit 2', async () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'flat.html'), `<html><body>${'<p>x</p>'.repeat(150_000)}</body></html>`)
    const io = fakeIo({cwd: dir})
    expect(await execute(['outline', 'flat.html'], io)).toBe(2)
    expect(io.err()).toBe(
      'wpdiff: flat.html: too many blocks side by side in one element for the HTML converter (some 100,000 or more) — split the page into several, or save it as PDF or Word and give that\n'
    )
  }, 60_000)

  // 130,001 paragraphs on their own lines: the converter's white space pass took minutes on such a
  // page (quadratic), and the page was refused only after 80 s (500,000 of them); now before converting.
  it('is refused before the conversion, past 130,000 side by side', async () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'flat.html'), `<html><body>\n${'<p>x</p>\n'.repeat(130_001)}</body></html>`)
    const io = fakeIo({cwd: dir})
    expect(await execute(['outline', 'flat.html'], io)).toBe(2)
    expect(io.err()).toBe(
      'wpdiff: flat.html: too many blocks side by side in one element for the HTML converter (some 100,000 or more) — split the page into several, or save it as PDF or Word and give that\n'
    )
  }, 60_000)
})

describe('a Word document past what the HTML converter can hold', () => {
  it('is one line naming the file', async () => {
    // jszip: mammoth's own ZIP reader, here to write one.
    const {default: JSZip} = await import('jszip')
    const paragraphs = '<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(130_001)
    const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`
    const types =
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    const rels =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    const dir = scratch()
    const zip = new JSZip()
    zip.file('[Content_Types].xml', types)
    zip.file('_rels/.rels', rels)
    zip.file('word/document.xml', document)
    writeFileSync(path.join(dir, 'long.docx'), await zip.generateAsync({type: 'uint8array', compression: 'DEFLATE'}))
    const io = fakeIo({cwd: dir})
    expect(await execute(['outline', 'long.docx'], io)).toBe(2)
    expect(io.err()).toMatch(/^wpdiff: long\.docx: too many blocks side by side in one element for the HTML converter/u)
    expect(io.err().split('\n')).toHaveLength(2)
  }, 120_000)
})

describe('report on a disk that fills up', () => {
  // Every page of the site on disk, by path relative to it.
  function site(dir: string): Map<string, string> {
    const pages = new Map<string, string>()
    for (const name of readdirSync(dir, {recursive: true, encoding: 'utf8'}).sort()) {
      const full = path.join(dir, name)
      if (statSync(full).isFile()) pages.set(name, readFileSync(full, 'utf8'))
    }
    return pages
  }

  it('leaves the earlier site as it was, no temporary file behind, and says so in one line', async () => {
    const dir = scratch()
    const series = path.join(dir, 'editions', 'particles')
    mkdirSync(series, {recursive: true})
    for (const file of files) copyFileSync(file, path.join(series, path.basename(file)))
    const args = ['report', 'editions', '-o', 'site', '--no-cache', '-q']
    expect(await execute([...args, '--generated-at', '2020-01-01'], fakeIo({cwd: dir}))).toBe(0)
    const before = site(path.join(dir, 'site'))
    expect(before.size).toBeGreaterThan(3)
    // The third file's write fails as a full disk's does, after the first two were written.
    let writes = 0
    const io = fakeIo({cwd: dir})
    io.writeFile = async (file, content, options) => {
      if (++writes === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC', syscall: 'write'})
      writeFileSync(file, content, options)
    }
    expect(await execute([...args, '--generated-at', '2021-06-30'], io)).toBe(2)
    expect(io.err()).toMatch(
      /^wpdiff: \S+: no space left on the device; no file of the report in site was changed — free some space, or choose another place to write\n$/u
    )
    expect(site(path.join(dir, 'site'))).toEqual(before)
    // And with room again, every page is the new one.
    expect(await execute([...args, '--generated-at', '2021-06-30'], fakeIo({cwd: dir}))).toBe(0)
    expect([...site(path.join(dir, 'site')).values()].some((page) => page.includes('2021-06-30'))).toBe(true)
    expect([...site(path.join(dir, 'site')).values()].some((page) => page.includes('2020-01-01'))).toBe(false)
  }, 60_000)
})

describe('a Markdown paragraph of a million lines', () => {
  // One paragraph of 1,000,000 one-word lines (8 MB) took 43 s and 2.65 GB in one parse: now parsed
  // a group of lines at a time, the same outline. The test's timeout bounds it.
  it('is outlined with every word counted, in bounded time', async () => {
    const dir = scratch()
    const lines = Array.from({length: 1_000_000}, (_, index) => `word${index % 1000}`)
    writeFileSync(path.join(dir, 'long.md'), `# Title\n\n${lines.join('\n')}\n`)
    const io = fakeIo({cwd: dir})
    expect(await execute(['outline', 'long.md', '--json'], io)).toBe(0)
    const outline = JSON.parse(io.out())
    expect(outline.sections[0].title).toBe('Title')
    expect(outline.sections[0].words).toBe(1_000_000)
    expect(io.err()).toBe('')
  }, 30_000)
})

describe('file names that are not UTF-8', () => {
  it('are named as such, with what to do, not as missing', async () => {
    const dir = scratch()
    // A Latin-1 é (0xE9) in the name, as an old archive unpacks it.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/r`), Buffer.from([0xe9]), Buffer.from('sum-2020.md')]), '# R\n\ntext\n')
    writeFileSync(path.join(dir, 'b-2021.md'), '# R\n\nother text\n')
    const io = fakeIo({cwd: dir})
    expect(await execute(['trends', '.'], io)).toBe(2)
    expect(io.err()).toBe(
      'wpdiff: r\uFFFDsum-2020.md: its name is not valid UTF-8, and wpdiff can only open files by UTF-8 names — rename it in UTF-8 (e.g. convmv -f latin1 -t utf8 --notest)\n'
    )
  })
})
