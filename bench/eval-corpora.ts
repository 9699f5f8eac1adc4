/**
 * `npm run eval`: the checks that need the whole sample corpora, which the tests (reading only the
 * copies in tests/fixtures) cannot make.
 *
 * - Every file of `../shared/corpora` (338 in 11 series) ingests with words, re-ingesting its
 *   normalised Markdown gives the same bytes (a fixed point), and a Markdown original loses no word.
 * - Every consecutive pair of editions of one document in one language (304 pairs) is compared;
 *   the digest of each result is checked against bench/eval-corpora.digests.json, so a change that
 *   should not move any result can show it did not (`npm run eval -- --save` records new digests).
 *   The pairs that changed are named. `--maps FILE` writes every pair's section map (one line a
 *   relation: kind, old ids → new ids, doubtful) as JSON, to read two runs' maps side by side.
 * - Every shipped edition under editions/ is a fixed point of ingest.
 * - With `../shared/realpdf` present, bench/eval-pdf.ts runs after these (not with `--no-pdf`).
 *
 * Prints one table per check. Missing folders are reported and skipped; the exit code is 0 unless
 * `--strict` is given and a file failed a check.
 */
import {createHash} from 'node:crypto'
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {compareEditions, type CompareResult} from '../src/compare/compare-editions.js'
import {ingestEdition} from '../src/ingest/ingest-edition.js'
import type {Edition} from '../src/model/edition.js'
import {toNormalizedMarkdown} from '../src/normalize/to-normalized-markdown.js'
import {version} from '../src/cli/version.js'
import {checkIngest} from '../tests/support/check-ingest.js'

const root = path.resolve(import.meta.dirname, '..')
const corpora = path.resolve(root, '../shared/corpora')
const realpdf = path.resolve(root, '../shared/realpdf')
const digestsFile = path.join(import.meta.dirname, 'eval-corpora.digests.json')
const save = process.argv.includes('--save')
const strict = process.argv.includes('--strict')
const mapsAt = process.argv.indexOf('--maps')
const mapsFile = mapsAt >= 0 ? process.argv[mapsAt + 1] : undefined

function table(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))]
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)))
  const line = (row: string[]): string =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`)
  for (const row of cells.slice(1)) console.log(line(row))
}

/**
 * The editions of one document in one language, in edition order: the file name without its
 * version, date and language (`aad-v1.2.0-2024-04-04.md` → `aad`, `sig-node-2024.md` →
 * `sig-node`, `v2.0.en.md` → `` + `en`).
 */
function documentOf(name: string): string {
  const language = /\.([a-z]{2}(?:-[A-Za-z]{2,4})?)\.(?:md|txt)$/u.exec(name)?.[1] ?? ''
  const stem = /^\D*/u
    .exec(name)![0]
    .replace(/[-_.]+$/u, '')
    .replace(/(?:^|[-_.])v$/u, '')
    .replace(/[-_.]+$/u, '')
  return `${stem}|${language}`
}

/** Names sort in edition order in every series once half-years sort as their last quarter (2023-q1 before 2023-h2). */
const editionOrder = (name: string): string => name.replace(/-h1\b/u, '-q2').replace(/-h2\b/u, '-q4')

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12)

const problems: string[] = []

async function evalCorpora(): Promise<void> {
  if (!existsSync(corpora)) {
    console.log(`## Corpora: skipped (${corpora} not found; the tests use the copies in tests/fixtures/corpora)\n`)
    return
  }
  console.log(`## Corpora (${corpora})\n`)
  const saved = existsSync(digestsFile) ? (JSON.parse(readFileSync(digestsFile, 'utf8')) as Record<string, string>) : null
  const digests: Record<string, string> = {}
  const maps: Record<string, string[]> = {}
  const changedPairs: string[] = []
  const rows: (string | number)[][] = []
  const totals = {files: 0, ingested: 0, fixed: 0, lost: 0, pairs: 0, changed: 0}
  for (const series of readdirSync(corpora).sort()) {
    const folder = path.join(corpora, series)
    const names = readdirSync(folder)
      .filter((name) => /\.(md|txt)$/u.test(name) && name !== 'SOURCE.md')
      .sort()
    const editions = new Map<string, Edition>()
    let fixed = 0
    let lost = 0
    for (const name of names) {
      const relative = `${series}/${name}`
      try {
        const check = await checkIngest(readFileSync(path.join(folder, name)), relative)
        if (check.edition.words === 0) problems.push(`${relative}: no words`)
        else editions.set(name, check.edition)
        if (check.fixedPoint) fixed++
        else problems.push(`${relative}: not a fixed point of ingest`)
        for (const word of check.lost) {
          lost += word.before - word.after
          problems.push(`${relative}: lost ${word.word} (${word.before} → ${word.after})`)
        }
      } catch (error) {
        problems.push(`${relative}: ${(error as Error).message}`)
      }
    }
    const documents = new Map<string, string[]>()
    for (const name of [...names].sort((x, y) => (editionOrder(x) < editionOrder(y) ? -1 : 1)))
      documents.set(documentOf(name), [...(documents.get(documentOf(name)) ?? []), name])
    const pairDigests: string[] = []
    let changed = 0
    for (const list of documents.values()) {
      for (let k = 1; k < list.length; k++) {
        const [a, b] = [editions.get(list[k - 1]!), editions.get(list[k]!)]
        const key = `${series}/${list[k - 1]} → ${list[k]}`
        const result = a && b ? compareEditions(a, b) : null
        const value = result ? digest(result) : 'not ingested'
        digests[key] = value
        pairDigests.push(value)
        if (result && mapsFile) maps[key] = result.relations.map(sectionMapLine)
        if (saved && saved[key] !== value) {
          changed++
          changedPairs.push(key)
        }
      }
    }
    rows.push([
      series,
      names.length,
      editions.size,
      `${fixed}/${names.length}`,
      lost,
      pairDigests.length,
      `${digest(pairDigests)}/${saved ? changed : '-'}`
    ])
    totals.files += names.length
    totals.ingested += editions.size
    totals.fixed += fixed
    totals.lost += lost
    totals.pairs += pairDigests.length
    totals.changed += changed
  }
  rows.push([
    'all',
    totals.files,
    totals.ingested,
    `${totals.fixed}/${totals.files}`,
    totals.lost,
    totals.pairs,
    `${digest(Object.values(digests))}/${saved ? totals.changed : '-'}`
  ])
  table(['series', 'files', 'ingested', 'fixed point', 'words lost', 'pairs', 'digest/changed'], rows)
  console.log(
    saved
      ? `\nchanged: pairs whose comparison differs from ${path.relative(root, digestsFile)}${save ? ' (now saved again)' : ' (npm run eval -- --save records these)'}`
      : `\nno saved digests: ${save ? 'saved now' : 'npm run eval -- --save records them'} (${path.relative(root, digestsFile)})`
  )
  for (const key of changedPairs) console.log(`  changed: ${key}`)
  if (save) writeFileSync(digestsFile, `${JSON.stringify(digests, null, 2)}\n`)
  if (mapsFile) writeFileSync(mapsFile, `${JSON.stringify(maps, null, 1)}\n`)
}

