import {traceLineages} from '../../align/trace-lineages.js'
import type {InputFormat} from '../../model/edition.js'
import {UsageError} from '../../model/errors.js'
import {describeExtensions, describeFormats} from '../../ingest/input-formats.js'
import type {Command} from '../command.js'
import {cacheOptionsHelp, openEditionCache, reportCacheUse} from '../edition-cache.js'
import {loadSeries} from '../load-series.js'
import {cacheOptions, cacheSettings, excludeOption, excludePatterns, parseCommandArgs} from '../parse-args.js'
import {printMessages} from '../print-messages.js'
import {describeLineage} from '../../report/describe-lineage.js'

const help = `Usage: wpdiff history <series-folder | files…> [options]

Follow every section across the editions of a series: chain the alignments of consecutive editions
(oldest first, by year then edition label) into lineages, one per section identity, and print each
lineage's life ("new in 2019, renamed 2021, merged into X 2023"). A folder is read for its
${describeExtensions()} files.

Options:
  --json            print the wpdiff/history@1 JSON instead
  --lang <tag>      only editions in this language (needed when a folder mixes languages)
  --exclude <pat>   leave out sections a pattern names (repeatable; see compare --help);
                    added to the folder's series.yaml exclude: list
  --from <fmt>      input format of every file: ${describeFormats()} (default: detected)
  --password <pw>   password of the encrypted PDFs
${cacheOptionsHelp(20)}
  -q, --quiet       no warnings;  --verbose  also informational notes;  --debug  stack traces
  -h, --help        this help

Exit status: 0 success, 2 trouble.`

export const historyCommand: Command = {
  name: 'history',
  help,
  async run(args, io) {
    const {values, positionals} = parseCommandArgs('history', args, {
      json: {type: 'boolean'},
      lang: {type: 'string'},
      from: {type: 'string'},
      password: {type: 'string'},
      ...excludeOption,
      ...cacheOptions
    })
    if (positionals.length === 0) throw new UsageError('give a series folder or two or more edition files', 'history')
    if (positionals.includes('-')) throw new UsageError('history reads files, not stdin', 'history')
    const cache = openEditionCache(io, cacheSettings('history', values))
    const {editions} = await loadSeries(positionals, io, {
      cache,
      from: values.from as InputFormat | undefined,
      lang: values.lang,
      password: values.password,
      purpose: 'a history',
      exclude: excludePatterns('history', values.exclude),
      quiet: values.quiet,
      verbose: values.verbose
    })
    reportCacheUse(io, cache, values)
    const history = traceLineages(editions)
    printMessages(io, positionals.join(' '), history.messages, values)
    if (values.json) io.stdout.write(`${JSON.stringify(history, null, 2)}\n`)
    else {
      const head = `${editions[0]!.series}: ${history.editions.map((e) => e.edition).join(' → ')}, ${history.lineages.length} lineage${history.lineages.length === 1 ? '' : 's'}`
      io.stdout.write(`${[head, ...history.lineages.map((l) => describeLineage(l, history))].join('\n')}\n`)
    }
    return 0
  }
}
