/**
 * The trends page: line charts of chosen terms and themes per 10,000 words, a heat map of section
 * shares along lineages, keyness lists per pair and new/vanished language. Charts are inline SVG
 * with a data table beside each; every point and cell leads to the sentences behind it.
 */
import type {KwicLine, TrendsResult} from '../trends/trends-result.js'
import {toSlug} from '../normalize/to-slug.js'
import {renderTemplate} from './render.js'

/** Options of {@link renderTrendsPage}. */
export interface TrendsPageOptions {
  /** Link to the site index (`../index.html`). Default: none. */
  home?: string | null
  /** Printed in the footer. Default: none (reproducible output). */
  generatedAt?: string | null
  /**
   * File name of the comparison report of two editions (labels), or null when there is none. Default:
   * the report site's naming, `<old>-to-<new>.html`, for consecutive pairs only. Pass `null` for a
   * page that stands alone (then the evidence is shown on the page only).
   */
  compareHref?: ((oldLabel: string, newLabel: string) => string | null) | null
  /** Page title. Default: `Trends: <series>`. */
  title?: string
  /** Lineages shown in the heat map (largest first); the table lists them all. Default 40. */
  heatMapRows?: number
}

/** The report site's name for the comparison report of two editions. */
export function siteCompareHref(oldLabel: string, newLabel: string): string {
  return `${toSlug(oldLabel)}-to-${toSlug(newLabel)}.html`
}

const width = 720
const height = 300
const margin = {left: 56, right: 16, top: 16, bottom: 48}
const seriesStyles = 8
const dashes = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '6 2 2 2']
const markers = ['circle', 'square', 'diamond', 'triangle', 'circle', 'square', 'diamond', 'triangle']

interface Point {
  x: number
  y: number
  value: number
  count: number
  href: string | null
  label: string
}

function niceMax(value: number): number {
  if (value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power
  return 10 * power
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}

/** Geometry of a line chart over the editions. */
function lineChart(
  id: string,
  labels: string[],
  series: Array<{name: string; values: number[]; counts: number[]; hrefs: (string | null)[]}>
) {
  const plotW = width - margin.left - margin.right
  const plotH = height - margin.top - margin.bottom
  // A reduce, not a spread: 5,000 terms over a dozen editions pass more arguments than the stack holds.
  const max = niceMax(series.reduce((top, s) => s.values.reduce((m, v) => Math.max(m, v), top), 0))
  const x = (i: number): number => round1(margin.left + (labels.length === 1 ? plotW / 2 : (plotW * i) / (labels.length - 1)))
  const y = (v: number): number => round1(margin.top + plotH - (plotH * v) / max)
  const every = Math.max(1, Math.ceil(labels.length / 12))
  return {
    id,
    width,
    height,
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
    xTicks: labels.map((label, i) => ({x: x(i), label, show: i % every === 0 || i === labels.length - 1})),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((f) => ({y: y(max * f), label: String(Math.round(max * f * 100) / 100)})),
    series: series.map((s, k) => {
      const points: Point[] = s.values.map((value, i) => ({
        x: x(i),
        y: y(value),
        value,
        count: s.counts[i] ?? 0,
        href: s.hrefs[i] ?? null,
        label: `${s.name}, ${labels[i]}: ${value} per 10,000 words (${s.counts[i] ?? 0})`
      }))
      return {
        name: s.name,
        style: k % seriesStyles,
        dash: dashes[k % seriesStyles]!,
        marker: markers[k % seriesStyles]!,
        path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' '),
        points
      }
    })
  }
}

function kwicParts(line: KwicLine): {before: string; match: string; after: string} {
  if (!line.match) return {before: line.sentence, match: '', after: ''}
  const [start, end] = line.match
  return {before: line.sentence.slice(0, start), match: line.sentence.slice(start, end), after: line.sentence.slice(end)}
}

