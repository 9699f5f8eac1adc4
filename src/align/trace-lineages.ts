import type {Block, Edition, EditionRef, FlatSection, Message, Section, SectionSummary} from '../model/edition.js'
import {toEditionRef} from '../model/to-edition-ref.js'
import {toSectionSummary} from '../model/to-section-summary.js'
import {
  alignSections,
  type AlignedRelation,
  type Alignment,
  type AlignOptions,
  type RelationFlag,
  type RelationKind
} from './align-sections.js'
import {listAlignableSections} from './list-alignable-sections.js'
import {createProfileCache} from './profile-sections.js'

/** One edition of a history. */
export interface HistoryEdition extends EditionRef {
  /** Alignable sections taking part (a `(preamble)` pseudo-section included when there is one; only those up to `maxLevel` when given). */
  sections: number
}

/** A lineage in one edition. */
export interface LineageStep {
  /** Edition label (`HistoryEdition.edition`). */
  edition: string
  /** The lineage's section in this edition, or null when it has none. */
  section: SectionSummary | null
  /**
   * The relation that led here from the previous edition: `matched` (with flags), `split`,
   * `merged`, `added` (the lineage begins), `removed` (the first edition without it); null in the
   * first edition and in every edition after the one it ended in.
   */
  relation: RelationKind | null
  /** The relation's flags (renamed, renumbered, moved, modified). */
  flags: RelationFlag[]
  /** The relation's similarity, or null where `relation` is null. */
  similarity: number | null
  /**
   * Other lineages in the same split or merge: for a lineage that continues, the ones that split off
   * or were merged in; for one that split off, the one it came from; for one merged away, the one it
   * went into. Empty otherwise.
   */
  with: string[]
  /**
   * `added` and `removed` steps only, when the aligner found one (`AlignedRelation.foundIn`): the
   * lineage whose section (in the previous edition for `added`, in this one for `removed`) holds
   * at least half of the section's text, and that share. A lineage that begins with text an old
   * section still has (a new policy repeating another's instructions) is not new text.
   */
  foundIn?: {lineage: string; share: number}
}

/** One section identity followed across editions. */
export interface Lineage {
  /** `<edition label>/<section id>` of the section it began with: unique and stable. */
  id: string
  /** Heading in the last edition it is present in. */
  heading: string
  /** Label of the first edition it is present in. */
  first: string
  /** Label of the last edition it is present in. */
  last: string
  /** One step per edition, in edition order. */
  steps: LineageStep[]
}

/** `wpdiff history --json`: the `wpdiff/history@1` document. */
export interface History {
  schema: 'wpdiff/history@1'
  /** The editions in the order they were chained (oldest first). */
  editions: HistoryEdition[]
  /** Lineages of the first edition in document order, then those begun later, by edition and document order. */
  lineages: Lineage[]
  /** Warnings of the alignments, prefixed with the pair of editions they concern. */
  messages: Message[]
}

interface Working {
  id: string
  steps: (LineageStep | undefined)[]
}

/** Options of {@link traceLineages}. */
export interface TraceOptions {
  /** Alignment tuning (defaults in `AlignOptions`), when the editions are aligned here. */
  align?: AlignOptions
  /**
   * Alignments of consecutive editions already made (`alignments[i]` maps `editions[i]` to
   * `editions[i + 1]`, as `alignSections` returns them): used instead of aligning again. Default:
   * every consecutive pair is aligned here.
   */
  alignments?: readonly Alignment[]
  /**
   * Only sections at this depth or above (1 = top-level) take part; deeper ones have no lineage.
   * Editions are then aligned on their sections down to that depth, each carrying the text of its
   * descendants (far less work on a long edition); given `alignments` are narrowed to those sections.
   * Default: every section.
   */
  maxLevel?: number
}

/**
 * `edition` cut at depth `maxLevel`: a section there keeps its own text and gets, in place of its
 * sub-sections, one untitled pseudo-section holding all their text. So it still reads as a section
 * with sub-sections (its subtree counts in its similarity, and a rewritten merge of chapters is still
 * found by resemblance), at a fraction of the sections. The pseudo-sections take no part in lineages.
 */
