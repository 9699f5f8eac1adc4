import {execute} from './execute.js'
import type {Io} from './io.js'

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

/** The `wpdiff` executable: real process streams in, exit code out. */
export async function main(): Promise<void> {
  const io: Io = {stdout: process.stdout, stderr: process.stderr, readStdin, env: process.env, cwd: process.cwd()}
  const code = await execute(process.argv.slice(2), io)
  // Let piped stdout drain before exiting (exitCode instead of exit()).
  process.exitCode = code
}
