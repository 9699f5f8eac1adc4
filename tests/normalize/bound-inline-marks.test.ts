import {describe, expect, it} from 'vitest'
import {boundInlineMarks, maxInlineMarks} from '../../src/normalize/bound-inline-marks.js'
import {parseMarkdown} from '../../src/normalize/parse-markdown.js'

const textOf = (node: unknown): string =>
  typeof node === 'object' && node !== null
    ? 'value' in node && typeof node.value === 'string'
      ? node.value
      : 'children' in node && Array.isArray(node.children)
        ? node.children.map(textOf).join('')
        : ''
    : ''

describe('boundInlineMarks', () => {
  it('reads a paragraph of 20,000 nested emphasis marks as its characters, in bounded time', () => {
    const text = `# Title\n\n${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n\nAfter *that*.\n`
    // Unbounded, the parser took 11 s over 16,000 such marks and then overflowed the stack; the test
    // timeout is the bound (times are the bench's).
    const {root, messages} = parseMarkdown(text)
    expect(messages.map((message) => [message.code, message.line])).toEqual([['too-many-marks', 3]])
    expect(textOf(root.children[1])).toBe(`${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`)
    // The next paragraph keeps its emphasis.
    expect(JSON.stringify(root.children[2])).toContain('"type":"emphasis"')
  }, 10_000)

  it('bounds a paragraph of many links and emphases side by side, which cost the parser quadratic time', () => {
    const paragraph = Array.from({length: 5000}, (_, i) => `*a${i}* [l${i}](x) _b_`).join(' ')
    // Unbounded: some 15 s, past the test timeout.
    const {root} = parseMarkdown(`${paragraph}\n`)
    expect(textOf(root)).toContain('*a0* [l0](x) _b_ *a1*')
  }, 10_000)

  it('leaves a text alone whose paragraphs hold up to the bound, however many it has', () => {
    const paragraph = `${'*a* '.repeat(maxInlineMarks / 2)}end`
    const text = `${paragraph}\n\n${paragraph}\n\n${paragraph}\n`
    expect(boundInlineMarks(text)).toEqual({text, messages: []})
  })

  it('counts a table row by row, skips fenced code and escaped marks, and keeps list and quote markers', () => {
    const table = `| a | b |\n| - | - |\n${'| [x](y) *z* | _w_ |\n'.repeat(400)}`
    const code = `\`\`\`\n${'*'.repeat(3000)}\n\`\`\`\n`
    const escaped = `${'\\_'.repeat(3000)}\n`
    const text = `${table}\n${code}\n${escaped}`
    expect(boundInlineMarks(text).text).toBe(text)
    const list = `- ${'*'.repeat(600)}\n  ${'x_'.repeat(600)}\n> ${'['.repeat(1200)}\n${'*'.repeat(5)}\n`
    // A thematic break stays one.
    expect(boundInlineMarks(list).text).toBe(`- ${'\\*'.repeat(600)}\n  ${'x\\_'.repeat(600)}\n> ${'\\['.repeat(1200)}\n*****\n`)
  })
})
