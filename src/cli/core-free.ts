import {readFileSync} from 'node:fs'
import {availableParallelism, loadavg} from 'node:os'

/** The machine's load as {@link coreFree} weighs it. */
export interface SystemLoad {
  cores: number
  /** The load average of the last minute. */
  lastMinute: number
  /** Threads runnable at this moment, this one included, when the system says (Linux: /proc/loadavg), else null. */
  runnable: number | null
}

/** The load now: the minute's average from the OS, the runnable threads from /proc/loadavg where there is one. */
export function systemLoad(): SystemLoad {
  let runnable: number | null = null
  try {
    const match = /^\S+ \S+ \S+ (\d+)\//u.exec(readFileSync('/proc/loadavg', 'latin1'))
    if (match) runnable = Number(match[1])
  } catch {
    // Not Linux: the minute's average alone.
  }
  return {cores: availableParallelism(), lastMinute: loadavg()[0]!, runnable}
}

/**
 * Whether a worker thread can run beside this one: a second core, not taken by other work. Nothing
 * else runnable at this moment says so at once; otherwise the last minute's load average must be
 * below the cores. The average lags a minute behind: right after other commands end (a script's
 * loop running wpdiff edition after edition) it still counts them while the cores sit idle, and a
 * long PDF was read in one thread, a third slower (the 332-page guide 2.5–2.8 against 1.9–2.1 s).
 * On a busy machine a thread only adds its start and cold compile (about 0.5 s of CPU on the bench
 * pair) and wins no time.
 */
export function coreFree(load: SystemLoad = systemLoad()): boolean {
  if (load.cores < 2) return false
  if (load.runnable !== null && load.runnable <= 1) return true
  return load.lastMinute < load.cores
}
