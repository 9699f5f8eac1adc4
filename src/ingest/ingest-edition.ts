import {createHash} from 'node:crypto'
import type {Edition, InputFormat, Message, ParsedDocument, Section} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import {blocksToText} from '../model/blocks-to-text.js'
import {cleanTree} from '../normalize/clean-tree.js'
import {isNormalizedFrontMatter, toNormalizedForm} from '../normalize/to-normalized-markdown.js'
import {toSectionTree} from '../normalize/to-section-tree.js'
import {guessLanguage} from '../text/detect-script.js'
import type {WordsAside} from './count-words-aside.js'
import {detectFormat} from './detect-format.js'
import {fromMarkdown} from './from-markdown.js'
import {formatSpec} from './input-formats.js'
import {yearIn} from '../text/year-in.js'
import {holdsHtml, loadHtmlEngine} from '../normalize/html-to-mdast.js'
import {isLanguageFolder, nameParts, shortTitle, yearOnCover} from './name-edition.js'

/** Options of {@link ingestEdition}. Metadata given here wins over front matter, which wins over the path. */
export interface IngestOptions {
  /** The input's path as the user named it (`-` for stdin): used in messages and to derive defaults. */
  file: string
  /** Force the input format. Default: from the extension, confirmed by the content. */
  from?: InputFormat
  /**
   * Series slug. Default: front matter, else the name of the folder holding the file; with
   * `nameByRules`, a folder named as a language (`ko/`) gives way to the file name's words before its label.
   */
  series?: string
  /**
   * Name of the folder holding the file, for the series default when `file` names none (a bare
   * `2019.txt`). Default: the folder part of `file`.
   */
  folder?: string
  /** Edition label. Default: front matter, else the file name without extension and language tag. */
  edition?: string
  /** Publication year. Default: front matter, else the first 19xx/20xx year in the edition label. */
  year?: number | null
  /** Document title. Default: front matter, the document's own title heading, `<title>`, a PDF's cover or document information, else `<series> <edition>`. */
  title?: string
  /** BCP 47 language. Default: front matter, `<html lang>`, a tag in the file name (`2020.zh-CN.md`), else guessed from the script. */
  language?: string
  /** Password of an encrypted PDF. Default: none. */
  password?: string
  /** Called as a PDF's pages are read, with the pages taken so far and how many there are (a progress line). Default: none. */
  onPage?: ((taken: number, total: number) => void) | undefined
  /**
   * Name the edition by the rules of `name-edition.ts` where these options and the front matter
   * are silent, as the command line does: the label and a language tag from the file name, the
   * year from the cover, and a title short enough for a page heading. Deciding here, before the
   * canonical form is written, is what lets one reread carry the names. Default: false (the label
   * is the file name without its language tag, the title as found).
   */
  nameByRules?: boolean
}

/** An edition and the warnings met while reading it. */
export interface IngestResult {
  edition: Edition
  messages: Message[]
}

const languageInName = /\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?)$/u

/**
 * Read one edition from the bytes of any supported format and normalise it: detect the format,
 * decode, parse with the format's adapter, clean, and build the section tree. Throws `InputError`
 * for input that cannot be read.
 */
