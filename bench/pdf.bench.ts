/**
 * PDF ingest end to end: `node bin/wpdiff.js outline FILE` (a whole process: start-up, engine load,
 * every page, outline) beside `pdftotext FILE -` on the same file, in the same run, interleaved, so
 * that a busy machine slows both alike. Files: the real published PDFs in ../shared/realpdf when that
 * folder is there (see its SOURCE.md), else the PDFs under tests/fixtures/pdf. Printed per file:
 * pages, medians, the ratio and our peak RSS; then totals, the `compare` of the CNCF 2020 and 2022
 * papers, and the issue's goals (sum within 3× pdftotext, goal 2×; the 332-page guide within 2 s;
 * peak RSS ≤ 300 MB; compare ≤ 3 s). `WPDIFF_BENCH_RUNS=N` sets runs per file (default 3).
 *
 * The bench runs the built CLI (dist/), and builds it first when a source file is newer.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readdirSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {median} from './measure.js'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const realpdf = path.join(root, '../shared/realpdf')
const bin = path.join(root, 'bin/wpdiff.js')
// Makes the child print its own peak RSS (kB) and CPU time (µs, all threads) on exit: the figures for the whole process.
// A worker thread (a long PDF's page reader) loads this too and exits first, with the process's figures so far:
// only the main thread reports.
const reportUsage = `data:text/javascript,import {isMainThread} from 'node:worker_threads';if(isMainThread)process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nwpdiff-bench-usage '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`

function pdfsUnder(folder: string): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => path.join(folder, name))
    .sort()
}

function newestMtime(folder: string): number {
  let newest = 0
  for (const name of readdirSync(folder, {recursive: true, encoding: 'utf8'}))
    newest = Math.max(newest, statSync(path.join(folder, name)).mtimeMs)
  return newest
}

/**
 * Build dist/ and the bundled command line when missing or older than src/ (the bench measures what
 * `bin` runs, which is the bundle: compiling dist/ alone would leave it stale).
 */
function ensureBuilt(): void {
  const main = path.join(root, 'dist/cli-bundle/main.js')
  if (existsSync(main) && statSync(main).mtimeMs >= newestMtime(path.join(root, 'src'))) return
  console.log('  building dist/ and the bundle (sources are newer)')
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit'
  })
  execFileSync(process.execPath, [path.join(root, 'scripts/bundle-cli.mjs')], {stdio: 'inherit'})
}

interface Run {
  ms: number
  /** CPU time of the process, all its threads (on a busy machine the steadier figure). */
  cpuMs: number
  rssMb: number
  status: number | null
}

function runOurs(args: string[]): Run {
  const start = performance.now()
  const child = spawnSync(process.execPath, ['--import', reportUsage, bin, ...args], {encoding: 'utf8', maxBuffer: 1 << 28})
  const ms = performance.now() - start
  const usage = /wpdiff-bench-usage (\d+) (\d+)/u.exec(child.stderr)
  return {ms, cpuMs: usage ? Number(usage[2]) / 1000 : NaN, rssMb: usage ? Number(usage[1]) / 1024 : NaN, status: child.status}
}

/** pdftotext under `sh`, whose `times` gives the CPU time of the child it ran (second line). */
function runPdftotext(file: string): Run {
  const start = performance.now()
  const child = spawnSync('sh', ['-c', 'pdftotext -enc UTF-8 "$1" - >/dev/null 2>&1 || exit 9; times', 'sh', file], {encoding: 'utf8'})
  const ms = performance.now() - start
  const times = child.stdout.trim().split('\n')[1] ?? ''
  const cpuMs = [...times.matchAll(/(\d+)m([\d.]+)s/gu)].reduce((sum, [, m, sec]) => sum + (Number(m) * 60 + Number(sec)) * 1000, 0)
  return {ms, cpuMs, rssMb: NaN, status: child.status === 0 ? 0 : 1}
}

function pageCount(file: string): number | null {
  try {
    return Number(
      /Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}))?.[1] ?? NaN
    )
  } catch {
    return null
  }
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))

