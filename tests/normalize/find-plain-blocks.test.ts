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
    expect(blocks).toEqual(['html', 'heading', 'paragraph', 'heading', 'list', 'html', 'paragraph'])
    for (const run of runs) {
      expect(JSON.stringify(run.root), normalized.slice(run.start, run.end)).toBe(
        JSON.stringify(parse(normalized.slice(run.start, run.end)))
      )
    }
    expect(JSON.stringify(parseMarkdown(normalized, {skipPlainBlocks: true}).root)).toBe(JSON.stringify(parseMarkdown(normalized).root))
  })

  it('leaves lines in front matter, after an open fence or next to list items to the parser', () => {
    expect(findPlainBlocks('---\ntitle: x\n\nplain line\n---\n')).toEqual([])
    const fenced = '```\n\nplain line in code\n'
    expect(findPlainBlocks(fenced)).toHaveLength(1)
    expect(parseMarkdown(fenced, {skipPlainBlocks: true}).root).toEqual(parse(fenced))
    expect(parse(fenced).children.map((child) => child.type)).toEqual(['code'])
    // Two tight lists a blank line apart are one loose list.
    expect(findPlainBlocks('- one item\n\n- two item\n')).toEqual([])
    expect(findPlainBlocks('- one item\n\n  continued\n')).toEqual([])
  })
})
