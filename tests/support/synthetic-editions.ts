/**
 * Synthetic edition pairs with a known answer, built from real paragraphs and headings of a folder
 * of corpus series (the tests give `tests/fixtures/corpora`, the benchmarks `../shared/corpora`):
 * an old edition of chosen size (chapters → sections → generic sub-sections) and a new one with
 * light and complete renames, renumbering, moves across chapters, splits, merges, removals,
 * additions, an added and a removed chapter, and word edits in paragraphs. The expected relations
 * come with it, and {@link scoreAlignment} scores an alignment against them.
 * Used by tests/align/*.test.ts and bench/align.bench.ts (bench may import tests/support; tests
 * never import bench).
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {AlignedRelation, RelationFlag, RelationKind} from '../../src/align/align-sections.js'
import type {Block, Edition, Section} from '../../src/model/edition.js'
import {countWords} from '../../src/text/count-words.js'
import {toSlug} from '../../src/normalize/to-slug.js'
import {seededRandom} from './seeded-random.js'

/** What to build. Shares are of the old edition's sections (chapter level excluded). */
export interface SyntheticOptions {
  /** PRNG seed (default 1). */
  seed?: number
  /** Chapters in the old edition (default 8). */
  chapters?: number
  /** Sections per chapter (default 8). */
  sectionsPerChapter?: number
  /** Paragraphs per section, min and max (default [2, 6]). */
  paragraphs?: [number, number]
  /** Sentences per paragraph, min and max (default [2, 5]). */
  sentences?: [number, number]
  /** Renamed sections, half lightly and half completely (default 0.2). */
  renamed?: number
  /** Sections moved to another chapter (default 0.05). */
  moved?: number
  /** Sections split in two (default 0.04). */
  split?: number
  /** Sections merged with their next sibling (default 0.04). */
  merged?: number
  /** Sections removed (default 0.05). */
  removed?: number
  /** Sections added, relative to the old count (default 0.05). */
  added?: number
  /** Paragraphs given word edits (default 0.3). */
  edited?: number
  /**
   * When the corpus pool runs out, reuse its sentences with their words shuffled (default false:
   * refuse). Only for size benchmarks: such text shares more vocabulary than real editions do.
   */
  reuse?: boolean
}

/** One relation of the known answer (ids of the built editions). */
export interface ExpectedRelation {
  kind: RelationKind
  old: string[]
  new: string[]
  /** For matched relations: renamed, renumbered, moved, modified (as the generator made them). */
  flags: RelationFlag[]
}

export interface SyntheticPair {
  old: Edition
  new: Edition
  expected: ExpectedRelation[]
}

interface Node {
  /** Identity: kept by the node's counterpart in the new edition. */
  key: string
  title: string
  paragraphs: string[]
  children: Node[]
  /** Generic sub-sections carry a repeated title. */
  generic: boolean
}

export interface Pool {
  sentences: string[]
  titles: string[]
}

const cachedPools = new Map<string, Pool>()

