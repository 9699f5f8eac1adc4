import type {Element, Root as HastRoot, RootContent as HastContent} from 'hast'
import type {Root} from 'mdast'
import {toText as hastText} from 'hast-util-to-text'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import {unified} from 'unified'
import type {ParsedDocument} from '../model/edition.js'

// Page chrome, not document text.
const dropped = new Set(['script', 'style', 'nav', 'header', 'footer', 'noscript', 'template', 'iframe', 'object', 'svg'])

/** Convert an HTML document or fragment to mdast, without the page chrome. */
export function htmlToMdast(html: string, options: {fragment?: boolean} = {}): {root: Root; hast: HastRoot} {
  const hast = unified().use(rehypeParse, {fragment: options.fragment ?? false}).parse(html)
  prune(hast)
  const root = unified().use(rehypeRemark).runSync(hast) as Root
  return {root, hast}
}

function prune(node: HastRoot | Element): void {
  node.children = node.children.filter(
    (child: HastContent) => !(child.type === 'element' && dropped.has(child.tagName)) && child.type !== 'comment'
  ) as typeof node.children
  for (const child of node.children) if (child.type === 'element') prune(child)
}

function findElement(node: HastRoot | Element, tagName: string): Element | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === tagName) return child
    const found = findElement(child, tagName)
    if (found) return found
  }
  return null
}

/** Read an HTML edition: the body as mdast, `<title>` as the document title, `<html lang>` as its language. */
export function fromHtml(html: string): ParsedDocument {
  // `<title>` lives in `<head>`, which the conversion drops: read it from a parse of its own.
  const full = unified().use(rehypeParse).parse(html)
  const titleElement = findElement(full, 'title')
  const title = titleElement ? hastText(titleElement).replace(/\s+/gu, ' ').trim() : ''
  const htmlElement = findElement(full, 'html')
  const lang = htmlElement?.properties?.['lang']
  const {root} = htmlToMdast(html)
  const frontMatter: Record<string, unknown> = {}
  if (typeof lang === 'string' && lang.trim() !== '') frontMatter['language'] = lang.trim()
  return {root, title: title === '' ? null : title, frontMatter, toc: [], messages: []}
}