function truncateEdition(edition: Edition, maxLevel: number): Edition {
  const descendantBlocks = (section: Section): Block[] => [...section.blocks, ...section.children.flatMap(descendantBlocks)]
  const cut = (section: Section): Section => {
    if (section.level < maxLevel) return {...section, children: section.children.map(cut)}
    if (section.children.length === 0) return section
    const words = section.totalWords - section.words
    const rest: Section = {
      id: `${section.id}\u0000sub-sections`,
      heading: '',
      numbering: null,
      title: '',
      level: section.level + 1,
      blocks: section.children.flatMap(descendantBlocks),
      children: [],
      words,
      totalWords: words,
      page: null
    }
    return {...section, children: [rest]}
  }
  return {...edition, sections: edition.sections.map(cut)}
}

/**
 * `alignment` narrowed to the sections in `oldIds` / `newIds`: each relation keeps its members that
 * take part; one left alone on a side becomes added or removed, and a split or merge reduced to one
 * section a side becomes a match (keeping its flags and similarity).
 */
function narrowAlignment(alignment: Alignment, oldIds: Set<string>, newIds: Set<string>): Alignment {
  const relations: AlignedRelation[] = []
  for (const relation of alignment.relations) {
    const old = relation.old.filter((id) => oldIds.has(id))
    const next = relation.new.filter((id) => newIds.has(id))
    if (old.length > 0 && next.length > 0) {
      const kind: RelationKind = old.length > 1 ? 'merged' : next.length > 1 ? 'split' : 'matched'
      relations.push({...relation, kind, old, new: next})
    } else {
      // A section that was added or removed already keeps where its text is.
      const home = relation.foundIn ? {foundIn: relation.foundIn} : {}
      // A member cut off its relation by the level limit: nothing decided that it stands alone.
      const alone = {decidedBy: [], content: relation.similarity, doubtful: false}
      for (const id of old)
        relations.push({
          kind: 'removed',
          flags: [],
          similarity: relation.similarity,
          old: [id],
          new: [],
          ...(relation.kind === 'removed' ? home : {}),
          evidence: relation.kind === 'removed' ? relation.evidence : alone
        })
      for (const id of next)
        relations.push({
          kind: 'added',
          flags: [],
          similarity: relation.similarity,
          old: [],
          new: [id],
          ...(relation.kind === 'added' ? home : {}),
          evidence: relation.kind === 'added' ? relation.evidence : alone
        })
    }
  }
  return {relations, messages: alignment.messages}
}

/**
 * Chain the alignments of consecutive editions (given oldest first) into lineages, one per section
 * identity. In a split the new section with the old one's title (else the largest) continues the
 * lineage and the others begin new ones; in a merge the new section continues the lineage of the
 * old one with its title (else the largest) and the others end there.
 */
