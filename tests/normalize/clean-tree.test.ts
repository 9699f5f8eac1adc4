import fc from 'fast-check'
import type {Paragraph, Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {fromMarkdown} from '../../src/ingest/from-markdown.js'
import {cleanTree} from '../../src/normalize/clean-tree.js'
import {blocksToMarkdown} from '../../src/normalize/to-normalized-markdown.js'

const clean = (markdown: string): string => blocksToMarkdown(cleanTree(fromMarkdown(markdown).root).root.children)

describe('cleanTree keeps the spaces between words', () => {
  it.each([
    ['inline code that ends a paragraph', 'See the word `code`', 'See the word `code`\n'],
    ['an image that ends a paragraph', 'Text and ![x](b.png)', 'Text and ![x](b.png)\n'],
    ['an image that starts a paragraph', '![x](a.png) and more', '![x](a.png) and more\n'],
    ['inline code that starts a paragraph', '`code` first', '`code` first\n'],
    ['inline code after a hard-wrapped line', 'a line\n`code`', 'a line `code`\n'],
    ['a link that ends a paragraph', 'read [the notes](n.md)', 'read [the notes](n.md)\n']
  ])('%s', (_name, input, expected) => {
    expect(clean(input)).toBe(expected)
  })

  it('still trims the ends of a paragraph, inside links and emphasis too', () => {
    expect(clean('[ link](x.md) and *emphasis<br>*')).toBe('[link](x.md) and _emphasis_\n')
    expect(clean('text <span>end</span>   ')).toBe('text end\n')
  })

  it('joins hard-wrapped lines with a space, and Chinese lines with none', () => {
    expect(clean('one\ntwo')).toBe('one two\n')
    expect(clean('中文\n文本')).toBe('中文文本\n')
  })
})

describe('cleanTree of a paragraph of one line of text', () => {
  const paragraph = (...values: string[]): Root => ({
    type: 'root',
    children: [{type: 'paragraph', children: values.map((value) => ({type: 'text', value}))}]
  })

  it('keeps a line with nothing to clean as it is, the same text node', () => {
    const root = paragraph('정보보호 정책 {중요} 아님')
    const line: Root = paragraph('정보보호 정책을 수립한다.')
    const text = (line.children[0] as Paragraph).children[0]
    expect((cleanTree(line).root.children[0] as Paragraph).children[0]).toBe(text)
    expect(cleanTree(root).root.children).toHaveLength(1)
  })

  it('cleans it as the general path does (the same text after an empty node), whatever its spaces, braces and line ends (property)', () => {
    const piece = fc.constantFrom('a', '가', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '{', '}', '{.x}', '{#id}', ' {: .y}', '中', '.', '')
    fc.assert(
      fc.property(fc.array(piece, {minLength: 1, maxLength: 8}), (parts) => {
        const value = parts.join('')
        const whole = cleanTree(paragraph(value)).root
        const general = cleanTree(paragraph('', value)).root
        expect(JSON.stringify(whole)).toBe(JSON.stringify(general))
      }),
      {numRuns: 2000, seed: 17}
    )
  })
})
