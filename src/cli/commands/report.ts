/**
 * `wpdiff report [editions-folder] -o reports/`: the report site for every series of a folder of
 * editions. Reads `<folder>/<series>/series.yaml` (or `.yml`) and `<folder>/<series>/*` edition files in
 * any format (PDF, Word and HTML ones through the cache of ingested editions), builds the site with
 * `buildSite` and writes each file atomically (temporary file + rename) inside the output folder.
 * A folder of editions with no series folder in it is one series. Nothing is ever deleted; the
 * site's own files are rewritten on every run (it is generated output, as `npm start` rebuilds it).
 */
import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {describeExtensions} from '../../ingest/input-formats.js'
import {InputError, UsageError} from '../../model/errors.js'
import {buildSite, type SeriesInput} from '../../report/build-site.js'
import type {Command} from '../command.js'
import {cacheOptionsHelp, type EditionCache, openEditionCache, reportCacheUse} from '../edition-cache.js'
import type {Io} from '../io.js'
import {loadSeries} from '../load-series.js'
import {cacheOptions, cacheSettings, excludeOption, excludePatterns, parseCommandArgs} from '../parse-args.js'
import type {Verbosity} from '../print-messages.js'
import {writeAllAtomic} from '../write-atomic.js'

const help = `Usage: wpdiff report [editions-folder] [-o DIR] [options]

Build the HTML report site for every series in a folder of editions
(<editions-folder>/<series>/ holding ${describeExtensions(true)} files: normalised
editions as written by \`wpdiff ingest\`, or the originals, read and normalised
on the way; an optional series.yaml or series.yml gives title, publisher,
language and themes). An edition's label and year come from its front matter,
else its file name (owasp-top10-2021.pdf is 2021, v1-2020.pdf is v1-2020), else
a year on its cover. Per series: an index page (editions, years, titles, word counts,
outlines), one comparison report per pair of consecutive editions of the same
language (ordered by year, then by the quarter, half, month or date a label
names, then by label), and a trends page from three editions on; plus
<DIR>/index.html listing the series.

Arguments:
  editions-folder         folder of series folders, or of one series' editions
                          (named after the folder; default: editions)

Options:
  -o, --output DIR        where to write the site (default: reports)
  --generated-at TEXT     print "generated on TEXT" in every footer (default:
                          none, so the output is reproducible byte for byte)
  --exclude PATTERN       leave out the sections a pattern names in every
                          edition (repeatable; see compare --help); each
                          series.yaml may add its own exclude: list
  --password PW           password of the encrypted PDFs (never cached)
${cacheOptionsHelp(26, 'DIR')}
  -q, --quiet             no warnings;  --verbose  also informational notes
  -h, --help              show this help

An original kept beside its normalised edition (2023.pdf beside 2023.md, or
named in its front matter's source:) is not read twice: the normalised one
counts. Each file is written atomically (temporary file, then rename); files
already in DIR that the site does not produce are left alone.

Exit status: 0 done, 2 trouble (bad folder, unreadable edition).`

function parseReportArgs(args: string[]) {
  const {values, positionals} = parseCommandArgs('report', args, {
    output: {type: 'string', short: 'o', default: 'reports'},
    'generated-at': {type: 'string'},
    password: {type: 'string'},
    ...excludeOption,
    ...cacheOptions
  })
  if (positionals.length > 1) throw new UsageError(`expected one editions folder, got ${positionals.length}`, 'report')
  if (values.output === '') throw new UsageError('-o needs a folder', 'report')
  return {
    folder: positionals[0] ?? 'editions',
    output: values.output,
    generatedAt: values['generated-at'] ?? null,
    quiet: values.quiet === true,
    verbose: values.verbose === true,
    password: values.password,
    exclude: excludePatterns('report', values.exclude),
    cache: cacheSettings('report', values)
  }
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/**
 * Read one series folder: series.yaml or series.yml (optional) and every edition file, in any
 * format (an original beside its normalised edition once, see `loadSeries`).
 */
async function readSeries(
  dir: string,
  name: string,
  io: Io,
  options: Verbosity & {exclude: string[]; password: string | undefined; cache: EditionCache | null}
): Promise<SeriesInput | null> {
  const loaded = await loadSeries([dir], io, {
    purpose: 'a report',
    mixedLanguages: true,
    least: 0,
    seriesFile: true,
    password: options.password,
    cache: options.cache,
    quiet: options.quiet,
    verbose: options.verbose,
    exclude: options.exclude
  })
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
    const seriesList: SeriesInput[] = []
    const cache = openEditionCache(io, options.cache)
    for (const name of entries) {
      const series = await readSeries(path.join(options.folder, name), name, io, {...options, cache})
      if (series) seriesList.push(series)
    }
    // A folder holding the editions themselves (`wpdiff report downloads/` over 2020.pdf and 2022.pdf)
    // is one series, named after the folder.
    if (seriesList.length === 0) {
      const series = await readSeries(options.folder, path.basename(folder), io, {...options, cache})
      if (series) seriesList.push(series)
    }
    reportCacheUse(io, cache, options)
    if (seriesList.length === 0) {
      throw new InputError('no series found (no edition files in it or in a <series>/ folder of it)', {
        file: options.folder,
        hint: `put each series in its own folder of ${describeExtensions(true)} editions`
      })
    }
    const files = buildSite(seriesList, {generatedAt: options.generatedAt})
    const targets = [...files].map(([relative, content]) => {
      const target = path.resolve(output, relative)
      // buildSite only makes slug paths, but the guard keeps every write inside the output folder.
      if (target !== output && !target.startsWith(output + path.sep))
        throw new Error(`wpdiff: refusing to write outside ${output}: ${relative}`)
      return [target, content] as const
    })
    // All pages or none: a disk that fills up halfway leaves the earlier site whole, not half replaced.
    await writeAllAtomic(targets, {write: io.writeFile, what: `the report in ${options.output}`})
    // A person at a terminal is told where to start reading; a script gets no chatter.
    if (!options.quiet && io.stderr.isTTY)
      io.stderr.write(`wpdiff: wrote ${files.size} files to ${options.output} — open ${path.join(options.output, 'index.html')}\n`)
    return 0
  }
}
