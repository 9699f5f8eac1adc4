/**
 * Start-up benchmark (issue 16 §3): wall time of whole processes, as a user meets them, against a
 * bare `node -e 0` timed in the same rounds. Targets: `wpdiff --help` within 2.5× bare node, the
 * outline of a small Markdown edition within 3×.
 *
 * The rounds interleave the commands (node, help, outline, …, node, help, …), so a busy moment of
 * the machine slows every command alike and the ratios stay fair; the medians drop the odd slow
 * run. CPU time (user + system, of the child, from /proc on Linux) is printed beside wall time: on a
 * shared machine it moves less with the load, though it also counts V8's background threads.
 * `bin/wpdiff.js` runs the bundle `npm run build` makes, so a stale build is rebuilt first.
 */
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {median} from './measure.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rounds = 11
// The smallest shipped edition (5 KB, with front matter): what start-up costs, not what parsing a
// large document costs.
const smallEdition = 'editions/un-general-debate-kor/2024.md'

interface Case {
  label: string
  args: string[]
  target?: number
}

const cases: Case[] = [
  {label: 'node -e 0', args: ['-e', '0']},
  {label: 'wpdiff --help', args: ['bin/wpdiff.js', '--help'], target: 2.5},
  {label: `wpdiff outline ${smallEdition}`, args: ['bin/wpdiff.js', 'outline', smallEdition], target: 3},
  {label: 'wpdiff outline --help', args: ['bin/wpdiff.js', 'outline', '--help']},
  {label: "import('wpdiff') (dist/index.js)", args: ['--input-type=module', '-e', "await import('./dist/index.js')"]}
]

function newestMtime(folder: string): number {
  let newest = 0
  for (const entry of readdirSync(folder, {withFileTypes: true, recursive: true})) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

function ensureBuilt(): void {
  const built = path.join(root, 'dist/cli-bundle/main.js')
  let builtAt = 0
  try {
    builtAt = statSync(built).mtimeMs
  } catch {
    // no build yet
  }
  if (builtAt >= newestMtime(path.join(root, 'src'))) return
  console.log('  dist/ is older than src/: npm run build')
  const build = spawnSync('npm', ['run', 'build'], {cwd: root, stdio: 'inherit'})
  if (build.status !== 0) throw new Error('npm run build failed')
}

/** CPU milliseconds used by this process's finished children, or NaN off Linux. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // cutime and cstime, in clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10
  } catch {
    return Number.NaN
  }
}

function timeOnce(args: string[]): {wall: number; cpu: number} {
  const cpuBefore = childrenCpuMs()
  const start = performance.now()
  const run = spawnSync(process.execPath, args, {cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'})
  const wall = performance.now() - start
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status ?? run.signal}: ${run.stderr}`)
  return {wall, cpu: childrenCpuMs() - cpuBefore}
}

export default async function startBench(): Promise<void> {
  ensureBuilt()
  const walls = cases.map((): number[] => [])
  const cpus = cases.map((): number[] => [])
  for (const testCase of cases) timeOnce(testCase.args) // warm the file cache
  for (let round = 0; round < rounds; round++) {
    cases.forEach((testCase, i) => {
      const {wall, cpu} = timeOnce(testCase.args)
      walls[i]!.push(wall)
      cpus[i]!.push(cpu)
    })
  }
  const wall = walls.map((runs) => median(runs))
  const cpu = cpus.map((runs) => median(runs))
  console.log(`  whole processes, medians of ${rounds} interleaved rounds; ratios to node -e 0 in the same rounds`)
  console.log(`  ${''.padEnd(54)} ${'wall'.padStart(8)} ${'ratio'.padStart(6)} ${'cpu'.padStart(8)} ${'ratio'.padStart(6)}`)
  cases.forEach((testCase, i) => {
    const ratio = wall[i]! / wall[0]!
    const target = testCase.target === undefined ? '' : `  target ≤ ${testCase.target}× ${ratio <= testCase.target ? 'met' : 'MISSED'}`
    console.log(
      `  ${testCase.label.padEnd(54)} ${wall[i]!.toFixed(0).padStart(5)} ms ${ratio.toFixed(2).padStart(5)}× ${cpu[i]!.toFixed(0).padStart(5)} ms ${(cpu[i]! / cpu[0]!).toFixed(2).padStart(5)}×${target}`
    )
  })
}
