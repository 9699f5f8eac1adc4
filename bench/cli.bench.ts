/**
 * End to end (issue 21 §6): what a user waits for, whole `wpdiff compare` processes on two
 * ≈150,000-word normalised editions (the synthetic pair of align.bench.ts, as `wpdiff ingest` writes it),
 * beside `git diff --no-index --word-diff` on the same two files and the library's own time for the
 * comparison (`compareEditions` + `JSON.stringify` on editions already read, in this process), once
 * cold (the first call in the process, as in every `wpdiff compare`) and warm (after a warm-up run).
 * `--json` is timed three ways: the first run on an empty cache (it parses both editions and
 * stores them), the second run on that cache, and with `--no-cache`. Wall time, the child's CPU time
 * (user + system) and peak resident memory (from GNU time where /usr/bin/time exists).
 * `bin/wpdiff.js` runs the bundle: run `npm run build` first after changing src/.
 * `WPDIFF_BENCH_BASELINE=path/to/bin/wpdiff.js` adds `compare --json` by another build,
 * interleaved with this one's.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {compareEditions} from '../src/compare/compare-editions.js'
import {ingestEdition} from '../src/ingest/ingest-edition.js'
import type {Edition} from '../src/model/edition.js'
import {toNormalizedMarkdown} from '../src/normalize/to-normalized-markdown.js'
import {measure, median, report} from './measure.js'
import {loadCorpusPool, makeSyntheticPair} from '../tests/support/synthetic-editions.js'

const root = path.resolve(import.meta.dirname, '..')
// Each command takes seconds: three runs keep the bench within a few minutes on this machine.
const rounds = 3
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
/** `WPDIFF_BENCH_BASELINE=…/bin/wpdiff.js`: also time `compare --json` with that build. */
const baseline = process.env.WPDIFF_BENCH_BASELINE

interface Run {
  wall: number
  /** User + system CPU seconds of the child, in ms: moves less than wall time with the machine's load. */
  cpu: number
  peakMb: number
}

/** One run of `command args` in `cwd`; exit codes in `ok` are success (compare and git diff exit 1 when the files differ). */
function timeOnce(command: string, args: string[], cwd: string, ok: number[], env: Record<string, string>): Run {
  const [file, argv] = gnuTime ? [gnuTime, ['-f', '%M %U %S', command, ...args]] : [command, args]
  const start = performance.now()
  const run = spawnSync(file, argv, {
    cwd,
    env: {...process.env, ...env},
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 28
  })
  const wall = performance.now() - start
  if (run.status === null || !ok.includes(run.status))
    throw new Error(`${command} ${args.join(' ')} exited ${run.status ?? run.signal}: ${run.stderr}`)
  const [, kb, user, system] = /(\d+) ([\d.]+) ([\d.]+)\s*$/u.exec(run.stderr) ?? []
  return {wall, cpu: (Number(user) + Number(system)) * 1000, peakMb: Number(kb) / 1024}
}

