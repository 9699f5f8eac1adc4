/**
 * Benchmark helpers: time a function several times and report the median, so one slow run (a GC,
 * the other core busy) does not decide the figure. Benchmarks print; tests never time anything.
 */
import {performance} from 'node:perf_hooks'

export interface Timing {
  label: string
  medianMs: number
  runs: number[]
}

/** Run `fn` `runs` times (after one warm-up unless `warmup` is 0) and return the timings. */
export async function measure(label: string, fn: () => unknown, options: {runs?: number; warmup?: number} = {}): Promise<Timing> {
  const runs = options.runs ?? 5
  const warmup = options.warmup ?? 1
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return {label, medianMs: median(times), runs: times}
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** One aligned line: label, median, and optional ratio/target notes. */
export function report(timing: Timing, note = ''): void {
  const ms = timing.medianMs >= 100 ? timing.medianMs.toFixed(0) : timing.medianMs.toFixed(1)
  console.log(`  ${timing.label.padEnd(58)} ${ms.padStart(8)} ms  (median of ${timing.runs.length})${note ? `  ${note}` : ''}`)
}

/** Peak resident memory so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024
}
