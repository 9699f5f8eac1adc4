import type {Definition, Heading, Nodes, Paragraph, Parents, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Message} from '../model/edition.js'
import {htmlToMdast} from './html-to-mdast.js'
import {parseMarkdown} from './parse-markdown.js'
import {blocksToMarkdown} from './to-normalized-markdown.js'

/** The comment the normalised format uses to record where a page of the original begins. */
export const pageMarker = /^<!--\s*page:\s*(\d+)\s*-->$/u

// kramdown / Python-Markdown attribute lists: `{: .class style="…"}`, `{#id}`, `{.class}`.
const attributeList = /\s*\{(?::[^}\n]*|#[\w:.-]+(?:\s[^}\n]*)?|\.[\w-]+(?:\s[^}\n]*)?)\}/gu
// Chinese and Japanese are written without spaces between words; Korean is not.
const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}。、，！？；：「」『』（）]/u

/**
 * Make any adapter's mdast the clean tree the normalised format holds: headings as plain text,
 * no attribute lists, images in headings, comments or inline HTML; block HTML converted to
 * Markdown; reference links resolved; hard-wrapped lines re-joined into single paragraphs.
 * Mutates and returns `root`.
 */
export function cleanTree(root: Root): {root: Root; messages: Message[]} {
  const messages: Message[] = []
  const definitions = new Map<string, Definition>()
  collectDefinitions(root, definitions)
  let page: number | null = null
  const children: RootContent[] = []
  for (const node of root.children) {
    if (node.type === 'html') {
      const marker = pageMarker.exec(node.value.trim())
      if (marker) {
        page = Number(marker[1])
        continue
      }
    }
    for (const cleaned of cleanBlock(node, definitions, messages)) {
      if (page !== null) cleaned.data = {...cleaned.data, page} as typeof cleaned.data
      children.push(cleaned)
    }
  }
  root.children = children
  return {root, messages}
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') into.set(node.identifier, node)
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into)
}

function cleanBlock(node: RootContent, definitions: Map<string, Definition>, messages: Message[]): RootContent[] {
  switch (node.type) {
    case 'definition':
      return []
    case 'html': {
      const value = node.value.trim()
      if (value.startsWith('<!--') && !value.includes('-->')) {
        // Markdown ends an unclosed comment at the end of the document: everything after it would
        // vanish. Take the opener for a typo and read on.
        messages.push({
          severity: 'warning',
          code: 'unclosed-comment',
          text: 'an HTML comment is opened and never closed; the text after it was kept',
          ...(node.position ? {line: node.position.start.line} : {})
        })
        const rest = parseMarkdown(value.slice(4))
        messages.push(...rest.messages)
        return rest.root.children.flatMap((child) => cleanBlock(child, definitions, messages))
      }
      if (value.startsWith('<!--')) return []
      // What HTML converts to need not survive a trip through Markdown (a table whose rows have
      // uneven cells, a list in a cell): settle it now, so the edition is what its Markdown reads as.
      const {root: converted, messages: conversion} = htmlToMdast(value, {fragment: true})
      messages.push(...conversion)
      const cleaned = converted.children.flatMap((child) => cleanBlock(child, definitions, messages))
      const settled = parseMarkdown(blocksToMarkdown(cleaned)).root
      return settled.children.flatMap((child) => cleanBlock(child, definitions, messages))
    }
    case 'heading': {
      const text = headingText(node)
      if (text === '') {
        messages.push({
          severity: 'info',
          code: 'empty-heading',
          text: 'a heading with no text was dropped',
          ...(node.position ? {line: node.position.start.line} : {})
        })
        return []
      }
      const heading: Heading = {type: 'heading', depth: node.depth, children: [{type: 'text', value: text}]}
      if (node.position) heading.position = node.position
      if (node.data) heading.data = node.data
      return [heading]
    }
    case 'paragraph': {
      if (isCleanLine(node)) return [node]
      cleanInline(node, definitions)
      return isBlank(node) ? [] : [node]
    }
    case 'code':
    case 'thematicBreak':
    case 'yaml':
      return node.type === 'yaml' ? [] : [node]
    default: {
      if ('children' in node) {
        cleanChildren(node, definitions, messages)
        if (node.type === 'blockquote' || node.type === 'list' || node.type === 'footnoteDefinition') {
          return node.children.length === 0 ? [] : [node]
        }
      }
      return [node]
    }
  }
}

// Lists, list items, tables, quotes: clean nested blocks and the phrasing content of cells.
function cleanChildren(node: Parents, definitions: Map<string, Definition>, messages: Message[]): void {
  if (node.type === 'tableCell') {
    node.children = flattenToPhrasing(node.children as Nodes[]) as typeof node.children
    cleanInline(node, definitions)
    return
  }
  if (node.type === 'tableRow' || node.type === 'table') {
    for (const child of node.children) cleanChildren(child as Parents, definitions, messages)
    return
  }
  const next: Nodes[] = []
  for (const child of node.children as RootContent[]) {
    if (child.type === 'listItem') {
      cleanChildren(child, definitions, messages)
      next.push(child)
    } else next.push(...cleanBlock(child, definitions, messages))
  }
  ;(node as {children: Nodes[]}).children = next
}

