import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {renderDocx} from '../../src/report/render-docx.js'
import {readZip} from '../support/read-zip.js'
import {loadFixturePair} from './load-fixture.js'

const count = (xml: string, pattern: RegExp): number => xml.match(pattern)?.length ?? 0

async function edition(text: string, file: string) {
  return (await ingestEdition(new TextEncoder().encode(text), {file})).edition
}

describe('renderDocx', () => {
  it('writes tracked changes by wpdiff, headings in Word heading styles, notes and a summary page', async () => {
    const [before, after] = await loadFixturePair('small-pair')
    const result = compareEditions(before, after, {detail: 'blocks'})
    const docx = await renderDocx(result)
    const files = readZip(docx.bytes)
    const document = files.get('word/document.xml')!.toString('utf8')
    const comments = files.get('word/comments.xml')!.toString('utf8')
    // Every revision is by wpdiff, dated with the new edition's year.
    const insertions = count(document, /<w:ins /gu)
    const deletions = count(document, /<w:del /gu)
    expect(insertions).toBeGreaterThanOrEqual(docx.revisions.inserted)
    expect(deletions).toBeGreaterThanOrEqual(docx.revisions.deleted)
    expect(docx.revisions.inserted).toBeGreaterThan(0)
    expect(docx.revisions.deleted).toBeGreaterThan(0)
    expect(count(document, /w:author="wpdiff" w:date="2023-01-01T00:00:00Z"/gu)).toBe(insertions + deletions)
    // One heading per relation, in the style of its level, with the outline level the navigation pane reads.
    expect(count(document, /<w:pStyle w:val="Heading\d"\/>/gu)).toBe(result.relations.length)
    expect(count(document, /<w:outlineLvl /gu)).toBe(result.relations.length)
    expect(docx.headings).toBe(result.relations.length)
    // The renamed section: its old heading deleted, its new heading inserted, and a note saying so.
    expect(document).toMatch(/<w:delText[^>]*>2\. Passwords<\/w:delText>/u)
    expect(document).toMatch(/<w:t[^>]*>2\. Authentication<\/w:t>/u)
    expect(comments).toContain('renamed: Passwords → Authentication')
    expect(count(comments, /<w:comment /gu)).toBe(docx.notes)
    // The first page: the title, both editions, the counts, then a page break.
    expect(document).toMatch(/<w:pStyle w:val="Title"\/>.*Small Security Guide: what changed/u)
    expect(document).toContain('Words: +49 −24')
    expect(document.indexOf('<w:br w:type="page"/>')).toBeLessThan(document.indexOf('Heading1'))
    // The same comparison gives the same bytes.
    expect(Buffer.from((await renderDocx(result)).bytes).equals(Buffer.from(docx.bytes))).toBe(true)
  })

  it('writes a paragraph moved to another section as a Word move, both halves named alike', async () => {
    const moving = 'Keep an inventory of every service, its owner and the data it holds, and review it each quarter.'
    const access =
      'Passwords must be long, unique and stored only as salted hashes.\n\nAccounts lock after ten failed attempts within one hour.'
    const backups = 'Backups are taken every night, encrypted, and restored once a month.\n\nCopies are kept offline in a second building.'
    const old = await edition(`# Access\n\n${access}\n\n${moving}\n\n# Backups\n\n${backups}\n`, 'old.md')
    const next = await edition(`# Access\n\n${access}\n\n# Backups\n\n${backups}\n\n${moving}\n`, 'new.md')
    const docx = await renderDocx(compareEditions(old, next, {detail: 'blocks'}))
    const document = readZip(docx.bytes).get('word/document.xml')!.toString('utf8')
    expect(docx.revisions.moved).toBe(1)
    const from = /<w:moveFromRangeStart [^>]*w:name="([^"]+)"/u.exec(document)
    const to = /<w:moveToRangeStart [^>]*w:name="([^"]+)"/u.exec(document)
    expect(from?.[1]).toBe(to?.[1])
    expect(document).toMatch(new RegExp(`<w:moveTo [^>]*><w:r><w:t xml:space="preserve">${moving}</w:t>`, 'u'))
    expect(document.indexOf('<w:moveFrom ')).toBeLessThan(document.indexOf('<w:moveTo '))
    expect(count(document, /<w:del /gu)).toBe(0)
  })
})

// LibreOffice is a smoke test where it is installed (apt-get install libreoffice-writer-nogui).
const soffice = spawnSync('soffice', ['--version'], {encoding: 'utf8'}).status === 0

describe.skipIf(!soffice)('renderDocx in LibreOffice', () => {
  it('converts headless, keeping the tracked changes, their author, the notes and the outline', {timeout: 180_000}, async () => {
    const [before, after] = await loadFixturePair('small-pair')
    const docx = await renderDocx(compareEditions(before, after, {detail: 'blocks'}))
    const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-soffice-'))
    try {
      writeFileSync(path.join(dir, 'changes.docx'), docx.bytes)
      const run = spawnSync(
        'soffice',
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'fodt',
          '--outdir',
          dir,
          path.join(dir, 'changes.docx')
        ],
        {encoding: 'utf8', timeout: 170_000}
      )
      expect(run.status).toBe(0)
      const flat = readFileSync(path.join(dir, 'changes.fodt'), 'utf8')
      expect(count(flat, /<text:insertion>/gu)).toBeGreaterThan(0)
      expect(count(flat, /<text:deletion>/gu)).toBeGreaterThan(0)
      expect(flat).toContain('<dc:creator>wpdiff</dc:creator>')
      expect(count(flat, /<office:annotation[ >]/gu)).toBe(docx.notes)
      expect(count(flat, /text:outline-level="1"/gu)).toBeGreaterThan(0)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
