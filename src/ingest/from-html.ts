import type {Element, Root as HastRoot} from 'hast'
import type {ParsedDocument} from '../model/edition.js'
import {InputError} from '../model/errors.js'
import {htmlElementText, htmlToMdast, loadHtmlEngine, parseHtml} from '../normalize/html-to-mdast.js'

export {holdsHtml, htmlToMdast, loadHtmlEngine} from '../normalize/html-to-mdast.js'

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
  // `<title>` lives in `<head>`, which the conversion drops: read it from a parse of its own.
  const full = parseHtml(html)
  const titleElement = findElement(full, 'title')
  const title = titleElement ? htmlElementText(titleElement).replace(/\s+/gu, ' ').trim() : ''
  const htmlElement = findElement(full, 'html')
  const lang = htmlElement?.properties?.lang
  // Told before the conversion, which would take minutes to overflow (80 s for 500,000 <p>).
  if (widestElement(full) > maxSideBySide) throw tooManySideBySide()
  const {root, messages} = convertHtml(html)
  const frontMatter: Record<string, unknown> = {}
  if (typeof lang === 'string' && lang.trim() !== '') frontMatter.language = lang.trim()
  return {root, title: title === '' ? null : title, frontMatter, toc: [], messages}
}

/**
 * Blocks side by side in one element that the converter is not asked to hold: it gathers an
 * element's converted children by spreading each child's list into its own, and some 120,000
 * overflow the stack (a 50 MB page of <h2> and <p> in one <body>), after a minute's work; 130,000
 * <p> always did. Fewer are converted, and where they still overflow it, refused then.
 */
const maxSideBySide = 130_000

function tooManySideBySide(): InputError {
  return new InputError('too many blocks side by side in one element for the HTML converter (some 100,000 or more)', {
    hint: 'split the page into several, or save it as PDF or Word and give that'
  })
}

// The most children, white space aside, that one element of the tree holds.
function widestElement(root: HastRoot): number {
  let widest = 0
  const stack: (HastRoot | Element)[] = [root]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    let count = 0
    for (const child of node.children) {
      if (child.type === 'element') {
        count++
        stack.push(child)
      } else if (child.type === 'text' && child.value.trim() !== '') count++
    }
    widest = Math.max(widest, count)
  }
  return widest
}

// That limit met in the conversion itself, where a page's shape overflows it below the count above.
function convertHtml(html: string): ReturnType<typeof htmlToMdast> {
  try {
    return htmlToMdast(html)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw tooManySideBySide()
  }
}
