import path from 'node:path'
import {compareEditions, isSameEdition, type CompareResult} from '../../compare/compare-editions.js'
import type {IngestResult} from '../../ingest/ingest-edition.js'
import type {Edition, InputFormat} from '../../model/edition.js'
import {UsageError} from '../../model/errors.js'
import {describeFormats} from '../../ingest/input-formats.js'
import type {Command} from '../command.js'
import type {Io} from '../io.js'
import {cacheOptionsHelp, openEditionCache, reportCacheUse} from '../edition-cache.js'
import {loadEditions} from '../load-editions.js'
import {cacheOptions, cacheSettings, excludeOption, excludePatterns, parseCommandArgs} from '../parse-args.js'
import {excludeSections} from '../../model/exclude-sections.js'
import {printMessages} from '../print-messages.js'
import {createProgress, formatSize, type Progress} from '../progress.js'
import {outputFile, writeAtomic} from '../write-atomic.js'

const help = `Usage: wpdiff compare <old> <new> [options]

Align the chapters and sections of two editions (renamed, renumbered, moved, split, merged, added,
removed) and diff the text inside each pair. Inputs are any supported format, normalised on the fly.
Prints one line per section that changed (kind, flags, similarity, headings, words +added/-removed,
pages of a PDF: the printed page label where the PDF has one), then totals. A pairing below 0.6 similarity is marked "?" (doubtful) unless the section kept its
title and its place; an added or removed section whose text stands in another section says where:
"(100% was in …)".

Options:
  --json             print the wpdiff/compare@1 JSON instead (same as --format json)
  --stat             like git diff --stat: one line per changed section (path | kinds, words
                     +added -removed, a bar), then a total line (same as --format stat)
  -o, --output <f>   write to this file (atomically) instead of stdout
  --format <fmt>     text, stat, json, md (Markdown summary), html (self-contained report with
                     redlines) or docx (Word document with tracked changes; needs -o); default:
                     from the extension of -o (.html, .json, .md, .docx), else text
  --generated-at <t> print "generated on <t>" in the HTML report (default: none, reproducible)
  --force            overwrite an existing -o file
  --detail <level>   summary (default) or blocks: add each relation's paragraph diff with word tokens
  --from <fmt>       input format of both files: ${describeFormats()} (default: detected)
  --password <pw>    password of the encrypted PDFs
${cacheOptionsHelp(21)}
  --exclude <pat>    leave out the sections a pattern names, with their sub-sections (repeatable):
                     a heading or title, * and ? as wildcards, any case ("Acknowledg*",
                     "Index"); with / a heading path ("Annex*/*"); "(preamble)" the text before
                     the first heading
  --ignore-case      treat words differing only in case as equal
  --ignore-punctuation  treat changes of punctuation alone as no change
  --ignore-numbers   treat a number replaced by another number as no change
  --keep-whitespace  count changes of white space (ignored by default)
  -q, --quiet        no warnings;  --verbose  also informational notes;  --debug  stack traces
  -h, --help         this help

With -o, says "wrote FILE (size)" on stderr; on a terminal, a progress line shows what it is
reading or comparing (neither with --quiet). The exit status is the same with -o: 1 when the
editions differ, even though the file was written.

Exit status: 0 the editions have the same text and structure, 1 they differ, 2 trouble.`

/** Output formats of `compare`. */
export type CompareFormat = 'text' | 'stat' | 'json' | 'md' | 'html' | 'docx'

const compareFormats: readonly CompareFormat[] = ['text', 'stat', 'json', 'md', 'html', 'docx']

/** The format asked for: `--format`, else `--json` or `--stat`, else the extension of `-o`, else text. */
export function compareFormat(options: {
  json?: boolean | undefined
  stat?: boolean | undefined
  format?: string | undefined
  output?: string | undefined
}): CompareFormat {
  if (options.json && options.stat) throw new UsageError('choose one of --json and --stat', 'compare')
  const format = options.format ?? (options.json ? 'json' : options.stat ? 'stat' : undefined)
  if (format !== undefined) {
    const known = compareFormats.find((name) => name === format)
    if (known) return known
    throw new UsageError(`--format takes ${compareFormats.join(', ')}, not '${format}'`, 'compare')
  }
  const extension = options.output ? path.extname(options.output).toLowerCase() : ''
  if (extension === '.html' || extension === '.htm') return 'html'
  if (extension === '.json') return 'json'
  if (extension === '.docx') return 'docx'
  if (extension === '.md' || extension === '.markdown') return 'md'
  return 'text'
}

