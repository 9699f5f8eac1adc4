/**
 * The worker thread `readPdfPages` shares a long document with: started before its document is
 * known (see `preloadPdfEngine`), it loads its own engine, waits for the job, opens the same bytes,
 * reads the pages it takes from the shared counter and posts them with their facts, then finishes
 * them with the decision it is sent (the page layout, when `fromPdf` reads); then, kept idle, it may
 * be sent the document's word counts to make (count-words-aside.ts). Any failure posts
 * `{failed: true}`, and the main thread reads the pages this one took.
 */
import {parentPort} from 'node:worker_threads'
import type {CountWordsJob} from './count-words-aside.js'
import {pdfPageLayout} from './lay-out-pdf-page.js'
import {keepRuns, type PageJob, type PageWork, preloadPdfEngine, workClaimedPages} from './pdf.js'

// The works a caller may name, by name.
const works = new Map<string, PageWork<unknown, unknown, unknown>>([
  [keepRuns.name, keepRuns as PageWork<unknown, unknown, unknown>],
  [pdfPageLayout.name, pdfPageLayout as PageWork<unknown, unknown, unknown>]
])

/** The next message holding `key`, as it comes. */
const next = <T>(key: string): Promise<T> =>
  new Promise((resolve) => parentPort?.once('message', (message: Record<string, unknown>) => resolve(message[key] as T)))

try {
  const given = next<PageJob>('job')
  // The engine loads while the main thread opens the document.
  preloadPdfEngine()
  const job = await given
  const work = works.get(job.work)
  if (!work) throw new Error(`no page work named ${job.work}`)
  await workClaimedPages(
    job,
    work,
    (message) => parentPort?.postMessage(message),
    () => next('decision')
  )
  // Kept as the spare thread after its pages (see `takeSparePageThread`), it takes one job more: the
  // word counts of the edition the document becomes, loaded only then (this thread waits meanwhile).
  parentPort?.on('message', (message: {countWords?: CountWordsJob}) => {
    const job = message.countWords
    // Failing, it posts nothing more: the main thread counts what it does not find counted.
    if (job)
      void import('./count-words-aside.js').then(
        ({countWordsJob}) => countWordsJob(job),
        () => job.port.close()
      )
  })
} catch {
  parentPort?.postMessage({failed: true})
}
