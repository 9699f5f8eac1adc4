import type {Edition, FlatSection, Section} from '../model/edition.js'
import {flattenSections} from '../model/flatten-sections.js'

/** Id of the pseudo-section standing for an edition's untitled preamble (slugs never hold `(`). */
export const preambleId = '(preamble)'

/**
 * The sections alignment works on, in document order: every section of the edition, preceded by a
 * pseudo-section `(preamble)` when the edition has text before its first heading. An edition with
 * no headings at all is then compared as that one section.
 */
export function listAlignableSections(edition: Edition): FlatSection[] {
  const flat = flattenSections(edition)
  if (edition.preamble.length === 0) return flat
  const preamble: Section = {
    id: preambleId,
    heading: preambleId,
    numbering: null,
    title: '',
    level: 1,
    blocks: edition.preamble,
    children: [],
    words: edition.preambleWords,
    totalWords: edition.preambleWords,
    page: null
  }
  return [{section: preamble, path: [], parentId: null, index: -1, order: 0}, ...flat.map((entry) => ({...entry, order: entry.order + 1}))]
}