/** Write the chosen output of a comparison (one place, so other formats and `-o` slot in here). */
export async function writeCompareOutput(
  result: CompareResult,
  options: {
    json?: boolean | undefined
    stat?: boolean | undefined
    format?: string | undefined
    output?: string | undefined
    force?: boolean | undefined
    quiet?: boolean | undefined
    'generated-at'?: string | undefined
    /** The editions compared (resolved paths), which `-o` may not name. */
    inputs?: readonly string[]
  },
  io: Io,
  progress: Progress = createProgress(io, {quiet: true})
): Promise<void> {
  const format = compareFormat(options)
  // Each format's renderer loads only for that format (the Word engine, the report's templates):
  // JSON, which most scripts ask for, loads none.
  const content =
    format === 'docx'
      ? (await import('../../report/render-docx.js').then(({renderDocx}) => renderDocx(result))).bytes
      : format === 'json'
        ? `${JSON.stringify(result, null, 2)}\n`
        : format === 'md'
          ? (await import('../../report/render-compare-markdown.js')).renderCompareMarkdown(result)
          : format === 'html'
            ? (await import('../../report/render-compare-report.js')).renderCompareReport(result, {
                generatedAt: options['generated-at'] ?? null
              })
            : format === 'stat'
              ? (await import('../../report/format-compare-stat.js')).formatCompareStat(result)
              : (await import('../../report/format-compare-text.js')).formatCompareText(result)
  if (options.output) {
    await writeAtomic(outputFile(io.cwd, options.output), content, {force: options.force ?? false, inputs: options.inputs ?? []})
    progress.clear()
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength
    if (!options.quiet) io.stderr.write(`wpdiff: wrote ${options.output} (${formatSize(bytes)})\n`)
  } else io.stdout.write(content)
}

export const compareCommand: Command = {
  name: 'compare',
  help,
  async run(args, io) {
    const {values, positionals} = parseCommandArgs('compare', args, {
      json: {type: 'boolean'},
      stat: {type: 'boolean'},
      detail: {type: 'string'},
      from: {type: 'string'},
      output: {type: 'string', short: 'o'},
      format: {type: 'string'},
      'generated-at': {type: 'string'},
      force: {type: 'boolean'},
      'ignore-case': {type: 'boolean'},
      'ignore-punctuation': {type: 'boolean'},
      'ignore-numbers': {type: 'boolean'},
      'keep-whitespace': {type: 'boolean'},
      password: {type: 'string'},
      ...excludeOption,
      ...cacheOptions
    })
    if (positionals.length !== 2) throw new UsageError('give two editions: <old> <new>', 'compare')
    const detail = values.detail ?? 'summary'
    if (detail !== 'summary' && detail !== 'blocks') throw new UsageError(`--detail takes summary or blocks, not '${detail}'`, 'compare')
    if (positionals[0] === '-' && positionals[1] === '-') throw new UsageError('only one of the editions can come from stdin', 'compare')
    // A bad --format is a usage error before any edition is read.
    const format = compareFormat(values)
    if (format === 'docx' && !values.output) throw new UsageError('--format docx writes a file: give -o changes.docx', 'compare')
    const exclude = excludePatterns('compare', values.exclude)
    const from = {...(values.from ? {from: values.from as InputFormat} : {}), ...(values.password ? {password: values.password} : {})}
    const [oldFile, newFile] = positionals as [string, string]
    const cache = openEditionCache(io, cacheSettings('compare', values))
    const progress = createProgress(io, values)
    // A failure clears the progress line too, so its one-line message stands alone.
    try {
      const [old, next] = (await loadEditions([oldFile, newFile], io, from, cache, progress)) as [IngestResult, IngestResult]
      progress.clear()
      reportCacheUse(io, cache, values)
      printMessages(io, oldFile, old.messages, values)
      printMessages(io, newFile, next.messages, values)
      const kept = excludeSections([old.edition, next.edition], exclude)
      printMessages(io, `${oldFile} → ${newFile}`, kept.messages, values)
      const [oldEdition, newEdition] = kept.editions as [Edition, Edition]
      // The HTML report and the Word redline show redlines, so they need every relation's blocks.
      progress.step('aligning and comparing')
      const result = compareEditions(oldEdition, newEdition, {
        detail: format === 'html' || format === 'docx' ? 'blocks' : detail,
        diff: {
          ignoreCase: values['ignore-case'] ?? false,
          ignorePunctuation: values['ignore-punctuation'] ?? false,
          ignoreNumbers: values['ignore-numbers'] ?? false,
          ignoreWhitespace: !(values['keep-whitespace'] ?? false)
        }
      })
      progress.clear()
      printMessages(io, `${oldFile} → ${newFile}`, result.messages, values)
      if (format === 'docx' || format === 'html') progress.step(`writing ${values.output ?? 'the report'}`)
      const inputs = [oldFile, newFile].filter((file) => file !== '-').map((file) => path.resolve(io.cwd, file))
      await writeCompareOutput(result, {...values, inputs}, io, progress)
      return isSameEdition(result) ? 0 : 1
    } finally {
      progress.clear()
    }
  }
}
