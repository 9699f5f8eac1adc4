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
  const {root, messages} = convertHtml(html)
  const frontMatter: Record<string, unknown> = {}
  if (typeof lang === 'string' && lang.trim() !== '') frontMatter.language = lang.trim()
  return {root, title: title === '' ? null : title, frontMatter, toc: [], messages}
}

// The converter gathers an element's converted children by spreading each child's list into its
// own: some 120,000 blocks side by side in one element overflow the stack (a 50 MB page of <h2> and
// <p> in one <body>), after a minute's work. That is a limit of the converter, told as such.
function convertHtml(html: string): ReturnType<typeof htmlToMdast> {
  try {
    return htmlToMdast(html)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new InputError('too many blocks side by side in one element for the HTML converter (some 100,000 or more)', {
      hint: 'split the page into several, or save it as PDF or Word and give that'
    })
  }
}
