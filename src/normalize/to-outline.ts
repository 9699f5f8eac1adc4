import type {Edition, EditionRef, SectionSummary, SourceInfo, TocEntry} from '../model/edition.js'
import {toEditionRef} from '../model/to-edition-ref.js'
import {flattenSections} from '../model/flatten-sections.js'
import {toSectionSummary} from '../model/to-section-summary.js'

/** `wpdiff/outline@1`: an edition's metadata and its sections, flat, in document order. */
export interface OutlineResult {
  schema: 'wpdiff/outline@1'
  edition: EditionRef & {source: SourceInfo}
  /** One entry per heading, the document title excluded. */
  sections: SectionSummary[]
  /** The printed table of contents, when the input had one; else empty. */
  toc: TocEntry[]
}

/** The outline of an edition (what `wpdiff outline --json` prints). */
export function toOutline(edition: Edition): OutlineResult {
  return {
    schema: 'wpdiff/outline@1',
    edition: {...toEditionRef(edition), source: {...edition.source}},
    sections: flattenSections(edition).map(toSectionSummary),
    toc: edition.toc
  }
}
