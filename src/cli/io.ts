/**
 * Everything the CLI touches outside the process: streams, environment and working directory.
 * Tests pass a fake; `main` passes the real process.
 */
export interface Io {
  stdout: {write(chunk: string | Uint8Array): unknown; isTTY?: boolean}
  stderr: {write(chunk: string): unknown; isTTY?: boolean}
  /** Read all of standard input (for `-`). */
  readStdin(): Promise<Uint8Array>
  env: Record<string, string | undefined>
  cwd: string
}
