import type {Command} from '../command.js'
import {compareCommand} from './compare.js'
import {historyCommand} from './history.js'
import {ingestCommand} from './ingest.js'
import {outlineCommand} from './outline.js'
import {trendsCommand} from './trends.js'
import {reportCommand} from './report.js'

/** Every subcommand, in the order `wpdiff --help` lists them. One line each. */
export const commands: Command[] = [
  ingestCommand,
  outlineCommand,
  compareCommand,
  historyCommand,
  reportCommand,
  trendsCommand,
]
