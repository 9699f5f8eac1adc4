import type {Nodes, Paragraph, Root, RootContent, Table, Text} from 'mdast'
import {findParagraphCuts, type ParagraphCut, spanningMarks} from './find-paragraph-cuts.js'
import {isPlainText, type PlainBlocks} from './find-plain-blocks.js'
import {findTableRows, type TableRows} from './find-table-rows.js'

/**
 * Characters a chunk aims at. micromark keeps every event of a parse alive until it ends (about
 * 400 bytes a character): a 3 MB file in one go took 2 GB and minutes, mostly garbage collection.
 * A chunk this size dies young (100,000 headings: 12 s CPU in 4 KB chunks, 20 s in 32 KB).
 */
export const markdownChunkChars = 4 * 1024

/**
 * Prelude characters (definitions from other chunks) allowed over all chunks, as a multiple of the
 * text's length: past it, carrying thousands of definitions into every chunk would cost more than
 * the chunking saves, and the text is parsed in one go.
 */
const maxPreludeRatio = 1

/** A parser of a whole Markdown document, such as unified's `parse` with our plugins. */
export type ParseDocument = (text: string) => Root

interface Chunk {
  start: number
  end: number
  /** 1-based line of `start`. */
  line: number
  root: Root
  /**
   * The head and delimiter rows of the table whose body rows the chunk goes on with, parsed before
   * them (its tree and positions as the parse of `prefix + text.slice(start, end)` gives them); or ''.
   */
  prefix: string
  /** The chunk opens inside a paragraph that the chunk before ends in (a cut between its lines). */
  continues: boolean
}

interface Label {
  footnote: boolean
  raw: string
}

/**
 * The same tree `parse(text)` gives, parsed a chunk at a time. Chunks are cut before an ATX
 * heading at the start of a line that follows a blank line: such a heading always opens a new
 * top-level block, unless the block before it runs on over blank lines (fenced code, some HTML
 * blocks, front matter). A chunk whose last block runs into its trailing blank line is therefore
 * taken for unclosed and parsed again with more text. Link and footnote definitions count for the
 * whole document, so the labels one chunk defines are written into every other chunk that may
 * refer to them, and the nodes they make are dropped. A long table is also cut between its body
 * rows (see `findTableRows`): the rows after a cut are parsed after the table's head and delimiter
 * rows, and join the table the chunk before ends in, which it must. A long paragraph is cut between
 * its lines (see `findParagraphCuts`): the chunk before must end in a paragraph up to the cut, the
 * chunk after must open with one, and the two are one paragraph, joined at the line ending.
 */
