/**
 * `wpdiff report [editions-folder] -o reports/`: the report site for every series of a folder of
 * normalised editions. Reads `<folder>/<series>/series.yaml` (or `.yml`) and `<folder>/<series>/*.md`, builds
 * the site with `buildSite` and writes each file atomically (temporary file + rename) inside the
 * output folder. Nothing is ever deleted.
 */
import {open, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {formatOfExtension} from '../../ingest/input-formats.js'
import {InputError, UsageError} from '../../model/errors.js'
import {buildSite, type SeriesInput} from '../../report/build-site.js'
import type {Command} from '../command.js'
import type {Io} from '../io.js'
import {loadSeries} from '../load-series.js'
import {excludeOption, excludePatterns, parseCommandArgs} from '../parse-args.js'
import {writeAtomic} from '../write-atomic.js'

const help = `Usage: wpdiff report [editions-folder] [-o DIR] [options]

Build the HTML report site for every series in a folder of normalised editions
(<editions-folder>/<series>/*.md files that open with front matter, as written
by \`wpdiff ingest\`; an optional series.yaml or series.yml gives title,
publisher, language and themes). Per series: an index page (editions, years, titles, word counts,
outlines), one comparison report per pair of consecutive editions of the same
language (ordered by year, then by the quarter, half, month or date a label
names, then by label), and a trends page from three editions on; plus
<DIR>/index.html listing the series.

Arguments:
  editions-folder         folder of series folders (default: editions)

Options:
  -o, --output DIR        where to write the site (default: reports)
  --generated-at TEXT     print "generated on TEXT" in every footer (default:
                          none, so the output is reproducible byte for byte)
  --exclude PATTERN       leave out the sections a pattern names in every
                          edition (repeatable; see compare --help); each
                          series.yaml may add its own exclude: list
  -q, --quiet             no warnings on stderr
  -h, --help              show this help

Each file is written atomically (temporary file, then rename); files already in
DIR that the site does not produce are left alone.

Exit status: 0 done, 2 trouble (bad folder, unreadable edition).`

function parseReportArgs(args: string[]) {
  const {values, positionals} = parseCommandArgs('report', args, {
    output: {type: 'string', short: 'o', default: 'reports'},
    'generated-at': {type: 'string'},
    ...excludeOption
  })
  if (positionals.length > 1) throw new UsageError(`expected one editions folder, got ${positionals.length}`, 'report')
  if (values.output === '') throw new UsageError('-o needs a folder', 'report')
  return {
    folder: positionals[0] ?? 'editions',
    output: values.output,
    generatedAt: values['generated-at'] ?? null,
    quiet: values.quiet === true,
    exclude: excludePatterns('report', values.exclude)
  }
}

/** Whether `file` opens with front matter, as normalised editions do (its first bytes only: loading it reads it whole). */
async function opensWithFrontMatter(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(4), 0, 4, 0)
    const head = buffer.toString('utf8', 0, bytesRead)
    return head === '---\n' || head === '---\r'
  } finally {
    await handle.close()
  }
}

function notNormalised(n: number): string {
  return n === 1 ? '1 edition file that is not normalised' : `${n} edition files that are not normalised`
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** Whether `file` is a normalised edition: Markdown that opens with front matter. */
async function isNormalised(file: string): Promise<boolean> {
  const extension = /\.([A-Za-z0-9]+)$/u.exec(file)?.[1]
  return extension !== undefined && formatOfExtension(extension) === 'md' && opensWithFrontMatter(file)
}

/**
 * Read one series folder: series.yaml or series.yml (optional) and every normalised edition
 * (Markdown opening with front matter). Other edition files (sources kept beside their normalised
 * editions, or editions not normalised yet) are listed in `skipped`.
 */
async function readSeries(
  dir: string,
  name: string,
  io: Io,
  options: {quiet: boolean; exclude: string[]},
  skipped: string[]
): Promise<SeriesInput | null> {
  const loaded = await loadSeries([dir], io, {
    purpose: 'a report',
    select: isNormalised,
    mixedLanguages: true,
    least: 0,
    seriesFile: true,
    quiet: options.quiet,
    exclude: options.exclude
  })
  skipped.push(...loaded.skipped)
  if (loaded.editions.length === 0) return null
  const fields = loaded.series?.fields ?? {}
  const editions = loaded.editions.map((edition) => ({...edition, series: edition.series || name}))
  return {
    series: name,
    title: asText(fields.title),
    publisher: asText(fields.publisher),
    language: asText(fields.language),
    themes: loaded.series?.themes ?? [],
    editions
  }
}

export const reportCommand: Command = {
  name: 'report',
  help,
  async run(args, io) {
    const options = parseReportArgs(args)
    const folder = path.resolve(io.cwd, options.folder)
    const output = path.resolve(io.cwd, options.output)
    const outputInfo = await stat(output).catch(() => null)
    if (outputInfo && !outputInfo.isDirectory())
      throw new InputError('is a file, not a folder', {file: options.output, hint: 'give a folder to -o'})
    let entries: string[]
    try {
      entries = (await readdir(folder, {withFileTypes: true}))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    } catch {
      throw new InputError('cannot read the editions folder', {file: options.folder, hint: 'give a folder holding one folder per series'})
    }
    const warnings: string[] = []
    const seriesList: SeriesInput[] = []
    const skipped: string[] = []
    for (const name of entries) {
      const series = await readSeries(path.join(folder, name), name, io, options, skipped)
      if (series) seriesList.push(series)
    }
    const normalise =
      'normalise each with `wpdiff ingest FILE -o <editions-folder>/<series>/<edition>.md` (history, trends and compare also read them as they are)'
    if (seriesList.length === 0) {
      if (skipped.length > 0) {
        throw new InputError(
          `no normalised editions found, only ${notNormalised(skipped.length)} (no front matter), such as ${path.relative(folder, skipped[0]!)}`,
          {file: options.folder, hint: normalise}
        )
      }
      throw new InputError('no series found (no <series>/*.md files)', {
        file: options.folder,
        hint: 'put each series in its own folder of .md editions'
      })
    }
    if (skipped.length > 0) {
      const names = skipped.slice(0, 5).map((file) => path.relative(folder, file))
      if (skipped.length > 5) names.push(`${skipped.length - 5} more`)
      warnings.push(`${options.folder}: skipped ${notNormalised(skipped.length)} (no front matter): ${names.join(', ')}; ${normalise}`)
    }
    if (!options.quiet) for (const warning of warnings) io.stderr.write(`wpdiff: warning: ${warning}\n`)
    const files = buildSite(seriesList, {generatedAt: options.generatedAt})
    for (const [relative, content] of files) {
      const target = path.resolve(output, relative)
      // buildSite only makes slug paths, but the guard keeps every write inside the output folder.
      if (target !== output && !target.startsWith(output + path.sep))
        throw new Error(`wpdiff: refusing to write outside ${output}: ${relative}`)
      await writeAtomic(target, content, {force: true, makeParents: true})
    }
    if (!options.quiet && io.stderr.isTTY) io.stderr.write(`wpdiff: wrote ${files.size} files to ${options.output}\n`)
    return 0
  }
}