export function traceLineages(editions: Edition[], options: TraceOptions = {}): History {
  const {maxLevel} = options
  if (options.alignments && options.alignments.length !== Math.max(0, editions.length - 1))
    throw new Error(
      `traceLineages: ${options.alignments.length} alignments given for ${editions.length} editions; pass one per consecutive pair.`
    )
  const takesPart = (flat: FlatSection): boolean => maxLevel === undefined || flat.section.level <= maxLevel
  const flats = editions.map((edition) => listAlignableSections(edition).filter(takesPart))
  // Each edition is aligned with the one before and the one after: one cache (and one cut-down
  // copy per edition) lets both alignments share its tokenised sections.
  const cache = createProfileCache()
  const align: AlignOptions = {cache, ...(maxLevel === undefined ? {} : {maxLevel}), ...options.align}
  const truncated: Edition[] = []
  const cutDown = (k: number): Edition => (truncated[k] ??= truncateEdition(editions[k]!, maxLevel!))
  const aligned = (old: Edition, next: Edition): Alignment => {
    const alignment = alignSections(old, next, align)
    // Editions are aligned in order: the older one is not needed again.
    cache.forget(old)
    return alignment
  }
  const alignmentOf = (k: number): Alignment => {
    const given = options.alignments?.[k - 1]
    if (maxLevel === undefined) return given ?? aligned(editions[k - 1]!, editions[k]!)
    const alignment = given ?? aligned(cutDown(k - 1), cutDown(k))
    return narrowAlignment(alignment, new Set(flats[k - 1]!.map((f) => f.section.id)), new Set(flats[k]!.map((f) => f.section.id)))
  }
  const lineages: Working[] = []
  const messages: Message[] = []
  let previous = new Map<string, number>()
  const start = (edition: number, flat: FlatSection, step: Omit<LineageStep, 'edition' | 'section'>): number => {
    const index = lineages.length
    lineages.push({id: `${editions[edition]!.edition}/${flat.section.id}`, steps: []})
    lineages[index]!.steps[edition] = {edition: editions[edition]!.edition, section: toSectionSummary(flat), ...step}
    return index
  }
  for (const flat of flats[0] ?? []) previous.set(flat.section.id, start(0, flat, {relation: null, flags: [], similarity: null, with: []}))
  for (let k = 1; k < editions.length; k++) {
    const label = editions[k]!.edition
    const byId = new Map(flats[k]!.map((flat) => [flat.section.id, flat]))
    const oldById = new Map(flats[k - 1]!.map((flat) => [flat.section.id, flat]))
    const alignment = alignmentOf(k)
    for (const message of alignment.messages) messages.push({...message, text: `${editions[k - 1]!.edition} → ${label}: ${message.text}`})
    const current = new Map<string, number>()
    const put = (lineage: number, id: string | null, step: Omit<LineageStep, 'edition' | 'section'>): void => {
      lineages[lineage]!.steps[k] = {edition: label, section: id === null ? null : toSectionSummary(byId.get(id)!), ...step}
      if (id !== null) current.set(id, lineage)
    }
    // Which of several sections carries the lineage on: the one with the other side's title, else the largest.
    const heir = (ids: string[], map: Map<string, FlatSection>, title: string): string =>
      ids.find((id) => map.get(id)!.section.title === title) ??
      [...ids].sort((x, y) => map.get(y)!.section.totalWords - map.get(x)!.section.totalWords)[0]!
    // Removed sections' text homes are new sections, whose lineages are known once all are placed.
    const homes: {step: LineageStep; id: string; share: number}[] = []
    for (const relation of alignment.relations) {
      const base = {relation: relation.kind, flags: relation.flags, similarity: relation.similarity}
      if (relation.kind === 'added') {
        const flat = byId.get(relation.new[0]!)!
        const lineage = start(k, flat, {...base, with: []})
        current.set(flat.section.id, lineage)
        // A home deeper than `maxLevel` has no lineage.
        const home = relation.foundIn && previous.get(relation.foundIn.id)
        if (home !== undefined) lineages[lineage]!.steps[k]!.foundIn = {lineage: lineages[home]!.id, share: relation.foundIn!.share}
      } else if (relation.kind === 'removed') {
        const lineage = previous.get(relation.old[0]!)!
        put(lineage, null, {...base, with: []})
        if (relation.foundIn) homes.push({step: lineages[lineage]!.steps[k]!, id: relation.foundIn.id, share: relation.foundIn.share})
      } else if (relation.kind === 'matched') {
        put(previous.get(relation.old[0]!)!, relation.new[0]!, {...base, with: []})
      } else if (relation.kind === 'split') {
        const lineage = previous.get(relation.old[0]!)!
        const keep = heir(relation.new, byId, oldById.get(relation.old[0]!)!.section.title)
        const branches = relation.new
          .filter((id) => id !== keep)
          .map((id) => {
            const branch = start(k, byId.get(id)!, {...base, with: [lineages[lineage]!.id]})
            current.set(id, branch)
            return lineages[branch]!.id
          })
        put(lineage, keep, {...base, with: branches})
      } else {
        const target = relation.new[0]!
        const keep = heir(relation.old, oldById, byId.get(target)!.section.title)
        const lineage = previous.get(keep)!
        const others = relation.old.filter((id) => id !== keep).map((id) => previous.get(id)!)
        for (const other of others) put(other, null, {...base, with: [lineages[lineage]!.id]})
        put(lineage, target, {...base, with: others.map((other) => lineages[other]!.id)})
      }
    }
    for (const {step, id, share} of homes) {
      const home = current.get(id)
      if (home !== undefined) step.foundIn = {lineage: lineages[home]!.id, share}
    }
    previous = current
  }
  return {
    schema: 'wpdiff/history@1',
    editions: editions.map((e, k) => ({...toEditionRef(e), sections: flats[k]!.length})),
    lineages: lineages.map((lineage) => {
      const steps = editions.map(
        (e, k): LineageStep =>
          lineage.steps[k] ?? {edition: e.edition, section: null, relation: null, flags: [], similarity: null, with: []}
      )
      const present = steps.filter((step) => step.section !== null)
      return {
        id: lineage.id,
        heading: present[present.length - 1]!.section!.heading,
        first: present[0]!.edition,
        last: present[present.length - 1]!.edition,
        steps
      }
    }),
    messages
  }
}
