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
  // PDFium's WebAssembly is run by V8's baseline compiler only. By default V8 recompiles the hot
  // functions with its optimising compiler in background threads, which costs more CPU than the
  // faster code saves in a command that lives a few seconds: `outline` of an 11–16 page PDF took a
  // fifth less CPU without it, and of 100–332 pages the same (`npm run bench -- pdf`). A flag of
  // this process (the library never sets one), set before the engine is compiled.
  setFlagsFromString('--liftoff-only')
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
