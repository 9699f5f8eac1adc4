import {describe, expect, it} from 'vitest'
import {formatMessages, groupMessages, printMessages} from '../../src/cli/print-messages.js'
import type {Message} from '../../src/model/edition.js'
import {fakeIo} from './fake-io.js'

const missing = (heading: string, page: number): Message => ({
  severity: 'warning',
  code: 'heading-not-in-toc',
  text: `heading "${heading}" is missing from the contents`,
  actual: heading,
  page
})

const messages: Message[] = [
  missing('Foo', 3),
  {severity: 'info', code: 'toc-found', text: 'table of contents with 4 entries'},
  missing('Bar', 4),
  {severity: 'warning', code: 'page-without-text', text: 'page 9 has no text layer (scanned?); its content is missing', page: 9},
  missing('Baz', 5),
  missing('Qux', 7),
  {severity: 'warning', code: 'some-new-kind', text: 'first odd thing', line: 2},
  {severity: 'warning', code: 'some-new-kind', text: 'second odd thing', line: 8},
  {severity: 'info', code: 'heading-not-in-toc', text: 'heading "Deep" is missing from the contents', actual: 'Deep', page: 8}
]

describe('groupMessages', () => {
  it('groups by severity and code, in order of first appearance, keeping every message once', () => {
    const groups = groupMessages(messages)
    expect(groups.map(({severity, code, messages: list}) => [severity, code, list.length])).toEqual([
      ['warning', 'heading-not-in-toc', 4],
      ['info', 'toc-found', 1],
      ['warning', 'page-without-text', 1],
      ['warning', 'some-new-kind', 2],
      ['info', 'heading-not-in-toc', 1]
    ])
    expect(groups.flatMap((group) => group.messages).sort((a, b) => messages.indexOf(a) - messages.indexOf(b))).toEqual(messages)
  })
})

describe('formatMessages', () => {
  it('prints one line per kind of warning: a lone one as itself, a repeated one counted with the first examples', () => {
    expect(formatMessages('guide.pdf', messages, {})).toEqual([
      'wpdiff: guide.pdf: warning: 4 headings are missing from the contents (first: "Foo" p. 3, "Bar" p. 4, "Baz" p. 5); --verbose lists all 4',
      'wpdiff: guide.pdf p. 9: warning: page 9 has no text layer (scanned?); its content is missing',
      'wpdiff: guide.pdf: warning: 2 warnings like: first odd thing (line 2); --verbose lists all 2'
    ])
  })

  it('lists every message, info included, with --verbose', () => {
    const lines = formatMessages('guide.pdf', messages, {verbose: true})
    expect(lines).toHaveLength(messages.length)
    expect(lines[0]).toBe('wpdiff: guide.pdf p. 3: warning: heading "Foo" is missing from the contents')
    expect(lines[1]).toBe('wpdiff: guide.pdf: info: table of contents with 4 entries')
    expect(lines[6]).toBe('wpdiff: guide.pdf:2: warning: first odd thing')
  })

  it('prints nothing with --quiet, even with --verbose', () => {
    expect(formatMessages('guide.pdf', messages, {quiet: true, verbose: true})).toEqual([])
  })

  it('shortens a long subject in the examples', () => {
    const long = 'A paragraph that layout made look like a heading, long enough to fill a terminal line'
    const [line] = formatMessages('guide.pdf', [missing(long, 1), missing('Short', 2)], {})
    expect(line).toContain('(first: "A paragraph that layout made look like a heading, long enou…" p. 1, "Short" p. 2)')
  })

  it('prints at most one line per kind however many messages there are', () => {
    const many = Array.from({length: 700}, (_, index) => missing(`Heading ${index}`, index + 1))
    const lines = formatMessages('long.pdf', many, {})
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^wpdiff: long\.pdf: warning: 700 headings are missing from the contents \(first: "Heading 0" p\. 1, "Heading 1" p\. 2, "Heading 2" p\. 3\); --verbose lists all 700$/u
    )
  })
})

describe('printMessages', () => {
  it('writes the formatted lines to stderr and nothing to stdout', () => {
    const io = fakeIo()
    printMessages(io, 'guide.pdf', messages, {})
    expect(io.err()).toBe(`${formatMessages('guide.pdf', messages, {}).join('\n')}\n`)
    expect(io.out()).toBe('')
  })
})
