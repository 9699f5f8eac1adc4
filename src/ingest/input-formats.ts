/**
 * Every input format wpdiff reads, in one place: its name (`--from`), the file extensions that
 * name it, what its bytes look like, and its reader. Format detection, series folders and every
 * command's help are derived from this list, so a new format is one entry here (and its adapter).
 */
import type {InputFormat, Message, ParsedDocument} from '../model/edition.js'
import {InputError, PdfError} from '../model/errors.js'
import {decodeText} from './decode-text.js'

/** What a reader was given besides the bytes. */
export interface ReadContext {
  /** The input's path as the user named it (`-` for stdin), for messages. */
  file: string
  /** Password of an encrypted PDF. */
  password?: string | undefined
  /** A PDF's pages read so far, and how many it has (for a progress line). */
  onPage?: ((taken: number, total: number) => void) | undefined
  /** Keep a long PDF's page thread, idle, after its pages (see `ReadPdfOptions.keepThread`). */
  keepThread?: boolean
  /** Run early on a few of a long PDF's pages while its page thread reads the rest (see `FromPdfOptions.rehearse`). */
  rehearse?: ((sample: ParsedDocument) => void) | undefined
}

/** What a reader made of the bytes. */
export interface ReadResult {
  parsed: ParsedDocument
  /** The decoded text for text formats, `''` for binary ones. */
  text: string
  /** Warnings of decoding (the parser's own are in `parsed.messages`). */
  messages: Message[]
}

/** One input format. */
export interface InputFormatSpec {
  name: InputFormat
  /** What the help calls it: `Markdown`, `PDF`. */
  label: string
  /** Lower case, without the dot, the usual one first. */
  extensions: readonly string[]
  /** A binary format: its bytes say what it is (see `sniffFormat`), and `--from` must agree with them. */
  binary: boolean
  /**
   * Whether bytes are of this format by their content (`head`: the first 1,024 bytes read as
   * Latin-1; `bytes`: all of them). Absent for formats whose bytes say nothing (Markdown, text).
   */
  sniff?: (head: string, bytes: Uint8Array) => boolean
  read(bytes: Uint8Array, context: ReadContext): Promise<ReadResult>
}

/** Decode a text format, refusing a file of white space only. */
function decoded(bytes: Uint8Array, file: string): {text: string; messages: Message[]} {
  const {text, messages} = decodeText(bytes, file)
  if (text.trim() === '') throw new InputError('the file holds only white space', {file, hint: 'give a file with the edition’s text'})
  return {text, messages}
}

/**
 * A text format's reader, its parser loaded on first use: this list is read by every command for
 * names and extensions, and a command that reads no edition (or reads them all from the cache)
 * need not load a parser.
 */
function textFormat(parser: () => Promise<(text: string) => ParsedDocument | Promise<ParsedDocument>>): InputFormatSpec['read'] {
  return async (bytes, {file}) => {
    const {text, messages} = decoded(bytes, file)
    try {
      return {parsed: await (await parser())(text), text, messages}
    } catch (error) {
      // A reader knows no file name; the user needs it in the message.
      if (error instanceof InputError && error.file === null) throw new InputError(error.message, {file, hint: error.hint})
      throw error
    }
  }
}

/** The first bytes of a ZIP archive, which a DOCX is. */
export const zipMagic = 'PK\u0003\u0004'

// A DOCX is a ZIP archive holding word/document.xml; its name is stored uncompressed.
function isWordZip(bytes: Uint8Array): boolean {
  const whole = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 4_000_000)))
  return whole.includes('word/document.xml') || whole.includes('word/_rels')
}