export async function ingestEdition(bytes: Uint8Array, options: IngestOptions): Promise<IngestResult> {
  const file = options.file
  if (bytes.length === 0) {
    throw new InputError('the file is empty', {file, hint: 'give a file with the edition’s text'})
  }
  const {format, messages} = detectFormat(bytes, file, options.from)
  // A long PDF's page thread, idle once the pages are read, counts the edition's words while this
  // thread writes the canonical form and reads it back (count-words-aside.ts); loaded meanwhile.
  const wordsAside = format === 'pdf' ? import('./count-words-aside.js').catch(() => null) : null
  let aside: WordsAside | null = null
  // The source's digest, made once: a long PDF's while its pages are still being read (the rehearsal below).
  let sourceDigest: string | null = null
  const digest = (): string => {
    sourceDigest ??= createHash('sha256').update(bytes).digest('hex')
    return sourceDigest
  }
  try {
    const read = await formatSpec(format).read(bytes, {
      file,
      password: options.password,
      onPage: options.onPage,
      keepThread: wordsAside !== null,
      rehearse: (sample) => rehearseIngest(sample, digest, format, options)
    })
    const {parsed, text} = read
    messages.push(...read.messages)
    messages.push(...parsed.messages)
    if (holdsHtml(parsed.root)) await loadHtmlEngine()
    // Only Markdown opens with front matter; what other adapters put there (`<html lang>`) gives way to the name's rules.
    const front = format === 'md' ? parsed.frontMatter : {}
    const named = options.nameByRules ? withNameDefaults(options, front) : options
    const first = buildEdition(parsed, digest, format, text, named, messages, format === 'md')
    if (options.nameByRules) nameByCover(first, options, front, parsed.coverYear)
    // The normalised Markdown is the canonical form of an edition: what the other formats yield is
    // what reading their normalised Markdown yields. So ingest is idempotent by construction, and a
    // report made from the original agrees with one made from the copy under editions/. Markdown
    // input is parsed Markdown already (`cleanTree` canonicalises the HTML blocks it converts), so
    // it skips this second parse, which would double the cost of a large edition.
    if (format === 'md') return {edition: first, messages}
    // The reread counts the words of the same sections, their texts nearly all unchanged.
    aside = (await wordsAside)?.countWordsAside(sectionTexts(first), first.language) ?? null
    const {canonical, reread} = rereadCanonical(first)
    if (holdsHtml(reread.root)) await loadHtmlEngine()
    // The canonical form's front matter carries the names decided above.
    const edition = buildEdition(reread, digest, 'md', canonical, {...named, nameByRules: false, file}, [], true, aside)
    edition.source = first.source
    return {edition, messages}
  } finally {
    if (aside !== null) aside.stop()
    // Not taken (the PDF failed, or the first reading did): the thread has nothing left to do.
    else if (wordsAside !== null) (await wordsAside)?.releaseIdleThread()
  }
}

/**
 * What ingest does after a PDF's pages, done on the few pages the main thread has read first while
 * the page thread reads on (see `FromPdfOptions.rehearse`), its results thrown away: the code of
 * the steps that run on this thread alone, after the pages, is compiled by then and its first uses
 * paid (the Markdown writer and reader, the section tree, word counts, the language names, the
 * source's digest), and the other thread reads the pages this one does not meanwhile. The 332-page
 * guide's steps after the pages took about 100 ms of CPU less so (in-process, first runs).
 */
function rehearseIngest(sample: ParsedDocument, digest: () => string, format: InputFormat, options: IngestOptions): void {
  const named = options.nameByRules ? withNameDefaults(options, {}) : options
  const first = buildEdition(sample, digest, format, '', named, [], false)
  if (options.nameByRules) nameByCover(first, options, {}, sample.coverYear)
  const {canonical, reread} = rereadCanonical(first)
  buildEdition(reread, digest, 'md', canonical, {...named, nameByRules: false, file: options.file}, [], true)
}

/**
 * The edition's canonical form, written and read back. Not yet normalised whatever its front matter
 * says: text from the adapter may hold autolink literals that this read turns into links. Most of its
 * blocks are plain text, built without the parser, and the front matter is what was just written.
 */
function rereadCanonical(first: Edition): {canonical: string; reread: ParsedDocument} {
  const {markdown: canonical, frontMatter} = toNormalizedForm(first, {generator: 'wpdiff'})
  return {canonical, reread: fromMarkdown(canonical, {trustGenerator: false, skipPlainBlocks: true, frontMatter})}
}

/** The text of the preamble and of every section, in document order: what {@link buildEdition} counts the words of. */
function sectionTexts(edition: Edition): string[] {
  const texts = [blocksToText(edition.preamble)]
  const walk = (sections: readonly Section[]): void => {
    for (const section of sections) {
      texts.push(blocksToText(section.blocks))
      walk(section.children)
    }
  }
  walk(edition.sections)
  return texts
}

/** The label (and a language tag after `_` or `-`) a file's name gives, where front matter and options give none. */
function withNameDefaults(options: IngestOptions, front: Record<string, unknown>): IngestOptions {
  if (options.file === '-') return options
  const parts = nameParts(options.file)
  const stem = baseName(options.file).replace(/\.[A-Za-z0-9]+$/u, '')
  const named = {...options}
  if (named.edition === undefined && front.edition === undefined) named.edition = parts.label
  if (named.series === undefined && front.series === undefined && parts.series !== null && isLanguageFolder(seriesFolder(options)))
    named.series = parts.series
  // A tag after a dot `buildEdition` reads itself, below `<html lang>`; only the other spellings need saying.
  if (named.language === undefined && front.language === undefined && parts.language && !stem.endsWith(`.${parts.language}`))
    named.language = parts.language
  return named
}

/**
 * The year from the cover where nothing else gave one (the text's, else `coverYear`: the adapter's
 * from the page furniture), and a title short enough for a page heading.
 */