/** Clean phrasing content in place: resolve references, drop inline HTML and attribute lists, join lines. */
function cleanInline(node: Parents, definitions: Map<string, Definition>, nested = false): void {
  const out: PhrasingContent[] = []
  for (const child of node.children as PhrasingContent[]) {
    switch (child.type) {
      case 'html':
        // `<br>` separates words; other tags only wrap text that sits in sibling nodes.
        if (/^<br\s*\/?>$/iu.test(child.value.trim())) out.push({type: 'text', value: ' '})
        break
      case 'linkReference': {
        const definition = definitions.get(child.identifier)
        cleanInline(child, definitions, true)
        if (definition) {
          out.push({type: 'link', url: definition.url, title: definition.title ?? null, children: child.children})
        } else out.push(...child.children)
        break
      }
      case 'imageReference': {
        const definition = definitions.get(child.identifier)
        if (definition) out.push({type: 'image', url: definition.url, title: definition.title ?? null, alt: child.alt ?? ''})
        break
      }
      case 'text':
        // An attribute list needs a brace: most text has none, and the pattern would scan it all.
        out.push({...child, value: child.value.includes('{') ? child.value.replace(attributeList, '') : child.value})
        break
      default:
        if ('children' in child) cleanInline(child, definitions, true)
        out.push(child)
    }
  }
  if (nested) {
    // Line ends inside a link or emphasis are joined with the rest of the paragraph.
    node.children = joinText(out) as typeof node.children
    return
  }
  // A hard break at either end of a paragraph breaks nothing, and at the end it would be written
  // as a lone backslash that reads back as text.
  while (out[0]?.type === 'break') out.shift()
  while (out.at(-1)?.type === 'break' || (out.at(-1)?.type === 'text' && (out.at(-1) as Text).value.trim() === '' && out.length > 1))
    out.pop()
  node.children = joinText(out) as typeof node.children
  joinLines(node)
}

// A GFM table cell holds one line of phrasing content; HTML tables carry lists and paragraphs in
// cells. Keep their text, with `; ` between list items and a space between paragraphs.
function flattenToPhrasing(nodes: Nodes[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  const separate = (separator: string): void => {
    if (out.length > 0) out.push({type: 'text', value: separator})
  }
  for (const node of nodes) {
    if (node.type === 'list') {
      for (const item of node.children) {
        separate('; ')
        out.push(...flattenToPhrasing(item.children))
      }
    } else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'blockquote' || node.type === 'listItem') {
      separate(' ')
      out.push(...flattenToPhrasing(node.children as Nodes[]))
    } else if (node.type === 'code') {
      separate(' ')
      out.push({type: 'inlineCode', value: node.value.replace(/\s+/gu, ' ')})
    } else if (node.type === 'table' || node.type === 'tableRow' || node.type === 'tableCell') {
      separate(' ')
      out.push(...flattenToPhrasing(node.children as Nodes[]))
    } else if (node.type === 'thematicBreak' || node.type === 'definition' || node.type === 'yaml') {
    } else out.push(node as PhrasingContent)
  }
  return out
}

function joinText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text') last.value += node.value
    else out.push(node)
  }
  return out
}

// Re-join hard-wrapped lines: a line end inside a paragraph is a space, or nothing between two CJK
// characters (which are written without spaces).
function joinLines(node: Parents): void {
  const texts: Text[] = []
  const walk = (parent: Parents): void => {
    for (const child of parent.children) {
      if (child.type === 'text') texts.push(child)
      else if (child.type !== 'inlineCode' && 'children' in child) walk(child)
    }
  }
  walk(node)
  for (const [i, text] of texts.entries()) {
    // Normalised text has no line end, tab or double space: nothing to replace, so no pass over it.
    if (!/[\n\t]| {2}/u.test(text.value)) continue
    text.value = text.value
      .replace(/[ \t]*\n[ \t]*/gu, (_match, offset: number, whole: string) => {
        const before = whole[offset - 1] ?? texts[i - 1]?.value.at(-1) ?? ''
        const after = whole[offset + _match.length] ?? texts[i + 1]?.value[0] ?? ''
        return cjkChar.test(before) && cjkChar.test(after) ? '' : ' '
      })
      .replace(/[ \t]{2,}/gu, ' ')
  }
  // Trim the paragraph's ends only: a space before inline code or an image that ends the
  // paragraph (`word \`code\``), or after one that starts it, separates two words.
  const first = edgeLeaf(node, 0)
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/u, '')
  const last = edgeLeaf(node, -1)
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/u, '')
}

// The first (0) or last (-1) leaf of phrasing content, looking inside links and emphasis.
function edgeLeaf(node: Parents, end: 0 | -1): PhrasingContent | undefined {
  let leaf = node.children.at(end) as PhrasingContent | undefined
  while (leaf && 'children' in leaf && leaf.children.length > 0) leaf = leaf.children.at(end) as PhrasingContent
  return leaf
}

/**
 * A paragraph of one text node with nothing to clean: no attribute list (it needs a brace), no line
 * end, tab or double space to join, no white space at either end, not blank. Most are so (every
 * paragraph of the canonical form ingest rereads), and `cleanInline` would give it back unchanged.
 */
function isCleanLine(node: Paragraph): boolean {
  if (node.children.length !== 1) return false
  const only = node.children[0]!
  return only.type === 'text' && only.value !== '' && !only.value.includes('{') && !/[\n\t]| {2}|^\s|\s$/u.test(only.value)
}

function isBlank(node: Parents): boolean {
  return node.children.every((child) => (child.type === 'text' && child.value.trim() === '') || child.type === 'break')
}

/** A heading's printed text: inline markup, images and attribute lists removed, spaces collapsed. */
export function headingText(heading: Heading): string {
  const parts: string[] = []
  const walk = (nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') {
        if (node.type === 'html' && /^<br/iu.test(node.value)) parts.push(' ')
        continue
      }
      if (node.type === 'break') parts.push(' ')
      else if ('children' in node) walk(node.children)
      else parts.push(toString(node))
    }
  }
  walk(heading.children)
  return parts.join('').replace(attributeList, '').replace(/\s+/gu, ' ').trim()
}
