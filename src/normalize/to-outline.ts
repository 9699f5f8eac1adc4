import type {Edition, InputFormat, SectionSummary, TocEntry} from '../model/edition.js'
import {flattenSections} from '../model/flatten-sections.js'
import {toSectionSummary} from '../model/to-section-summary.js'

/** `wpdiff/outline@1`: an edition's metadata and its sections, flat, in document order. */
export interface OutlineResult {
  schema: 'wpdiff/outline@1'
  edition: {
    series: string
    edition: string
    year: number | null
    title: string
    language: string
    words: number
    source: {file: string; format: InputFormat; sha256: string}
  }
  /** One entry per heading, the document title excluded. */
  sections: SectionSummary[]
  /** The printed table of contents, when the input had one; else empty. */
  toc: TocEntry[]
}

/** The outline of an edition (what `wpdiff outline --json` prints). */
export function toOutline(edition: Edition): OutlineResult {
  return {
    schema: 'wpdiff/outline@1',
    edition: {
      series: edition.series,
      edition: edition.edition,
      year: edition.year,
      title: edition.title,
      language: edition.language,
      words: edition.words,
      source: {...edition.source}
    },
    sections: flattenSections(edition).map(toSectionSummary),
    toc: edition.toc
  }
}
