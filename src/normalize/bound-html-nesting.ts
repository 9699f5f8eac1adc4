import type {Message} from '../model/edition.js'

/**
 * Deepest element nesting kept as written. Browsers flatten past 512 (Chromium's parser); every
 * level costs the HTML-to-Markdown conversion several stack frames, so ours stops sooner.
 */
export const maxHtmlNesting = 256

// Elements that never hold children, and those whose content is text, not tags.
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr'
])
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext', 'noscript', 'iframe', 'noembed', 'noframes'])
// Elements an HTML parser closes by itself when a sibling of the same kind opens (`<li>a<li>b`).
const selfClosingSiblings: Record<string, readonly string[]> = {
  p: ['p'],
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  option: ['option']
}
// Where that implied closing stops looking.
const scopes = new Set(['ul', 'ol', 'dl', 'table', 'tbody', 'thead', 'tfoot', 'div', 'section', 'article', 'body', 'html', 'select'])

// A tag, or a comment (whose `<p>`s are no tags). Attribute runs are bounded so that a `<` without
// its `>` costs a bounded scan, not one to the end of the page.
const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]{0,4096}"|'[^']{0,4096}'){0,4096}?(\/?)>/gu

/** HTML whose elements nest at most {@link maxHtmlNesting} deep, and what was flattened. */
export interface BoundedHtml {
  html: string
  messages: Message[]
}

/**
 * Flatten HTML nested deeper than the conversion can bear: the start and end tags of elements
 * deeper than {@link maxHtmlNesting} are removed, so their content joins their ancestor at the
 * limit. Text is kept. Unclosed `<p>`, `<li>` and table cells close as a parser would close them,
 * so a long page of them is not taken for deep nesting. HTML within the bound comes back unchanged.
 */
export function boundHtmlNesting(html: string): BoundedHtml {
  // Fast path: fewer tags than the bound cannot nest past it.
  if (countOpenings(html) <= maxHtmlNesting) return {html, messages: []}
  const stack: string[] = []
  // How many start tags were removed and are still open, by name, so their end tags go too.
  const removedOpen = new Map<string, number>()
  let removed = 0
  let stillOpen = 0
  let raw: string | null = null
  const bounded = html.replace(tag, (match: string, slash: string, rawName: string | undefined, selfClose: string) => {
    if (rawName === undefined) return match
    const name = rawName.toLowerCase()
    if (raw !== null) {
      if (slash && name === raw) raw = null
      return match
    }
    if (slash) {
      const open = removedOpen.get(name) ?? 0
      if (open > 0) {
        removedOpen.set(name, open - 1)
        stillOpen--
        return ''
      }
      const at = stack.lastIndexOf(name)
      if (at >= 0) stack.length = at
      return match
    }
    if (voidElements.has(name) || selfClose) return match
    const siblings = selfClosingSiblings[name]
    // Below removed elements the parser's siblings are out of sight: close nothing.
    if (siblings && stillOpen === 0) {
      for (let i = stack.length - 1; i >= 0 && !scopes.has(stack[i]!); i--) {
        if (siblings.includes(stack[i]!)) {
          stack.length = i
          break
        }
      }
    }
    if (rawText.has(name)) raw = name
    if (stack.length >= maxHtmlNesting) {
      removed++
      if (raw === null) {
        removedOpen.set(name, (removedOpen.get(name) ?? 0) + 1)
        stillOpen++
      }
      return raw === null ? '' : match
    }
    if (raw === null) stack.push(name)
    return match
  })
  if (removed === 0) return {html, messages: []}
  return {
    html: bounded,
    messages: [
      {
        severity: 'warning',
        code: 'nesting-too-deep',
        text: `${removed} HTML element(s) nest more than ${maxHtmlNesting} levels deep; they were flattened, their text kept`
      }
    ]
  }
}

function countOpenings(html: string): number {
  let count = 0
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) if (++count > maxHtmlNesting) break
  return count
}
