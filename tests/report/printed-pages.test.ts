import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {buildSite} from '../../src/report/build-site.js'
import {formatCompareText} from '../../src/report/format-compare-text.js'
import {renderCompareReport} from '../../src/report/render-compare-report.js'

/**
 * An edition as `wpdiff ingest` writes a PDF's: page comments where pages begin, and the PDF's page
 * labels in the front matter (front pages numbered i, ii, then the body from 1).
 */
async function paged(year: number, labels: string[] | null, scopePage: number, text: string) {
  const front = [
    '---',
    'series: guide',
    `edition: "${year}"`,
    `year: ${year}`,
    'title: Licence Guide',
    'language: en',
    'generator: wpdiff',
    ...(labels ? ['pageLabels:', ...labels.map((label) => `  - "${label}"`)] : []),
    '---'
  ]
  const body = `<!-- page: 1 -->\n\n# Foreword\n\nThis guide is published every year by the office.\n\n<!-- page: ${scopePage} -->\n\n# Scope\n\n${text}\n`
  return (await ingestEdition(new TextEncoder().encode(`${front.join('\n')}\n\n${body}`), {file: `${year}.md`})).edition
}

describe('page numbers a reader checks against the PDF', () => {
  const labels = ['i', 'ii', '1', '2', '3', '4']
  const editions = async () => [
    await paged(2023, labels, 3, 'The guide covers the handling of licences in products.'),
    await paged(2024, labels, 4, 'The guide covers the handling of licences in products and services.')
  ]

  it('compare text names the printed pages of both sides', async () => {
    const [before, after] = await editions()
    const line = formatCompareText(compareEditions(before!, after!))
      .split('\n')
      .find((l) => l.includes('Scope'))!
    expect(line).toMatch(/ {2}p\. 1 → p\. 2$/u)
  })

  it('the report card quotes the printed pages', async () => {
    const [before, after] = await editions()
    const html = renderCompareReport(compareEditions(before!, after!, {detail: 'blocks'}))
    expect(html).toContain(' · p. 1 ↔ p. 2</p>')
  })

  it('the series outline gives each section its printed page, and the PDF page where they differ', async () => {
    const site = buildSite([{series: 'guide', editions: await editions()}])
    const index = site.get('guide/index.html')!
    expect(index).toContain('<bdi>Scope</bdi> <span class="muted">(11 words, p. 2 (PDF page 4))</span>')
    expect(index).toContain('<bdi>Foreword</bdi> <span class="muted">(9 words, p. i (PDF page 1))</span>')
  })

  it('without page labels, the physical page', async () => {
    const before = await paged(2023, null, 3, 'The guide covers the handling of licences in products.')
    const after = await paged(2024, null, 4, 'The guide covers the handling of licences in products and services.')
    expect(formatCompareText(compareEditions(before, after))).toContain('  p. 3 → p. 4\n')
    const index = buildSite([{series: 'guide', editions: [before, after]}]).get('guide/index.html')!
    expect(index).toContain('<bdi>Scope</bdi> <span class="muted">(11 words, p. 4)</span>')
  })
})

describe('the series page', () => {
  it('gives each comparison’s similarity as its report’s headline does, a percentage, and says what it is', async () => {
    const before = await paged(2023, null, 3, 'The guide covers the handling of licences in products.')
    const after = await paged(2024, null, 4, 'The guide covers the handling of licences in products and services.')
    const index = buildSite([{series: 'guide', editions: [before, after]}]).get('guide/index.html')!
    const report = buildSite([{series: 'guide', editions: [before, after]}]).get('guide/2023-to-2024.html')!
    const headline = /<p class="headline"><strong>(\d+%) alike\.<\/strong>/u.exec(report)![1]!
    expect(index).toMatch(new RegExp(`<td class="num">${headline}</td></tr>`, 'u'))
    expect(index).toContain('<p class="muted">Similarity: how much of the older edition')
  })
})

describe('the pages of a paragraph in the redline', () => {
  it('are printed numbers like the card’s, and not said again for a paragraph on the card’s pages', async () => {
    const labels = ['i', 'ii', '1', '2', '3', '4', '5']
    const long = (lead: string) => `${lead} ${'The guide covers the handling of licences in products. '.repeat(3)}`
    const text = (first: string, second: string) =>
      `${long(first)}\n\n<!-- page: 5 -->\n\n${second} ${'Each product team keeps a list of its licences. '.repeat(3)}`
    const before = await paged(2023, labels, 4, text('First paragraph.', 'Old second paragraph on the next page.'))
    const after = await paged(2024, labels, 4, text('First paragraph, revised.', 'New second paragraph on the following page, changed.'))
    const html = renderCompareReport(compareEditions(before, after, {detail: 'blocks'}))
    const card = html.slice(html.indexOf('<article class="card kind-modified" id="scope"'))
    const article = card.slice(0, card.indexOf('</article>'))
    expect(article).toContain(' · p. 2 ↔ p. 2</p>')
    // The changed paragraph on sheet 5 is printed page 3 in both; before: `p. 5 ↔ p. 5`.
    expect(article).toContain('<span class="blk-note">p. 3 ↔ p. 3</span>')
    // The changed first paragraph is on the pages the card names: no note (was `p. 4 ↔ p. 4` under `p. 2 ↔ p. 2`).
    expect(article.match(/<span class="blk-note">p\. [^<]*<\/span>/gu)).toEqual(['<span class="blk-note">p. 3 ↔ p. 3</span>'])
  })
})
