/**
 * The worker thread `loadEditions` reads a large Markdown edition in while the main thread reads
 * the other: it is given a planned edition (its bytes and how it is named), reads it as the main
 * thread would, and posts back the edition serialised by V8, which the main thread deserialises
 * and may store in the cache as it is. Any failure posts `{failed: true}`: the main thread then
 * reads the edition itself, so an unreadable one fails there with the error a plain run gives.
 */
import {serialize} from 'node:v8'
import {parentPort} from 'node:worker_threads'
import {type PlannedEdition, readMarkdown} from './load-edition.js'

parentPort?.once('message', async (planned: Pick<PlannedEdition, 'bytes' | 'ingest'>) => {
  try {
    parentPort?.postMessage({serialized: serialize(await readMarkdown(planned))})
  } catch {
    parentPort?.postMessage({failed: true})
  }
})
