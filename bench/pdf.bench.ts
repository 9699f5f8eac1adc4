/**
 * PDF ingest of a 50+ page PDF (the CNCF security whitepaper printed by Chromium, cached in the
 * temp folder) beside `pdftotext` on the same file, with the ratio. Target: within 3× of pdftotext.
 * fromPdf reads a long PDF in two threads, so its wall time depends on the second core being free:
 * the load average and the CPU time of both (ours over all threads) are printed beside the medians.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fromPdf} from '../src/ingest/from-pdf.js'
import {measure, peakRssMb, report} from './measure.js'
import {printPdfs} from './pdf-print.js'

const corpora = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../shared/corpora')

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000

/** CPU time of every thread of this process so far (Linux), in ms by thread id; empty elsewhere. */
function threadCpuMs(): Map<string, number> {
  const out = new Map<string, number>()
  try {
    const tick = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}))
    for (const tid of readdirSync('/proc/self/task')) {
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      out.set(tid, (Number(fields[11]) + Number(fields[12])) * tick)
    }
  } catch {
    out.clear()
  }
  return out
}

/** The largest CPU time one thread spent between two {@link threadCpuMs} readings. */
function busiestThreadMs(before: Map<string, number>, after: Map<string, number>): number {
  return Math.max(0, ...[...after].map(([tid, ms]) => ms - (before.get(tid) ?? 0)))
}

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
  const label = `fromPdf, ${pages} pages (${Math.round(bytes.length / 1024)} KB)`
  await fromPdf(bytes)
  const cpu = process.cpuUsage()
  const threads = threadCpuMs()
  const ours = await measure(label, () => fromPdf(bytes), {runs: 5, warmup: 0})
  const oursCpuMs = cpuMs(process.cpuUsage(cpu)) / 5
  // With a core free for each thread, the wall time is about the busiest thread's CPU time.
  const busiestMs = busiestThreadMs(threads, threadCpuMs()) / 5
  const single = await measure(`${label}, one thread`, () => fromPdf(bytes, {parallel: false}), {runs: 5})
  let theirs
  let theirsCpuMs = 0
  try {
    theirs = await measure('pdftotext (poppler) on the same file', () => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']), {runs: 5})
    // The shell's `times` gives the CPU time of the pdftotext it ran (second line: children).
    const times = execFileSync('sh', ['-c', 'pdftotext -enc UTF-8 "$1" - >/dev/null; times', 'sh', file], {encoding: 'utf8'}).trim().split('\n')[1] ?? ''
    theirsCpuMs = [...times.matchAll(/(\d+)m([\d.]+)s/gu)].reduce((sum, [, m, sec]) => sum + (Number(m) * 60 + Number(sec)) * 1000, 0)
  } catch {
    theirs = null
  }
  report(ours, `CPU ${oursCpuMs.toFixed(0)} ms, busiest thread ${busiestMs.toFixed(0)} ms`)
  report(single)
  if (theirs) {
    report(theirs, `CPU ${theirsCpuMs.toFixed(0)} ms`)
    const ratio = ours.medianMs / theirs.medianMs
    console.log(`  ratio fromPdf / pdftotext: ${ratio.toFixed(2)}× (target ≤ 3×: ${ratio <= 3 ? 'met' : 'NOT met'}); one thread ${(single.medianMs / theirs.medianMs).toFixed(2)}×; CPU time ${(oursCpuMs / theirsCpuMs).toFixed(2)}×; busiest thread / pdftotext CPU ${(busiestMs / theirsCpuMs).toFixed(2)}×`)
  } else console.log('  pdftotext not installed: no ratio')
  console.log(`  load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores (a quiet machine is near 0)`)
  console.log(`  peak RSS ${peakRssMb().toFixed(0)} MB`)
}
