/**
 * The redline of one relation as HTML: paragraph blocks from the relation's `blocks`
 * (`compareEditions(…, {detail: 'blocks'})`), word changes as `<ins>`/`<del>` with visually hidden
 * labels, moved paragraphs linked to the card they came from, noise (renumbering, year bumps, figure
 * updates) marked so it can be dimmed or hidden. Built in code, not in a template: a 150,000-word
 * report has hundreds of thousands of runs. Every piece of text passes through `escapeHtml`.
 */
import type {Relation} from '../compare/compare-editions.js'
import type {BlockDiff} from '../diff/diff-relations.js'
import {escapeHtml} from './escape-html.js'

/** What the redline needs to link moved paragraphs across cards. */
export interface RedlineContext {
  /** Old section ids of this relation (a paragraph moved between them moved "within this section"). */
  ownOld: ReadonlySet<string>
  /** New section ids of this relation. */
  ownNew: ReadonlySet<string>
  /** Card anchor of the relation holding each old section id. */
  oldAnchor: ReadonlyMap<string, string>
  /** Heading of every old section, by id. */
  oldHeading: ReadonlyMap<string, string>
  /** Heading of every new section, by id (every new id is an anchor of the page). */
  newHeading: ReadonlyMap<string, string>
  /** Equal paragraphs in a row from which the middle ones are folded away. Default 4. */
  foldEqualFrom?: number
}

const noiseLabels: Record<string, string> = {
  'year-bump': 'year update only',
  renumbering: 'renumbering only',
  'figure-update': 'figure update only'
}

// The spoken "[inserted: …]" / "[deleted: …]" labels are CSS generated content (report.css): a
// 150,000-word report has tens of thousands of runs, and two spans each doubled their markup.
// A label other than the default names itself in `data-l`.
function ins(text: string, label = 'inserted'): string {
  return `<ins${label === 'inserted' ? '' : ` data-l="${label}"`}>${escapeHtml(text)}</ins>`
}

function del(text: string, label = 'deleted'): string {
  return `<del${label === 'deleted' ? '' : ` data-l="${label}"`}>${escapeHtml(text)}</del>`
}

/** Word runs (`['=' | '+' | '-', text]`) as inline HTML. */
function renderWords(words: ReadonlyArray<readonly [string, string]>): string {
  let html = ''
  for (const [op, text] of words) {
    if (op === '+') html += ins(text)
    else if (op === '-') html += del(text)
    else html += escapeHtml(text)
  }
  return html
}

// A paragraph of a Persian, Arabic or Hebrew edition runs right to left, in an English report:
// each paragraph's text sits in its own element with dir="auto", so the browser sets it in the
// direction of its first letter (full stop at its end, figures beside their words), while the
// block around it stays left to right and side by side keeps old on the left.
function note(text: string): string {
  return `<span class="blk-note">${text}</span>`
}

function para(html: string): string {
  return `<div class="para" dir="auto">${html}</div>`
}

function link(anchor: string | undefined, label: string): string {
  return anchor === undefined ? escapeHtml(label) : `<a href="#${escapeHtml(anchor)}">${escapeHtml(label)}</a>`
}

/** "p. 12 ↔ p. 14" for a block whose pages are known, else ''. */
function pages(block: BlockDiff): string {
  const before = block.old?.page ?? null
  const after = block.new?.page ?? null
  if (before === null && after === null) return ''
  if (after === null) return note(`old p. ${before}`)
  if (before === null) return note(`new p. ${after}`)
  return note(`p. ${before} ↔ p. ${after}`)
}

function renderBlock(block: BlockDiff, context: RedlineContext): string {
  const noise = block.noise ? ` noise noise-${block.noise}` : ''
  const noiseNote = block.noise ? note(escapeHtml(noiseLabels[block.noise] ?? block.noise)) : ''
  switch (block.op) {
    case 'equal':
      return `<p class="blk op-equal" dir="auto">${escapeHtml(block.text)}</p>`
    case 'inserted':
      return `<div class="blk op-inserted">${note('new paragraph')}${pages(block)}${para(ins(block.text, 'inserted paragraph'))}</div>`
    case 'deleted': {
      if (block.movedTo) {
        const target = block.movedTo.section
        const where = context.ownNew.has(target)
          ? 'moved further down in this section'
          : `moved to ${link(target, context.newHeading.get(target) ?? target)}`
        return `<div class="blk op-moved-away">${note(where)}${para(del(block.text, 'moved away'))}</div>`
      }
      return `<div class="blk op-deleted">${note('removed paragraph')}${pages(block)}${para(del(block.text, 'deleted paragraph'))}</div>`
    }
    case 'changed':
      return `<div class="blk op-changed${noise}">${noiseNote}${pages(block)}<div class="inline" dir="auto">${renderWords(block.tokens ?? [['=', block.text]])}</div></div>`
    case 'moved': {
      const from = block.old?.section
      const where =
        from === undefined
          ? 'moved'
          : context.ownOld.has(from)
            ? 'moved within this section'
            : `moved from ${link(context.oldAnchor.get(from), context.oldHeading.get(from) ?? from)}`
      if (block.tokens?.some(([op]) => op !== '=')) {
        return `<div class="blk op-moved op-moved-changed${noise}">${note(`${where}, and edited`)}${pages(block)}<div class="inline" dir="auto">${renderWords(block.tokens)}</div></div>`
      }
      return `<div class="blk op-moved">${note(where)}${pages(block)}${para(escapeHtml(block.text))}</div>`
    }
    case 'rewritten':
      return (
        `<div class="blk op-rewritten">${note('rewritten: too different to compare word by word')}${pages(block)}<div class="rewritten">` +
        `<div dir="auto">${del(block.oldText ?? '', 'old text')}</div><div dir="auto">${ins(block.text, 'new text')}</div></div></div>`
      )
  }
}

/** The HTML of a relation's redline (empty when the result was computed without blocks). */
export function renderRedline(relation: Relation, context: RedlineContext): string {
  const blocks = relation.blocks ?? []
  const foldFrom = context.foldEqualFrom ?? 4
  const parts: string[] = []
  const changedRelation = blocks.some((block) => block.op !== 'equal')
  for (let i = 0; i < blocks.length; ) {
    if (blocks[i]!.op !== 'equal' || !changedRelation) {
      parts.push(renderBlock(blocks[i]!, context))
      i++
      continue
    }
    let end = i
    while (end < blocks.length && blocks[end]!.op === 'equal') end++
    const run = blocks.slice(i, end)
    if (run.length >= foldFrom) {
      // Keep one paragraph of context on each side of a change; fold the rest.
      const head = i === 0 ? [] : run.slice(0, 1)
      const tail = end === blocks.length ? [] : run.slice(-1)
      const middle = run.slice(head.length, run.length - tail.length)
      for (const block of head) parts.push(renderBlock(block, context))
      parts.push(
        `<details class="more-equal"><summary>${middle.length} unchanged paragraphs</summary>${middle.map((block) => renderBlock(block, context)).join('')}</details>`
      )
      for (const block of tail) parts.push(renderBlock(block, context))
    } else {
      for (const block of run) parts.push(renderBlock(block, context))
    }
    i = end
  }
  return parts.join('\n')
}