/** One relation of a section map as a line: `matched a → b`, `doubtful` when so marked. */
function sectionMapLine(r: CompareResult['relations'][number]): string {
  const ids = (list: {id: string}[]): string => list.map((s) => s.id).join(' + ') || '∅'
  return `${r.kind} ${ids(r.old)} → ${ids(r.new)}${r.evidence?.doubtful ? ' (doubtful)' : ''}`
}

async function evalShippedEditions(): Promise<void> {
  const editions = path.join(root, 'editions')
  console.log(`\n## Shipped editions (editions/): re-ingest gives the same bytes\n`)
  const rows: (string | number)[][] = []
  for (const series of readdirSync(editions, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()) {
    const names = readdirSync(path.join(editions, series))
      .filter((name) => name.endsWith('.md') && name !== 'SOURCE.md')
      .sort()
    let fixed = 0
    for (const name of names) {
      const file = path.join(editions, series, name)
      const bytes = readFileSync(file)
      try {
        const {edition} = await ingestEdition(bytes, {file})
        if (toNormalizedMarkdown(edition, {generator: `wpdiff ${version}`}) === bytes.toString('utf8')) fixed++
        else problems.push(`editions/${series}/${name}: not a fixed point of ingest`)
      } catch (error) {
        problems.push(`editions/${series}/${name}: ${(error as Error).message}`)
      }
    }
    rows.push([series, names.length, `${fixed}/${names.length}`])
  }
  table(['series', 'editions', 'fixed point'], rows)
}

function evalRealPdf(): void {
  if (process.argv.includes('--no-pdf')) return
  if (!existsSync(realpdf)) {
    console.log(`\n## Real PDFs: skipped (${realpdf} not found)`)
    return
  }
  console.log(`\n## Real PDFs: bench/eval-pdf.ts\n`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'eval-pdf.ts')], {stdio: 'inherit', cwd: root})
  if (run.status !== 0) problems.push(`bench/eval-pdf.ts exited ${run.status ?? run.signal}`)
}

await evalCorpora()
await evalShippedEditions()
evalRealPdf()
console.log(`\n${problems.length} problems${problems.length > 0 ? ':' : ''}`)
for (const problem of problems.slice(0, 40)) console.log(`  ${problem}`)
if (problems.length > 40) console.log(`  … and ${problems.length - 40} more`)
if (strict && problems.length > 0) process.exitCode = 1
