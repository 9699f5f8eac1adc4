import {describe, expect, it} from 'vitest'
import {closesBlock, closesFence, lineEnd, openingFence} from '../../src/normalize/block-lines.js'

describe('block-lines', () => {
  it('finds a line ending, or the end of the text', () => {
    expect(lineEnd('ab\ncd', 0)).toBe(2)
    expect(lineEnd('ab\ncd', 3)).toBe(5)
  })

  it('reads a code fence of three or more backticks or tildes, at most three spaces in', () => {
    expect(openingFence('```ts')).toBe('```')
    expect(openingFence('   ~~~~')).toBe('~~~~')
    expect(openingFence('    ```')).toBeNull()
    expect(openingFence('``')).toBeNull()
  })

  it('closes a fence only with the same character, at least as many', () => {
    expect(closesFence('````', '```')).toBe(true)
    expect(closesFence('```', '````')).toBe(false)
    expect(closesFence('~~~', '```')).toBe(false)
    expect(closesFence('text', '```')).toBe(false)
  })

  it('knows the lines after which a block may open: blank lines and ATX headings', () => {
    expect(closesBlock.test('')).toBe(true)
    expect(closesBlock.test(' \t\r')).toBe(true)
    expect(closesBlock.test('## Heading')).toBe(true)
    expect(closesBlock.test('text')).toBe(false)
    expect(closesBlock.test('#hashtag')).toBe(false)
  })
})