/** Sentences and headings of the Latin-script editions of every series under `root` (read once per root). */
export function loadCorpusPool(root: string): Pool {
  const cached = cachedPools.get(root)
  if (cached) return cached
  const texts: string[] = []
  for (const series of readdirSync(root).sort()) {
    const folder = path.join(root, series)
    let names: string[]
    try {
      names = readdirSync(folder).sort()
    } catch {
      continue
    }
    // Latin-script editions of every series (translations add sentences that share no words).
    for (const name of names)
      if (
        /\.(md|txt)$/u.test(name) &&
        !/^SOURCE/u.test(name) &&
        !/\.(ja|ko|zh-CN|fa)\.md$/u.test(name) &&
        !/un-general-debate/u.test(folder)
      )
        texts.push(readFileSync(path.join(folder, name), 'utf8'))
  }
  const sentences = new Set<string>()
  // Series keep sentences from edition to edition, slightly reworded: one sentence per opening and
  // per ending, or unrelated synthetic sections would share near-identical text.
  const seenEnds = new Set<string>()
  const titles = new Map<string, string>()
  for (const text of texts) {
    for (const paragraph of text.split(/\n\s*\n/u)) {
      const flat = paragraph.replace(/\s+/gu, ' ').trim()
      const heading = /^#{1,6}\s+(.*)$/u.exec(flat)
      if (heading) {
        const title = heading[1]!
          .replace(/[*_`]|<[^>]+>|\[|\]\([^)]*\)/gu, '')
          .replace(/^[\dA-Z.:]+\s+(?=[A-Z])/u, '')
          .trim()
        const words = title.split(' ')
        if (/^[A-Z][a-z]/u.test(title) && words.length >= 2 && words.length <= 7 && !titles.has(title.toLowerCase()))
          titles.set(title.toLowerCase(), title)
        continue
      }
      if (!/^[A-Z]/u.test(flat) || flat.includes('|') || /\]\(|https?:/u.test(flat)) continue
      for (const sentence of flat.split(/(?<=[.!?])\s+(?=[A-Z])/u)) {
        const n = sentence.split(' ').length
        if (n < 8 || n > 45 || !/[a-z]{3,} [a-z]{3,}/u.test(sentence)) continue
        const words = sentence.toLowerCase().split(' ')
        const head = `h${words.slice(0, 4).join(' ')}`
        const tail = `t${words.slice(-4).join(' ')}`
        if (seenEnds.has(head) || seenEnds.has(tail)) continue
        seenEnds.add(head)
        seenEnds.add(tail)
        sentences.add(sentence)
        // Headings are scarce: the opening words of some sentences make more ("The Committee expects").
        const opening = sentence
          .split(' ')
          .slice(0, 4)
          .join(' ')
          .replace(/[^\p{L}\p{N} ]/gu, '')
        if (sentences.size % 3 === 0 && opening.split(' ').length >= 3 && !titles.has(opening.toLowerCase()))
          titles.set(opening.toLowerCase(), opening)
      }
    }
  }
  const pool = {sentences: [...sentences], titles: [...titles.values()]}
  cachedPools.set(root, pool)
  return pool
}

const genericTitles = ['Overview', 'Examples', 'References', 'Key Points']
const fillerWords = ['notably', 'current', 'further', 'relevant', 'updated', 'several', 'additional', 'important', 'new', 'overall']

/** Build a synthetic pair with its known answer. Deterministic for a given pool and options. */
export function makeSyntheticPair(options: SyntheticOptions, pool: Pool): SyntheticPair {
  const o = {
    seed: 1,
    chapters: 8,
    sectionsPerChapter: 8,
    paragraphs: [2, 6] as [number, number],
    sentences: [2, 5] as [number, number],
    renamed: 0.2,
    moved: 0.05,
    split: 0.04,
    merged: 0.04,
    removed: 0.05,
    added: 0.05,
    edited: 0.3,
    reuse: false,
    ...options
  }
  const random = seededRandom(o.seed)
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1))
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
  // Each sentence is used once (a repeat would be a real, unintended resemblance); a pair asking
  // for more text than the pool holds is refused.
  const order = pool.sentences.map((_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  let sentenceCursor = 0
  const paragraph = (): string => {
    const count = int(o.sentences[0], o.sentences[1])
    const out: string[] = []
    for (let i = 0; i < count; i++) {
      if (sentenceCursor >= order.length && !o.reuse)
        throw new Error(`the corpus pool has only ${order.length} sentences; ask for a smaller pair`)
      const n = order.length
      const i = sentenceCursor++
      if (i < n) out.push(pool.sentences[order[i]!]!)
      else {
        // A used sentence, picked at random (not in the order used, which would rebuild a whole
        // section's vocabulary elsewhere), its words shuffled: the same vocabulary, as an
        // edition's sections share it, without repeating its phrases, which would read as text
        // copied between sections.
        const words = pool.sentences[order[Math.floor(random() * n)]!]!.split(' ')
        for (let k = words.length - 1; k > 0; k--) {
          const j = Math.floor(random() * (k + 1))
          ;[words[k], words[j]] = [words[j]!, words[k]!]
        }
        out.push(words.join(' '))
      }
    }
    return out.join(' ')
  }
  const titles = [...pool.titles]
  for (let i = titles.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[titles[i], titles[j]] = [titles[j]!, titles[i]!]
  }
  let titleCursor = 0
  const used = new Set<string>()
  const freshTitle = (): string => {
    for (;;) {
      const base = titles[titleCursor % titles.length]!
      const round = Math.floor(titleCursor / titles.length)
      titleCursor++
      const title =
        round === 0
          ? base
          : `${base} ${['Revisited', 'in Practice', 'at Scale', 'and Beyond', 'Today'][round % 5]}${round >= 5 ? ` ${round}` : ''}`
      if (!used.has(title.toLowerCase())) {
        used.add(title.toLowerCase())
        return title
      }
    }
  }
  let keys = 0
  const node = (title: string, generic = false): Node => {
    const paragraphs: string[] = []
    const count = int(o.paragraphs[0], o.paragraphs[1])
    for (let i = 0; i < count; i++) paragraphs.push(paragraph())
    return {key: `k${keys++}`, title, paragraphs, children: [], generic}
  }
  const section = (): Node => {
    const s = node(freshTitle())
    if (random() < 0.4)
      for (const title of [...genericTitles].sort(() => random() - 0.5).slice(0, int(1, 2))) {
        const sub = node(title, true)
        sub.paragraphs = sub.paragraphs.slice(0, 2)
        s.children.push(sub)
      }
    return s
  }
  const chapter = (): Node => {
    const c = node(freshTitle())
    c.paragraphs = c.paragraphs.slice(0, 1)
    for (let i = 0; i < o.sectionsPerChapter; i++) c.children.push(section())
    return c
  }
  const oldTree: Node[] = []
  for (let i = 0; i < o.chapters; i++) oldTree.push(chapter())

  // The new edition: a deep copy with the same keys, then the operations.
  const clone = (n: Node): Node => ({...n, paragraphs: [...n.paragraphs], children: n.children.map(clone)})
  const newTree = oldTree.map(clone)
  const expected: ExpectedRelation[] = []
  const oldByKey = new Map<string, Node>()
  const walk = (list: Node[], f: (n: Node) => void): void => {
    for (const n of list) {
      f(n)
      walk(n.children, f)
    }
  }
  walk(oldTree, (n) => oldByKey.set(n.key, n))
  /** key → relation the generator decided; matched ones are filled at the end. */
  const fate = new Map<string, {kind: RelationKind; old: string[]; new: string[]; moved?: boolean}>()

  // A removed chapter (with everything in it) and an added one.
  const removedChapter = newTree.splice(int(1, newTree.length - 2), 1)[0]!
  walk([removedChapter], (n) => fate.set(n.key, {kind: 'removed', old: [n.key], new: []}))
  const addedChapter = chapter()
  newTree.splice(int(1, newTree.length - 1), 0, addedChapter)
  walk([addedChapter], (n) => fate.set(n.key, {kind: 'added', old: [], new: [n.key]}))

  const originals = newTree.filter((c) => c !== addedChapter)
  const sections = originals.flatMap((c) => c.children.map((s) => ({chapter: c, s})))
  const share = (x: number): number => Math.round(x * sections.length)
  const shuffled = [...sections].sort(() => random() - 0.5)
  let cursor = 0
  const take = (count: number, ok: (entry: (typeof sections)[number]) => boolean = () => true): (typeof sections)[number][] => {
    const out: (typeof sections)[number][] = []
    while (out.length < count && cursor < shuffled.length) {
      const entry = shuffled[cursor++]!
      if (!fate.has(entry.s.key) && ok(entry)) out.push(entry)
    }
    return out
  }
  const renameLight = (title: string): string => {
    const words = title.split(' ')
    const i = int(0, words.length - 1)
    return random() < 0.5
      ? [...words.slice(0, i), pick(fillerWords), ...words.slice(i)].join(' ').replace(/^./u, (c) => c.toUpperCase())
      : words.length > 2
        ? [...words.slice(0, i), ...words.slice(i + 1)].join(' ')
        : `${title}s`
  }
  const renames = take(share(o.renamed))
  for (const [i, {s}] of renames.entries()) s.title = i % 2 === 0 ? renameLight(s.title) : freshTitle()
  for (const {chapter: from, s} of take(share(o.moved))) {
    const to = pick(newTree.filter((c) => c !== from && c !== addedChapter))
    from.children.splice(from.children.indexOf(s), 1)
    to.children.splice(int(0, to.children.length), 0, s)
    fate.set(s.key, {kind: 'matched', old: [s.key], new: [s.key], moved: true})
  }
  for (const {chapter: c, s} of take(share(o.split), (e) => e.s.paragraphs.length >= 4)) {
    const half = Math.ceil(s.paragraphs.length / 2)
    const part: Node = {key: `k${keys++}`, title: freshTitle(), paragraphs: s.paragraphs.splice(half), children: [], generic: false}
    c.children.splice(c.children.indexOf(s) + 1, 0, part)
    fate.set(s.key, {kind: 'split', old: [s.key], new: [s.key, part.key]})
    fate.set(part.key, fate.get(s.key)!)
  }
  for (const {chapter: c, s} of take(share(o.merged), (e) => {
    const next = e.chapter.children[e.chapter.children.indexOf(e.s) + 1]
    return next !== undefined && !fate.has(next.key)
  })) {
    const next = c.children[c.children.indexOf(s) + 1]
    // An earlier merge of this round may have taken this section, or the one after it, already.
    if (fate.has(s.key) || next === undefined || fate.has(next.key)) continue
    c.children.splice(c.children.indexOf(next), 1)
    s.paragraphs.push(...next.paragraphs)
    s.children.push(...next.children)
    const relation = {kind: 'merged' as const, old: [s.key, next.key], new: [s.key]}
    fate.set(s.key, relation)
    fate.set(next.key, relation)
  }
  for (const {chapter: c, s} of take(share(o.removed))) {
    c.children.splice(c.children.indexOf(s), 1)
    walk([s], (n) => fate.set(n.key, {kind: 'removed', old: [n.key], new: []}))
  }
  for (let i = 0; i < share(o.added); i++) {
    const c = pick(originals)
    const s = section()
    c.children.splice(int(0, c.children.length), 0, s)
    walk([s], (n) => fate.set(n.key, {kind: 'added', old: [], new: [n.key]}))
  }
  // Word edits: replace, drop or insert a word or two in a share of the paragraphs.
  walk(newTree, (n) => {
    n.paragraphs = n.paragraphs.map((p) => {
      if (random() >= o.edited) return p
      const words = p.split(' ')
      for (let e = int(1, 3); e > 0; e--) {
        const i = int(0, words.length - 1)
        const r = random()
        if (r < 0.4) words[i] = pick(fillerWords)
        else if (r < 0.7 && words.length > 5) words.splice(i, 1)
        else words.splice(i, 0, pick(fillerWords))
      }
      return words.join(' ')
    })
  })

  const oldBuilt = build(oldTree, 'old', o.seed)
  const newBuilt = build(newTree, 'new', o.seed)
  const newByKey = new Map<string, Node>()
  walk(newTree, (n) => newByKey.set(n.key, n))
  const seen = new Set<object>()
  const ids = (list: string[], map: Map<string, string>): string[] =>
    list
      .map((k) => map.get(k)!)
      .sort((a, b) => (oldBuilt.order.get(a) ?? newBuilt.order.get(a)!) - (oldBuilt.order.get(b) ?? newBuilt.order.get(b)!))
  for (const key of [...oldByKey.keys(), ...newByKey.keys()]) {
    const f = fate.get(key)
    if (f) {
      if (seen.has(f)) continue
      seen.add(f)
      const relation: ExpectedRelation = {kind: f.kind, old: ids(f.old, oldBuilt.ids), new: ids(f.new, newBuilt.ids), flags: []}
      if (f.kind === 'matched') relation.flags = flagsOf(oldByKey.get(key)!, newByKey.get(key)!, oldBuilt, newBuilt, f.moved === true)
      expected.push(relation)
      continue
    }
    if (!oldByKey.has(key) || seen.has(oldByKey.get(key)!)) continue
    seen.add(oldByKey.get(key)!)
    const a = oldByKey.get(key)!
    const b = newByKey.get(key)!
    expected.push({
      kind: 'matched',
      old: [oldBuilt.ids.get(key)!],
      new: [newBuilt.ids.get(key)!],
      flags: flagsOf(a, b, oldBuilt, newBuilt, false)
    })
  }
  return {old: oldBuilt.edition, new: newBuilt.edition, expected}
}

function flagsOf(a: Node, b: Node, oldBuilt: Built, newBuilt: Built, moved: boolean): RelationFlag[] {
  const flags: RelationFlag[] = []
  if (a.title !== b.title) flags.push('renamed')
  // Renamed and renumbered at once is both.
  if (oldBuilt.numbering.get(a.key) !== newBuilt.numbering.get(b.key)) flags.push('renumbered')
  if (moved) flags.push('moved')
  if (a.paragraphs.join('\n') !== b.paragraphs.join('\n')) flags.push('modified')
  return flags
}

interface Built {
  edition: Edition
  ids: Map<string, string>
  numbering: Map<string, string | null>
  order: Map<string, number>
}

function build(tree: Node[], which: 'old' | 'new', seed: number): Built {
  const ids = new Map<string, string>()
  const numbering = new Map<string, string | null>()
  const order = new Map<string, number>()
  const taken = new Set<string>()
  const toSection = (n: Node, level: number, label: string | null, parentId: string | null): Section => {
    const heading = label ? `${label} ${n.title}` : n.title
    let id = parentId ? `${parentId}/${toSlug(heading)}` : toSlug(heading)
    for (let i = 2; taken.has(id); i++) id = `${id.replace(/-\d+$/u, '')}-${i}`
    taken.add(id)
    ids.set(n.key, id)
    numbering.set(n.key, label)
    order.set(id, order.size)
    const blocks: Block[] = n.paragraphs.map((value) => ({type: 'paragraph', children: [{type: 'text', value}]}))
    const words = n.paragraphs.reduce((sum, p) => sum + countWords(p, 'en'), 0)
    const children = n.children.map((child, i) => toSection(child, level + 1, child.generic ? null : `${label}.${i + 1}`, id))
    return {
      id,
      heading,
      numbering: label,
      title: n.title,
      level,
      blocks,
      children,
      words,
      totalWords: words + children.reduce((s, c) => s + c.totalWords, 0),
      page: null
    }
  }
  const sections = tree.map((n, i) => toSection(n, 1, String(i + 1), null))
  const words = sections.reduce((sum, s) => sum + s.totalWords, 0)
  const edition: Edition = {
    series: 'synthetic',
    edition: `${which}-${seed}`,
    year: which === 'old' ? 2020 : 2021,
    title: `Synthetic edition (${which}, seed ${seed})`,
    language: 'en',
    source: {file: `${which}.md`, format: 'md', sha256: ''},
    preamble: [],
    preambleWords: 0,
    sections,
    toc: [],
    words
  }
  return {edition, ids, numbering, order}
}

/** Quality of an alignment against the known answer. */
export interface AlignmentScore {
  /** Over (old id, new id) links of matched, split and merged relations. */
  pairPrecision: number
  pairRecall: number
  pairF1: number
  /** Over sections reported added (new ids) or removed (old ids). */
  addedRemovedF1: number
  /** Share of correctly found matched pairs whose flags equal the expected ones. */
  flagAccuracy: number
}

function f1(found: Set<string>, truth: Set<string>): {precision: number; recall: number; f1: number} {
  let hit = 0
  for (const item of found) if (truth.has(item)) hit++
  const precision = found.size === 0 ? 1 : hit / found.size
  const recall = truth.size === 0 ? 1 : hit / truth.size
  return {precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)}
}

/** Score `relations` (from `alignSections`) against `expected`. */
export function scoreAlignment(
  relations: readonly Pick<AlignedRelation, 'kind' | 'old' | 'new' | 'flags'>[],
  expected: readonly ExpectedRelation[]
): AlignmentScore {
  const links = (list: readonly Pick<AlignedRelation, 'kind' | 'old' | 'new'>[]): Set<string> =>
    new Set(list.filter((r) => r.old.length > 0 && r.new.length > 0).flatMap((r) => r.old.flatMap((a) => r.new.map((b) => `${a} → ${b}`))))
  const lone = (list: readonly Pick<AlignedRelation, 'kind' | 'old' | 'new'>[]): Set<string> =>
    new Set(list.flatMap((r) => (r.kind === 'added' ? r.new.map((b) => `+${b}`) : r.kind === 'removed' ? r.old.map((a) => `-${a}`) : [])))
  const pairs = f1(links(relations), links(expected))
  const addRemove = f1(lone(relations), lone(expected))
  const truth = new Map(expected.filter((r) => r.kind === 'matched').map((r) => [`${r.old[0]} → ${r.new[0]}`, r.flags.join(',')]))
  let right = 0
  let total = 0
  for (const r of relations) {
    if (r.kind !== 'matched') continue
    const flags = truth.get(`${r.old[0]} → ${r.new[0]}`)
    if (flags === undefined) continue
    total++
    if (flags === r.flags.join(',')) right++
  }
  return {
    pairPrecision: pairs.precision,
    pairRecall: pairs.recall,
    pairF1: pairs.f1,
    addedRemovedF1: addRemove.f1,
    flagAccuracy: total === 0 ? 1 : right / total
  }
}
