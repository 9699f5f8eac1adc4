import type {Element, Root as HastRoot, RootContent as HastContent} from 'hast'
import type {Root} from 'mdast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import {unified} from 'unified'

// The one adapter of rehype. It lives in the normalise stage because both reading an HTML edition
// (`fromHtml`) and cleaning HTML blocks out of a Markdown one (`cleanTree`) convert HTML to mdast.

// Page chrome, not document text.
const dropped = new Set(['script', 'style', 'nav', 'header', 'footer', 'noscript', 'template', 'iframe', 'object', 'svg'])

/** An HTML document as hast, whole (`<head>` included). */
export function parseHtml(html: string): HastRoot {
  return unified().use(rehypeParse).parse(html)
}

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

