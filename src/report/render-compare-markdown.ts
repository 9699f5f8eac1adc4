/**
 * A Markdown summary of a comparison, fit for an issue, a pull request or an e-mail: the editions,
 * counts by kind, words and similarity, then one line per relation that is not unchanged.
 */
import type {CompareResult} from '../compare/compare-editions.js'
import {displayKinds, relationBadges, relationHeading, relationKinds} from './describe-relation.js'

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

function words(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/gu, ',')
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
    lines.push(`| ${label} | ${escapeMarkdown(e.edition)} | ${escapeMarkdown(e.title)} | ${e.year ?? '—'} | ${words(e.words)} |`)
  }
  lines.push('')
  const kindCells = displayKinds.map((kind) => `${kind} ${summary[kind]}`)
  lines.push(`**Sections:** ${kindCells.join(' · ')}`, '')
  lines.push(`**Words:** +${words(summary.wordsAdded)} −${words(summary.wordsRemoved)} · **similarity** ${summary.similarity.toFixed(3)}`)
  const measures = Object.entries(summary.measures)
  lines.push('', `**Measures:** ${measures.map(([name, value]) => `${name} ${value.toFixed(3)}`).join(' · ')}`)
  const changed = result.relations.filter((relation) => relationKinds(relation)[0] !== 'unchanged')
  lines.push('', `## Changes (${changed.length})`, '')
  if (changed.length === 0) lines.push('No section changed.')
  for (const relation of changed) {
    const badges = relationBadges(relation, options.doubtBelow)
      .map((badge) => escapeMarkdown(badge.text))
      .join('; ')
    const stats = `+${words(relation.stats.wordsAdded)} −${words(relation.stats.wordsRemoved)}`
    lines.push(`- **${escapeMarkdown(relationHeading(relation))}** — ${badges} (${stats} words)`)
  }
  lines.push('')
  return lines.join('\n')
}
