import {toString} from 'mdast-util-to-string'
import type {Block} from './edition.js'

/**
 * Plain text of blocks, one block per paragraph (`\n\n` between blocks, `\n` between list items and
 * table rows), inline markup and link targets dropped. This is the text that words are counted on,
 * diffs are computed on and reports quote.
 */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks
    .map(blockToText)
    .filter((text) => text !== '')
    .join('\n\n')
}

/** Plain text of one block (see {@link blocksToText}). */
export function blockToText(block: Block): string {
  switch (block.type) {
    case 'list':
      return block.children.map((item) => blocksToText(item.children)).join('\n')
    case 'table':
      return block.children.map((row) => row.children.map((cell) => toString(cell, {includeImageAlt: false})).join(' | ')).join('\n')
    case 'blockquote':
      return blocksToText(block.children)
    case 'code':
      return block.value
    case 'html':
      return ''
    case 'definition':
      return ''
    default:
      return toString(block, {includeImageAlt: false})
  }
}
