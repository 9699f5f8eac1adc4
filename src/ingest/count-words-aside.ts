/**
 * Word counts made in another thread while this one does other work. A long PDF is read in two
 * threads (see `readPdfPages`); after its pages, the second thread waits while this one writes the
 * edition's canonical Markdown and reads it back, and only then counts the words of every section
 * (word segmentation, the costliest part in Korean, Chinese and Japanese text). Given the sections'
 * texts from the first reading, which the reread gives again nearly all unchanged, the idle thread
 * counts them meanwhile. A count is a pure function of a text and its language, so the words are
 * the same whichever thread counted them; a text the other thread has not counted (yet) is counted
 * here, and nothing ever waits for the other thread.
 */
import {MessageChannel, type MessagePort, receiveMessageOnPort} from 'node:worker_threads'
import {countWords} from '../text/count-words.js'
import {takeSparePageThread} from './pdf.js'

/** What the other thread is sent: the texts to count in one language, and the port to post their counts on. */
export interface CountWordsJob {
  texts: string[]
  language: string
  port: MessagePort
}

/** Counts posted per message: each message costs both threads a little, a count far less. */
const batch = 16

/**
 * The other thread's side: count the texts from the last one back, posting the counts as they are
 * made. This thread counts its sections from the first on, so the two meet without doubling work
 * when the other is late.
 */
export function countWordsJob(job: CountWordsJob): void {
  const {texts, language, port} = job
  let counts: Array<[number, number]> = []
  for (let index = texts.length - 1; index >= 0; index--) {
    counts.push([index, countWords(texts[index]!, language)])
    if (counts.length === batch) {
      port.postMessage(counts)
      counts = []
    }
  }
  if (counts.length > 0) port.postMessage(counts)
  port.close()
}

/** Counts coming from the other thread (see {@link countWordsAside}). */
export interface WordsAside {
  /** The words of `text` in `language` when the other thread has counted them by now, else undefined (never waits). */
  known(text: string, language: string): number | undefined
  /** Stop the other thread: its counts are no longer wanted. */
  stop(): void
}

/** End the idle page thread of the long PDF just read, when a caller that kept it has no job for it. */
export function releaseIdleThread(): void {
  void takeSparePageThread()?.terminate()
}

/**
 * Have the idle page thread of the long PDF just read (with `keepThread`) count the words of `texts` in `language`;
 * null when there is none (a short PDF, one thread, another format).
 */
export function countWordsAside(texts: string[], language: string): WordsAside | null {
  const worker = takeSparePageThread()
  if (worker === null) return null
  const {port1, port2} = new MessageChannel()
  worker.postMessage({countWords: {texts, language, port: port2}}, [port2])
  const counted = new Map<string, number>()
  return {
    known(text, wanted) {
      if (wanted !== language) return undefined
      let count = counted.get(text)
      // Taken off the port without waiting: what has not arrived is counted by the caller.
      while (count === undefined) {
        const received = receiveMessageOnPort(port1)
        if (received === undefined) break
        for (const [index, words] of received.message as Array<[number, number]>) counted.set(texts[index]!, words)
        count = counted.get(text)
      }
      return count
    },
    stop() {
      port1.close()
      void worker.terminate()
    }
  }
}
