/**
 * The worker thread `readPdfPages` shares a long document with: it opens the same bytes with its
 * own engine, reads the pages it takes from the shared counter and posts them with their facts,
 * then finishes them with the decision it is sent (the page layout, when `fromPdf` reads). Any
 * failure posts `{failed: true}`, and the main thread reads the pages this one took.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {pdfPageLayout} from './lay-out-pdf-page.js'
import {keepRuns, type PageJob, type PageWork, workClaimedPages} from './pdf.js'

// The works a caller may name, by name.
const works = new Map<string, PageWork<unknown, unknown, unknown>>([
  [keepRuns.name, keepRuns as PageWork<unknown, unknown, unknown>],
  [pdfPageLayout.name, pdfPageLayout as PageWork<unknown, unknown, unknown>]
])

try {
  const job = workerData as PageJob
  const work = works.get(job.work)
  if (!work) throw new Error(`no page work named ${job.work}`)
  await workClaimedPages(
    job,
    work,
    (message) => parentPort?.postMessage(message),
    () => new Promise((resolve) => parentPort?.once('message', (message: {decision: unknown}) => resolve(message.decision)))
  )
} catch {
  parentPort?.postMessage({failed: true})
}
