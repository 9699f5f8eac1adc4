/**
 * Ingest + outline of the largest shipped edition and of a 600 KB Markdown edition built from real
 * corpus text, beside the bare remark-parse of the same bytes (the floor any Markdown reader pays)
 * in the same run. Target: under 0.5 s for the 600 KB edition.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {ingestEdition} from '../src/ingest/ingest-edition.js'
import {toOutline} from '../src/normalize/to-outline.js'
import {measure, peakRssMb, report} from './measure.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpora = path.resolve(root, '../shared/corpora')

/** About `bytes` of Markdown: the CNCF, OWASP and Firefox editions one after another, chapters kept. */
function buildLargeEdition(bytes: number): string {
  const sources = ['cncf-cloud-native-security-whitepaper', 'owasp-api-security-top10', 'mozilla-firefox-privacy-notice'].flatMap(
    (series) =>
      readdirSync(path.join(corpora, series))
        .filter((name) => /\.en\.md$|^\d{4}\.md$/u.test(name))
        .sort()
        .map((name) => readFileSync(path.join(corpora, series, name), 'utf8'))
  )
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const part = `# Part ${i + 1}\n\n${sources[i % sources.length]!.replace(/^#/gmu, '##')}\n\n`
    parts.push(part)
    size += Buffer.byteLength(part)
  }
  return parts.join('').slice(0, bytes)
}

export default async function run(): Promise<void> {
  const editions = path.join(root, 'editions')
  const largest = readdirSync(editions, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(path.join(editions, entry.name))
        .filter((n) => n.endsWith('.md') && n !== 'SOURCE.md')
        .map((n) => path.join(editions, entry.name, n))
    )
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]!
  const cases: Array<[string, Uint8Array, string]> = [
    [
      `largest shipped edition (${path.relative(root, largest)}, ${Math.round(statSync(largest).size / 1024)} KB)`,
      readFileSync(largest),
      largest
    ],
    ['600 KB Markdown edition (corpus text, never normalised)', new TextEncoder().encode(buildLargeEdition(600 * 1024)), 'big.md']
  ]
  const parser = unified().use(remarkParse).use(remarkGfm)
  for (const [label, bytes, file] of cases) {
    console.log(`  ${label}`)
    const text = new TextDecoder().decode(bytes)
    const floor = await measure('    remark-parse + gfm alone (baseline)', () => parser.parse(text))
    report(floor)
    const ours = await measure('    ingestEdition + toOutline', async () => toOutline((await ingestEdition(bytes, {file})).edition))
    report(ours, `${(ours.medianMs / floor.medianMs).toFixed(2)}× the bare parse${file === 'big.md' ? `; target < 500 ms` : ''}`)
  }
  console.log(`  peak memory ${peakRssMb().toFixed(0)} MB`)
}
