import type {Element, Root as HastRoot, RootContent as HastContent} from 'hast'
import type {Nodes, Root} from 'mdast'
import type {Message} from '../model/edition.js'
import {boundHtmlNesting} from './bound-html-nesting.js'

// The one adapter of the HTML engine (unified + rehype). It lives in the normalise stage because both
// reading an HTML edition (`fromHtml`) and cleaning HTML blocks out of a Markdown one (`cleanTree`)
// convert HTML to mdast. It is loaded on first use, not at import: a Markdown edition without raw
// HTML, `wpdiff --help` and `import 'wpdiff'` never pay for it.
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
    throw new Error(
      'wpdiff: the HTML engine is not loaded — `await loadHtmlEngine()` before converting HTML (fromHtml and ingestEdition do it)'
    )
  }
  return engine
}

/**
 * Whether an mdast tree holds block HTML, which `cleanTree` converts with the HTML engine. Comments
 * (page markers) and HTML inside paragraphs, headings and table cells (`<br>`, `<sup>`), which it
 * drops or turns into a space, need no engine.
 */
export function holdsHtml(node: Nodes): boolean {
  // Asked of every edition's tree, twice for a PDF's: walked with a stack, not a call per node.
  const stack: Nodes[] = [node]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.type === 'html') {
      if (!next.value.trim().startsWith('<!--')) return true
    } else if (next.type !== 'paragraph' && next.type !== 'heading' && next.type !== 'table' && 'children' in next) {
      for (let index = next.children.length - 1; index >= 0; index--) stack.push(next.children[index]!)
    }
  }
  return false
}

// Page chrome, not document text.
const dropped = new Set(['script', 'style', 'nav', 'header', 'footer', 'noscript', 'template', 'iframe', 'object', 'svg'])

/** An HTML document as hast, whole (`<head>` included). Needs the engine loaded ({@link loadHtmlEngine}). */
export function parseHtml(html: string): HastRoot {
  return loadedEngine().parse(boundHtmlNesting(closeComment(html).html).html, false)
}

/** The text of an element, as a browser would render it. Needs the engine loaded. */
export function htmlElementText(element: Element): string {
  return loadedEngine().toText(element)
}

/**
 * Convert an HTML document or fragment to mdast, without the page chrome. Synchronous, so it needs
 * the engine loaded first ({@link loadHtmlEngine}). Elements nested past `maxHtmlNesting` are
 * flattened, with a warning.
 */
export function htmlToMdast(html: string, options: {fragment?: boolean} = {}): {root: Root; hast: HastRoot; messages: Message[]} {
  const {parse, toMdast} = loadedEngine()
  const closed = closeComment(html)
  const bounded = boundHtmlNesting(closed.html)
  const hast = parse(bounded.html, options.fragment ?? false)
  prune(hast)
  return {root: toMdast(hast), hast, messages: [...closed.messages, ...bounded.messages]}
}

/**
 * A comment opened and never closed hides the rest of the page from a parser. Its opener is
 * taken for a typo and removed, so the text after it is read, with a warning.
 */
function closeComment(html: string): {html: string; messages: Message[]} {
  let open = html.indexOf('<!--')
  while (open >= 0) {
    const close = html.indexOf('-->', open + 4)
    if (close < 0) {
      const snippet = html
        .slice(open + 4, open + 40)
        .split('<')[0]!
        .replace(/\s+/gu, ' ')
        .trim()
      return {
        html: html.slice(0, open) + html.slice(open + 4),
        messages: [
          {
            severity: 'warning',
            code: 'unclosed-comment',
            text: `an HTML comment is opened and never closed ("<!--${snippet === '' ? '' : ` ${snippet}`}…"); the text after it was kept`
          }
        ]
      }
    }
    open = html.indexOf('<!--', close + 3)
  }
  return {html, messages: []}
}

function prune(node: HastRoot | Element): void {
  const kept = node.children.filter(
    (child: HastContent) => !(child.type === 'element' && dropped.has(child.tagName)) && child.type !== 'comment'
  )
  node.children = (
    node.type === 'element' && keepsWhitespace.has(node.tagName) ? kept : dropInterBlockWhitespace(kept)
  ) as typeof node.children
  for (const child of node.children) if (child.type === 'element') prune(child)
}

// Blocks (all of them blocks to the whitespace pass of the converter too) and the elements whose white space is text.
const blocks = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'blockquote',
  'section',
  'article',
  'hr',
  'dl',
  'dd',
  'dt'
])
const keepsWhitespace = new Set(['pre', 'textarea', 'listing', 'plaintext'])
const isBlock = (node: HastContent | undefined): boolean => node?.type === 'element' && blocks.has(node.tagName)

/**
 * White space between two blocks, which the converter's whitespace pass removes one `splice` at a
 * time (each moving every sibling after it): quadratic in the siblings, 17 s for 60,000 `<p>` on
 * their own lines. Removed here in one pass, the same tree after that pass.
 */
function dropInterBlockWhitespace(children: HastContent[]): HastContent[] {
  return children.filter(
    (child, index) =>
      !(child.type === 'text' && /^[ \t\n\f\r]*$/u.test(child.value) && isBlock(children[index - 1]) && isBlock(children[index + 1]))
  )
}
