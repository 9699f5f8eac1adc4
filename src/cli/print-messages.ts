import type {Message} from '../model/edition.js'
import type {Io} from './io.js'

/** How chatty the CLI is: `--quiet` hides warnings, `--verbose` adds info messages and lists every message. */
export interface Verbosity {
  quiet?: boolean | undefined
  verbose?: boolean | undefined
}

/** Messages of one kind (`code`) and severity, in the order the stages reported them. */
export interface MessageGroup {
  severity: Message['severity']
  code: string
  messages: Message[]
}

/** Group `messages` by severity and code, groups in order of their first message. */
export function groupMessages(messages: readonly Message[]): MessageGroup[] {
  const groups = new Map<string, MessageGroup>()
  for (const message of messages) {
    const key = `${message.severity}\u0000${message.code}`
    const group = groups.get(key)
    if (group) group.messages.push(message)
    else groups.set(key, {severity: message.severity, code: message.code, messages: [message]})
  }
  return [...groups.values()]
}

/**
 * How a count of one kind reads, for the kinds a long document repeats: the subject of the
 * sentence each message says once. Other kinds read "N warnings like: <the first one>".
 */
const counted: Record<string, (count: number) => string> = {
  'heading-not-in-toc': (count) => `${count} headings are missing from the contents`,
  'toc-entry-without-heading': (count) => `${count} contents entries have no matching heading in the body`,
  'heading-level-jump': (count) => `${count} headings jump more than one level; each is placed one level below the heading before it`,
  'heading-too-deep': (count) => `${count} headings are more than 6 levels deep; kept at level 6`,
  'empty-heading': (count) => `${count} headings with no text were dropped`,
  'word-diff-skipped': (count) => `${count} paragraphs changed too much for a word diff; they are shown rewritten`,
  'page-timeout': (count) => `${count} pages took too long and were skipped`,
  'page-unreadable': (count) => `${count} pages could not be read and were skipped`
}

/** Examples shown on a grouped line, and the characters shown of each subject. */
const examples = 3
const subjectLength = 60

/** `text`, or its first characters and an ellipsis when it is longer than {@link subjectLength}. */
function shorten(text: string): string {
  const chars = [...text]
  return chars.length <= subjectLength ? text : `${chars.slice(0, subjectLength - 1).join('')}…`
}

function where(file: string, message: Message): string {
  return message.line ? `${file}:${message.line}` : message.page ? `${file} p. ${message.page}` : file
}

/** One example: the message's subject (`actual`) and page (`"Scope" p. 4`), or its whole text (`text (line 2)`). */
function example(message: Message): string {
  if (message.actual !== undefined)
    return `"${shorten(message.actual)}"${message.page ? ` p. ${message.page}` : message.line ? ` line ${message.line}` : ''}`
  return `${message.text}${message.page ? ` (p. ${message.page})` : message.line ? ` (line ${message.line})` : ''}`
}

/**
 * The lines to show for `messages` of `file`: nothing with `quiet`; with `verbose` every message,
 * info included, one line each; otherwise the warnings, one line per kind — a kind seen once as
 * itself, a repeated kind as a count with the first examples.
 */
export function formatMessages(file: string, messages: readonly Message[], verbosity: Verbosity): string[] {
  if (verbosity.quiet) return []
  if (verbosity.verbose) return messages.map((message) => `wpdiff: ${where(file, message)}: ${message.severity}: ${message.text}`)
  const lines: string[] = []
  for (const group of groupMessages(messages.filter((message) => message.severity === 'warning'))) {
    const [first] = group.messages
    if (group.messages.length === 1) {
      lines.push(`wpdiff: ${where(file, first!)}: ${group.severity}: ${first!.text}`)
      continue
    }
    const count = group.messages.length
    const summary = counted[group.code]?.(count)
    const shown = group.messages.slice(0, examples).map(example)
    const more = `--verbose lists all ${count}`
    lines.push(
      summary !== undefined
        ? `wpdiff: ${file}: ${group.severity}: ${summary} (first: ${shown.join(', ')}); ${more}`
        : `wpdiff: ${file}: ${group.severity}: ${count} warnings like: ${example(first!)}; ${more}`
    )
  }
  return lines
}

/** Print a stage's messages to stderr as {@link formatMessages} lays them out. */
export function printMessages(io: Io, file: string, messages: readonly Message[], verbosity: Verbosity): void {
  for (const line of formatMessages(file, messages, verbosity)) io.stderr.write(`${line}\n`)
}
