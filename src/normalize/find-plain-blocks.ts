import type {Heading, List, ListItem, Paragraph, Root, RootContent, Text, Yaml} from 'mdast'

/**
 * A run of top-level blocks of plain text, as `text.slice(start, end)` parses: its tree, with
 * positions counted from `start` as a parse of the slice alone gives them.
 */
export interface PlainBlocks {
  start: number
  end: number
  root: Root
}

/**
 * Characters with a meaning anywhere in a line: escapes and code, emphasis and strikethrough, links,
 * images and footnotes, HTML, entities, table cells, GFM autolink literals (which start only at
 * `www`, `http` or `@`), and control characters and tabs.
 */
const inlineMarkup = /[\\`*_[\]<&~|@\u0000-\u001f\u007f]|www|http/iu

/**
 * What may not open plain content: block markers (heading, quote, list, break, setext underline,
 * fence, HTML, definition, table delimiter), a link definition's title on its next line (`"`, `'`,
 * `(`), and white space, which the parser would strip or read as indentation.
 */
const blockStart = /^(?:[\s#>\-+*_=~`<[|:"'(]|\d{1,9}[.)])/u

/** A page comment as the normalised format writes it: an HTML block of one line. */
export const pageComment = /^<!-- page: \d+ -->$/u

const atxHeading = /^(#{1,6}) +(.*)$/u

/**
 * A line that opens a list item or is indented: a list after a blank line continues a list opened on
 * any line of the lines before it (`# One` then `- item`), and a segment opening so continues one.
 */
const continuesList = /^(?:[-*+ \t]|\d)/u

/**
 * The blocks of `text` (Markdown) whose tree is known without parsing them: a paragraph or an ATX
 * heading of one line of plain text, a tight `-` list whose items are such lines, and a page
 * comment, each on lines of its own between blank lines, below any front matter. Plain text is
 * text in which nothing is markup (see {@link inlineMarkup} and {@link blockStart}); such a line
 * parses to one text node holding it, whatever its letters. Written by wpdiff from a PDF, most of a
 * document is made of them. What comes before a run is not looked at: the caller parses it and
 * must check that it ends before the run (an unclosed fence or HTML block would take the run in).
 */
export function findPlainBlocks(text: string): PlainBlocks[] {
  if (text.includes('\r') || text.startsWith('\uFEFF')) return []
  const segments = splitSegments(text)
  const runs: PlainBlocks[] = []
  const front = frontMatterNode(text)
  let run: {start: number; end: number; blocks: RootContent[]} | null =
    front === null ? null : {start: 0, end: segments[0]?.start ?? text.length, blocks: [front]}
  // The 1-based line of `at` in the current run, counted on from the block before.
  let at = 0
  let line = 1
  for (const [index, segment] of segments.entries()) {
    const previous = segments[index - 1]
    const next = segments[index + 1]
    const block = segment.afterBlank ? plainBlock(segment.lines) : null
    const listSafe =
      block?.type !== 'list' ||
      ((previous === undefined || !previous.lines.some((line) => continuesList.test(line))) &&
        (next === undefined || !continuesList.test(next.lines[0] as string)))
    if (block === null || !listSafe) {
      if (run !== null) runs.push(closeRun(run, text))
      run = null
      continue
    }
    if (run === null) {
      run = {start: segment.start, end: segment.start, blocks: []}
      at = segment.start
      line = 1
    }
    line += countLines(text, at, segment.start)
    at = segment.start
    run.blocks.push(withPositions(block, segment.start - run.start, line, segment.lines))
    run.end = next?.start ?? text.length
  }
  if (run !== null) runs.push(closeRun(run, text))
  return runs
}

/**
 * The front matter `text` opens with as remark-frontmatter reads it, when it is fenced by lines of
 * exactly `---`: a `yaml` node of the lines between. A closing fence with spaces after it, or a NUL
 * (which the parser replaces), leaves it to the parser.
 */
function frontMatterNode(text: string): Yaml | null {
  if (!text.startsWith('---\n')) return null
  // The parser closes it at the first line of three dashes and white space.
  const close = /^---[ \t]*$/mu.exec(text.slice(4))
  if (close === null || close[0] !== '---') return null
  const closeAt = 4 + close.index
  const value = text.slice(4, Math.max(4, closeAt - 1))
  if (value.includes('\u0000')) return null
  const end = closeAt + 3
  const line = countLines(text, 0, closeAt) + 1
  return {type: 'yaml', value, position: {start: {line: 1, column: 1, offset: 0}, end: {line, column: 4, offset: end}}}
}

interface Segment {
  /** Offset of the first line. */
  start: number
  lines: string[]
  /** A blank line (or the start of the text) comes before it. */
  afterBlank: boolean
}

// Runs of non-empty lines below the front matter. A line of spaces is a blank line to Markdown but
// not here: its segment is then not one block, which only keeps it from being taken as plain.
function splitSegments(text: string): Segment[] {
  const segments: Segment[] = []
  let from = 0
  let afterBlank = true
  if (text.startsWith('---\n')) {
    const close = /^---$/mu.exec(text.slice(4))
    if (close === null) return []
    from = 4 + close.index + 4
    afterBlank = false
  }
  let current: Segment | null = null
  while (from < text.length) {
    let end = text.indexOf('\n', from)
    if (end === -1) end = text.length
    if (end === from) {
      if (current !== null) segments.push(current)
      current = null
      afterBlank = true
    } else {
      current ??= {start: from, lines: [], afterBlank}
      current.lines.push(text.slice(from, end))
      afterBlank = false
    }
    from = end + 1
  }
  if (current !== null) segments.push(current)
  return segments
}

function plainBlock(lines: string[]): RootContent | null {
  const first = lines[0] as string
  if (lines.length === 1) {
    if (pageComment.test(first)) return {type: 'html', value: first}
    const heading = atxHeading.exec(first)
    if (heading) {
      const content = heading[2] as string
      const value = content.includes('#') ? null : plainValue(content, true)
      return value === null
        ? null
        : {type: 'heading', depth: (heading[1] as string).length as Heading['depth'], children: [{type: 'text', value}]}
    }
    const value = plainValue(first)
    if (value !== null) return {type: 'paragraph', children: [{type: 'text', value}]}
  }
  const items: ListItem[] = []
  for (const line of lines) {
    const value = line.startsWith('- ') ? plainValue(line.slice(2)) : null
    if (value === null) return null
    items.push({
      type: 'listItem',
      spread: false,
      checked: null,
      children: [{type: 'paragraph', children: [{type: 'text', value}]}]
    })
  }
  return {type: 'list', ordered: false, start: null, spread: false, children: items}
}

/**
 * What may not open the content of a paragraph or list item that the parser would read as a line
 * of text: {@link blockStart} less what needs a line before it or a letter after it. A blank line
 * comes before every block read here, so the quote or bracket that would be a link definition's
 * title on its next line is text, and so are digits before `.` or `)` not followed by white space
 * (`10.0.0.1`) and a `<` that opens no tag (`<참고 제1호>`).
 */
const blockStartAfterBlank = /^(?:[\s#>\-+*_=~`[:]|<[A-Za-z/!?]|\d{1,9}[.)](?:[ \t]|$))/u

/**
 * Markup in a line besides escapes, for {@link plainValue}: code, emphasis and strikethrough, an
 * opening bracket (a closing one with none open is a bracket), a `<` that could open a tag, an
 * autolink or a comment, an `&` that could open a character reference, and control characters.
 * A table needs two lines, and a `|` in a line of its own is text.
 */
const markupBesideEscapes = /[`*_[~\u0000-\u001f\u007f]|<[A-Za-z/!?]|&[A-Za-z\d#]/u

/**
 * Text in which GFM links a literal: its tokenizers start only at `http:`, `https:` or `www.`
 * (either case), and its pass over text nodes looks for those and for an `@`. Looked for in the
 * text read, escaped marks included, as that pass sees it.
 */
const autolinkHint = /https?:|www\.|@/iu

/** A backslash and the character after it. */
const backslash = /\\(.)/gsu

/** ASCII punctuation: what a backslash escapes (CommonMark 2.4); before anything else it is a backslash. */
const asciiPunctuation = /^[!-/:-@[-`{-~]$/u

/**
 * The text of a line's content as Markdown reads it, one text node over the whole content, or null
 * when the content is not such a line: `isPlainText`'s lines, and beside them lines that a blank
 * line lets be text (`(비고)`, `10.0.0.1`; see {@link blockStartAfterBlank}), lines with a `]`, a
 * `|`, or a `<` or `&` that opens nothing, and lines in which punctuation is escaped (`\[별표7]`,
 * `1\.`, `\*`), as the writer escapes it, or a backslash is only a backslash (`저장매체\저장자료`).
 * In a heading's content nothing opens a block.
 */
function plainValue(content: string, heading = false): string | null {
  if (isPlainText(content)) return content
  if (content === '' || /^\s|\s$/u.test(content) || (!heading && blockStartAfterBlank.test(content))) return null
  // Escaped marks stand for a character that is no markup: a backslash left at the end would break
  // the line (or stay, at a paragraph's end), which is left to the parser.
  const bare = content.replace(backslash, (escape, mark: string) => (asciiPunctuation.test(mark) ? '\uFFFF' : escape))
  if (bare.endsWith('\\') || markupBesideEscapes.test(bare)) return null
  const value = content.replace(backslash, (escape, mark: string) => (asciiPunctuation.test(mark) ? mark : escape))
  return autolinkHint.test(value) ? null : value
}

/**
 * Text that Markdown reads as it is and the normalised format's writer writes as it is, as the
 * content of a line: no markup, nothing that opens a block, no white space at either end (trailing
 * white space is stripped, two spaces break the line), and none of what the writer escapes besides:
 * digits then `.` or `)` at the start (a list marker to CommonMark only up to 9 digits), and a dot
 * after `w` or a colon after `p` or `s` before what could continue an autolink literal.
 */
export function isPlainText(content: string): boolean {
  return (
    content !== '' &&
    !blockStart.test(content) &&
    !inlineMarkup.test(content) &&
    !/\s$/u.test(content) &&
    !/^\d+[.)]|[Ww]\.[-.\w]|[ps]:\//u.test(content)
  )
}

// Positions as the parser gives them, for a block at `offset` of its run, on 1-based `line` of it.
function withPositions(block: RootContent, offset: number, line: number, lines: string[]): RootContent {
  const span = (
    node: Paragraph | Text | Heading | ListItem | List | RootContent,
    from: number,
    column: number,
    length: number,
    row: number
  ): void => {
    node.position = {start: {line: row, column, offset: from}, end: {line: row, column: column + length, offset: from + length}}
  }
  if (block.type === 'html') span(block, offset, 1, block.value.length, line)
  else if (block.type === 'paragraph') {
    span(block, offset, 1, (lines[0] as string).length, line)
    span(block.children[0] as Text, offset, 1, (lines[0] as string).length, line)
  } else if (block.type === 'heading') {
    const first = lines[0] as string
    const text = block.children[0] as Text
    // The text node spans the content as written, escapes and all.
    const written = (atxHeading.exec(first) as RegExpExecArray)[2] as string
    const column = first.length - written.length + 1
    span(text, offset + column - 1, column, written.length, line)
    span(block, offset, 1, first.length, line)
  } else if (block.type === 'list') {
    let from = offset
    for (const [index, item] of block.children.entries()) {
      const row = line + index
      const length = (lines[index] as string).length
      span(item, from, 1, length, row)
      span(item.children[0] as Paragraph, from + 2, 3, length - 2, row)
      span((item.children[0] as Paragraph).children[0] as Text, from + 2, 3, length - 2, row)
      from += length + 1
    }
    const last = block.children.at(-1) as ListItem
    block.position = {start: {line, column: 1, offset}, end: {...(last.position as NonNullable<ListItem['position']>).end}}
  }
  return block
}

// The run's tree, positioned as a parse of its slice (blank lines after it included) gives it.
function closeRun(run: {start: number; end: number; blocks: RootContent[]}, text: string): PlainBlocks {
  const lines = countLines(text, run.start, run.end)
  const lastBreak = text.lastIndexOf('\n', run.end - 1)
  const column = lastBreak < run.start ? run.end - run.start + 1 : run.end - lastBreak
  return {
    start: run.start,
    end: run.end,
    root: {
      type: 'root',
      children: run.blocks,
      position: {start: {line: 1, column: 1, offset: 0}, end: {line: lines + 1, column, offset: run.end - run.start}}
    }
  }
}

function countLines(text: string, start: number, end: number): number {
  let lines = 0
  for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) lines++
  return lines
}
