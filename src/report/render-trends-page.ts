/**
 * The trends page: one small chart per chosen term and theme (per 10,000 words, peak labelled), a heat map of section
 * shares along lineages, keyness lists per pair and new/vanished language. Charts are inline SVG
 * with a data table beside each; every point and cell leads to the sentences behind it.
 */
import type {KwicLine, Phrase, TrendsResult} from '../trends/trends-result.js'
import {toSlug} from '../normalize/to-slug.js'
import {renderTemplate} from './render.js'
import {shortenCrumb} from './shorten-crumb.js'

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

// One small chart per term or theme (small multiples): thirteen lines on one chart cannot be told apart.
const small = {width: 260, height: 120, left: 8, right: 8, top: 22, bottom: 20}

interface Point {
  x: number
  y: number
  value: number
  count: number
  href: string | null
  label: string
}

// How many edition columns A4 portrait holds beside the row names at the printed 8 pt, each cell's
// bracketed count on a line of its own: twelve of "102.80" / "(13)", eight of "60.29" / "(22; 71%)".
// A longer series is printed as several tables of the same rows.
const printColumnsPerTable = {terms: 12, themes: 8, sections: 12} as const

/**
 * The editions in balanced groups of at most `size`, for printing a table with one column per
 * edition; none when one table fits. Each group is named by its first and last edition.
 */
export function printGroups(labels: readonly string[], size: number): {label: string; cols: number[]}[] {
  if (labels.length <= size) return []
  const count = Math.ceil(labels.length / size)
  const groups: {label: string; cols: number[]}[] = []
  for (let g = 0, start = 0; g < count; g++) {
    const length = Math.ceil((labels.length - start) / (count - g))
    groups.push({label: `${labels[start]}–${labels[start + length - 1]}`, cols: Array.from({length}, (_, i) => start + i)})
    start += length
  }
  return groups
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}

/**
 * Geometry of one small line chart over the editions, on its own scale (the peak is labelled with
 * its value, so no axis is needed); the first and last editions label the x axis.
 */
function smallChart(
  id: string,
  labels: readonly string[],
  series: {name: string; values: number[]; counts: number[]; hrefs: (string | null)[]}
) {
  const plotW = small.width - small.left - small.right
  const plotH = small.height - small.top - small.bottom
  // A reduce, not a spread: a long series passes more arguments than the stack holds.
  const max = series.values.reduce((top, value) => Math.max(top, value), 0)
  const x = (i: number): number => round1(small.left + (labels.length === 1 ? plotW / 2 : (plotW * i) / (labels.length - 1)))
  const y = (v: number): number => round1(small.top + plotH - (max === 0 ? 0 : (plotH * v) / max))
  const points: Point[] = series.values.map((value, i) => ({
    x: x(i),
    y: y(value),
    value,
    count: series.counts[i] ?? 0,
    href: series.hrefs[i] ?? null,
    label: `${series.name}, ${labels[i]}: ${value} per 10,000 words (${series.counts[i] ?? 0})`
  }))
  // The first edition at the highest value is the peak.
  const peakIndex = series.values.indexOf(max)
  const peak = points[peakIndex]
  const anchor = !peak ? 'middle' : peak.x < small.width * 0.2 ? 'start' : peak.x > small.width * 0.8 ? 'end' : 'middle'
  return {
    id,
    name: series.name,
    width: small.width,
    height: small.height,
    baseline: round1(small.top + plotH),
    left: small.left,
    right: small.width - small.right,
    first: {x: small.left, label: labels[0] ?? ''},
    last: {x: small.width - small.right, label: labels.length > 1 ? (labels.at(-1) ?? '') : ''},
    path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' '),
    points,
    peak: peak && max > 0 ? {x: peak.x, y: round1(peak.y - 6), anchor, label: `${labels[peakIndex]}: ${max}`} : null,
    description:
      max > 0
        ? `${series.name}: peak ${max} per 10,000 words in ${labels[peakIndex]}; ${labels[0]} ${series.values[0]}, ${labels.at(-1)} ${series.values.at(-1)}.`
        : `${series.name}: not found in any edition.`
  }
}

/** Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + z / 2)
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    )
  return x >= 0 ? r : 2 - r
}

/** p of a G² with one degree of freedom (χ² tail), as a reader reads it: `p < 0.001`, `p = 0.012`. */
export function pLabel(g2: number): string {
  const p = erfc(Math.sqrt(Math.abs(g2) / 2))
  if (p < 0.001) return 'p < 0.001'
  return `p = ${p.toFixed(3)}`
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
    term: displayTerm(term.term, term.evidence.flat()),
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
  const termCharts = result.terms.map((term, t) =>
    smallChart(`_term-chart-${t}`, labels, {
      name: displayTerm(term.term, term.evidence.flat()),
      values: term.per10k,
      counts: term.counts,
      hrefs: term.counts.map((count, i) => (count > 0 ? `#${kwicId(t, i)}` : null))
    })
  )
  const themeCharts = result.themes.map((theme, t) =>
    smallChart(`_theme-chart-${t}`, labels, {
      name: theme.theme,
      values: theme.per10k,
      counts: theme.counts,
      hrefs: theme.counts.map(() => null)
    })
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
  const heatLabelColumns = 34
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
      // Measured in columns: 34 characters of Japanese or Korean run twice the label column's width.
      label: shortenCrumb(row.label, heatLabelColumns),
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
    const entries = (list: typeof pair.rising, direction: string, passes: boolean) =>
      list.map((entry, k) => ({
        ...entry,
        term: displayTerm(entry.term, entry.evidence),
        passes,
        p: pLabel(entry.g2),
        id: `_key-${p}-${direction}-${k}`,
        href: page && entry.evidence[0] ? `${page}#${entry.evidence[0].anchor}` : null,
        lines: entry.evidence.map((line) => ({
          ...kwicParts(line),
          heading: line.heading,
          page: line.page ?? '',
          href: page && line.anchor ? `${page}#${line.anchor}` : null
        }))
      }))
    // Where few terms pass the cut, the strongest below it show what came nearest, marked as such.
    const below = pair.belowCut ?? []
    return {
      kind: pair.kind,
      old: pair.old,
      new: pair.new,
      page,
      rising: [
        ...entries(pair.rising, 'r', true),
        ...entries(
          below.filter((entry) => entry.g2 > 0),
          'rb',
          false
        )
      ],
      falling: [
        ...entries(pair.falling, 'f', true),
        ...entries(
          below.filter((entry) => entry.g2 < 0),
          'fb',
          false
        )
      ]
    }
  })

  // The correction is a setting's key in the JSON ('yates'); the page names it as a reader knows it.
  const correctionNames: Record<string, string> = {
    yates: 'Yates continuity correction',
    williams: 'Williams correction',
    none: 'no correction'
  }
  const first = result.editions[0]
  const last = result.editions.at(-1)
  const span = first && last && first !== last ? `${first.label}–${last.label}` : (first?.label ?? '')
  return renderTemplate('trends.njk', {
    lang: result.language,
    title: options.title ?? `Trends: ${result.series}${span ? ` (${span})` : ''}`,
    home: options.home ?? '',
    ...(options.generatedAt ? {generatedAt: options.generatedAt} : {}),
    settings: result.settings,
    correctionName: correctionNames[result.settings.correction] ?? `${result.settings.correction} correction`,
    editions: result.editions,
    editionLabels: labels,
    allCols: labels.map((_, i) => i),
    printGroups: {
      terms: printGroups(labels, printColumnsPerTable.terms),
      themes: printGroups(labels, printColumnsPerTable.themes),
      sections: printGroups(labels, printColumnsPerTable.sections)
    },
    terms,
    termCharts,
    themes: result.themes,
    themeCharts,
    sections: result.sections,
    heatMap,
    heatHidden: result.sections.length - heatLineages.length,
    keyness,
    newLanguage: result.newLanguage.map((change) => ({
      ...change,
      new: change.new.map(phraseView),
      vanished: change.vanished.map(phraseView)
    })),
    messages: result.messages
  })
}

/**
 * A term as its sentences write it, when they differ from it in case only: terms are counted case
 * folded, so a term picked from the text reads `foss` and `openchain` where every sentence has FOSS
 * and OpenChain. The commonest spelling inside the sentences shown wins, the first seen on a tie; a
 * term no sentence spells differently, or a pattern, is shown as it is.
 */
function displayTerm(term: string, lines: readonly KwicLine[]): string {
  const folded = term.toLowerCase()
  const spellings = new Map<string, number>()
  for (const {sentence, match} of lines) {
    // A capital opening a sentence (or a heading) says nothing of how the word is spelt.
    if (!match || match[0] === 0) continue
    const text = sentence.slice(match[0], match[1])
    if (text.toLowerCase() === folded) spellings.set(text, (spellings.get(text) ?? 0) + 1)
  }
  let best = term
  let most = 0
  for (const [text, count] of spellings) {
    if (count > most) {
      best = text
      most = count
    }
  }
  return best
}

/**
 * A new or vanished phrase as the page shows it: in the words of its first sentence where it can be
 * found there. The counted phrase is folded and, in Korean, stripped of particles (자세 내용 및 자체
 * 인증 www), which no reader wrote; the sentence reads 자세한 내용 및 자체 인증은 www.
 */
function phraseView(phrase: Phrase) {
  const {sentence, match} = phrase.evidence
  return {
    ...phrase,
    shown: match ? sentence.slice(match[0], match[1]) : phrase.phrase,
    line: {...kwicParts(phrase.evidence), heading: phrase.evidence.heading, page: phrase.evidence.page ?? ''}
  }
}
