import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {findPlainBlocks} from '../../src/normalize/find-plain-blocks.js'
import {parseInChunks} from '../../src/normalize/parse-in-chunks.js'
import {parseMarkdown} from '../../src/normalize/parse-markdown.js'

// The plugins parseMarkdown uses; the tests below also check that its output equals this parser's.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const parse = (text: string): Root => processor.parse(text) as Root
let parses = 0
const counted = (text: string): Root => {
  parses++
  return parse(text)
}

// Blocks chosen for what could carry a parse across a cut: fences and HTML blocks left open or
// holding headings, front matter with comments, definitions used before or after, lists and quotes.
const block = fc.constantFrom(
  '# One',
  '## Two',
  '###### Six',
  '#NoSpace',
  '   ## Indented heading',
  '####### seven',
  'Plain words [a] and [b][] and [^1] and [c].',
  'Ref [A] upper, [x y] spaced, ![img][b].',
  '[a]: /a',
  '[B]: /b "title"',
  '[x  Y]: <z>',
  '[^1]: A footnote.',
  '[^1]: Footnote\n\n    continued.',
  '```\n## in code\n```',
  '```\n## never closed',
  '~~~~\ncode\n\n## heading in code\n~~~~',
  '```js\n\n# still code\n',
  '<!-- comment\n\n## in comment -->',
  '<!-- never closed',
  '<pre>\n\n## in pre\n</pre>',
  '<div>\n## in div\n</div>',
  '<div>',
  '- item\n\n  more\n- two',
  '1. one\n2. two',
  '- ```\n  open fence in a list',
  '> quote\n> ## heading in quote',
  '> ```\n> open',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  // Tables long enough to be cut between rows, and rows that end them or read otherwise.
  '| a | b |\n| :- | -: |\n| 1 | [a] |\n| 2 *em* | `x\\|y` |\n| 3 | [^1] |\n| 4 | 5 |',
  '| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n| 3 | 4 |\r\n| 5 | 6 |',
  'a | b\n--|--\nrow without pipes\n| 2 | 3 | 4 |\n> quote ends it\n| 5 | 6 |',
  '| a | b | c |\n|---|---|\n| not | a | table |\n| 1 | 2 | 3 |',
  '> | a | b |\n> |---|---|\n> | 1 | 2 |\n> | 3 | 4 |',
  '- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n  | 3 | 4 |',
  '| a |\n|---|\n| 1 |\n- list ends it\n| 2 |',
  '| a |\n|---|\n| 1 |\n| 2 |\n# heading ends it\n| 3 |',
  '    indented code\n\n    ## more code',
  'Setext\n===',
  '---',
  '***',
  '',
  '  ',
  'Lazy\n## heading after a paragraph line',
  '\\## escaped',
  '## Heading with [a] link',
  '<script>\n\n## in script\n</script>',
  // Blocks findPlainBlocks builds without the parser, and their near misses.
  'Plain words on one line',
  '정보보호 정책의 수립 및 경영진의 승인 (예: 연 1회 이상) > 공통',
  'Astral \u{1F600} letters and 漢字',
  '## Plain heading',
  '### Heading ending in #',
  '- plain item\n- another plain item',
  '- plain item',
  '  indented plain line',
  '<!-- page: 12 -->',
  'Ends in two spaces  ',
  'Two plain\nlines',
  'mail me@example.com or www.example.com',
  '"Quoted title"',
  '(parenthesised)',
  '- item\n  continued',
  '* star item'
)
const frontMatter = fc.constantFrom('', '---\ntitle: x\n\n# comment\n---\n', '---\nopen: front matter\n\n## x\n', '---\n---\n')
const separator = fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n\r\n', '\n  \n')
const markdown = fc
  .tuple(frontMatter, fc.array(fc.tuple(block, separator), {maxLength: 30}))
  .map(([front, blocks]) => front + blocks.map(([text, sep]) => text + sep).join(''))

