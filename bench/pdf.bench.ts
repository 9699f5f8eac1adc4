/**
 * PDF ingest of a 50+ page PDF (the CNCF security whitepaper printed by Chromium, cached in the
 * temp folder) beside `pdftotext` on the same file, with the ratio. Target: within 3× of pdftotext.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fromPdf} from '../src/ingest/from-pdf.js'
import {measure, peakRssMb, report} from './measure.js'
import {printPdfs} from './pdf-print.js'

const corpora = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../shared/corpora')

export default async function bench(): Promise<void> {
  const file = path.join(os.tmpdir(), 'wpdiff-bench-cncf-v1-2020.pdf')
  if (!existsSync(file)) {
    const markdown = readFileSync(path.join(corpora, 'cncf-cloud-native-security-whitepaper/v1-2020.en.md'), 'utf8')
    const [pdf] = await printPdfs([{markdown, options: {runningHead: 'Cloud Native Security Whitepaper', fontSize: 19}}])
    writeFileSync(file, pdf!)
  }
  const bytes = new Uint8Array(readFileSync(file))
  const parsed = await fromPdf(bytes)
  const pages = Math.max(...parsed.root.children.map((node) => (node.data as {page?: number} | undefined)?.page ?? 0))
  const ours = await measure(`fromPdf, ${pages} pages (${Math.round(bytes.length / 1024)} KB)`, () => fromPdf(bytes), {runs: 5})
  let theirs
  try {
    theirs = await measure('pdftotext (poppler) on the same file', () => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']), {runs: 5})
  } catch {
    theirs = null
  }
  report(ours)
  if (theirs) {
    report(theirs)
    const ratio = ours.medianMs / theirs.medianMs
    console.log(`  ratio fromPdf / pdftotext: ${ratio.toFixed(2)}× (target ≤ 3×: ${ratio <= 3 ? 'met' : 'NOT met'})`)
  } else console.log('  pdftotext not installed: no ratio')
  console.log(`  peak RSS ${peakRssMb().toFixed(0)} MB`)
}