export function parseInChunks(
  text: string,
  parse: ParseDocument,
  chunkChars = markdownChunkChars,
  plain: PlainBlocks[] = [],
  cutTables = true,
  cutParagraphs = true
): Root {
  const from = frontMatterEnd(text)
  const tables = cutTables && from !== null ? findTableRows(text, chunkChars, from) : []
  const tableAt = new Map<number, TableRows>()
  for (const table of tables) for (const cut of table.cuts) tableAt.set(cut, table)
  const paragraphCuts = new Map<number, ParagraphCut>()
  if (cutParagraphs && from !== null)
    for (const cut of findParagraphCuts(text, chunkChars, from)) if (!tableAt.has(cut.at)) paragraphCuts.set(cut.at, cut)
  const cuts = [...cutPoints(text), ...tableAt.keys(), ...paragraphCuts.keys()].sort((a, b) => a - b)
  if (cuts.length === 0 && plain.length === 0) return parse(text)
  // Parse again without what a guess got wrong.
  const retry = (keepPlain: boolean, keepTables: boolean, keepParagraphs: boolean): Root =>
    parseInChunks(text, parse, chunkChars, keepPlain ? plain : [], keepTables, keepParagraphs)
  const mark = text.startsWith('\uFEFF') ? 1 : 0
  const chunks: Chunk[] = []
  let start = 0
  let line = 1
  let next = 0
  let nextPlain = 0
  // The chunk about to be parsed opens inside a paragraph the last one ended in.
  let continues = false
  while (start < text.length) {
    const known = plain[nextPlain]
    if (known !== undefined && known.start === start) {
      chunks.push({start, end: known.end, line, root: known.root, prefix: '', continues: false})
      continues = false
      line += countLines(text, start, known.end)
      start = known.end
      nextPlain++
      continue
    }
    // Front matter opens only at a document's start, and a parse of the text after a known block is one:
    // there `---` would be read as a fence that never closes (a footnote definition after it became a
    // paragraph). Cuts before headings never start so; such text gives the known blocks up, and then
    // the cuts between table rows (a `---` line after a row: each retry with them came back here).
    if (start > 0 && text.startsWith('---', start)) return retry(false, plain.length > 0 && cutTables, cutParagraphs)
    // Text before blocks already known is parsed up to them, and must end there.
    const limit = known?.start ?? text.length
    // Rows going on with a table are parsed after its head: at least four times its length of them,
    // so that a wide table's head is parsed again for at most a quarter more.
    const prefix = tableAt.get(start)?.prefix ?? ''
    let want = Math.max(chunkChars, 4 * prefix.length)
    for (;;) {
      while (next < cuts.length && (cuts[next] as number) < start + want) next++
      const end = Math.min(next < cuts.length ? (cuts[next] as number) : text.length, limit)
      const root: Root = (continues && plainParagraph(text.slice(start, end))) || parse(prefix + text.slice(start, end))
      const table = end < limit ? tableAt.get(end) : undefined
      // A guess at a table that the parse does not bear out: parse without cutting tables.
      if ((prefix !== '' && !opensWithTable(root)) || (table !== undefined && !endsInTable(root, table, start, end, prefix, text, mark)))
        return retry(true, false, cutParagraphs)
      // Lines thought to go on with the paragraph before, which the parse does not bear out: parse without cutting paragraphs.
      if (continues && !opensWithParagraph(root)) return retry(true, cutTables, false)
      const paragraphCut = end < limit ? paragraphCuts.get(end) : undefined
      const held = paragraphCut === undefined ? false : endsInParagraph(root, start, end, text, mark, paragraphCut)
      const paragraph = held === true
      // A paragraph cut that does not hold is passed over, as an unclosed block's cut is.
      if (
        table !== undefined ||
        paragraph ||
        end === text.length ||
        (paragraphCut === undefined && closed(root, prefix.length + end - start, text, end))
      ) {
        chunks.push({start, end, line, root, prefix, continues})
        continues = paragraph && table === undefined
        line += countLines(text, start, end)
        start = end
        break
      }
      // A block that runs on over the blank line takes in what was thought known: parse it all.
      if (end === limit) return retry(false, cutTables, cutParagraphs)
      // An unclosed block swallows what follows: try twice the text, so that a long one costs
      // a bounded number of parses, not one per heading inside it. An opener left in a paragraph
      // may pair with its last closer: no cut before that one can hold.
      want = Math.max(end - start + want, typeof held === 'number' ? held + 1 - start : 0)
    }
  }
  if (chunks.length === 1) return (chunks[0] as Chunk).root
  const labels = chunks.map((chunk) => definedLabels(chunk.root, text, chunk.start - chunk.prefix.length))
  if (labels.some((list) => list === null)) return parse(text)
  const reparsed = withOtherDefinitions(chunks, labels as Label[][], text, parse)
  if (reparsed === null) return parse(text)
  return joinChunks(reparsed, mark, text)
}

/**
 * The tree of lines that go on with a paragraph, when each is plain text (see `isPlainText`): one
 * paragraph of one text node, the lines joined, as the parser would give it for much more (it
 * spends as much on a plain line as on any). Else null.
 */
function plainParagraph(chunk: string): Root | null {
  const body = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk
  const lines = body.split('\n')
  if (!lines.every(isPlainText)) return null
  const start = {line: 1, column: 1, offset: 0}
  const end = {line: lines.length, column: (lines.at(-1) as string).length + 1, offset: body.length}
  const rootEnd = body === chunk ? end : {line: lines.length + 1, column: 1, offset: chunk.length}
  const text: Text = {type: 'text', value: body, position: {start: {...start}, end: {...end}}}
  const paragraph: Paragraph = {type: 'paragraph', children: [text], position: {start: {...start}, end: {...end}}}
  return {type: 'root', children: [paragraph], position: {start, end: {...rootEnd}}}
}

// The parse of the lines after a paragraph cut opens with a paragraph, at their first character.
function opensWithParagraph(root: Root): boolean {
  const first = root.children[0]
  return first?.type === 'paragraph' && first.position?.start.offset === 0
}

/**
 * The chunk [start, end) ends in a top-level paragraph up to its last line's end, whose lines go on
 * after the cut, and in whose text no opener is left that a closer after the cut could pair with;
 * or, when one is, the offset of the last such closer (a cut after it may hold); else false.
 */
