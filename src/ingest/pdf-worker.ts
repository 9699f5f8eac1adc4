/**
 * The helper thread of the pdf.js adapter (`pdf.ts`): for each job, open the same PDF bytes and
 * read pages claimed from the shared counter, answering page by page, then `done`. A PDF that does
 * not open here is left wholly to the main thread (which has already opened it).
 */
import {parentPort} from 'node:worker_threads'
import {openPdf, readClaimedPages, type PageJob, type PageReply} from './pdf.js'

const port = parentPort!

port.on('message', async (job: PageJob) => {
  const reply = (message: PageReply): void => port.postMessage(message)
  const task = openPdf(job.data, job.password)
  try {
    const document = await task.promise
    try {
      await readClaimedPages(document, new Int32Array(job.next), job.pageTimeoutMs, new Map(), (number, outcome) => reply({job: job.job, number, outcome}))
    } finally {
      await document.destroy()
    }
  } catch {
    await task.destroy()
  }
  reply({job: job.job, done: true})
})
