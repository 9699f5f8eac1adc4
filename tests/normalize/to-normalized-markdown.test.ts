import fc from 'fast-check'
import type {List, ListItem, Paragraph, RootContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import type {Edition} from '../../src/model/edition.js'
import {parse as parseYaml} from 'yaml'
import {fromMarkdown} from '../../src/ingest/from-markdown.js'
import {blocksToMarkdown, toNormalizedForm, toNormalizedMarkdown, writtenText} from '../../src/normalize/to-normalized-markdown.js'

// Text the writer escapes or keeps, near the line between the blocks it writes itself and the rest.
const text = fc.constantFrom(
  'plain words',
  '정보보호 정책 > 공통',
  'Now.Then and new.version',
  'maps://x and https://example.com',
  'www.example.org',
  'mail@example.org',
  '1234567890) ten digits',
  '12. twelve',
  '2024년 보고서 (예시)',
  'C# and F#',
  '# hash first',
  '- dash first',
  '+ plus first',
  '= equals',
  '> quote',
  ': colon',
  ' leading space',
  'trailing space ',
  'two\nlines',
  'a_b *c* [d] `e` ~f~ <g> &amp; \\h | i',
  '고시 [별표7] 1.1.5 정책 수립',
  '[그림1] 정책 문서 구성(예시)',
  '[x] done',
  '<표 1> 점검 항목 [예시]',
  '6.1.2 Verify that [a]',
  '1) 범위',
  '10. 부칙',
  'see [1](2) and ![a]',
  'a <b> tag',
  'ends with w.',
  'tab\there'
)
const paragraph = text.map((value): Paragraph => ({type: 'paragraph', children: [{type: 'text', value}]}))
const item = fc
  .tuple(paragraph, fc.constantFrom(null, undefined, true))
  .map(([child, checked]): ListItem => ({type: 'listItem', spread: false, ...(checked === undefined ? {} : {checked}), children: [child]}))
const list = fc
  .tuple(fc.array(item, {minLength: 1, maxLength: 3}), fc.constantFrom(false, true, undefined), fc.boolean())
  .map(([children, spread, ordered]): List => ({type: 'list', ordered, ...(spread === undefined ? {} : {spread}), children}))
const block: fc.Arbitrary<RootContent> = fc.oneof(
  paragraph,
  fc.tuple(fc.integer({min: 1, max: 6}), text).map(
    ([depth, value]): RootContent => ({
      type: 'heading',
      depth: depth as 1,
      children: [{type: 'text', value}]
    })
  ),
  list,
  fc.constantFrom<RootContent>(
    {type: 'html', value: '<!-- page: 7 -->'},
    {type: 'html', value: '<div>\n'},
    {type: 'code', value: 'code', lang: null},
    {type: 'thematicBreak'},
    {type: 'blockquote', children: [{type: 'paragraph', children: [{type: 'text', value: 'quoted'}]}]}
  )
)

function edition(preamble: RootContent[]): Edition {
  return {
    series: 's',
    edition: '1',
    year: null,
    title: 'T',
    language: 'en',
    source: {file: 'a.pdf', format: 'pdf', sha256: '0'},
    preamble,
    preambleWords: 0,
    sections: [],
    toc: [],
    words: 0
  }
}

describe('toNormalizedMarkdown', () => {
  it('writes the blocks it writes itself as the Markdown writer does', () => {
    fc.assert(
      fc.property(fc.array(block, {maxLength: 12}), (blocks) => {
        const written = toNormalizedMarkdown(edition(blocks), {generator: 'wpdiff'})
        expect(written.slice(written.indexOf('\n---\n') + 6)).toBe(blocksToMarkdown(blocks))
      }),
      {numRuns: 2000}
    )
  })

  it('writes plain blocks as their text', () => {
    const blocks: RootContent[] = [
      {type: 'html', value: '<!-- page: 2 -->'},
      {type: 'heading', depth: 2, children: [{type: 'text', value: '01 정보보호 정책'}]},
      {type: 'paragraph', children: [{type: 'text', value: 'Now.Then'}]},
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: [{type: 'listItem', children: [{type: 'paragraph', children: [{type: 'text', value: '항목'}]}]}]
      }
    ]
    const written = toNormalizedMarkdown(edition(blocks), {generator: 'wpdiff'})
    expect(written.endsWith('\n\n<!-- page: 2 -->\n\n## 01 정보보호 정책\n\nNow\\.Then\n\n- 항목\n')).toBe(true)
  })

  it('writes text with brackets or a number first as the writer does: each [ escaped, a list marker escaped where a line starts', () => {
    expect(writtenText('고시 [별표7] 1.1.5 정책 수립')).toBe('고시 \\[별표7] 1.1.5 정책 수립')
    expect(writtenText('[그림1] 구성(예시)')).toBe('\\[그림1] 구성(예시)')
    expect(writtenText('<표 1> 점검 항목')).toBe('<표 1> 점검 항목')
    expect(writtenText('1. 개요 [예시]')).toBe('1\\. 개요 \\[예시]')
    expect(writtenText('1) 범위')).toBe('1\\) 범위')
    expect(writtenText('6.1.2 Verify that')).toBe('6.1.2 Verify that')
    expect(writtenText('1. 개요', true)).toBe('1. 개요')
    expect(writtenText('1. *a*')).toBeNull()
    expect(writtenText('#')).toBe('\\#')
    expect(writtenText('(arkid15r)')).toBe('(arkid15r)')
    // What the writer escapes by other rules is left to it.
    expect(writtenText('[a](b)')).toBeNull()
    expect(writtenText('![a]')).toBeNull()
    expect(writtenText('a <b> tag')).toBeNull()
    expect(writtenText('[*a*]')).toBeNull()
    const written = toNormalizedMarkdown(edition([{type: 'paragraph', children: [{type: 'text', value: '고시 [별표7] 1.1.5'}]}]), {
      generator: 'wpdiff'
    })
    expect(written.endsWith('\n\n고시 \\[별표7] 1.1.5\n')).toBe(true)
  })

  it('writes what it takes for text with brackets or a number first exactly as the writer does, as a paragraph, a heading and a list item (property)', () => {
    const letters = fc.constantFrom(
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '!',
      '.',
      ':',
      '/',
      '?',
      'w',
      'p',
      's',
      'a',
      'B',
      '1',
      '#',
      '-',
      ' ',
      '보',
      '^',
      '@',
      '*'
    )
    const value = fc.array(letters, {minLength: 1, maxLength: 8}).map((chars) => chars.join(''))
    let taken = 0
    fc.assert(
      fc.property(value, (text) => {
        const fast = writtenText(text)
        if (fast === null) return
        taken++
        const strip = (markdown: string) => markdown.replace(/\n$/u, '')
        expect(fast).toBe(strip(blocksToMarkdown([{type: 'paragraph', children: [{type: 'text', value: text}]}])))
        const title = writtenText(text, true)
        if (title !== null && !title.includes('#'))
          expect(`## ${title}`).toBe(strip(blocksToMarkdown([{type: 'heading', depth: 2, children: [{type: 'text', value: text}]}])))
        const item = {
          type: 'listItem' as const,
          spread: false,
          children: [{type: 'paragraph' as const, children: [{type: 'text' as const, value: text}]}]
        }
        expect(`- ${fast}`).toBe(strip(blocksToMarkdown([{type: 'list', ordered: false, spread: false, children: [item]}])))
      }),
      {numRuns: 20000}
    )
    expect(taken).toBeGreaterThan(1000)
  })

  it('hands on the front matter it writes as YAML reads it back, whatever the names and contents hold (property)', () => {
    // Strings YAML reads as something else unless quoted, beside any text at all.
    const tricky = fc.constantFrom(
      '2026',
      '1e3',
      '0x1F',
      '.inf',
      'null',
      '~',
      'yes',
      'No',
      'true',
      '- a',
      '? b',
      ': c',
      '#d',
      '"e"',
      "'f'",
      ' lead',
      'trail ',
      'two\nlines',
      'tab\t',
      '',
      '---',
      '...',
      '%YAML',
      '@x',
      '`x`',
      '[x]',
      '{x}',
      '*a',
      '&a',
      '!tag',
      '|',
      '>',
      '\u2028',
      '\uFEFF',
      '\u0000'
    )
    const name = fc.oneof(tricky, fc.string({unit: 'binary', maxLength: 12}), fc.string({unit: 'grapheme', maxLength: 12}))
    const toc = fc.array(
      fc.record({
        level: fc.integer({min: 1, max: 6}),
        numbering: fc.oneof(fc.constant(null), name),
        title: name,
        page: fc.oneof(fc.constant(null), fc.nat(2000))
      }),
      {maxLength: 4}
    )
    fc.assert(
      fc.property(
        name,
        name,
        name,
        fc.oneof(fc.constant(null), fc.integer({min: 1900, max: 2100})),
        toc,
        (series, label, title, year, entries) => {
          const written = toNormalizedForm(
            {
              ...edition([{type: 'paragraph', children: [{type: 'text', value: 'text'}]}]),
              series,
              edition: label,
              title,
              year,
              toc: entries
            },
            {generator: 'wpdiff'}
          )
          expect(written.markdown.startsWith(`---\n${written.frontMatter.yaml}\n---\n`)).toBe(true)
          expect(parseYaml(written.frontMatter.yaml)).toStrictEqual(written.frontMatter.value)
          const given = fromMarkdown(written.markdown, {trustGenerator: false, frontMatter: written.frontMatter})
          expect(given.frontMatter).toBe(written.frontMatter.value)
          expect(given).toStrictEqual(fromMarkdown(written.markdown, {trustGenerator: false}))
        }
      ),
      {numRuns: 500, seed: 17}
    )
  })
})
