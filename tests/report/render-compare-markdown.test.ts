import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {renderCompareMarkdown} from '../../src/report/render-compare-markdown.js'
import {loadFixturePair} from './load-fixture.js'

describe('renderCompareMarkdown', () => {
  it('summarises the small pair (snapshot) with one line per changed relation', async () => {
    const [before, after] = await loadFixturePair('small-pair')
    const result = compareEditions(before, after)
    const markdown = renderCompareMarkdown(result)
    await expect(markdown).toMatchFileSnapshot('../fixtures/report/small-pair/summary.md')
    const changed = result.relations.filter((r) => r.flags.length > 0 || r.kind !== 'matched')
    expect(markdown.split('\n').filter((line) => line.startsWith('- **'))).toHaveLength(changed.length)
    expect(markdown).toContain('renamed: Passwords → Authentication')
    expect(markdown.startsWith('# Small Security Guide: 2022 → 2023\n')).toBe(true)
  })

  it('escapes markup so hostile headings stay text', async () => {
    const [before, after] = await loadFixturePair('xss')
    const markdown = renderCompareMarkdown(compareEditions(before, after))
    expect(markdown).not.toContain('<script>')
    expect(markdown).not.toContain('<img')
    expect(markdown).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;')
  })
})
