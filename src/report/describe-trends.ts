import type {TrendsResult} from '../trends/trends-result.js'

/** A few lines for a terminal: terms over the editions, then first ↔ last keyness. */
export function describeTrends(result: TrendsResult): string {
  const lines: string[] = []
  const labels = result.editions.map((e) => e.label)
  lines.push(
    `${result.series}: ${labels.length} editions (${labels[0] ?? ''}…${labels.at(-1) ?? ''}), ${result.editions.reduce((sum, e) => sum + e.words, 0)} words`
  )
  for (const term of result.terms) {
    lines.push(`  ${term.term}: ${term.counts.map((count, i) => `${labels[i]} ${count}`).join(', ')}`)
  }
  const overall = result.keyness.find((pair) => pair.kind === 'first-last') ?? result.keyness.at(-1)
  if (overall) {
    const show = (list: typeof overall.rising): string =>
      list
        .slice(0, 10)
        .map((k) => `${k.term} (${k.oldCount}→${k.newCount}, G² ${k.g2.toFixed(1)})`)
        .join(', ') || 'none'
    lines.push(`${overall.old} → ${overall.new} rising: ${show(overall.rising)}`)
    lines.push(`${overall.old} → ${overall.new} falling: ${show(overall.falling)}`)
  }
  return `${lines.join('\n')}\n`
}
