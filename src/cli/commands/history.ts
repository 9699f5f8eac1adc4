import {traceLineages, type History, type Lineage, type LineageStep} from '../../align/trace-lineages.js'
import type {InputFormat} from '../../model/edition.js'
import {UsageError} from '../../model/errors.js'
import type {Command} from '../command.js'
import {loadSeries} from '../load-series.js'
import {parseCommandArgs} from '../parse-args.js'
import {printMessages} from '../print-messages.js'
import {sharePercent} from '../../report/describe-relation.js'

const help = `Usage: wpdiff history <series-folder | files…> [options]

Follow every section across the editions of a series: chain the alignments of consecutive editions
(oldest first, by year then edition label) into lineages, one per section identity, and print each
lineage's life ("new in 2019, renamed 2021, merged into X 2023"). A folder is read for .md, .markdown,
.html, .htm, .docx and .txt files.

Options:
  --json            print the wpdiff/history@1 JSON instead
  --lang <tag>      only editions in this language (needed when a folder mixes languages)
  --from <fmt>      input format of every file: md, html, docx, txt, pdf (default: detected)
  -q, --quiet       no warnings;  --verbose  also informational notes;  --debug  stack traces
  -h, --help        this help

Exit status: 0 success, 2 trouble.`

/** One lineage as a line: its heading, then what happened to it edition by edition. */
export function describeLineage(lineage: Lineage, history: History): string {
  const title = (id: string): string => {
    const other = history.lineages.find((l) => l.id === id)
    return other ? `"${other.heading}"` : id
  }
  // Where the text of a section that begins (ends) the lineage was (is).
  const home = (step: LineageStep, where: string): string => (step.foundIn ? ` (${sharePercent(step.foundIn.share)} of its text ${where} ${title(step.foundIn.lineage)})` : '')
  const events: string[] = []
  for (const [k, step] of lineage.steps.entries()) {
    const e = step.edition
    const was = k > 0 ? lineage.steps[k - 1]!.section : null
    if (k === 0 && step.section) events.push(`in ${e}`)
    else if (step.relation === 'added') events.push(`new in ${e}${home(step, 'from')}`)
    else if (step.relation === 'removed') events.push(`removed ${e}${home(step, 'in')}`)
    else if (step.relation === 'split' && step.section && was) events.push(`split ${e} (into ${step.with.map(title).join(', ')})`)
    else if (step.relation === 'split' && step.section) events.push(`split off ${title(step.with[0] ?? '')} ${e}`)
    else if (step.relation === 'merged' && step.section) events.push(`merged ${e} (with ${step.with.map(title).join(', ')})`)
    else if (step.relation === 'merged') events.push(`merged into ${title(step.with[0] ?? '')} ${e}`)
    else if (step.relation === 'matched' && step.flags.includes('renamed') && was) events.push(`renamed ${e} (was "${was.heading}")`)
    else if (step.relation === 'matched' && step.flags.length > 0) events.push(`${step.flags.join('+')} ${e}`)
  }
  const last = [...lineage.steps].reverse().find((step) => step.section)!.section!
  return `${last.path.slice(-2).join(' › ') || last.heading}: ${events.join(', ')}`
}

export const historyCommand: Command = {
  name: 'history',
  help,
  async run(args, io) {
    const {values, positionals} = parseCommandArgs('history', args, {
      json: {type: 'boolean'},
      lang: {type: 'string'},
      from: {type: 'string'}
    })
    if (positionals.length === 0) throw new UsageError('give a series folder or two or more edition files', 'history')
    if (positionals.includes('-')) throw new UsageError('history reads files, not stdin', 'history')
    const {editions} = await loadSeries(positionals, io, {
      from: values.from as InputFormat | undefined,
      lang: values.lang,
      purpose: 'a history',
      quiet: values.quiet,
      verbose: values.verbose
    })
    const history = traceLineages(editions)
    printMessages(io, positionals.join(' '), history.messages, values)
    if (values.json) io.stdout.write(JSON.stringify(history, null, 2) + '\n')
    else {
      const head = `${editions[0]!.series}: ${history.editions.map((e) => e.edition).join(' → ')}, ${history.lineages.length} lineages`
      io.stdout.write([head, ...history.lineages.map((l) => describeLineage(l, history))].join('\n') + '\n')
    }
    return 0
  }
}
