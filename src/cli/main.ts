import {setFlagsFromString} from 'node:v8'
import {coreFree} from './core-free.js'
import {execute} from './execute.js'
import type {Io} from './io.js'

async function readStdin(limit = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
    total += (chunk as Buffer).length
    // Leaving the loop stops reading; the caller refuses what came as too large.
    if (total > limit) break
  }
  return Buffer.concat(chunks)
}

/**
 * What to do when writing to stdout fails: a reader that stopped reading (`wpdiff outline x |
 * head -c1`, EPIPE) wants nothing more, so exit quietly with the code already decided (0 when the
 * command had not finished); a full disk (`> /dev/full`) gets one line and exit 2.
 */
export function onStdoutError(error: NodeJS.ErrnoException, exitCode: number | undefined): {code: number; line: string | null} {
  if (error.code === 'EPIPE') return {code: exitCode ?? 0, line: null}
  if (error.code === 'ENOSPC') return {code: 2, line: 'wpdiff: standard output: no space left on the device — free some space'}
  return {code: 2, line: `wpdiff: standard output: ${error.message} — check where the output goes`}
}

/** The `wpdiff` executable: real process streams in, exit code out. */
export async function main(): Promise<void> {
  // PDFium's WebAssembly starts as baseline code; V8 recompiles a function with its optimising
  // compiler (in the background, in the page thread too: flags are the process's) only after a budget
  // of 20,000,000 (V8's default: 1,800,000). The long PDFs a user waits for gain, the short ones do
  // not pay for compiling what they hardly use. Measured on the real PDFs, alternating, with baseline
  // code only (`--liftoff-only`) / V8's default / this budget: on a quiet machine the 332-page
  // guide 2.01 / 1.86 / 1.94 s and the 103-page ASVS 2.43 / 2.01 / 1.91 s (medians, 5–10 runs); seven
  // files of 13–332 pages summed 10.60 / 9.95 / 9.57 s, a 13-page OpenChain 0.65 / 0.68 / 0.64 s; on a
  // busy machine (load 9) the 21 files' CPU 29.96 / 31.92 / 29.92 s. A flag of this process (the
  // library never sets one), set before the engine is compiled.
  setFlagsFromString('--wasm-tiering-budget=20000000')
  const args = process.argv.slice(2)
  // A command given a PDF reads and compiles the engine while it loads its own modules (the two
  // overlap on two cores). A long PDF's pages are shared with a second thread only when a core is
  // free: on a busy machine the thread would slow both down.
  const pdfFiles = args.filter((arg) => /\.pdf$/iu.test(arg)).length
  if (pdfFiles > 0 || args.some((arg, index) => (arg === 'pdf' && args[index - 1] === '--from') || arg === '--from=pdf')) {
    // Nor is JavaScript recompiled by V8's optimising compiler: in a run given PDFs it costs more
    // than it saves (CPU of `outline` of an 11-page PDF 1340 → 1050 ms, of the 332-page guide
    // 5.1 → 4.7 s, `compare` of the two CNCF papers 3.4 → 2.6 s). Runs on Markdown keep it.
    setFlagsFromString('--no-opt')
    const threads = coreFree() ? 2 : 1
    // One PDF may be long: its page thread starts now, hidden behind this one's start. Two are read
    // in two threads already (load-editions.ts), which a third would only slow.
    void import('../ingest/pdf.js').then((pdf) => pdf.preloadPdfEngine({threads, startThread: pdfFiles <= 1}))
  }
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    const {code, line} = onStdoutError(error, typeof process.exitCode === 'number' ? process.exitCode : undefined)
    if (line) process.stderr.write(`${line}\n`)
    process.exit(code)
  })
  const io: Io = {stdout: process.stdout, stderr: process.stderr, readStdin, env: process.env, cwd: process.cwd()}
  const code = await execute(args, io)
  // Let piped stdout drain before exiting (exitCode instead of exit()).
  process.exitCode = code
}
