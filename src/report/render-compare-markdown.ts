/**
 * A Markdown summary of a comparison, fit for an issue, a pull request or an e-mail: the editions,
 * the changes in plain words, counts by kind, words and similarity, the sections that changed most,
 * then one line per relation that is not unchanged.
 */
import type {CompareResult} from '../compare/compare-editions.js'
import {relationBadges, relationHeading, relationKinds, wholeSectionWords} from './describe-relation.js'
import {summarizeChanges} from './summarize-changes.js'
import {countOf, thousands} from './count-of.js'
import {preambleId} from '../align/list-alignable-sections.js'

/** Options of {@link renderCompareMarkdown}. */
export interface CompareMarkdownOptions {
  /** Similarity under which a pairing is marked doubtful. Default 0.6. */
  doubtBelow?: number
}

/**
 * Escape document text for Markdown: characters that start markup, links or HTML are backslashed
 * and `<`/`>` become entities, so a heading such as `<img onerror=…>` or `[x](javascript:…)` stays text
 * wherever the Markdown is rendered.
 */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|~]/gu, (ch) => `\\${ch}`)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Render the Markdown summary of a comparison. */
export function renderCompareMarkdown(result: CompareResult, options: CompareMarkdownOptions = {}): string {
  const {old: before, new: after, summary} = result
  const lines: string[] = []
  lines.push(`# ${escapeMarkdown(after.title)}: ${escapeMarkdown(before.edition)} → ${escapeMarkdown(after.edition)}`, '')
  lines.push('| | Edition | Title | Year | Words |', '|---|---|---|---|---:|')
  for (const [label, e] of [
    ['Old', before],
    ['New', after]
  ] as const) {
    lines.push(`| ${label} | ${escapeMarkdown(e.edition)} | ${escapeMarkdown(e.title)} | ${e.year ?? '—'} | ${thousands(e.words)} |`)
  }
  lines.push('')
  const digest = summarizeChanges(result)
  const percent = `${Math.round(summary.similarity * 100)}%`
  lines.push(
    `**In short:** ${percent} alike (section by section, weighted by length; a new or removed section counts as 0%). ` +
      `${digest.changed} of ${result.relations.length} sections changed: +${thousands(summary.wordsAdded)} −${thousands(summary.wordsRemoved)} words.`,
    ''
  )
  const place = (parent: string, where: string): string => `${where} ${parent ? escapeMarkdown(parent) : 'the top level'}`
  // "(preamble) (at the top level)" named the card, not what it holds.
  const where = (x: {heading: string; parent: string}, at: string): string =>
    x.heading === preambleId && !x.parent ? 'the text before the first heading' : place(x.parent, at)
  const points: string[] = []
  if (digest.added.length > 0)
    points.push(
      `- New: ${digest.added.map((x) => `${escapeMarkdown(x.heading)} (${x.parent ? place(x.parent, 'in') : where(x, 'at')})`).join('; ')}`
    )
  if (digest.removed.length > 0)
    points.push(`- Removed: ${digest.removed.map((x) => `${escapeMarkdown(x.heading)} (${where(x, 'from')})`).join('; ')}`)
  for (const [name, rows] of [
    ['Merged', digest.merged],
    ['Split', digest.split],
    ['Renamed', digest.renamed]
  ] as const) {
    if (rows.length > 0)
      points.push(
        `- ${name}: ${rows
          .map(
            (x) =>
              `${escapeMarkdown(x.from.join(' + '))} → ${escapeMarkdown(x.to.join(' + '))}${x.sections > 1 ? ` (${x.sections} sections)` : ''}`
          )
          .join('; ')}`
      )
  }
  if (digest.rewrites.length > 0) {
    points.push(
      `- Biggest rewrites: ${digest.rewrites.map((x) => `${escapeMarkdown(x.place)} (+${thousands(x.added)} −${thousands(x.removed)})`).join('; ')}`
    )
  }
  for (const declaration of digest.declared)
    points.push(`- Declared by ${escapeMarkdown(after.edition)}: “${escapeMarkdown(declaration.text)}”`)
  if (points.length > 0) lines.push(...points, '')
  lines.push(`**Sections:** ${digest.counts.map(({kind, count}) => `${kind} ${count}`).join(' · ')}`, '')
  lines.push(
    `**Words:** +${thousands(summary.wordsAdded)} −${thousands(summary.wordsRemoved)} · **similarity** ${summary.similarity.toFixed(3)}`
  )
  const measures = Object.entries(summary.measures)
  lines.push(
    '',
    `**Measures** (whole texts; cosine and jaccard ignore order, edit and simple count moved text as changed): ${measures.map(([name, value]) => `${name} ${value.toFixed(3)}`).join(' · ')}`
  )
  if (digest.mostChanged.length > 0) {
    lines.push('', '## Sections that changed most', '')
    digest.mostChanged.forEach((x, i) => {
      const what =
        x.kind === 'added'
          ? `new, ${countOf(x.added, 'word')}`
          : x.kind === 'removed'
            ? `removed, ${countOf(x.removed, 'word')}`
            : `+${thousands(x.added)} −${thousands(x.removed)} words`
      lines.push(`${i + 1}. ${escapeMarkdown(x.place)} (${what})`)
    })
  }
  const changed = result.relations.filter((relation) => relationKinds(relation)[0] !== 'unchanged')
  lines.push('', `## Changes (${changed.length})`, '')
  if (changed.length === 0) lines.push('No section changed.')
  for (const relation of changed) {
    const badges = relationBadges(relation, options.doubtBelow)
      .map((badge) => escapeMarkdown(badge.text))
      .join('; ')
    // An added (removed) section is all new (gone): "+4 −7" on it would say otherwise.
    const whole = wholeSectionWords(relation)
    const stats =
      whole !== null ? countOf(whole, 'word') : `+${thousands(relation.stats.wordsAdded)} −${thousands(relation.stats.wordsRemoved)} words`
    lines.push(`- **${escapeMarkdown(relationHeading(relation))}** — ${badges} (${stats})`)
  }
  lines.push('')
  return lines.join('\n')
}
