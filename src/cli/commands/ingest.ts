import path from 'node:path'
import type {InputFormat} from '../../model/edition.js'
import {UsageError} from '../../model/errors.js'
import {describeFormats, inputFormatSpecs} from '../../ingest/input-formats.js'
import {toNormalizedMarkdown} from '../../normalize/to-normalized-markdown.js'
import type {Command} from '../command.js'
import {loadEdition} from '../load-edition.js'
import {integerOption, parseCommandArgs} from '../parse-args.js'
import {printMessages} from '../print-messages.js'
import {version} from '../version.js'
import {outputFile, writeAtomic} from '../write-atomic.js'

const help = `Usage: wpdiff ingest <file|-> [options]

Normalise one edition (${inputFormatSpecs.map((spec) => spec.label).join(', ')}) into wpdiff's
Markdown format: YAML front matter, chapters as #, sections as ##, clean paragraphs.

Options:
  --from <fmt>       input format: ${describeFormats()} (default: from the extension and content;
                     required for stdin unless it is Markdown)
  --series <slug>    series (default: front matter, else the folder name; in a folder named as a
                     language, ko/msit-guide-2026.pdf, the words before the label: msit-guide)
  --edition <label>  edition label (default: front matter, else the file name from its first
                     version or year on: owasp-top10-2021.pdf is 2021, v1-2020.pdf is v1-2020)
  --year <yyyy>      publication year (default: front matter, else a year in the file name, else
                     one on the cover: in the title, on page 1, in a copyright line)
  --title <text>     document title (default: front matter, title heading, <title>, a PDF's
                     cover; cut at a word before 80 characters)
  --lang <bcp47>     language (default: front matter, <html lang>, name tag like 2020.zh-CN.md, script)
  --password <pw>    password of an encrypted PDF
  -o, --output <f>   write here (atomically) instead of stdout
  --force            overwrite an existing output file
  -q, --quiet        no warnings;  --verbose  also informational notes;  --debug  stack traces
  -h, --help         this help

Exit status: 0 written, 2 trouble.`

export const ingestCommand: Command = {
  name: 'ingest',
  help,
  async run(args, io) {
    const {values, positionals} = parseCommandArgs('ingest', args, {
      from: {type: 'string'},
      series: {type: 'string'},
      edition: {type: 'string'},
      year: {type: 'string'},
      title: {type: 'string'},
      lang: {type: 'string'},
      password: {type: 'string'},
      output: {type: 'string', short: 'o'},
      force: {type: 'boolean'}
    })
    if (positionals.length !== 1) throw new UsageError('give exactly one input file (or - for stdin)', 'ingest')
    const file = positionals[0]!
    const year = integerOption('ingest', 'year', values.year)
    const {edition, messages} = await loadEdition(file, io, {
      ...(values.from ? {from: values.from as InputFormat} : {}),
      ...(values.series ? {series: values.series} : {}),
      ...(values.edition ? {edition: values.edition} : {}),
      ...(year !== undefined ? {year} : {}),
      ...(values.title ? {title: values.title} : {}),
      ...(values.lang ? {language: values.lang} : {}),
      ...(values.password ? {password: values.password} : {})
    })
    printMessages(io, file, messages, values)
    const markdown = toNormalizedMarkdown(edition, {generator: `wpdiff ${version}`})
    if (values.output) {
      // A Markdown edition may be normalised in place (ingest is idempotent); an original in
      // another format is never replaced by its Markdown.
      const inputs = file === '-' || edition.source.format === 'md' ? [] : [path.resolve(io.cwd, file)]
      await writeAtomic(outputFile(io.cwd, values.output), markdown, {force: values.force ?? false, inputs})
    } else io.stdout.write(markdown)
    return 0
  }
}