/** Render the trends page of `result` (HTML, self-contained). */
export function renderTrendsPage(result: TrendsResult, options: TrendsPageOptions = {}): string {
  const labels = result.editions.map((edition) => edition.label)
  const consecutive = new Set(labels.slice(1).map((label, i) => `${labels[i]}\u0000${label}`))
  const compareHref =
    options.compareHref === null
      ? () => null
      : (options.compareHref ?? ((a: string, b: string) => (consecutive.has(`${a}\u0000${b}`) ? siteCompareHref(a, b) : null)))

  const kwicId = (t: number, i: number): string => `_kwic-${t}-${i}`
  const terms = result.terms.map((term, t) => ({
    term: term.term,
    kind: term.kind,
    counts: term.counts,
    per10k: term.per10k,
    cells: term.counts.map((count, i) => ({count, per10k: term.per10k[i]!, href: count > 0 ? `#${kwicId(t, i)}` : null})),
    kwic: term.evidence
      .map((lines, i) => ({
        id: kwicId(t, i),
        edition: labels[i]!,
        count: term.counts[i]!,
        lines: lines.map((line) => ({...kwicParts(line), heading: line.heading, section: line.section ?? '', page: line.page ?? ''}))
      }))
      .filter((group) => group.count > 0)
  }))
  const termChart = lineChart(
    '_terms-chart',
    labels,
    result.terms.map((term, t) => ({
      name: term.term,
      values: term.per10k,
      counts: term.counts,
      hrefs: term.counts.map((count, i) => (count > 0 ? `#${kwicId(t, i)}` : null))
    }))
  )
  const themeChart = lineChart(
    '_themes-chart',
    labels,
    result.themes.map((theme) => ({name: theme.theme, values: theme.per10k, counts: theme.counts, hrefs: theme.counts.map(() => null)}))
  )

  const heatRows = options.heatMapRows ?? 40
  const ranked = [...result.sections].sort(
    (a, b) => Math.max(0, ...b.shares.map((s) => s ?? 0)) - Math.max(0, ...a.shares.map((s) => s ?? 0))
  )
  const shown = new Set(ranked.slice(0, heatRows).map((row) => row.lineage))
  const heatLineages = result.sections.filter((row) => shown.has(row.lineage))
  const maxShare = result.sections.reduce((top, row) => row.shares.reduce<number>((m, v) => Math.max(m, v ?? 0), top), 0.0001)
  const cellW = Math.max(14, Math.min(48, Math.floor(560 / Math.max(1, labels.length))))
  const cellH = 18
  const labelW = 220
  const heatMap = {
    width: labelW + cellW * labels.length + 8,
    height: 40 + cellH * heatLineages.length,
    labelW,
    cellW,
    cellH,
    columns: labels.map((label, i) => ({
      x: labelW + cellW * i + cellW / 2,
      label,
      show: i % Math.max(1, Math.ceil(labels.length / 12)) === 0
    })),
    rows: heatLineages.map((row, r) => ({
      y: 24 + cellH * r,
      label: row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label,
      cells: row.shares.map((share, i) => ({
        x: labelW + cellW * i,
        present: share !== null,
        opacity: share === null ? 0 : Math.round((0.08 + (0.92 * share) / maxShare) * 100) / 100,
        title:
          share === null
            ? `${row.label}, ${labels[i]}: absent`
            : `${row.headings[i]}, ${labels[i]}: ${(share * 100).toFixed(1)}% (${row.words[i]} words)`
      }))
    }))
  }

  const keyness = result.keyness.map((pair, p) => {
    const page = compareHref(pair.old, pair.new)
    const entries = (list: typeof pair.rising, direction: string) =>
      list.map((entry, k) => ({
        ...entry,
        id: `_key-${p}-${direction}-${k}`,
        href: page && entry.evidence[0] ? `${page}#${entry.evidence[0].anchor}` : null,
        lines: entry.evidence.map((line) => ({
          ...kwicParts(line),
          heading: line.heading,
          page: line.page ?? '',
          href: page && line.anchor ? `${page}#${line.anchor}` : null
        }))
      }))
    return {kind: pair.kind, old: pair.old, new: pair.new, page, rising: entries(pair.rising, 'r'), falling: entries(pair.falling, 'f')}
  })

  const first = result.editions[0]
  const last = result.editions.at(-1)
  const span = first && last && first !== last ? `${first.label}–${last.label}` : (first?.label ?? '')
  return renderTemplate('trends.njk', {
    lang: result.language,
    title: options.title ?? `Trends: ${result.series}${span ? ` (${span})` : ''}`,
    home: options.home ?? '',
    ...(options.generatedAt ? {generatedAt: options.generatedAt} : {}),
    settings: result.settings,
    editions: result.editions,
    terms,
    termChart,
    themes: result.themes,
    themeChart,
    sections: result.sections,
    heatMap,
    heatHidden: result.sections.length - heatLineages.length,
    keyness,
    newLanguage: result.newLanguage.map((change) => ({
      ...change,
      new: change.new.map((phrase) => ({
        ...phrase,
        line: {...kwicParts(phrase.evidence), heading: phrase.evidence.heading, page: phrase.evidence.page ?? ''}
      })),
      vanished: change.vanished.map((phrase) => ({
        ...phrase,
        line: {...kwicParts(phrase.evidence), heading: phrase.evidence.heading, page: phrase.evidence.page ?? ''}
      }))
    })),
    messages: result.messages
  })
}