export default async function run(): Promise<void> {
  const pair = makeSyntheticPair(
    {seed: 7, chapters: 15, sectionsPerChapter: 20, paragraphs: [4, 9], sentences: [2, 4], reuse: true},
    loadCorpusPool(path.resolve(root, '../shared/corpora'))
  )
  const dir = mkdtempSync(path.join(tmpdir(), 'wpdiff-bench-cli-'))
  try {
    // As `wpdiff ingest` writes them: the generator's text read once (its URLs become links) and
    // written with wpdiff's generator field, which is what users compare.
    const read: Edition[] = []
    for (const [name, edition] of [
      ['old.md', pair.old],
      ['new.md', pair.new]
    ] as const) {
      const first = await ingestEdition(new TextEncoder().encode(toNormalizedMarkdown(edition, {generator: 'bench'})), {file: name})
      const text = toNormalizedMarkdown(first.edition, {generator: 'wpdiff bench'})
      writeFileSync(path.join(dir, name), text)
      read.push((await ingestEdition(new TextEncoder().encode(text), {file: name})).edition)
    }
    console.log(`  synthetic pair: ${pair.old.words} → ${pair.new.words} words, as normalised Markdown in ${dir}`)
    const [oldEdition, newEdition] = read as [Edition, Edition]
    // The first comparison in a process runs on code not yet optimised, as every `wpdiff compare`
    // does: most of what a cached run spends beyond the warm library time below.
    const cold = process.cpuUsage()
    const coldStart = performance.now()
    JSON.stringify(compareEditions(oldEdition, newEdition), null, 2)
    const coldWall = performance.now() - coldStart
    const coldCpu = process.cpuUsage(cold)
    const library = await measure('library: compareEditions + JSON.stringify, editions read', () =>
      JSON.stringify(compareEditions(oldEdition, newEdition), null, 2)
    )
    report(library, 'in this process, after one warm-up run: the comparison without reading or starting')
    console.log(
      `  ${'library: the same, first call in this process (cold code)'.padEnd(58)} ${coldWall.toFixed(0).padStart(8)} ms  (one run, CPU ${((coldCpu.user + coldCpu.system) / 1000).toFixed(0)} ms)`
    )
    const bin = path.join(root, 'bin/wpdiff.js')
    const wpdiff = (...args: string[]) => [bin, 'compare', 'old.md', 'new.md', ...args]
    // Each round starts on an empty cache of its own; the runs after the first find both editions there.
    const cacheOf = (round: number) => ({WPDIFF_CACHE_DIR: path.join(dir, `cache-${round}`)})
    const cases: {label: string; command: string; args: string[]; env?: (round: number) => Record<string, string>; target?: string}[] = [
      {
        label: 'compare --json, first run (empty cache)',
        command: process.execPath,
        args: wpdiff('--json'),
        env: cacheOf,
        target: '≤ 1500 ms'
      },
      {
        label: 'compare --json, second run (cached)',
        command: process.execPath,
        args: wpdiff('--json'),
        env: cacheOf,
        target: '≤ 1500 ms'
      },
      {label: 'compare --json --no-cache', command: process.execPath, args: wpdiff('--json', '--no-cache')},
      {label: 'compare --stat (cached)', command: process.execPath, args: wpdiff('--stat'), env: cacheOf},
      {
        label: 'compare -o report.html --no-cache',
        command: process.execPath,
        args: wpdiff('-o', 'report.html', '--force', '-q', '--no-cache')
      },
      {
        label: 'compare -o report.html (cached)',
        command: process.execPath,
        args: wpdiff('-o', 'report.html', '--force', '-q'),
        env: cacheOf
      },
      {
        label: 'compare -o changes.docx (cached)',
        command: process.execPath,
        args: wpdiff('-o', 'changes.docx', '--force', '-q'),
        env: cacheOf
      },
      // Another build of wpdiff (its bin/wpdiff.js), interleaved with this one: before and after
      // a change, on the same machine at the same moments.
      ...(baseline
        ? [
            {
              label: 'compare --json, baseline build',
              command: process.execPath,
              args: [path.resolve(baseline), 'compare', 'old.md', 'new.md', '--json', '--no-cache']
            }
          ]
        : []),
      {
        label: 'git diff --no-index --word-diff',
        command: 'git',
        args: ['diff', '--no-index', '--word-diff', 'old.md', 'new.md']
      }
    ]
    const runs = new Map<string, Run[]>(cases.map((c) => [c.label, []]))
    // Interleaved rounds: a busy moment of the machine slows every command alike.
    for (let round = 0; round < rounds; round++) {
      for (const c of cases) runs.get(c.label)!.push(timeOnce(c.command, c.args, dir, [0, 1], c.env?.(round) ?? {}))
    }
    for (const c of cases) {
      const list = runs.get(c.label)!
      const wall = median(list.map((r) => r.wall))
      const peak = Math.max(...list.map((r) => r.peakMb))
      const cpu = median(list.map((r) => r.cpu))
      const memory = Number.isFinite(peak) ? `, CPU ${cpu.toFixed(0)} ms, peak RSS ${peak.toFixed(0)} MB` : ''
      console.log(
        `  ${c.label.padEnd(58)} ${wall.toFixed(0).padStart(7)} ms (median of ${rounds}${memory})${c.target ? `  target ${c.target}` : ''}`
      )
    }
    console.log(`  load average ${loadavg()[0]!.toFixed(1)} on this machine`)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
