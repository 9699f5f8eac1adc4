/**
 * Everything the CLI touches outside the process: streams, environment and working directory.
 * Tests pass a fake; `main` passes the real process.
 */
export interface Io {
  stdout: {write(chunk: string | Uint8Array): unknown; isTTY?: boolean}
  stderr: {write(chunk: string): unknown; isTTY?: boolean}
  /**
   * Read all of standard input (for `-`), or, when it goes on past `limit` bytes, stop reading
   * there: the bytes then number more than `limit` (an endless `< /dev/zero` must not fill memory).
   */
  readStdin(limit?: number): Promise<Uint8Array>
  env: Record<string, string | undefined>
  cwd: string
  /** Writes a file's bytes where a command writes several at once (`report`); default node's `writeFile`. Tests fail it as a full disk does. */
  writeFile?: (file: string, content: string | Uint8Array, options: {flag: string}) => Promise<void>
}
