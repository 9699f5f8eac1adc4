import {describe, expect, it, vi} from 'vitest'
import * as plainBlocks from '../../src/normalize/find-plain-blocks.js'

// Counted calls of the real findPlainBlocks, to tell whether the Markdown reader asks for it.
vi.mock('../../src/normalize/find-plain-blocks.js', async (original) => {
  const actual = await original<typeof import('../../src/normalize/find-plain-blocks.js')>()
  return {...actual, findPlainBlocks: vi.fn(actual.findPlainBlocks)}
})

const {inputFormatSpecs} = await import('../../src/ingest/input-formats.js')

describe('the Markdown format', () => {
  // 100,000 headings over one-line paragraphs took 30 s, nearly all of it the parser on plain lines.
  it('builds the blocks of plain text without the parser, the tree the parser gives', async () => {
    const markdown = inputFormatSpecs.find((spec) => spec.name === 'md')!
    const source = '# One\n\nPlain words.\n\n## Two *em*\n\nMore [a](/b) words.\n'
    const read = await markdown.read(new TextEncoder().encode(source), {file: 'a.md'})
    expect(vi.mocked(plainBlocks.findPlainBlocks)).toHaveBeenCalled()
    const {fromMarkdown} = await import('../../src/ingest/from-markdown.js')
    expect(JSON.stringify(read.parsed.root)).toBe(JSON.stringify(fromMarkdown(source).root))
  })
})
