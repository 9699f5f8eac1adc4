import type {Command} from '../command.js'

/**
 * A subcommand as `wpdiff --help` lists it. Its module, and the stages and engines that module
 * imports, load only when the command runs or prints its own help: `wpdiff --help` and
 * `wpdiff outline` pay for no report templates, PDF or Word engine.
 */
export interface CommandEntry {
  name: string
  /** One line for the command list in `wpdiff --help`. */
  summary: string
  load(): Promise<Command>
}

/** Every subcommand, in the order `wpdiff --help` lists them. */
export const commands: CommandEntry[] = [
  {
    name: 'ingest',
    summary: 'normalise one edition into wpdiff Markdown',
    load: async () => (await import('./ingest.js')).ingestCommand
  },
  {
    name: 'outline',
    summary: 'print the section tree of an edition (text or --json)',
    load: async () => (await import('./outline.js')).outlineCommand
  },
  {
    name: 'compare',
    summary: 'align and diff two editions (text summary or --json); exit 1 when they differ',
    load: async () => (await import('./compare.js')).compareCommand
  },
  {
    name: 'history',
    summary: 'follow every section across the editions of a series (lineages; text or --json)',
    load: async () => (await import('./history.js')).historyCommand
  },
  {
    name: 'report',
    summary: 'build the HTML report site (comparisons, outlines, trends) for a folder of editions',
    load: async () => (await import('./report.js')).reportCommand
  },
  {
    name: 'trends',
    summary: 'term and theme frequencies, keyness, section shares and new language over a series',
    load: async () => (await import('./trends.js')).trendsCommand
  }
]
