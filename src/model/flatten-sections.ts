import type {Edition, FlatSection, Section} from './edition.js'

/** Every section of an edition in document order, with its path, parent and position. */
export function flattenSections(edition: Pick<Edition, 'sections'>): FlatSection[] {
  const out: FlatSection[] = []
  const walk = (sections: Section[], path: string[], parentId: string | null): void => {
    sections.forEach((section, index) => {
      const here = [...path, section.heading]
      out.push({section, path: here, parentId, index, order: out.length})
      walk(section.children, here, section.id)
    })
  }
  walk(edition.sections, [], null)
  return out
}
