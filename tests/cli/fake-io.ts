import type {Io} from '../../src/cli/io.js'

/** An in-memory `Io` for running `execute` in-process: captured stdout/stderr, optional stdin. */
export interface FakeIo extends Io {
  out(): string
  err(): string
}

export function fakeIo(options: {cwd?: string; stdin?: Uint8Array | string; env?: Record<string, string>; tty?: boolean} = {}): FakeIo {
  let out = ''
  let err = ''
  const stdin = typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())
  return {
    stdout: {write: (chunk: string | Uint8Array) => (out += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk))},
    stderr: {write: (chunk: string) => (err += chunk), isTTY: options.tty ?? false},
    readStdin: async () => stdin,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err
  }
}
