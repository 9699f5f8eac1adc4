import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {blocksToText} from '../../src/model/blocks-to-text.js'
import type {Edition} from '../../src/model/edition.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {boundHtmlNesting} from '../../src/normalize/bound-html-nesting.js'
import {boundMarkdownNesting} from '../../src/normalize/bound-markdown-nesting.js'

// Issue #22: generated hostile inputs. Each of these overflowed the stack or ran for minutes; the
// test runner's timeout bounds them, the time itself is not asserted.
const ingest = (file: string, text: string) => ingestEdition(new TextEncoder().encode(text), {file})

function allText(edition: Edition): string {
  const walk = (sections: Edition['sections']): string[] =>
    sections.flatMap((section) => [section.title, blocksToText(section.blocks), ...walk(section.children)])
  return [blocksToText(edition.preamble), ...walk(edition.sections)].join(' ')
}

describe('deep nesting is flattened past a bound, with a warning, its text kept', () => {
  it.each([
    ['list markers on one line', `# T\n\n${'- '.repeat(10_000)}deep\n\nafter\n`],
    ['quote markers on one line', `# T\n\n${'>'.repeat(10_000)} deep\n\nafter\n`]
  ])('%s (Markdown)', async (_name, text) => {
    const {edition, messages} = await ingest('s/deep.md', text)
    expect(messages.map((message) => message.code)).toContain('nesting-too-deep')
    const words = allText(edition)
    expect(words).toContain('deep')
    expect(words).toContain('after')
  })

  it('a list nested 1,000 levels by indentation (Markdown), every item kept', async () => {
    const items = Array.from({length: 1000}, (_, i) => `${'  '.repeat(i)}- item${i}`)
    const {edition, messages} = await ingest('s/deep.md', `# T\n\n${items.join('\n')}\n\nafter\n`)
    expect(messages.map((message) => message.code)).toContain('nesting-too-deep')
    const words = allText(edition).split(/\s+/u)
    for (const word of ['item0', 'item99', 'item100', 'item101', 'item999', 'after']) expect(words).toContain(word)
  })

  it.each([
    ['<div>', `<html><body><h1>T</h1>${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}<p>after</p></body></html>`],
    ['<ul><li>', `<html><body><h1>T</h1>${'<ul><li>'.repeat(5000)}deep${'</li></ul>'.repeat(5000)}<p>after</p></body></html>`]
  ])('%s × thousands (HTML)', async (_name, html) => {
    const {edition, messages} = await ingest('s/deep.html', html)
    expect(messages.map((message) => message.code)).toContain('nesting-too-deep')
    expect(allText(edition)).toMatch(/deep.*after/su)
  })

  it('HTML blocks in Markdown too', async () => {
    const {edition, messages} = await ingest(
      's/deep.md',
      `# T\n\n<div>\n${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}\n</div>\n\nafter\n`
    )
    expect(messages.map((message) => message.code)).toContain('nesting-too-deep')
    expect(allText(edition)).toMatch(/deep.*after/su)
  })

  it('5,000 unclosed <p> and <li> are no deep nesting', async () => {
    const html = `<html><body><h1>T</h1>${'<p>para'.repeat(3000)}<ul>${'<li>item'.repeat(2000)}</ul><p>after</body></html>`
    const {edition, messages} = await ingest('s/flat.html', html)
    expect(messages.map((message) => message.code)).not.toContain('nesting-too-deep')
    expect(edition.words).toBe(5001)
  })
})

describe('an HTML comment opened and never closed', () => {
  it.each([
    ['Markdown', 's/c.md', '# T\n\nintro\n\n<!-- never closed\n\n## Later\n\nlater text\n'],
    ['HTML', 's/c.html', '<html><body><h1>T</h1><p>intro</p><!-- closed --><!-- never closed<h2>Later</h2><p>later text</p></body></html>']
  ])('in %s keeps the text after it, with a warning', async (_name, file, text) => {
    const {edition, messages} = await ingest(file, text)
    expect(messages.filter((message) => message.code === 'unclosed-comment')).toHaveLength(1)
    expect(edition.sections.map((section) => section.title)).toEqual(['Later'])
    expect(allText(edition)).toContain('later text')
  })

  it('a closed comment is still dropped without a word', async () => {
    const {edition, messages} = await ingest('s/c.md', '# T\n\nintro\n\n<!-- hidden -->\n\nafter\n')
    expect(messages).toEqual([])
    expect(allText(edition)).not.toContain('hidden')
  })
})

describe('the nesting bounds leave ordinary text alone', () => {
  it('Markdown within the bound comes back as it was', () => {
    const text = `# T\n\n${Array.from({length: 100}, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n')}\n${'> '.repeat(100)}quote\n`
    expect(boundMarkdownNesting(text)).toEqual({text, messages: []})
  })

  it('HTML within the bound comes back as it was', () => {
    const html = `${'<div>'.repeat(256)}x${'</div>'.repeat(256)}${'<p>a'.repeat(1000)}`
    expect(boundHtmlNesting(html)).toEqual({html, messages: []})
  })
})

describe('20,000 headings are read and compared in bounded time (item 4)', () => {
  // Levels 1, 2, 3 in turn, as a long report's chapters, sections and subsections: the parse is
  // cut in chunks before each heading, and every one comes back in order.
  const text = Array.from(
    {length: 20_000},
    (_, i) => `${'#'.repeat((i % 3) + 1)} Heading ${i}\n\nSome words of text number ${i} here.`
  ).join('\n\n')

  let read: ReturnType<typeof ingest> | null = null
  const readOnce = (): ReturnType<typeof ingest> => {
    read ??= ingest('s/headings.md', text)
    return read
  }

  it('every heading is a section, in order, with its text', async () => {
    const {edition} = await readOnce()
    const flat = flattenSections(edition)
    expect(flat).toHaveLength(20_000)
    expect(flat.map(({section}) => section.title).slice(-2)).toEqual(['Heading 19998', 'Heading 19999'])
    expect(blocksToText(flat.at(-1)!.section.blocks)).toBe('Some words of text number 19999 here.')
    expect(edition.sections.length).toBe(Math.ceil(20_000 / 3))
  }, 240_000)

  it('compared with itself, every section is unchanged', async () => {
    const {edition} = await readOnce()
    const result = compareEditions(edition, edition)
    expect(result.summary.unchanged).toBe(20_000)
    expect(result.summary.wordsAdded + result.summary.wordsRemoved).toBe(0)
  }, 240_000)
})
