import type {TrendsResult} from '../trends/trends-result.js'
import {thousands} from './count-of.js'
import {pLabel} from './render-trends-page.js'

/** A few lines for a terminal: terms over the editions (with their unit), then first ↔ last keyness. */
export function describeTrends(result: TrendsResult): string {
  const lines: string[] = []
  const labels = result.editions.map((e) => e.label)
  const words = result.editions.reduce((sum, e) => sum + e.words, 0)
  lines.push(
    `${result.series}: ${labels.length} edition${labels.length === 1 ? '' : 's'} (${labels[0] ?? ''}…${labels.at(-1) ?? ''}), ${thousands(words)} words`
  )
  if (result.terms.length > 0) {
    lines.push('Occurrences per edition (per 10,000 words in brackets):')
    for (const term of result.terms) {
      lines.push(
        `  ${term.term}: ${term.counts.map((count, i) => `${labels[i]} ${count} (${(term.per10k[i] ?? 0).toFixed(1)})`).join(', ')}`
      )
    }
  }
  const overall = result.keyness.find((pair) => pair.kind === 'first-last') ?? result.keyness.at(-1)
  if (overall) {
    const show = (list: typeof overall.rising): string =>
      list
        .slice(0, 10)
        .map((k) => `${k.term} (${k.oldCount}→${k.newCount}, G² ${k.g2.toFixed(1)}, ${pLabel(k.g2)})`)
        .join(', ')
    const nearest = (rising: boolean): string => {
      const near = overall.belowCut.filter((k) => (rising ? k.g2 > 0 : k.g2 < 0))
      return near.length > 0 ? `none reaches |G²| ≥ ${result.settings.cut}; nearest: ${show(near)}` : 'none'
    }
    lines.push(`${overall.old} → ${overall.new} rising (whole words old→new): ${show(overall.rising) || nearest(true)}`)
    lines.push(`${overall.old} → ${overall.new} falling (whole words old→new): ${show(overall.falling) || nearest(false)}`)
  }
  return `${lines.join('\n')}\n`
}
