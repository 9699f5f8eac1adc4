import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {findPlainBlocks} from '../../src/normalize/find-plain-blocks.js'
import {parseMarkdown} from '../../src/normalize/parse-markdown.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const parse = (text: string): Root => processor.parse(text) as Root

// Normalised Markdown as ingest writes it from a PDF: front matter, page comments, headings,
// one-line paragraphs and tight lists, with some markup between.
const normalized = [
  '---\ntitle: 가이드\ngenerator: wpdiff\n---',
  '<!-- page: 3 -->',
  '# 01 정보보호 정책',
  '관리적 분야 > 1. 정보보호 정책',
  '### A-1 조직 전반에 적용하고 있는 정보보호 정책/지침 수립',
  '- 정보보호 정책을 수립하고 경영진의 승인을 받아야 한다.\n- 정책은 연 1회 이상 검토한다.',
  '정보보호 및 개인정보보호 관리체계 인증 등에 관한 고시 \\[별표7] 1.1.1',
  '<!-- page: 4 -->',
  'See https://example.com for the form.',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  'Last plain line of the page'
].join('\n\n')

describe('findPlainBlocks', () => {
  it('finds the plain blocks of normalised Markdown, and the tree is the parser’s', () => {
    const runs = findPlainBlocks(normalized)
    const blocks = runs.flatMap((run) => run.root.children.map((child) => child.type))
    expect(blocks).toEqual(['yaml', 'html', 'heading', 'paragraph', 'heading', 'list', 'paragraph', 'html', 'paragraph'])
    for (const run of runs) {
      expect(JSON.stringify(run.root), normalized.slice(run.start, run.end)).toBe(
        JSON.stringify(parse(normalized.slice(run.start, run.end)))
      )
    }
    expect(JSON.stringify(parseMarkdown(normalized, {skipPlainBlocks: true}).root)).toBe(JSON.stringify(parseMarkdown(normalized).root))
  })

  it('builds front matter whole, and leaves lines after an open fence or next to list items to the parser', () => {
    const matter = '---\ntitle: x\n\nplain line\n---\n'
    expect(findPlainBlocks(matter).map((run) => run.root.children.map((child) => child.type))).toEqual([['yaml']])
    expect(JSON.stringify(findPlainBlocks(matter)[0]!.root)).toBe(JSON.stringify(parse(matter)))
    const fenced = '```\n\nplain line in code\n'
    expect(findPlainBlocks(fenced)).toHaveLength(1)
    expect(parseMarkdown(fenced, {skipPlainBlocks: true}).root).toEqual(parse(fenced))
    expect(parse(fenced).children.map((child) => child.type)).toEqual(['code'])
    // Two tight lists a blank line apart are one loose list.
    expect(findPlainBlocks('- one item\n\n- two item\n')).toEqual([])
    expect(findPlainBlocks('- one item\n\n  continued\n')).toEqual([])
  })
})

