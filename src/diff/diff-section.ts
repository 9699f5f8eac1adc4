/**
 * The in-section diff of one pair of sections: paragraphs aligned (equal, changed, inserted,
 * deleted, moved inside the section, rewritten), word diffs of the changed ones, statistics and
 * similarity measures. To find paragraphs moved between sections, diff all pairs of a comparison
 * at once with `diffRelations`.
 */
import type {Message, Section} from '../model/edition.js'
import type {DiffOptions} from './diff-options.js'
import {diffRelations, type RelationDiff} from './diff-relations.js'

/** Diff of one section pair. */
export interface SectionDiff extends RelationDiff {
  /** Notes such as paragraphs shown `rewritten` because their word diff exceeded the budget. */
  messages: Message[]
}

/** Diff the own blocks of `oldSection` and `newSection`; either may be null (section added or removed). */
export function diffSection(oldSection: Section | null, newSection: Section | null, options: DiffOptions = {}): SectionDiff {
  const result = diffRelations([{old: oldSection ? [oldSection] : [], new: newSection ? [newSection] : []}], options)
  return {...result.relations[0]!, messages: result.messages}
}
