/**
 * The report site for a folder of editions, as data: relative path → file content. Pure; the
 * `report` command writes the files.
 *
 *   index.html                      every series
 *   <series>/index.html             editions, outlines, links to the reports
 *   <series>/<old>-to-<new>.html    one comparison report per pair of consecutive editions
 *   <series>/trends.html            for three or more editions (trends.<lang>.html for other languages)
 *
 * Editions of a series that are in different languages (translations of the same year) are not
 * compared with each other: each language is its own chain, oldest first.
 */
import {compareEditions} from '../compare/compare-editions.js'
import type {Edition} from '../model/edition.js'
import {flattenSections} from '../model/flatten-sections.js'
import {toSlug} from '../normalize/to-slug.js'
import {alignSections, type Alignment} from '../align/align-sections.js'
import {createProfileCache} from '../align/profile-sections.js'
import {orderEditions} from '../model/order-editions.js'
import {computeTrends} from '../trends/compute-trends.js'
import type {Theme} from '../trends/parse-themes.js'
import {printedPage, relationKinds} from './describe-relation.js'
import {renderCompareReport} from './render-compare-report.js'
import {renderTrendsPage} from './render-trends-page.js'
import {renderTemplate} from './render.js'

/** One series as read from `editions/<series>/` (`series.yaml` plus its editions). */
export interface SeriesInput {
  /** Series slug: the folder name. */
  series: string
  /** Display title from `series.yaml` (`title`). Default: the slug. */
  title?: string | null
  /** Publisher from `series.yaml`, or null. */
  publisher?: string | null
  /** Main language from `series.yaml`; its chain gets `trends.html`. Default: the first edition's language. */
  language?: string | null
  /** Default themes for the trends page, from `series.yaml` (`themes`). Default: none. */
  themes?: Theme[]
  /** The editions, in any order. */
  editions: Edition[]
}

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** Printed in every footer. Default: none, so the site is reproducible byte for byte. */
  generatedAt?: string | null
  /** Minimum editions in one language for a trends page. Default 3. */
  minTrendsEditions?: number
}

/** Editions grouped by language, each chain oldest first; languages in order of first appearance. */
function chainsByLanguage(ordered: Edition[]): Map<string, Edition[]> {
  const chains = new Map<string, Edition[]>()
  for (const edition of ordered) {
    const chain = chains.get(edition.language) ?? []
    chain.push(edition)
    chains.set(edition.language, chain)
  }
  return chains
}

function reportName(before: Edition, after: Edition): string {
  return `${toSlug(before.edition)}-to-${toSlug(after.edition)}.html`
}

function yearsLabel(editions: Edition[]): string {
  const years = editions.map((e) => e.year).filter((y): y is number => y !== null)
  if (years.length === 0) return '—'
  const first = Math.min(...years)
  const last = Math.max(...years)
  return first === last ? String(first) : `${first}–${last}`
}

/** Build every page of the site. Keys are `/`-separated paths relative to the output folder. */
export function buildSite(seriesList: readonly SeriesInput[], options: BuildSiteOptions = {}): Map<string, string> {
  const files = new Map<string, string>()
  const footer = options.generatedAt ? {generatedAt: options.generatedAt} : {}
  const minTrends = options.minTrendsEditions ?? 3
  const sorted = [...seriesList].sort((a, b) => (a.series < b.series ? -1 : a.series > b.series ? 1 : 0))
  const rows = []

  for (const input of sorted) {
    const folder = toSlug(input.series)
    const ordered = orderEditions(input.editions)
    const mainLanguage = input.language || ordered[0]?.language || 'en'
    const title = input.title || input.series
    const comparisons = []
    const trends = []
    const chains = chainsByLanguage(ordered)
    for (const [language, chain] of chains) {
      // One alignment per consecutive pair serves both the comparison report and the lineages of
      // the trends page.
      const alignments: Alignment[] = []
      const cache = createProfileCache()
      for (let i = 1; i < chain.length; i++) {
        const before = chain[i - 1]!
        const after = chain[i]!
        const alignment = alignSections(before, after, {cache})
        cache.forget(before)
        alignments.push(alignment)
        const result = compareEditions(before, after, {detail: 'blocks', alignment})
        const name = reportName(before, after)
        files.set(`${folder}/${name}`, renderCompareReport(result, {home: '../index.html', ...footer}))
        comparisons.push({
          href: name,
          old: `${before.edition}`,
          new: `${after.edition}`,
          language,
          changed: result.relations.filter((relation) => relationKinds(relation)[0] !== 'unchanged').length,
          added: result.summary.wordsAdded,
          removed: result.summary.wordsRemoved,
          similarity: result.summary.similarity
        })
      }
      if (chain.length >= minTrends) {
        const name = language === mainLanguage ? 'trends.html' : `trends.${toSlug(language)}.html`
        // Section shares follow chapters across renames through the structural differ's lineages.
        // A series that names its themes wants their terms charted, not its most frequent words.
        const themes = input.themes ?? []
        const themeTerms = [...new Set(themes.flatMap((theme) => theme.terms))]
        const trendsResult = computeTrends(chain, {themes, alignments, ...(themeTerms.length > 0 ? {terms: themeTerms} : {})})
        const span = yearsLabel(chain)
        files.set(
          `${folder}/${name}`,
          renderTrendsPage(trendsResult, {home: '../index.html', title: `Trends: ${title}${span ? ` (${span})` : ''}`, ...footer})
        )
        trends.push({href: name, label: chains.size > 1 ? `Trends (${language})` : 'Trends over all editions'})
      }
    }

    const editions = ordered.map((edition) => {
      const flat = flattenSections(edition)
      return {
        anchor: `_edition-${toSlug(edition.edition)}`,
        edition: edition.edition,
        year: edition.year,
        title: edition.title,
        language: edition.language,
        words: edition.words,
        sections: flat.length,
        outline: flat.map(({section}) => ({
          heading: section.heading,
          level: section.level,
          words: section.totalWords,
          page: printedPage(section),
          // Said where the printed number is not the PDF's page, which a viewer's page box asks for.
          sheet: section.pageLabel && section.page !== null && section.pageLabel !== String(section.page) ? section.page : null
        })),
        // The contents as printed: for a front-matter-only edition it is the only map of the book.
        toc: edition.toc.map((entry) => ({
          level: entry.level,
          label: [entry.numbering, entry.title].filter(Boolean).join(' '),
          page: entry.page
        }))
      }
    })
    files.set(
      `${folder}/index.html`,
      renderTemplate('series-index.njk', {
        lang: mainLanguage,
        title,
        home: '../index.html',
        publisher: input.publisher ?? '',
        editions,
        comparisons,
        trends,
        ...footer
      })
    )
    rows.push({
      href: `${folder}/index.html`,
      title,
      publisher: input.publisher ?? '—',
      language: [...chains.keys()].join(', '),
      editions: ordered.length,
      years: yearsLabel(ordered),
      comparisons: comparisons.length,
      trends: trends.length
    })
  }

  files.set(
    'index.html',
    renderTemplate('site-index.njk', {
      lang: 'en',
      title: 'wpdiff reports',
      series: rows,
      anyTrends: rows.some((row) => row.trends > 0),
      ...footer
    })
  )
  return files
}
