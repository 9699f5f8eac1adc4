import type {FlatSection, SectionSummary} from './edition.js'

/** The JSON face of a section, shared by `wpdiff/outline@1` and `wpdiff/compare@1`. */
export function toSectionSummary({section, path}: FlatSection): SectionSummary {
  return {
    id: section.id,
    heading: section.heading,
    numbering: section.numbering,
    title: section.title,
    level: section.level,
    path,
    words: section.words,
    totalWords: section.totalWords,
    page: section.page,
    // Only where the original prints other page numbers than its physical ones: other JSON stays as it was.
    ...(section.pageLabel !== undefined ? {pageLabel: section.pageLabel} : {})
  }
}
