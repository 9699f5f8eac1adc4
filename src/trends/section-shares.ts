/**
 * Section emphasis: each chapter's share of its edition's words, followed along lineages so a
 * chapter renamed in one edition stays one row.
 */
import type {Edition, Section} from '../model/edition.js'
import type {SectionShare} from './trends-result.js'
import {preambleId} from '../align/list-alignable-sections.js'

/** One section identity over the editions: `sections[i]` is its section id in edition i, or null. */
export interface LineageInput {
  /** Stable lineage id. */
  id: string
  sections: (string | null)[]
}

/**
 * Shares of the lineages that are a top-level section in at least one edition, in the order the
 * lineages are given. A section nested in some edition still reports its words there (a chapter
 * demoted to a section keeps its line). Sections no lineage covers get a lineage of their own, so
 * every chapter of every edition appears exactly once. When an edition has text before its first
 * heading, a first row `(preamble)` holds it, so each edition's shares add up to the whole.
 */
export function sectionShares(editions: readonly Edition[], lineages: readonly LineageInput[]): SectionShare[] {
  const byId = editions.map((edition) => {
    const map = new Map<string, Section>()
    const walk = (section: Section): void => {
      map.set(section.id, section)
      section.children.forEach(walk)
    }
    edition.sections.forEach(walk)
    return map
  })
  const topLevel = editions.map((edition) => new Set(edition.sections.map((section) => section.id)))
  const rows: LineageInput[] = lineages.filter((lineage) => lineage.sections.some((id, i) => id !== null && topLevel[i]!.has(id)))
  const covered = editions.map((_, i) => new Set(rows.map((row) => row.sections[i]).filter((id) => id !== null)))
  editions.forEach((edition, i) => {
    for (const section of edition.sections) {
      if (covered[i]!.has(section.id)) continue
      const sections: (string | null)[] = editions.map(() => null)
      sections[i] = section.id
      rows.push({id: `${edition.edition}:${section.id}`, sections})
    }
  })
  const chapters = rows.map((row) => {
    const found = row.sections.map((id, i) => (id === null ? undefined : byId[i]!.get(id)))
    const words = found.map((section) => section?.totalWords ?? null)
    let label = ''
    for (const section of found) if (section) label = section.heading
    return {
      lineage: row.id,
      label,
      sections: found.map((section) => section?.id ?? null),
      headings: found.map((section) => section?.heading ?? null),
      words,
      shares: words.map((count, i) => {
        const total = editions[i]!.words
        return count === null ? null : total > 0 ? Math.round((count / total) * 10_000) / 10_000 : 0
      })
    }
  })
  // The text before the first heading is part of an edition's words: without its row an edition
  // whose disclaimer lost its heading (OpenChain 2.0) shows shares summing to 94%, the rest unexplained.
  if (!editions.some((edition) => edition.preambleWords > 0)) return chapters
  const words = editions.map((edition) => (edition.preambleWords > 0 ? edition.preambleWords : null))
  const preamble: SectionShare = {
    lineage: preambleId,
    label: preambleId,
    sections: words.map((count) => (count === null ? null : preambleId)),
    headings: words.map((count) => (count === null ? null : preambleId)),
    words,
    shares: words.map((count, i) => (count === null ? null : Math.round((count / editions[i]!.words) * 10_000) / 10_000))
  }
  return [preamble, ...chapters]
}