function endsInParagraph(root: Root, start: number, end: number, text: string, mark: number, cut: ParagraphCut): boolean | number {
  const last = root.children.at(-1)
  if (last?.type !== 'paragraph' || last.position === undefined) return false
  const shift = start === 0 ? mark : 0
  const lineEnd = text.charCodeAt(end - 2) === 13 ? end - 2 : end - 1
  if (last.position.end.offset !== lineEnd - start - shift) return false
  let pairsAfter = -1
  const stack: Nodes[] = [last]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text')
      for (const [open, closers] of Object.entries(spanningMarks))
        if (node.value.includes(open)) for (const closer of closers) pairsAfter = Math.max(pairsAfter, cut.lastCloser[closer] as number)
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return pairsAfter < end ? true : pairsAfter
}

// The parse of rows after a table's head opens with that table.
function opensWithTable(root: Root): boolean {
  const first = root.children[0]
  return first?.type === 'table' && first.position?.start.offset === 0
}

// The chunk [start, end) ends in `table`, up to its last line: its rows go on after the cut.
function endsInTable(root: Root, table: TableRows, start: number, end: number, prefix: string, text: string, mark: number): boolean {
  const last = root.children.at(-1)
  if (last?.type !== 'table' || last.position === undefined) return false
  // micromark counts offsets after a byte order mark, which only the first chunk holds.
  const shift = start === 0 ? mark : 0
  const opens = prefix === '' ? table.head - start - shift : 0
  const lineEnd = text.charCodeAt(end - 2) === 13 ? end - 2 : end - 1
  return last.position.start.offset === opens && last.position.end.offset === prefix.length + lineEnd - start - shift
}

