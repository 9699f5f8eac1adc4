import type {BlockContent, Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {fromHtml, holdsHtml, htmlToMdast, loadHtmlEngine} from '../../src/ingest/from-html.js'
import {fromMarkdown} from '../../src/ingest/from-markdown.js'

const tree = (markdown: string): Root => fromMarkdown(markdown).root

describe('the HTML adapter', () => {
  // First in this file: vitest gives each test file a fresh module graph, so the engine is not loaded yet.
  it('converts HTML synchronously only once the engine is loaded, and says how to load it', async () => {
    expect(() => htmlToMdast('<p>x</p>', {fragment: true})).toThrow(/await loadHtmlEngine\(\)/u)
    await loadHtmlEngine()
    expect(htmlToMdast('<p>x</p>', {fragment: true}).root.children.map((node) => node.type)).toEqual(['paragraph'])
  })

  it('loads the engine itself in fromHtml, and reads the title and language', async () => {
    const parsed = await fromHtml(
      '<!doctype html><html lang="fr"><head><title> Rapport  2024 </title></head><body><h1>Un</h1><p>texte</p></body></html>'
    )
    expect(parsed.title).toBe('Rapport 2024')
    expect(parsed.frontMatter).toEqual({language: 'fr'})
    expect(parsed.root.children.map((node) => node.type)).toEqual(['heading', 'paragraph'])
  })

  it('drops the white space between blocks itself, in one pass: the tree the converter gives', async () => {
    await loadHtmlEngine()
    const {unified} = await import('unified')
    const {default: rehypeParse} = await import('rehype-parse')
    const {default: rehypeRemark} = await import('rehype-remark')
    const page =
      '<html><body>\n <h1>T</h1>\n\t<p>a <b>b</b> </p>  <p> c</p>\n<div>\n<p>d</p>\n <ul>\n <li>e</li>\n <li> <p>f</p> </li>\n</ul>\n</div>\n' +
      'text <span>g</span>\n<p>h</p> <pre>\n<p>i</p>\n  <p>j</p>\n</pre>\n<blockquote>\n<p>k</p>\n</blockquote> <table>\n<tr>\n<td>l</td> <td>m</td></tr>\n</table>\n</body></html>'
    const converter = unified().use(rehypeParse).use(rehypeRemark)
    const expected = converter.runSync(converter.parse(page)) as Root
    expect(htmlToMdast(page).root).toEqual(expected)
  })

  it('tells which Markdown trees hold block HTML that cleanTree converts with the engine', () => {
    expect(holdsHtml(tree('# T\n\n<table><tr><td>a</td></tr></table>\n'))).toBe(true)
    expect(holdsHtml(tree('- item\n\n  <div>a</div>\n'))).toBe(true)
    expect(holdsHtml(tree('# T\n\n<!-- page: 3 -->\n\ntext\n'))).toBe(false)
    expect(holdsHtml(tree('a<br>b <sup>2</sup>\n\n| a<br>b |\n| - |\n'))).toBe(false)
    expect(holdsHtml(tree('# T <span>x</span>\n\nplain\n'))).toBe(false)
  })

  it('walks a tree of any depth without running out of stack', () => {
    // A tree built in code may nest deeper than the Markdown reader lets a document nest.
    const nested = (bottom: BlockContent): Root => {
      let node: BlockContent = bottom
      for (let depth = 0; depth < 50_000; depth++) node = {type: 'blockquote', children: [node]}
      return {type: 'root', children: [node]}
    }
    expect(holdsHtml(nested({type: 'html', value: '<div>a</div>'}))).toBe(true)
    expect(holdsHtml(nested({type: 'html', value: '<!-- page: 3 -->'}))).toBe(false)
  })
})
