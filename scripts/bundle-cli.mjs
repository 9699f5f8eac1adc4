/**
 * `npm run build`, second step: bundle the command line into `dist/cli-bundle/`, which
 * `bin/wpdiff.js` runs. Node 20 resolves, reads and compiles every ES module file on its own, and
 * the Markdown reader alone is some 200 files: one file per command is what makes
 * `wpdiff outline` start in about a third of the time (issue 16 §3; `npm run bench -- start`).
 *
 * What stays lazy stays lazy: each command and each engine's adapter is a chunk loaded by its
 * `import()`. The engines themselves (PDF, Word, HTML, templates) stay outside the bundle and load
 * from node_modules on first use, as the library loads them. Chunks sit next to the entry points,
 * two folders below the package root like `dist/cli/`, so `new URL('../../package.json',
 * import.meta.url)` resolves the same from either build.
 */
import {rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(root, 'dist/cli-bundle')
// The worker threads (one reads a second large edition, see load-editions.ts; one shares a long
// PDF's pages, see ingest/pdf.ts) are scripts of their own.
const entryPoints = ['src/cli/main.ts', 'src/cli/ingest-worker.ts', 'src/ingest/pdf-worker.ts']

rmSync(outdir, {recursive: true, force: true})
await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@embedpdf/pdfium', 'docx', 'mammoth', 'nunjucks', 'rehype-parse', 'rehype-remark', 'hast-util-to-text'],
  // CommonJS packages bundled into ES modules (yaml) still call `require` for Node's own modules.
  banner: {js: "import {createRequire as wpdiffCreateRequire} from 'node:module'; const require = wpdiffCreateRequire(import.meta.url);"},
  logLevel: 'warning'
})
