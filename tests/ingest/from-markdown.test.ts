import {describe, expect, it} from 'vitest'
import {fromMarkdown} from '../../src/ingest/from-markdown.js'

describe('fromMarkdown front matter', () => {
  // The yaml package compared each key with every one before it: 250,000 keys took minutes.
  it('reads a front matter of 50,000 keys in bounded time (the test timeout; some 40 s before)', () => {
    const keys = Array.from({length: 50_000}, (_, index) => `key${index}: value ${index}`).join('\n')
    const parsed = fromMarkdown(`---\n${keys}\ntitle: T\n---\n\n# One\n\ntext\n`)
    expect(Object.keys(parsed.frontMatter)).toHaveLength(50_001)
    expect(parsed.frontMatter.key49999).toBe('value 49999')
    expect(parsed.messages).toEqual([])
  }, 30_000)

  it('still ignores front matter whose keys repeat, with a warning, at any depth', () => {
    for (const yaml of ['title: A\ntitle: B', 'source:\n  file: a\n  file: b', 'toc: [{title: a, title: b}]']) {
      const parsed = fromMarkdown(`---\n${yaml}\n---\n\ntext\n`)
      expect(parsed.frontMatter, yaml).toEqual({})
      expect(parsed.messages.map((message) => message.code)).toEqual(['bad-front-matter'])
      expect(parsed.messages[0]?.text).toMatch(/^front matter is not valid YAML and was ignored \(Map keys must be unique/u)
    }
  })

  it('reads YAML as before otherwise: numbers, lists, nested maps, and an error ignored with a warning', () => {
    const parsed = fromMarkdown('---\nyear: 2020\ntoc:\n  - title: A\n    page: 3\n---\n\ntext\n')
    expect(parsed.frontMatter).toEqual({year: 2020, toc: [{title: 'A', page: 3}]})
    expect(fromMarkdown('---\n: : [\n---\n\ntext\n').messages.map((message) => message.code)).toEqual(['bad-front-matter'])
  })
})