// Offsets of lines that open an ATX heading after a blank line, past any front matter.
function cutPoints(text: string): number[] {
  const cuts: number[] = []
  const from = frontMatterEnd(text)
  if (from === null) return []
  const heading = /\n[ \t]*\r?\n(?=#{1,6}(?:[ \t]|\r?\n|$))/gu
  heading.lastIndex = from
  for (let match = heading.exec(text); match !== null; match = heading.exec(text)) {
    cuts.push(match.index + match[0].length)
    heading.lastIndex = match.index + match[0].length - 1
  }
  return cuts
}

// Where front matter ends (0 without any), or null when it never closes: a cut could split it.
function frontMatterEnd(text: string): number | null {
  if (!text.startsWith('---\n') && !text.startsWith('---\r\n')) return 0
  // Front matter ends at a line of exactly three dashes.
  const close = /^---$/mu.exec(text.slice(4))
  return close === null ? null : 4 + close.index + 3
}

// The chunk's last top-level block ends before the blank line preceding the next chunk.
function closed(root: Root, length: number, text: string, end: number): boolean {
  const last = root.children.at(-1)
  const stop = last?.position?.end.offset
  if (stop === undefined) return true
  const blankStart = text.lastIndexOf('\n', end - 2) + 1
  return stop < length - (end - blankStart)
}

function countLines(text: string, start: number, end: number): number {
  let lines = 0
  for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

// Labels of the definitions in a chunk as written, or null when one is not a plain one-line label.
function definedLabels(root: Root, text: string, offset: number): Label[] | null {
  const labels: Label[] = []
  const stack: Nodes[] = [root]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const at = node.position?.start.offset
      if (at === undefined) return null
      const footnote = node.type === 'footnoteDefinition'
      const open = footnote ? '[^' : '['
      const from = offset + at
      if (!text.startsWith(open, from)) return null
      const raw = rawLabel(text, from + open.length)
      if (raw === null) return null
      labels.push({footnote, raw})
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return labels
}

function rawLabel(text: string, from: number): string | null {
  for (let at = from; at < text.length; at++) {
    const char = text[at]
    if (char === '\\') at++
    else if (char === ']') return text.slice(from, at)
    else if (char === '\n' || char === '\r' || char === '[') return null
  }
  return null
}

// Each chunk that may refer to a label defined in another chunk, parsed again with those labels.
function withOtherDefinitions(chunks: Chunk[], labels: Label[][], text: string, parse: ParseDocument): Chunk[] | null {
  const key = (label: Label): string => `${label.footnote ? '^' : ''}${label.raw}`
  const all = new Map<string, Label>()
  for (const list of labels) for (const label of list) all.set(key(label), label)
  if (all.size === 0) return chunks
  const preludes = chunks.map((chunk, index) => {
    if (!text.slice(chunk.start, chunk.end).includes('[')) return ''
    const own = new Set((labels[index] as Label[]).map(key))
    return [...all]
      .filter(([name]) => !own.has(name))
      .map(([, label]) => (label.footnote ? `[^${label.raw}]: x\n\n` : `[${label.raw}]: #\n\n`))
      .join('')
  })
  if (preludes.reduce((sum, prelude) => sum + prelude.length, 0) > text.length * maxPreludeRatio) return null
  return chunks.map((chunk, index) => {
    const prelude = preludes[index] as string
    if (prelude === '') return chunk
    const body = chunk.prefix + text.slice(chunk.start, chunk.end)
    if (index === 0) {
      // The first chunk may open with front matter, which must stay first: its labels go after it.
      const root = parse(`${body}\n\n${prelude}`)
      root.children = root.children.filter((child) => (child.position?.start.offset ?? 0) < body.length)
      return {...chunk, root}
    }
    // A footnote definition takes in the indented lines after it (a chunk may open with indented
    // code): a thematic break closes the prelude first.
    const opening = prelude.includes('[^') ? `${prelude}***\n\n` : prelude
    const root = parse(`${opening}${body}`)
    root.children = root.children.filter((child) => (child.position?.start.offset ?? 0) >= opening.length)
    moveBy(root, -opening.length, -countLines(opening, 0, opening.length))
    return {...chunk, root}
  })
}

// One tree from the chunks' trees, each node's position moved to where its chunk sits in the text.
// micromark drops a byte order mark and counts offsets after it, so later chunks move one less.
function joinChunks(chunks: Chunk[], mark: number, text: string): Root {
  const children: RootContent[] = []
  for (const [index, chunk] of chunks.entries()) {
    const prefixLines = countLines(chunk.prefix, 0, chunk.prefix.length)
    moveBy(chunk.root, index === 0 ? 0 : chunk.start - mark - chunk.prefix.length, chunk.line - 1 - prefixLines)
    if (chunk.continues) {
      const [lines, ...rest] = chunk.root.children as [Paragraph, ...RootContent[]]
      joinParagraphs(children.at(-1) as Paragraph, lines, text.charCodeAt(chunk.start - 2) === 13 ? '\r\n' : '\n')
      children.push(...rest)
      continue
    }
    if (chunk.prefix === '') {
      children.push(...chunk.root.children)
      continue
    }
    // Rows that go on with the table before: they join it, their repeated head dropped.
    const [rows, ...rest] = chunk.root.children as [Table, ...RootContent[]]
    const table = children.at(-1) as Table
    // A line after the cut may end the table (a quote, a list): then no row goes on with it.
    if (rows.children.length > 1) {
      table.children.push(...rows.children.slice(1))
      if (table.position && rows.position) table.position.end = rows.position.end
    }
    children.push(...rest)
  }
  const first = (chunks[0] as Chunk).root.position
  const last = (chunks.at(-1) as Chunk).root.position
  const root: Root = {type: 'root', children}
  if (first && last) root.position = {start: first.start, end: last.end}
  return root
}

/**
 * The lines of a paragraph after a cut (`after`) added to those before it (`before`), as one parse
 * reads them: the line ending between them (`eol`) is text, joined to the text node on either side
 * of it, or a text node of its own between two other nodes. GFM's pass over text nodes for
 * autolink literals puts nodes without positions in place of a text node holding one; such a node
 * on either side means the one-shot text node across the line ending held one, so the text joined
 * there has no position either.
 */
function joinParagraphs(before: Paragraph, after: Paragraph, eol: string): void {
  type Position = NonNullable<Paragraph['position']>
  const {start: breakEnd, end} = after.position as Position
  const breakStart = {...(before.position as Position).end}
  const tail = before.children.at(-1)
  const [head, ...others] = after.children
  const literal = (tail !== undefined && tail.position === undefined) || (head !== undefined && head.position === undefined)
  let joined: Text
  if (tail?.type === 'text' && head?.type === 'text') {
    tail.value += eol + head.value
    if (tail.position && head.position) tail.position.end = head.position.end
    before.children.push(...others)
    joined = tail
  } else if (tail?.type === 'text') {
    tail.value += eol
    if (tail.position) tail.position.end = {...breakEnd}
    before.children.push(...after.children)
    joined = tail
  } else if (head?.type === 'text') {
    head.value = eol + head.value
    if (head.position) head.position.start = breakStart
    before.children.push(...after.children)
    joined = head
  } else {
    joined = {type: 'text', value: eol, position: {start: breakStart, end: {...breakEnd}}}
    before.children.push(joined, ...after.children)
  }
  if (literal) delete joined.position
  ;(before.position as Position).end = end
}

function moveBy(root: Root, offset: number, lines: number): void {
  const stack: Nodes[] = [root]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const position = node.position
    if (position) {
      node.position = {
        start: {line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset},
        end: {line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset}
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}