// Lines of long paragraphs, chosen for what could carry a paragraph's inline content or its very
// extent across a cut between lines: marks opened on one line and closed on another, hard breaks,
// lines that end a paragraph or change it (setext underlines, table delimiters, lists), definitions.
const paragraphLine = fc.constantFrom(
  'plain words',
  'more plain words here',
  'a *b',
  'c* d',
  '_e_ f',
  '`code',
  'span`',
  '~~gone~~',
  '[a link',
  'text](/url)',
  '[a] reference',
  '[^1] call',
  '<b',
  'x="y">tag',
  '<!-- open',
  'close -->',
  'two spaces  ',
  'backslash\\',
  '===',
  '---',
  '--',
  '| a | b |',
  '|---|---|',
  '- item',
  '> quote',
  '  indented',
  '    code',
  '[def]:',
  '/url',
  '"title"',
  '[x]: /x',
  'www.example.com',
  'me@example.org',
  '&amp; entity',
  '# heading',
  '```',
  '1. one',
  '2) two',
  '*',
  'trailing tab\t'
)
const paragraph = fc
  .tuple(fc.array(paragraphLine, {minLength: 1, maxLength: 12}), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.join(eol))
const withParagraphs = fc
  .tuple(frontMatter, fc.array(fc.tuple(fc.oneof(block, paragraph, paragraph), separator), {maxLength: 12}))
  .map(([front, blocks]) => front + blocks.map(([text, sep]) => text + sep).join(''))

