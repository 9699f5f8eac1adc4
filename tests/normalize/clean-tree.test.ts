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
