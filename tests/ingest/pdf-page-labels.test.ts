import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'
import {toOutline} from '../../src/normalize/to-outline.js'
import {type TestLine, type TestPage, writePdf} from './pdf-writer.js'

const body = (text: string, y: number): TestLine => ({text, x: 72, y, size: 11})

/** A front page numbered `i`, then chapters on pages printed `1` and `2`: physical pages 2 and 3. */
function labelledPdf(labels: boolean): Uint8Array {
  const pages: TestPage[] = [
    {
      lines: [
        {text: 'Licence Guide', x: 72, y: 40, size: 26, bold: true},
        {text: 'Foreword', x: 72, y: 80, size: 18, bold: true},
        body('This guide is published every year by the office.', 110)
      ]
    },
    {lines: [{text: 'Scope', x: 72, y: 80, size: 18, bold: true}, body('The guide covers the handling of licences in products.', 110)]},
    {lines: [{text: 'Duties', x: 72, y: 80, size: 18, bold: true}, body('Each product team keeps a list of the licences it uses.', 110)]}
  ]
  if (labels) {
    for (const [i, label] of ['i', '1', '2'].entries()) pages[i]!.label = label
  }
  return writePdf(pages)
}

describe('page labels of a PDF', () => {
  it('gives each section the label printed on its first page, beside its physical page, through the normalised form', async () => {
    const {edition} = await ingestEdition(labelledPdf(true), {file: 'guide-2024.pdf'})
    const sections = flattenSections(edition).map(({section}) => [section.heading, section.page, section.pageLabel])
    expect(sections).toEqual([
      ['Foreword', 1, 'i'],
      ['Scope', 2, '1'],
      ['Duties', 3, '2']
    ])
    expect(edition.pageLabels).toEqual(['i', '1', '2'])
    expect(toOutline(edition).sections.map((s) => [s.page, s.pageLabel])).toEqual([
      [1, 'i'],
      [2, '1'],
      [3, '2']
    ])
    // Read back from its normalised Markdown (as the edition cache and `wpdiff ingest` keep it), it still knows them.
    const markdown = toNormalizedMarkdown(edition, {generator: 'wpdiff'})
    const again = (await ingestEdition(new TextEncoder().encode(markdown), {file: 'guide-2024.md'})).edition
    expect(flattenSections(again).map(({section}) => section.pageLabel)).toEqual(['i', '1', '2'])
  })

  it('adds nothing where the PDF defines no labels: the physical page is the one to quote', async () => {
    const {edition} = await ingestEdition(labelledPdf(false), {file: 'guide-2024.pdf'})
    expect(edition.pageLabels).toBeUndefined()
    expect(toOutline(edition).sections.map((s) => 'pageLabel' in s)).toEqual([false, false, false])
    expect(toNormalizedMarkdown(edition, {generator: 'wpdiff'})).not.toContain('pageLabels')
  })
})