describe('parseInChunks', () => {
  it('gives the tree of a one-shot parse where long paragraphs are cut between lines, for any chunk size', () => {
    fc.assert(
      fc.property(withParagraphs, fc.integer({min: 1, max: 60}), (text, size) => {
        expect(JSON.stringify(parseInChunks(text, parse, size))).toBe(JSON.stringify(parse(text)))
        expect(JSON.stringify(parseInChunks(text, parse, size, findPlainBlocks(text)))).toBe(JSON.stringify(parse(text)))
      }),
      {numRuns: 600}
    )
  }, 120_000)

  it('parses a paragraph whose emphasis spans it once, not again and again with twice the lines', () => {
    const lines = Array.from({length: 20_000}, (_, index) => (index === 0 ? '*a' : index === 19_999 ? 'b*' : `word${index}`))
    const text = `# T\n\n${lines.join('\n')}\n`
    let parsed = 0
    const measured = (chunk: string): Root => {
      parsed += chunk.length
      return parse(chunk)
    }
    expect(JSON.stringify(parseInChunks(text, measured, 4096))).toBe(JSON.stringify(parse(text)))
    // Doubling the chunk at each cut that does not hold parsed some twice the text.
    expect(parsed).toBeLessThan(1.2 * text.length)
  })

  it('parses a long paragraph a group of lines at a time: the tree of one parse', () => {
    const lines = Array.from({length: 3000}, (_, index) => (index % 100 === 0 ? `*word ${index}* [a](/a) \`x\`` : `word${index}`))
    const text = `# T\n\n${lines.join('\n')}\n\n[a]: /a\n`
    let longest = 0
    const measured = (chunk: string): Root => {
      longest = Math.max(longest, chunk.length)
      return parse(chunk)
    }
    const tree = parseInChunks(text, measured, 4096)
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'definition'])
    expect(JSON.stringify(tree)).toBe(JSON.stringify(parse(text)))
    // One parse of the whole paragraph was 30 KB; now a group of its lines.
    expect(longest).toBeLessThan(10_000)
  })

  it('gives the tree of a one-shot parse, for any chunk size', () => {
    fc.assert(
      fc.property(markdown, fc.integer({min: 1, max: 200}), (text, size) => {
        expect(parseInChunks(text, parse, size)).toEqual(parse(text))
      }),
      {numRuns: 600}
    )
  })

  it('gives the tree of a one-shot parse with the plain blocks built, for any chunk size', () => {
    fc.assert(
      fc.property(markdown, fc.integer({min: 1, max: 200}), (text, size) => {
        const plain = findPlainBlocks(text)
        // Key order too: an edition is serialised as it comes.
        expect(JSON.stringify(parseInChunks(text, parse, size, plain))).toBe(JSON.stringify(parse(text)))
      }),
      {numRuns: 1000}
    )
  })

  it('reads a `---` line right after a table row as a one-shot parse does, without cutting the table there', () => {
    // Found by the property below (seed 753087628): each retry cut the table before `---` again, until the stack ran out.
    const text = '| a | b |\n| - | - |\n| 1 | 2 |\n---\n'
    expect(JSON.stringify(parseInChunks(text, parse, 1))).toBe(JSON.stringify(parse(text)))
    expect(JSON.stringify(parseInChunks(text, parse, 1, findPlainBlocks(text)))).toBe(JSON.stringify(parse(text)))
  })

  it('reads a thematic break right after a built block as a one-shot parse does, not as front matter', () => {
    // Found by the property above (seed -650902745): the footnote definition came out a paragraph.
    const text = '# One\n\n---\n[^1]: A footnote.\n'
    const tree = parseInChunks(text, parse, 1, findPlainBlocks(text))
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'thematicBreak', 'footnoteDefinition'])
    expect(JSON.stringify(tree)).toBe(JSON.stringify(parse(text)))
  })

  it('keeps indented code that opens a chunk after a footnote defined in another chunk', () => {
    // Found by find-plain-blocks' property test: the footnote written before the chunk took the code in, and both were dropped.
    const text = '[^1]: note\n\nplain line\n\n\tcode \\[\n\n[x]: /url\n'
    const tree = parseInChunks(text, parse, 1, findPlainBlocks(text))
    expect(tree.children.map((node) => node.type)).toEqual(['footnoteDefinition', 'paragraph', 'code', 'definition'])
    expect(JSON.stringify(tree)).toBe(JSON.stringify(parse(text)))
  })

  it('leaves a list after a blank line to the parser when the lines before it hold a list, wherever it opens', () => {
    // Found by the property above on more runs: the two lists are one loose list to CommonMark.
    const text = '# One\n- plain item\n\n- plain item\n- another plain item\n'
    const tree = parseInChunks(text, parse, 1, findPlainBlocks(text))
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'list'])
    expect(JSON.stringify(tree)).toBe(JSON.stringify(parse(text)))
  })

  it('parses a long table a group of rows at a time, each after its head: the tree of one parse', () => {
    const rows = Array.from({length: 3000}, (_, index) => `| ${index} *a* | [a] | \`x\\|y\` |`).join('\n')
    const text = `# T\n\nText.\n\n| one | two | three |\n| :-- | :-: | --: |\n${rows}\n\n[a]: /a\n\nAfter.\n`
    let longest = 0
    const measured = (chunk: string): Root => {
      longest = Math.max(longest, chunk.length)
      return parse(chunk)
    }
    expect(JSON.stringify(parseInChunks(text, measured, 4096))).toBe(JSON.stringify(parse(text)))
    // One parse of the whole table was 80 KB; now a group of rows, its head and the prelude of definitions.
    expect(longest).toBeLessThan(10_000)
  })

  it('parses in many chunks where headings follow blank lines, and as one where a fence never closes', () => {
    const headings = Array.from({length: 50}, (_, index) => `## Heading ${index}\n\nText [a] of ${index}.`).join('\n\n')
    const text = `${headings}\n\n[a]: /a\n`
    parses = 0
    expect(parseInChunks(text, counted, 30)).toEqual(parse(text))
    expect(parses).toBeGreaterThan(40)
    const fenced = `\`\`\`\n${headings}`
    expect(parseInChunks(fenced, parse, 100)).toEqual(parse(fenced))
    expect(parse(fenced).children).toHaveLength(1)
  })

  it('gives the one-shot tree on every shipped edition and Markdown fixture', () => {
    const files = [...markdownFiles('editions'), ...markdownFiles('tests/fixtures'), ...markdownFiles('docs')]
    expect(files.length).toBeGreaterThan(100)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(parseInChunks(text, parse, 2048), file).toEqual(parse(text))
      expect(JSON.stringify(parseInChunks(text, parse, 2048, findPlainBlocks(text))), file).toBe(JSON.stringify(parse(text)))
    }
  }, 240_000)

  it('is what parseMarkdown returns', () => {
    const text = Array.from({length: 3000}, (_, index) => `## Heading ${index}\n\nSome words ${index}.`).join('\n\n')
    expect(parseMarkdown(text).root).toEqual(parse(text))
  })
})

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((name) => /\.(?:md|markdown)$/u.test(name))
    .sort()
    .map((name) => join(folder, name))
}
