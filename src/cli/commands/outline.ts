import type {InputFormat, Section} from '../../model/edition.js'
import {UsageError} from '../../model/errors.js'
import {describeFormats} from '../../ingest/input-formats.js'
import {toOutline} from '../../normalize/to-outline.js'
import type {Command} from '../command.js'
import {loadEdition} from '../load-edition.js'
import {parseCommandArgs} from '../parse-args.js'
import {printMessages} from '../print-messages.js'

const help = `Usage: wpdiff outline <file|-> [options]

Print the chapter and section tree of an edition in any supported format (normalised on the fly):
numbering, title and word counts (own / with sub-sections), indented by level.

Options:
  --json            print the wpdiff/outline@1 JSON instead
  --from <fmt>      input format: ${describeFormats()} (default: from the extension and content)
  --password <pw>   password of an encrypted PDF
  -q, --quiet       no warnings;  --verbose  also informational notes;  --debug  stack traces
  -h, --help        this help

Exit status: 0 success, 2 trouble.`

export const outlineCommand: Command = {
  name: 'outline',
  help,
  async run(args, io) {
    const {values, positionals} = parseCommandArgs('outline', args, {
      json: {type: 'boolean'},
      from: {type: 'string'},
      password: {type: 'string'}
    })
    if (positionals.length !== 1) throw new UsageError('give exactly one input file (or - for stdin)', 'outline')
    const file = positionals[0]!
    const {edition, messages} = await loadEdition(file, io, {
      ...(values.from ? {from: values.from as InputFormat} : {}),
      ...(values.password ? {password: values.password} : {})
    })
    printMessages(io, file, messages, values)
    if (values.json) {
      io.stdout.write(`${JSON.stringify(toOutline(edition), null, 2)}\n`)
      return 0
    }
    const lines = [
      `${edition.title} — ${edition.series} ${edition.edition}${edition.year ? ` (${edition.year})` : ''}, ${edition.language}, ${edition.words} words`
    ]
    const walk = (sections: Section[]): void => {
      for (const section of sections) {
        const counts = section.children.length > 0 ? `${section.words}/${section.totalWords}` : String(section.words)
        // The number printed on the page, as the contents below give it; the PDF's own page where that differs.
        const sheet = section.pageLabel && section.pageLabel !== String(section.page) ? ` (PDF page ${section.page})` : ''
        const page = section.page !== null ? `  p. ${section.pageLabel || section.page}${sheet}` : ''
        lines.push(`${'  '.repeat(section.level)}${section.heading}  [${counts}]${page}`)
        walk(section.children)
      }
    }
    walk(edition.sections)
    if (edition.toc.length > 0) {
      lines.push('', 'Contents (as printed):')
      for (const entry of edition.toc) {
        const label = entry.numbering ? `${entry.numbering} ` : ''
        lines.push(`${'  '.repeat(entry.level)}${label}${entry.title}${entry.page !== null ? ` ... ${entry.page}` : ''}`)
      }
    }
    io.stdout.write(`${lines.join('\n')}\n`)
    return 0
  }
}