describe('findPlainBlocks with escapes and lines a blank line lets be text', () => {
  const tree = (text: string): string => JSON.stringify(parse(text))
  const known = (text: string): string[] =>
    findPlainBlocks(text).flatMap((run) => run.root.children.map((child) => (child.type === 'heading' ? 'heading' : child.type)))

  it('builds escaped punctuation, literal backslashes, lines led by a bracket, quote or number, and a `<`, `&` or `|` that opens nothing, as the parser reads them', () => {
    const lines = [
      '정보보호 및 개인정보보호 관리체계 인증 등에 관한 고시 \\[별표7] 1.1.5 정책 수립',
      '\\[그림1] 정보보호 정책 문서 및 시행문서 구성(예시)',
      '1\\. 개요 ··········· 7',
      '2\\) 시스템 정보보호 ③ Anti-Virus/Spam',
      '마스킹(‘\\*\\*\\*\\*’ 또는 ‘●●●●’ 표시 등) 처리',
      'KISA 보호나라\\&KrCERT/CC',
      '저장매체\\저장자료',
      '(보안강도) 공개키',
      '"quoted" and \'single\'',
      '10.0.0.1',
      '\\\\ a backslash escaped',
      '\\# not a heading',
      '\\- not a list',
      '<참고 제1호> 서식',
      '2.5<안전율>를 곱한 값',
      'Q & A | 표',
      'HTTP, HTTPS'
    ]
    const text = lines.join('\n\n')
    expect(known(text)).toEqual(lines.map(() => 'paragraph'))
    expect(JSON.stringify(parseMarkdown(text, {skipPlainBlocks: true}).root)).toBe(tree(text))
    const headings = '## 1\\. 개요\n\n### 2. 목적 및 구성\n\n# (별표) \\[서식]\n\n- 1\\. 하나\n- \\[둘] 셋\n- (넷)'
    expect(known(headings)).toEqual(['heading', 'heading', 'heading', 'list'])
    expect(JSON.stringify(parseMarkdown(headings, {skipPlainBlocks: true}).root)).toBe(tree(headings))
  })

  it('leaves a line ending in a backslash, unescaped markup, escaped autolink text and list markers to the parser', () => {
    for (const line of [
      'ends in a backslash \\',
      'a \\\\\\',
      'x [a](b)',
      'mail a\\@b.co',
      'www\\.example\\.org',
      '1. item',
      '1) item',
      '\\[a] *b*',
      '<b>bold</b> \\[',
      'a &amp; \\[',
      'see https:\\/\\/x',
      'WWW\\.x'
    ]) {
      expect(findPlainBlocks(`plain line\n\n${line}\n\nplain line`), line).toHaveLength(2)
    }
  })

  it('gives the parser’s tree, positions included, for any mix of escapes and markup (property)', () => {
    const piece = fc.constantFrom(
      '\\[',
      '\\]',
      ']',
      '[',
      '\\*',
      '*',
      '\\_',
      '_',
      '\\\\',
      '\\',
      '\\a',
      '\\가',
      '1\\.',
      '10.0.0.1',
      '(',
      ')',
      '"',
      "'",
      '<',
      '>',
      '\\<',
      '&',
      '\\&',
      '&amp;',
      '&#35;',
      'www.',
      'w\\.w',
      '\\@',
      'a@b.co',
      'http://x',
      '#',
      '\\#',
      '-',
      '+',
      ' ',
      '  ',
      '\t',
      '~',
      '\\~',
      '~~',
      '|',
      '\\|',
      ':',
      '!',
      '!\\[',
      '`',
      '\\`',
      '1)',
      '1.',
      '7',
      'a',
      'Z',
      '가나',
      '。',
      '=',
      '^',
      '{',
      '}',
      '\\\u0001',
      '\\ ',
      '[^1]',
      '\\[^1]',
      '[x]: /u',
      '\\[ ] task',
      '<참고',
      '<a',
      '</',
      '<!',
      '<?',
      '<1',
      '< ',
      '&D',
      '&d;',
      '& ',
      '&#',
      'a | b',
      'http:',
      'HTTP',
      'https',
      'www',
      'WWW.',
      'w@',
      '<https://x>',
      '<a@b.co>'
    )
    const content = fc.array(piece, {minLength: 1, maxLength: 6}).map((parts) => parts.join(''))
    const block = fc.oneof(
      content,
      fc.tuple(fc.integer({min: 1, max: 6}), content).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
      fc.array(content, {minLength: 1, maxLength: 3}).map((items) => items.map((item) => `- ${item}`).join('\n')),
      fc.constant('<!-- page: 2 -->'),
      fc.constant('[x]: /url'),
      fc.constant('[^1]: note')
    )
    // Front matter as ingest writes it and fenced otherwise, closed early, or not at all.
    const front = fc.constantFrom(
      '',
      '---\ntitle: x\n---\n\n',
      '---\n---\n\n',
      '---\n\n---\n\n',
      '---\ntitle: x\n---\n',
      '---\ntitle: x\n---',
      '---\na: [x]\n\nb: "y"\n---\n\n',
      '---\na\n--- \nb\n---\n\n',
      '---\na\n ---\n---\n\n',
      '---\na\n----\n---\n\n',
      '---  \na\n---\n\n',
      '---\na\u0000\n---\n\n',
      '---\nnever closed\n\n'
    )
    fc.assert(
      fc.property(front, fc.array(block, {minLength: 1, maxLength: 8}), (opening, blocks) => {
        const text = `${opening}${blocks.join('\n\n')}\n`
        for (const run of findPlainBlocks(text)) {
          const slice = text.slice(run.start, run.end)
          expect(JSON.stringify(run.root), slice).toBe(tree(slice))
        }
        expect(JSON.stringify(parseMarkdown(text, {skipPlainBlocks: true}).root), text).toBe(JSON.stringify(parseMarkdown(text).root))
        const normalized = {normalized: true}
        expect(JSON.stringify(parseMarkdown(text, {...normalized, skipPlainBlocks: true}).root), text).toBe(
          JSON.stringify(parseMarkdown(text, normalized).root)
        )
      }),
      {numRuns: 800, seed: 17}
    )
  })
})