function nameByCover(edition: Edition, options: IngestOptions, front: Record<string, unknown>, coverYear: number | undefined): void {
  if (edition.year === null && options.year === undefined && !('year' in front)) edition.year = yearOnCover(edition) ?? coverYear ?? null
  if (options.title === undefined) edition.title = shortTitle(edition.title, edition)
}

function buildEdition(
  parsed: ParsedDocument,
  digest: () => string,
  format: InputFormat,
  text: string,
  options: IngestOptions,
  messages: Message[],
  countWords = true,
  counted: WordsAside | null = null
): Edition {
  const file = options.file
  const {root, messages: cleanMessages} = cleanTree(parsed.root)
  messages.push(...cleanMessages)

  const base = baseName(file)
  const stem = base.replace(/\.[A-Za-z0-9]+$/u, '')
  const front = parsed.frontMatter
  const nameLanguage = languageInName.exec(stem)?.[1]
  const series = options.series ?? stringField(front, 'series') ?? (seriesFolder(options) || 'documents')
  const edition = options.edition ?? stringField(front, 'edition') ?? (nameLanguage ? stem.slice(0, -nameLanguage.length - 1) : stem)
  const explicitYear = options.year !== undefined ? options.year : numberField(front, 'year')
  const year = explicitYear !== undefined ? explicitYear : (yearIn(edition) ?? yearIn(stem))
  const language = options.language ?? stringField(front, 'language') ?? nameLanguage ?? guessLanguage(text || blocksToText(root.children))
  const knownTitle = options.title ?? stringField(front, 'title') ?? parsed.title
  const fallbackTitle = `${series} ${edition}`
  const tree = toSectionTree(root, {
    language,
    title: knownTitle,
    series,
    untitledHeading: knownTitle ?? fallbackTitle,
    findTitleHeading: !isNormalizedFrontMatter(front),
    countWords,
    ...(counted ? {knownWords: (text: string) => counted.known(text, language)} : {})
  })
  messages.push(...tree.messages)
  const title = tree.title ?? fallbackTitle
  if (tree.sections.length === 0 && tree.preamble.length === 0) {
    throw new InputError('no text found', {file, hint: 'check that the file holds the edition’s text'})
  }

  const frontSource = front.source as Record<string, unknown> | undefined
  // A normalised edition remembers its original; re-ingesting it must not forget that (nor hash
  // the bytes again: a long PDF's canonical form is read back so).
  const source =
    format === 'md' && frontSource && typeof frontSource.sha256 === 'string'
      ? {
          file: String(frontSource.file ?? base),
          format: String(frontSource.format ?? 'md') as InputFormat,
          sha256: frontSource.sha256
        }
      : {file: base, format, sha256: digest()}
  const words = tree.preambleWords + tree.sections.reduce((sum, section) => sum + section.totalWords, 0)
  const pageLabels = parsed.pageLabels ?? labelList(front.pageLabels)
  if (pageLabels) labelSections(tree.sections, pageLabels)
  return {
    series,
    edition,
    year,
    title,
    language,
    source,
    preamble: tree.preamble,
    preambleWords: tree.preambleWords,
    sections: tree.sections,
    toc: parsed.toc,
    words,
    ...(pageLabels ? {pageLabels} : {})
  }
}

/** Page labels as the normalised front matter lists them, or null when it lists none. */
function labelList(value: unknown): (string | null)[] | null {
  if (!Array.isArray(value) || value.length === 0) return null
  return value.map((label) => (typeof label === 'string' || typeof label === 'number' ? String(label) : null))
}

/** Give every section the label printed on its first page. */
function labelSections(sections: readonly Section[], labels: readonly (string | null)[]): void {
  for (const section of sections) {
    section.pageLabel = section.page === null ? null : (labels[section.page - 1] ?? null)
    labelSections(section.children, labels)
  }
}

function baseName(file: string): string {
  if (file === '-') return '-'
  return file.split(/[\\/]/u).pop() ?? file
}

/** The folder whose name is the series when nothing else names it: the one holding the file, else `options.folder`. */
function seriesFolder(options: Pick<IngestOptions, 'file' | 'folder'>): string {
  return folderName(options.file) || options.folder || ''
}

function folderName(file: string): string {
  const parts = file.split(/[\\/]/u)
  return parts.length >= 2 ? parts[parts.length - 2]! : ''
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key]
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number') return String(value)
  return undefined
}

function numberField(record: Record<string, unknown>, key: string): number | null | undefined {
  const value = record[key]
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (value === null) return null
  return undefined
}
