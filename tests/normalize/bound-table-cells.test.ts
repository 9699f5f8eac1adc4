import type {Paragraph, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {boundTableCells, maxTableCells} from '../../src/normalize/bound-table-cells.js'
import {parseMarkdown} from '../../src/normalize/parse-markdown.js'

const row = (cells: number, name = 'c') => `|${Array.from({length: cells}, (_, index) => `${name}${index}`).join('|')}|`
const delimiter = (cells: number) => `|${Array.from({length: cells}, () => '-').join('|')}|`

describe('boundTableCells', () => {
  it('keeps a table of as many columns as the bound, unchanged', () => {
    const text = `${row(maxTableCells - 1)}\n${delimiter(maxTableCells - 1)}\n${row(maxTableCells - 1, 'v')}\n`
    expect(boundTableCells(text)).toEqual({text, messages: []})
    expect(parseMarkdown(text).root.children[0]?.type).toBe('table')
  })

  it('reads a table wider than the bound as a paragraph, every character of its text kept, with a warning', () => {
    const text = `# T\n\n${row(maxTableCells + 5)}\n${delimiter(maxTableCells + 5)}\n${row(maxTableCells + 5, 'v')}\n`
    const {root, messages} = parseMarkdown(text)
    expect(root.children.map((node) => node.type)).toEqual(['heading', 'paragraph'])
    expect(toString(root.children[1] as Paragraph)).toBe(text.slice(5, -1))
    expect(messages).toEqual([expect.objectContaining({code: 'too-many-cells', line: 3})])
  })

  it('reads a body row wider than the bound as one cell of text; fenced code is left alone', () => {
    const wide = row(maxTableCells + 5, 'v')
    const fenced = `\`\`\`\n${wide}\n\`\`\`\n`
    const text = `| a | b |\n|---|---|\n| 1 | 2 |\n${wide}\n| 3 | 4 |\n\n${fenced}`
    const {root} = parseMarkdown(text)
    const table = root.children[0] as Table
    expect(table.children.map((tableRow) => tableRow.children.length)).toEqual([2, 2, 1, 2])
    expect(toString(table.children[2]!)).toBe(wide)
    expect(root.children[1]).toMatchObject({type: 'code', value: wide})
  })

  // The parser kept every cell's events: a row of 200,000 cells took 51 s and 3.3 GB.
  it('reads a row of 200,000 cells in bounded time', () => {
    const cells = 200_000
    const {root} = parseMarkdown(`${row(cells)}\n${delimiter(cells)}\n${row(cells, 'v')}\n`)
    expect(root.children.map((node) => node.type)).toEqual(['paragraph'])
  }, 10_000)
})
