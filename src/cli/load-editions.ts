import type {Worker} from 'node:worker_threads'
import type {IngestOptions, IngestResult} from '../ingest/ingest-edition.js'
import {startWorker} from '../ingest/start-worker.js'
import {coreFree} from './core-free.js'
import type {EditionCache} from './edition-cache.js'
import type {Io} from './io.js'
import {cachedEdition, ingestPlanned, type PlannedEdition, planEdition, readInput} from './load-edition.js'
import type {Progress} from './progress.js'

/**
 * Markdown editions at least this large are read in parallel, one in a worker thread, when two or
 * more of them are to be read. A worker costs about 0.2 s of CPU before it reads anything (a thread,
 * the parser's modules loaded and compiled again); below this size that is more than it saves.
 */
export const minParallelBytes = 256 * 1024

/**
 * Load several editions as `loadEdition` loads each, with the same results and the same errors:
 * files are read in order (a missing one fails before any parsing), editions in the cache come from
 * there, and when two or more large Markdown editions are left to parse and `parallel` allows it
 * (default: when a core is free, see {@link coreFree}), all but the first are parsed in worker
 * threads while the main thread parses the first.
 */
export async function loadEditions(
  files: readonly string[],
  io: Io,
  options: Omit<IngestOptions, 'file'>,
  cache: EditionCache | null,
  progress: Progress,
  parallel: boolean = coreFree()
): Promise<IngestResult[]> {
  const plans: PlannedEdition[] = []
  for (const file of files) plans.push(planEdition(file, await readInput(file, io), io, options, cache))
  const results: (IngestResult | null)[] = []
  for (const planned of plans) results.push(await cachedEdition(planned, cache))
  const left = plans.filter((_, index) => results[index] === null)
  const large = parallel ? left.filter((planned) => planned.format === 'md' && planned.bytes.length >= minParallelBytes) : []
  const threads = new Map(large.length >= 2 ? large.slice(1).map((planned) => [planned, startThread(planned)] as const) : [])
  try {
    if (threads.size > 0) progress.step(`reading ${large.map((planned) => planned.file).join(' and ')}`)
    for (const [index, planned] of plans.entries()) {
      if (results[index] !== null) continue
      const thread = threads.get(planned)
      if (!thread) progress.step(`reading ${planned.file}`)
      const onPage = (taken: number, total: number) => progress.step(`reading ${planned.file}: page ${taken} of ${total}`)
      results[index] = await ingestPlanned(planned, cache, thread ? ((await thread.serialized) ?? undefined) : undefined, onPage)
    }
  } finally {
    for (const thread of threads.values()) void thread.stop()
  }
  return results as IngestResult[]
}

interface Thread {
  /** The edition as V8 serialised it, or null when the thread failed (the caller then reads it). */
  serialized: Promise<Uint8Array | null>
  stop(): Promise<number>
}

/**
 * Read one planned Markdown edition in a worker thread: the edition as V8 serialised it, or null
 * when the thread could not start or read it.
 */
export async function readInWorker(planned: PlannedEdition): Promise<Uint8Array | null> {
  const thread = startThread(planned)
  try {
    return await thread.serialized
  } finally {
    await thread.stop()
  }
}

function startThread(planned: PlannedEdition): Thread {
  let worker: Worker
  try {
    worker = startWorker(import.meta.url, 'ingest-worker')
  } catch {
    return {serialized: Promise.resolve(null), stop: async () => 0}
  }
  const serialized = new Promise<Uint8Array | null>((resolve) => {
    worker.once('message', (message: {serialized?: Uint8Array}) => resolve(message.serialized ?? null))
    worker.once('error', () => resolve(null))
    worker.once('exit', () => resolve(null))
  })
  const {bytes, ingest} = planned
  worker.postMessage({bytes, ingest})
  return {serialized, stop: () => worker.terminate()}
}