/** The formats, in the order help lists them. */
export const inputFormatSpecs: readonly InputFormatSpec[] = [
  {
    name: 'md',
    label: 'Markdown',
    extensions: ['md', 'markdown', 'mdown', 'mkd'],
    binary: false,
    // Blocks of plain text (most headings and one-line paragraphs) are built without the parser, which
    // spends as much on such a line as on any: the same tree (property tests), 100,000 headings over
    // their one-line paragraphs read in a fraction of the time.
    read: textFormat(async () => {
      const {fromMarkdown} = await import('./from-markdown.js')
      return (text) => fromMarkdown(text, {skipPlainBlocks: true})
    })
  },
  {
    name: 'html',
    label: 'HTML',
    extensions: ['html', 'htm', 'xhtml'],
    binary: false,
    sniff: (head) => /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html[\s>])/iu.test(head),
    read: textFormat(async () => (await import('./from-html.js')).fromHtml)
  },
  {
    name: 'docx',
    label: 'DOCX',
    extensions: ['docx'],
    binary: true,
    sniff: (head, bytes) => head.startsWith(zipMagic) && isWordZip(bytes),
    async read(bytes, {file}) {
      // mammoth is large: loaded only for the inputs that need it.
      const {fromDocx} = await import('./docx.js')
      try {
        return {parsed: await fromDocx(bytes, file), text: '', messages: []}
      } catch (error) {
        // The HTML converter it ends in knows no file name (a document of 100,000 paragraphs); the user needs it.
        if (error instanceof InputError && error.file === null) throw new InputError(error.message, {file, hint: error.hint})
        throw error
      }
    }
  },
  {
    name: 'txt',
    label: 'plain or PDF-extracted text',
    extensions: ['txt', 'text'],
    binary: false,
    read: textFormat(async () => {
      const [{fromExtractedText, looksExtracted}, {fromPlainText}] = await Promise.all([
        import('./from-extracted-text.js'),
        import('./from-plain-text.js')
      ])
      return (text) => (looksExtracted(text) ? fromExtractedText(text) : fromPlainText(text))
    })
  },
  {
    name: 'pdf',
    label: 'PDF',
    extensions: ['pdf'],
    binary: true,
    sniff: (head) => head.startsWith('%PDF-'),
    async read(bytes, {file, password, onPage, keepThread, rehearse}) {
      // The PDF engine is large: loaded only for the inputs that need it.
      const {fromPdf} = await import('./from-pdf.js')
      try {
        return {
          parsed: await fromPdf(bytes, {
            ...(password !== undefined ? {password} : {}),
            ...(onPage ? {onPage} : {}),
            ...(keepThread ? {keepThread} : {}),
            ...(rehearse ? {rehearse} : {})
          }),
          text: '',
          messages: []
        }
      } catch (error) {
        // PdfError knows no file name; the user needs it in the message.
        if (error instanceof PdfError && error.file === null) throw new PdfError(error.message, {file, hint: error.hint})
        throw error
      }
    }
  }
]

/** The formats `--from` accepts. */
export const inputFormats: readonly InputFormat[] = inputFormatSpecs.map((spec) => spec.name)

/** The spec of format `name`. */
export function formatSpec(name: InputFormat): InputFormatSpec {
  const spec = inputFormatSpecs.find((candidate) => candidate.name === name)
  if (!spec) throw new Error(`wpdiff: no input format '${name}'; add it to inputFormatSpecs`)
  return spec
}

/** The format a file extension (without the dot, any case) names, if any. */
export function formatOfExtension(extension: string): InputFormat | undefined {
  const lower = extension.toLowerCase()
  return inputFormatSpecs.find((spec) => spec.extensions.includes(lower))?.name
}

/** Every extension read (or the usual one of each format), with its dot, for help texts: `.md, .markdown, …, .pdf`. */
export function describeExtensions(usualOnly = false): string {
  const dotted = inputFormatSpecs.flatMap((spec) =>
    (usualOnly ? spec.extensions.slice(0, 1) : spec.extensions).map((extension) => `.${extension}`)
  )
  return `${dotted.slice(0, -1).join(', ')} or ${dotted.at(-1)!}`
}

/** The `--from` names, for help texts: `md, html, docx, txt, pdf`. */
export function describeFormats(): string {
  return inputFormats.join(', ')
}
