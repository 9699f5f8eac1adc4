import {createLogUpdate} from 'log-update'
import type {Io} from './io.js'

/** Progress of long work on stderr: one line rewritten in place, cleared before anything else is printed. */
export interface Progress {
  /** Say what is being done now (replaces the previous line). */
  step(text: string): void
  /** Remove the line, so a warning or the result starts on a clean line. */
  clear(): void
}

const silent: Progress = {step() {}, clear() {}}

/**
 * A progress line on stderr, only when stderr is a terminal and not `--quiet`: a log, a pipe or a
 * CI job gets nothing (a carriage return there would only garble it).
 */
export function createProgress(io: Io, options: {quiet?: boolean | undefined}): Progress {
  if (!io.stderr.isTTY || options.quiet) return silent
  // log-update redraws in place what is wider than the terminal too (a long path wraps, and a bare
  // carriage return would erase only its last line); the cursor stays, so a crash cannot hide it.
  const render = createLogUpdate(io.stderr as NodeJS.WritableStream, {showCursor: true})
  let shown = false
  return {
    step(text) {
      render(`wpdiff: ${text}…`)
      shown = true
    },
    clear() {
      if (shown) render.clear()
      shown = false
    }
  }
}

/** A byte count as people read file sizes: `812 B`, `56.4 kB`, `3.2 MB` (powers of 1000, as `ls --si`). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}
