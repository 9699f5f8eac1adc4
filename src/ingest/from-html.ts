import type {Element, Root as HastRoot, RootContent as HastContent} from 'hast'
import type {Nodes, Root} from 'mdast'
import type {ParsedDocument} from '../model/edition.js'

// The one adapter for the HTML engine (unified + rehype). It is loaded on first use, not at
// import: a Markdown edition without raw HTML, `wpdiff --help` and `import 'wpdiff'` never pay for it.
interface HtmlEngine {
  parse(html: string, fragment: boolean): HastRoot
  toMdast(hast: HastRoot): Root
  toText(element: Element): string
}

let engine: HtmlEngine | undefined

/**
 * Load the HTML engine, once. `fromHtml` and `ingestEdition` call it themselves; call it before
 * `cleanTree` on a tree of your own that holds raw HTML (see {@link holdsHtml}).
 */
export async function loadHtmlEngine(): Promise<void> {
  if (engine) return
  const [{unified}, {default: rehypeParse}, {default: rehypeRemark}, {toText}] = await Promise.all([
    import('unified'),
    import('rehype-parse'),
    import('rehype-remark'),
    import('hast-util-to-text')
  ])
  engine = {
    parse: (html, fragment) => unified().use(rehypeParse, {fragment}).parse(html),
    toMdast: (hast) => unified().use(rehypeRemark).runSync(hast) as Root,
    toText: (element) => toText(element)
  }
}

function loadedEngine(): HtmlEngine {
  if (!engine) {
    throw new Error('wpdiff: the HTML engine is not loaded — `await loadHtmlEngine()` before converting HTML (fromHtml and ingestEdition do it)')
  }
  return engine
}

/**
 * Whether an mdast tree holds block HTML, which `cleanTree` converts with the HTML engine. Comments
 * (page markers) and HTML inside paragraphs, headings and table cells (`<br>`, `<sup>`), which it
 * drops or turns into a space, need no engine.
 */
export function holdsHtml(node: Nodes): boolean {
  if (node.type === 'html') return !node.value.trim().startsWith('<!--')
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return false
  return 'children' in node && node.children.some((child) => holdsHtml(child))
}

// Page chrome, not document text.
const dropped = new Set(['script', 'style', 'nav', 'header', 'footer', 'noscript', 'template', 'iframe', 'object', 'svg'])

/**
 * Convert an HTML document or fragment to mdast, without the page chrome. Synchronous, so it needs
 * the engine loaded first ({@link loadHtmlEngine}).
 */
export function htmlToMdast(html: string, options: {fragment?: boolean} = {}): {root: Root; hast: HastRoot} {
  const {parse, toMdast} = loadedEngine()
  const hast = parse(html, options.fragment ?? false)
  prune(hast)
  return {root: toMdast(hast), hast}
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
export async function fromHtml(html: string): Promise<ParsedDocument> {
  await loadHtmlEngine()
  const {parse, toText} = loadedEngine()
  // `<title>` lives in `<head>`, which the conversion drops: read it from a parse of its own.
  const full = parse(html, false)
  const titleElement = findElement(full, 'title')
  const title = titleElement ? toText(titleElement).replace(/\s+/gu, ' ').trim() : ''
  const htmlElement = findElement(full, 'html')
  const lang = htmlElement?.properties?.['lang']
  const {root} = htmlToMdast(html)
  const frontMatter: Record<string, unknown> = {}
  if (typeof lang === 'string' && lang.trim() !== '') frontMatter['language'] = lang.trim()
  return {root, title: title === '' ? null : title, frontMatter, toc: [], messages: []}
}