export default async function bench(): Promise<void> {
  ensureBuilt()
  const real = existsSync(realpdf)
  const files = real
    ? pdfsUnder(realpdf)
    : pdfsUnder(path.join(root, 'tests/fixtures/pdf')).filter((file) => !file.includes(`${path.sep}bad${path.sep}`))
  const runs = Number(process.env.WPDIFF_BENCH_RUNS ?? 3)
  const haveTool = !runPdftotext(files[0]!).status
  console.log(
    `  ${files.length} PDFs from ${real ? '../shared/realpdf' : 'tests/fixtures/pdf (../shared/realpdf is absent)'}; median of ${runs} runs each, interleaved with pdftotext`
  )
  console.log(
    `  ${'file'.padEnd(58)} ${'pages'.padStart(5)} ${'wpdiff ms'.padStart(9)} ${'pdftotext'.padStart(9)} ${'ratio'.padStart(6)} ${'peak RSS'.padStart(9)}   CPU ms: wpdiff / pdftotext`
  )
  let oursTotal = 0
  let theirsTotal = 0
  let oursCpu = 0
  let theirsCpu = 0
  let peak = 0
  const byFile = new Map<string, number>()
  for (const file of files) {
    const ours: number[] = []
    const theirs: number[] = []
    const cpuA: number[] = []
    const cpuB: number[] = []
    let rss = 0
    let failed = false
    for (let run = 0; run < runs; run++) {
      const one = runOurs(['outline', file])
      if (one.status !== 0) failed = true
      ours.push(one.ms)
      cpuA.push(one.cpuMs)
      rss = Math.max(rss, one.rssMb)
      if (haveTool) {
        const other = runPdftotext(file)
        theirs.push(other.ms)
        cpuB.push(other.cpuMs)
      }
    }
    const name = path.relative(real ? realpdf : root, file)
    const a = median(ours)
    const b = haveTool ? median(theirs) : NaN
    oursTotal += a
    theirsTotal += b
    oursCpu += median(cpuA)
    theirsCpu += haveTool ? median(cpuB) : NaN
    peak = Math.max(peak, rss)
    byFile.set(name, a)
    const pages = pageCount(file)
    console.log(
      `  ${name.padEnd(58)} ${String(pages ?? '?').padStart(5)} ${fmt(a).padStart(9)} ${(haveTool ? fmt(b) : '-').padStart(9)} ${(haveTool ? `${(a / b).toFixed(2)}×` : '-').padStart(6)} ${(`${rss.toFixed(0)} MB`).padStart(9)}   ${fmt(median(cpuA))} / ${haveTool ? fmt(median(cpuB)) : '-'}${failed ? '  (outline failed)' : ''}`
    )
  }
  const ratio = oursTotal / theirsTotal
  console.log(
    `  ${'total'.padEnd(58)} ${''.padStart(5)} ${fmt(oursTotal).padStart(9)} ${(haveTool ? fmt(theirsTotal) : '-').padStart(9)} ${(haveTool ? `${ratio.toFixed(2)}×` : '-').padStart(6)} ${(`${peak.toFixed(0)} MB`).padStart(9)}   ${fmt(oursCpu)} / ${fmt(theirsCpu)}`
  )
  if (haveTool) {
    console.log(
      `  sum of medians wpdiff / pdftotext: ${ratio.toFixed(2)}× wall (goal ≤ 2×, limit ≤ 3×: ${ratio <= 2 ? 'goal met' : ratio <= 3 ? 'limit met' : 'NOT met'}); ${(oursCpu / theirsCpu).toFixed(2)}× CPU time`
    )
  } else console.log('  pdftotext is not installed: no ratios')
  console.log(`  peak RSS of one outline process: ${peak.toFixed(0)} MB (limit 300 MB: ${peak <= 300 ? 'met' : 'NOT met'})`)
  const guide = [...byFile].find(([name]) => name.includes('kisa-cii'))
  if (guide) console.log(`  332-page guide: ${fmt(guide[1])} ms (limit 2000 ms: ${guide[1] <= 2000 ? 'met' : 'NOT met'})`)
  if (real) {
    const cncf = path.join(realpdf, 'cncf-cloud-native-security-whitepaper')
    const compare: number[] = []
    let rss = 0
    for (let run = 0; run < runs; run++) {
      // --no-cache: the bench times reading the PDFs, which the cache of ingested editions would skip after the first run.
      const one = runOurs(['compare', path.join(cncf, '2020.en.pdf'), path.join(cncf, '2022.en.pdf'), '--no-cache'])
      compare.push(one.ms)
      rss = Math.max(rss, one.rssMb)
    }
    const ms = median(compare)

    console.log(
      `  compare CNCF 2020 (44 pages) vs 2022 (55 pages): ${fmt(ms)} ms, peak RSS ${rss.toFixed(0)} MB (limit 3000 ms: ${ms <= 3000 ? 'met' : 'NOT met'})`
    )
  }
  console.log(`  load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores (a quiet machine is near 0)`)
}
