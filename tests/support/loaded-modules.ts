import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

/** Engines that only some inputs or outputs need: neither `import 'wpdiff'` nor a Markdown outline may load them. */
export const lazyEngines = ['@embedpdf/pdfium', 'docx', 'mammoth', 'nunjucks', 'parse5', 'rehype-parse', 'rehype-remark']

// A resolve hook that appends every URL it resolves to a log file. Synchronous appends from the
// hooks thread, so nothing is lost when the process exits.
const hooks = `
import {appendFileSync} from 'node:fs'
let log
export function initialize(data) { log = data.log }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  appendFileSync(log, result.url + '\\n')
  return result
}`

const register = (log: string): string =>
  `import {register} from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)}, {data: {log: ${JSON.stringify(log)}}})`

// Globals a module might patch at import (pdf.js's polyfills replaced the first three).
const probe = `
const watched = () => ({push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify, promise: Promise, keys: Object.getOwnPropertyNames(globalThis).sort().join()})
const before = watched()
await import(process.env.WPDIFF_ENTRY)
const after = watched()
process.stdout.write(JSON.stringify(Object.keys(before).filter((key) => before[key] !== after[key])))`

export interface LoadedModules {
  /** Exit status of the process. */
  status: number | null
  stdout: string
  stderr: string
  /** Every package (`node_modules` folder name, with its scope) whose files were resolved, sorted. */
  packages: string[]
  /** Every URL resolved, in order (with repeats). */
  urls: string[]
}

/**
 * Run `node [nodeArgs] args` in `cwd` and list the packages it loaded through `import`. CommonJS
 * `require`s inside a package are not hooked, but the package itself is, which is what counts.
 */
export function loadedModules(
  args: readonly string[],
  options: {cwd: string; nodeArgs?: readonly string[]; env?: Record<string, string>}
): LoadedModules {
  const folder = mkdtempSync(path.join(tmpdir(), 'wpdiff-loaded-'))
  const log = path.join(folder, 'urls.txt')
  try {
    const run = spawnSync(
      process.execPath,
      [...(options.nodeArgs ?? []), '--import', `data:text/javascript,${encodeURIComponent(register(log))}`, ...args],
      {cwd: options.cwd, encoding: 'utf8', env: {...process.env, ...options.env}}
    )
    let urls: string[] = []
    try {
      urls = readFileSync(log, 'utf8')
        .split('\n')
        .filter((url) => url !== '')
    } catch {
      // nothing resolved
    }
    const packages = new Set<string>()
    for (const url of urls) {
      const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(url)
      if (match) packages.add(match[1]!)
    }
    return {status: run.status, stdout: run.stdout, stderr: run.stderr, packages: [...packages].sort(), urls}
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}

/**
 * Import `entry` (a path or URL) in a fresh Node process: the packages it loaded, and the names of
 * the globals it replaced (printed as JSON on stdout).
 */
export function importInFreshProcess(
  entry: string,
  options: {cwd: string; nodeArgs?: readonly string[]}
): LoadedModules & {changedGlobals: string[]} {
  const run = loadedModules(['--input-type=module', '-e', probe], {...options, env: {WPDIFF_ENTRY: entry}})
  let changedGlobals: string[] = ['(the probe printed nothing)']
  try {
    changedGlobals = JSON.parse(run.stdout) as string[]
  } catch {
    // left as the sentinel, so the assertion fails and shows stderr
  }
  return {...run, changedGlobals}
}
