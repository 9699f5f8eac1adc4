/**
 * The worker thread `readPdf` shares a long document with: it opens the same bytes with its own
 * engine, reads the pages it takes from the shared counter and posts them back. Any failure posts
 * `{failed: true}`, and the main thread reads the pages this one took.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {type PageJob, readClaimedPages} from './pdf.js'

try {
  parentPort?.postMessage({pages: await readClaimedPages(workerData as PageJob)})
} catch {
  parentPort?.postMessage({failed: true})
}
