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
  /** The page number a reader finds a PDF page under in each edition (its printed label). Default: the PDF's page. */
  printed?: {old: (page: number) => string; new: (page: number) => string}
  /** The pages the card already names (`p. 3 ↔ p. 4`): a paragraph on those pages does not say them again. */
  cardPages?: string
}

/** The pages last named in a redline: a paragraph on the same pages as the one before says nothing. */
interface PageState {
  last: string
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

/** "p. 12 ↔ p. 14" for a block whose pages are known and differ from the last named, else ''. */
function pages(block: BlockDiff, context: RedlineContext, state: PageState): string {
  const before = block.old?.page ?? null
  const after = block.new?.page ?? null
  if (before === null && after === null) return ''
  const old = before === null ? '' : (context.printed?.old(before) ?? String(before))
  const now = after === null ? '' : (context.printed?.new(after) ?? String(after))
  const text = after === null ? `old p. ${old}` : before === null ? `new p. ${now}` : `p. ${old} ↔ p. ${now}`
  if (text === state.last) return ''
  state.last = text
  return note(text)
}

function renderBlock(block: BlockDiff, context: RedlineContext, state: PageState): string {
  const noise = block.noise ? ` noise noise-${block.noise}` : ''
  const noiseNote = block.noise ? note(escapeHtml(noiseLabels[block.noise] ?? block.noise)) : ''
  switch (block.op) {
    case 'equal':
      return `<p class="blk op-equal" dir="auto">${escapeHtml(block.text)}</p>`
    case 'inserted':
      return `<div class="blk op-inserted">${note('new paragraph')}${pages(block, context, state)}${para(ins(block.text, 'inserted paragraph'))}</div>`
    case 'deleted': {
      if (block.movedTo) {
        const target = block.movedTo.section
        const where = context.ownNew.has(target)
          ? 'moved further down in this section'
          : `moved to ${link(target, context.newHeading.get(target) ?? target)}`
        return `<div class="blk op-moved-away">${note(where)}${para(del(block.text, 'moved away'))}</div>`
      }
      return `<div class="blk op-deleted">${note('removed paragraph')}${pages(block, context, state)}${para(del(block.text, 'deleted paragraph'))}</div>`
    }
    case 'changed':
      return `<div class="blk op-changed${noise}">${noiseNote}${pages(block, context, state)}<div class="inline" dir="auto">${renderWords(block.tokens ?? [['=', block.text]])}</div></div>`
    case 'moved': {
      const from = block.old?.section
      const where =
        from === undefined
          ? 'moved'
          : context.ownOld.has(from)
            ? 'moved within this section'
            : `moved from ${link(context.oldAnchor.get(from), context.oldHeading.get(from) ?? from)}`
      if (block.tokens?.some(([op]) => op !== '=')) {
        return `<div class="blk op-moved op-moved-changed${noise}">${note(`${where}, and edited`)}${pages(block, context, state)}<div class="inline" dir="auto">${renderWords(block.tokens)}</div></div>`
      }
      return `<div class="blk op-moved">${note(where)}${pages(block, context, state)}${para(escapeHtml(block.text))}</div>`
    }
    case 'rewritten':
      return (
        `<div class="blk op-rewritten">${note('rewritten: too different to compare word by word')}${pages(block, context, state)}<div class="rewritten">` +
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
  const state: PageState = {last: context.cardPages ?? ''}
  for (let i = 0; i < blocks.length; ) {
    if (blocks[i]!.op !== 'equal' || !changedRelation) {
      parts.push(renderBlock(blocks[i]!, context, state))
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
      for (const block of head) parts.push(renderBlock(block, context, state))
      parts.push(
        `<details class="more-equal"><summary>${middle.length} unchanged paragraphs</summary>${middle.map((block) => renderBlock(block, context, state)).join('')}</details>`
      )
      for (const block of tail) parts.push(renderBlock(block, context, state))
    } else {
      for (const block of run) parts.push(renderBlock(block, context, state))
    }
    i = end
  }
  return parts.join('\n')
}
