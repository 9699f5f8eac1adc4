import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {InputFormat} from '../../model/edition.js'
import {InputError, UsageError} from '../../model/errors.js'
import {describeExtensions, describeFormats} from '../../ingest/input-formats.js'
import {renderTrendsPage} from '../../report/render-trends-page.js'
import {computeTrends} from '../../trends/compute-trends.js'
import {parseThemes, type Theme} from '../../trends/parse-themes.js'
import {trendsToCsv} from '../../trends/to-csv.js'
import {describeTrends} from '../../report/describe-trends.js'
import type {TrendsResult} from '../../trends/trends-result.js'
import type {Command} from '../command.js'
import {cacheOptionsHelp, openEditionCache, reportCacheUse} from '../edition-cache.js'
import {loadSeries} from '../load-series.js'
import {cacheOptions, cacheSettings, excludeOption, excludePatterns, integerOption, parseCommandArgs} from '../parse-args.js'
import {printMessages} from '../print-messages.js'
import {formatSize} from '../progress.js'
import {outputFile, writeAtomic} from '../write-atomic.js'

const help = `Usage: wpdiff trends <series-folder | files…> [options]

Track emphasis over the editions of a series (oldest first, by year then edition label): how often
chosen terms and themes occur per 10,000 words, which terms rose or fell significantly between
editions (Dunning's G², log ratio), each chapter's share of the words followed along its lineage,
and the phrases each edition uses for the first or the last time. A folder is read for its
${describeExtensions()} files;
its series.yaml may define default themes.

Options:
  --terms <list>        comma-separated terms to follow ("denuclearization,climate change,/carbon.*/")
  --terms-file <file>   terms to follow, one per line (# starts a comment)
  --themes <file>       YAML: theme name -> list of terms, phrases or /regex/
  --top <N>             length of top, rising, falling, new and vanished lists (default 20)
  --ngram <1..3>        longest n-gram for top terms and keyness (default 2)
  --cut <G2>            keyness significance cut (default 10.83, p < 0.001)
  --json                print the wpdiff/trends@1 JSON
  --csv                 print tidy CSV: edition,year,kind,key,count,per10k
  -o, --output <file>   write the HTML page (or the JSON/CSV with --json/--csv) to this file
  --force               overwrite the -o file if it exists
  --lang <tag>          only editions in this language (needed when a folder mixes languages)
  --exclude <pat>       leave out sections a pattern names (repeatable; see compare --help);
                        added to the folder's series.yaml exclude: list
  --from <fmt>          input format of every file: ${describeFormats()} (default: detected)
  --password <pw>       password of the encrypted PDFs
${cacheOptionsHelp(24)}
  -q, --quiet           no warnings;  --verbose  also informational notes;  --debug  stack traces
  -h, --help            this help

Without --json, --csv or -o, prints a short text summary.
Exit status: 0 success, 2 trouble.`

async function readText(file: string, cwd: string): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), 'utf8')
  } catch {
    throw new InputError('cannot be read', {file, hint: 'check the path'})
  }
}

/** Terms from --terms and --terms-file, in that order, without duplicates. */
async function readTerms(values: {terms?: string; 'terms-file'?: string}, cwd: string): Promise<string[]> {
  const terms: string[] = []
  // Commas inside a /regex/ do not split it.
  if (values.terms) terms.push(...(values.terms.match(/\/(?:[^/\\]|\\.)+\/[a-z]*|[^,]+/gu) ?? []))
  if (values['terms-file']) {
    const text = await readText(values['terms-file'], cwd)
    terms.push(...text.split(/\r?\n/u).filter((line) => !/^\s*#/u.test(line)))
  }
  return [...new Set(terms.map((term) => term.trim()).filter((term) => term !== ''))]
}

export const trendsCommand: Command = {
  name: 'trends',
  help,
  async run(args, io) {
    const {values, positionals} = parseCommandArgs('trends', args, {
      terms: {type: 'string'},
      'terms-file': {type: 'string'},
      themes: {type: 'string'},
      top: {type: 'string'},
      ngram: {type: 'string'},
      cut: {type: 'string'},
      json: {type: 'boolean'},
      csv: {type: 'boolean'},
      output: {type: 'string', short: 'o'},
      force: {type: 'boolean'},
      lang: {type: 'string'},
      from: {type: 'string'},
      password: {type: 'string'},
      ...excludeOption,
      ...cacheOptions
    })
    if (positionals.length === 0) throw new UsageError('give a series folder or two or more edition files', 'trends')
    if (positionals.includes('-')) throw new UsageError('trends reads files, not stdin', 'trends')
    if (values.json && values.csv) throw new UsageError('choose one of --json and --csv', 'trends')
    const top = integerOption('trends', 'top', values.top)
    if (top !== undefined && top < 1) throw new UsageError('--top must be at least 1', 'trends')
    const ngram = integerOption('trends', 'ngram', values.ngram)
    if (ngram !== undefined && (ngram < 1 || ngram > 3)) throw new UsageError('--ngram must be 1, 2 or 3', 'trends')
    let cut: number | undefined
    if (values.cut !== undefined) {
      cut = Number(values.cut)
      if (!Number.isFinite(cut) || cut < 0) throw new UsageError(`--cut takes a number ≥ 0, not '${values.cut}'`, 'trends')
    }

    const terms = await readTerms(values, io.cwd)
    const cache = openEditionCache(io, cacheSettings('trends', values))
    const {editions, series} = await loadSeries(positionals, io, {
      cache,
      from: values.from as InputFormat | undefined,
      lang: values.lang,
      password: values.password,
      purpose: 'trends',
      exclude: excludePatterns('trends', values.exclude),
      quiet: values.quiet,
      verbose: values.verbose,
      seriesFile: !values.themes
    })
    reportCacheUse(io, cache, values)
    const themes: Theme[] = values.themes ? parseThemes(await readText(values.themes, io.cwd), values.themes) : (series?.themes ?? [])

    let result: TrendsResult
    try {
      result = computeTrends(editions, {terms, themes, top, ngram, cut})
    } catch (error) {
      // An invalid /regex/ or an empty term is the user's to fix.
      if (error instanceof SyntaxError || /has no words to count/u.test((error as Error).message)) {
        throw new UsageError((error as Error).message, 'trends')
      }
      throw error
    }
    printMessages(io, positionals.join(' '), result.messages, values)

    const output = values.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : values.csv
        ? trendsToCsv(result)
        : values.output
          ? renderTrendsPage(result, {compareHref: null})
          : describeTrends(result)
    if (values.output) {
      const inputs = positionals.filter((file) => file !== '-').map((file) => path.resolve(io.cwd, file))
      await writeAtomic(outputFile(io.cwd, values.output), output, {force: values.force ?? false, inputs})
      if (!values.quiet) io.stderr.write(`wpdiff: wrote ${values.output} (${formatSize(Buffer.byteLength(output))})\n`)
    } else io.stdout.write(output)
    return 0
  }
}
