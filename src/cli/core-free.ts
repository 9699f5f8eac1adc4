import {availableParallelism, loadavg} from 'node:os'

/**
 * Whether a worker thread can run beside this one: a second core, not already taken by other work
 * (the last minute's load average below the cores). On a busy machine a thread only adds its start
 * and cold compile (about 0.5 s of CPU on the bench pair) and wins no time.
 */
export function coreFree(): boolean {
  const cores = availableParallelism()
  return cores >= 2 && loadavg()[0]! < cores
}
