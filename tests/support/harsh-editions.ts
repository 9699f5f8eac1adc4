/**
 * A harsh generator of edition pairs, written apart from synthetic-editions.ts (which is kind: it
 * keeps titles and most text). Every category is renumbered under a new year and the categories
 * are shuffled; each has the same generic sub-sections ("Example Attack Scenarios", "How to
 * Prevent", "References"); text drifts as over an eight-year gap (a share of the words replaced,
 * sentences reordered); some categories are renamed by synonym (title words replaced by unrelated
 * words), two pairs are merged and one is split with their text drifted, three are merged and one
 * split with their text rewritten (new sentences on the same topics), some are removed and
 * added, paragraphs move between kept categories, and the new edition declares one of its merges
 * in its introduction. Words are made-up syllables in Latin, Hangul (with particles) or Katakana.
 */
import type {CompareResult} from '../../src/compare/compare-editions.js'
import type {Edition} from '../../src/model/edition.js'
import {makeEdition, type Spec} from '../align/load-corpus.js'
import {seededRandom} from './seeded-random.js'

export type HarshScript = 'latin' | 'hangul' | 'kana'

export interface HarshOptions {
  seed: number
  script?: HarshScript
  /** Categories of the old edition (default 18). */
  categories?: number
  /** Share of the words of kept text replaced (default 0.3: eight years of drift). */
  drift?: number
}

/** A category-level relation the generator made, by top-level section id. */
export interface HarshTruth {
  old: string[]
  new: string[]
}

/** A paragraph moved verbatim from one kept category to another. */
export interface HarshMove {
  text: string
  /** Old category id it left. */
  from: string
  /** New category id it arrived in (the own text of that category). */
  to: string
}

export interface HarshPair {
  old: Edition
  next: Edition
  truth: HarshTruth[]
  moves: HarshMove[]
}

const syllables: Record<HarshScript, string[]> = {
  latin: 'ka ri to me su na lo vi pe ra du ko zi ta mu ne so ha gi be fu ly wo xe qu ja'.split(' '),
  // Korean words draw on hundreds of syllables: every initial and vowel, with no final or ㄴ, ㄹ, ㅇ.
  hangul: Array.from({length: 19 * 21 * 4}, (_, k) =>
    String.fromCharCode(0xac00 + (Math.floor(k / 84) * 21 + (Math.floor(k / 4) % 21)) * 28 + [0, 4, 8, 21][k % 4]!)
  ),
  kana: 'カ キ ク ケ コ サ シ ス セ ソ タ チ ツ テ ト ナ ニ ヌ ネ ノ ハ ヒ フ ヘ ホ マ ミ ム メ モ'.split(' ')
}
const particles = ['은', '는', '을', '를', '의', '에', '로']
const generic = ['Example Attack Scenarios', 'How to Prevent', 'References']

export function makeHarshPair(options: HarshOptions): HarshPair {
  const random = seededRandom(options.seed)
  const script = options.script ?? 'latin'
  const drift = options.drift ?? 0.3
  const count = options.categories ?? 18
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[list[i], list[j]] = [list[j]!, list[i]!]
    }
    return list
  }
  const used = new Set<string>()
  const word = (): string => {
    for (;;) {
      const w = Array.from({length: 2 + Math.floor(random() * 3)}, () => pick(syllables[script])).join('')
      if (!used.has(w)) {
        used.add(w)
        return w
      }
    }
  }
  const common = Array.from({length: 60}, word)
  const topic = (): string[] => Array.from({length: 40}, word)
  const inflect = (w: string): string => (script === 'hangul' && random() < 0.5 ? `${w}${pick(particles)}` : w)
  const joiner = script === 'kana' ? '' : ' '
  const stop = script === 'kana' ? '。' : '.'
  const sentence = (vocabulary: string[]): string[] =>
    Array.from({length: 10 + Math.floor(random() * 6)}, () => (random() < 0.7 ? pick(vocabulary) : pick(common)))
  const paragraph = (vocabulary: string[]): string[][] => Array.from({length: 2 + Math.floor(random() * 2)}, () => sentence(vocabulary))
  const render = (p: string[][]): string => p.map((s) => `${s.map(inflect).join(joiner)}${stop}`).join(' ')
  /** The paragraph eight years on: words replaced by others of the vocabulary, sentences reordered. */
  const drifted = (p: string[][], vocabulary: string[], share = drift): string[][] =>
    shuffle(p.map((s) => s.map((w) => (random() < share ? pick(random() < 0.5 ? vocabulary : common) : w))))
  const titleWords = (): string[] => Array.from({length: 2 + Math.floor(random() * 2)}, word)

  interface Category {
    title: string[]
    vocabulary: string[]
    own: string[][][]
    subs: string[][][][]
  }
  const category = (): Category => {
    const vocabulary = topic()
    return {
      title: titleWords(),
      vocabulary,
      own: Array.from({length: 3 + Math.floor(random() * 3)}, () => paragraph(vocabulary)),
      subs: generic.map(() => Array.from({length: 2}, () => paragraph(vocabulary)))
    }
  }
  const olds = Array.from({length: count}, category)
  const oldSpec = (c: Category, k: number): Spec => [
    `A${k + 1}:2017 ${c.title.join(' ')}`,
    c.own.map(render),
    generic.map((g, j): Spec => [g, c.subs[j]!.map(render)])
  ]

  // Fates: the first two removed, then two merges (pairs), a merge of three rewritten, one split,
  // one split rewritten, three renamed, the rest kept.
  const order = shuffle(olds.map((_, k) => k))
  const removed = order.slice(0, 2)
  const merges = [order.slice(2, 4), order.slice(4, 6)]
  const rewrittenMerge = order.slice(6, 9)
  const split = order[9]!
  const rewrittenSplit = order[10]!
  const renamed = new Set(order.slice(11, 14))
  const kept = order.slice(11)
  interface NewCategory {
    title: string[]
    own: string[][][]
    subs: string[][][][]
    from: number[]
  }
  const news: NewCategory[] = []
  const rewrite = (c: Category, paragraphs: string[][][]): string[][][] => paragraphs.map((p) => drifted(p, c.vocabulary))
  for (const k of kept) {
    const c = olds[k]!
    const title = renamed.has(k) ? c.title.map((w, i) => (i === 0 || random() < 0.5 ? word() : w)) : c.title
    news.push({title, own: rewrite(c, c.own), subs: c.subs.map((s) => rewrite(c, s)), from: [k]})
  }
  for (const [a, b] of merges) {
    const [ca, cb] = [olds[a!]!, olds[b!]!]
    const half = (c: Category): string[][][] => rewrite(c, c.own.slice(0, Math.ceil(c.own.length / 2) + 1))
    news.push({
      title: titleWords(),
      own: shuffle([...half(ca), ...half(cb)]),
      subs: generic.map((_, j) => [...rewrite(ca, ca.subs[j]!.slice(0, 1)), ...rewrite(cb, cb.subs[j]!.slice(0, 1))]),
      from: [a!, b!]
    })
  }
  // Rewritten: new sentences on the parts' topics, none of their wording; the title names none of them.
  const fresh = (vocabulary: string[], paragraphs: number): string[][][] => Array.from({length: paragraphs}, () => paragraph(vocabulary))
  news.push({
    title: titleWords(),
    own: shuffle(rewrittenMerge.flatMap((k) => fresh(olds[k]!.vocabulary, 2))),
    subs: generic.map(() => rewrittenMerge.flatMap((k) => fresh(olds[k]!.vocabulary, 1))),
    from: rewrittenMerge
  })
  {
    // Each part of a rewritten split takes half the old topic's words.
    const {vocabulary} = olds[rewrittenSplit]!
    for (const half of [vocabulary.slice(0, vocabulary.length / 2), vocabulary.slice(vocabulary.length / 2)])
      news.push({title: titleWords(), own: fresh(half, 3), subs: generic.map(() => fresh(half, 1)), from: [rewrittenSplit]})
  }
  {
    const c = olds[split]!
    const middle = Math.ceil(c.own.length / 2)
    for (const part of [c.own.slice(0, middle), c.own.slice(middle)])
      news.push({title: titleWords(), own: rewrite(c, part), subs: c.subs.map((s) => rewrite(c, s.slice(0, 1))), from: [split]})
  }
  for (let i = 0; i < 2; i++) {
    const c = category()
    news.push({title: c.title, own: c.own, subs: c.subs, from: []})
  }
  shuffle(news)

  // Paragraphs moved verbatim between kept categories (renamed ones included).
  const moves: HarshMove[] = []
  const keptNew = news.map((n, k) => ({n, k})).filter(({n}) => n.from.length === 1 && kept.includes(n.from[0]!))
  for (let m = 0; m < 4 && keptNew.length >= 2; m++) {
    const [source, target] = [keptNew[(2 * m) % keptNew.length]!, keptNew[(2 * m + 1) % keptNew.length]!]
    if (source.k === target.k || source.n.own.length < 3) continue
    const oldCategory = olds[source.n.from[0]!]!
    const index = oldCategory.own.length - 1
    const text = oldCategory.own[index]!
    // Gone from the source in the new edition, arriving whole (not drifted) at the end of the target.
    source.n.own = source.n.own.slice(0, -1)
    target.n.own = [...target.n.own, text]
    moves.push({text: render(text), from: String(source.n.from[0]!), to: String(target.k)})
  }

  const newSpec = (n: NewCategory, k: number): Spec => [
    `A${String(k + 1).padStart(2, '0')}:2021 ${n.title.join(' ')}`,
    n.own.map(render),
    generic.map((g, j): Spec => [g, n.subs[j]!.map(render)])
  ]
  // The introduction declares the first merge in so many words, naming the old titles.
  const declared = merges[0]!.map((k) => olds[k]!.title.join(' '))
  const intro: Spec = ['Introduction', [`In this edition we combined ${declared[0]} and ${declared[1]} into one category.`]]
  const language = script === 'hangul' ? 'ko' : script === 'kana' ? 'ja' : 'en'
  const old = withCodes(makeEdition(olds.map(oldSpec), {language}))
  const next = withCodes(makeEdition([intro, ...news.map(newSpec)], {language}))
  const oldId = (k: number): string => old.sections[k]!.id
  const newId = (k: number): string => next.sections[k + 1]!.id
  const truth: HarshTruth[] = [
    ...removed.map((k) => ({old: [oldId(k)], new: []})),
    ...news.map((n, k) => ({old: n.from.map(oldId), new: [newId(k)]}))
  ]
  // A split is one relation: its old category with both new parts.
  const splits = [split, rewrittenSplit].map(oldId)
  const splitParts = (id: string) => truth.filter((t) => t.old.length === 1 && t.old[0] === id)
  return {
    old,
    next,
    truth: [
      ...truth.filter((t) => !splits.some((id) => splitParts(id).includes(t))),
      ...splits.map((id) => ({old: [id], new: splitParts(id).flatMap((t) => t.new)}))
    ],
    moves: moves.map((m) => ({...m, from: oldId(Number(m.from)), to: newId(Number(m.to))}))
  }
}

/** Top-level headings `A1:2017 Title` get their code as numbering, as ingest would parse it. */
function withCodes(edition: Edition): Edition {
  for (const section of edition.sections) {
    const match = /^([A-Z]\d+:\d{4}) (.*)$/u.exec(section.heading)
    if (match) {
      section.numbering = match[1]!
      section.title = match[2]!
    }
  }
  return edition
}

/** How an alignment did on a harsh pair, at category level (top-level sections). */
export interface HarshScore {
  pairF1: number
  addedF1: number
  removedF1: number
  /** Share of the moved paragraphs the diff reports as moved into their new category. */
  movedRecall: number
}

function f1(found: Set<string>, truth: Set<string>): number {
  if (found.size === 0 && truth.size === 0) return 1
  const hits = [...found].filter((x) => truth.has(x)).length
  return found.size + truth.size === 0 ? 1 : (2 * hits) / (found.size + truth.size)
}

/** Score `result` (a `compareEditions` with `detail: 'blocks'`) of `pair`. */
export function scoreHarsh(pair: HarshPair, result: CompareResult): HarshScore {
  const top = (edition: Edition): Set<string> => new Set(edition.sections.map((s) => s.id))
  const [oldTop, newTop] = [top(pair.old), top(pair.next)]
  const sides = (relations: {old: string[]; new: string[]}[]) => {
    const pairs = new Set<string>()
    const added = new Set<string>()
    const removed = new Set<string>()
    for (const r of relations) {
      const [o, n] = [r.old.filter((id) => oldTop.has(id)), r.new.filter((id) => newTop.has(id))]
      for (const a of o) for (const b of n) pairs.add(`${a}\u0000${b}`)
      if (r.old.length === 0) for (const b of n) added.add(b)
      if (r.new.length === 0) for (const a of o) removed.add(a)
    }
    return {pairs, added, removed}
  }
  const found = sides(result.relations.map((r) => ({old: r.old.map((s) => s.id), new: r.new.map((s) => s.id)})))
  const truth = sides(pair.truth)
  // The introduction is added in truth too: it is no category.
  found.added.delete(pair.next.sections[0]!.id)
  const moved = pair.moves.filter((move) =>
    result.relations.some((r) => r.blocks?.some((b) => b.op === 'moved' && b.new?.section === move.to && b.old?.section === move.from))
  )
  return {
    pairF1: f1(found.pairs, truth.pairs),
    addedF1: f1(found.added, truth.added),
    removedF1: f1(found.removed, truth.removed),
    movedRecall: pair.moves.length === 0 ? 1 : moved.length / pair.moves.length
  }
}

/**
 * The truth at every level: each category relation, and under it the same generic sub-section of
 * every section on each side (merged under a merge, split under a split; added or removed with
 * their category), and the introduction added.
 */
export function harshTruthAllLevels(pair: HarshPair): HarshTruth[] {
  const byId = (edition: Edition) => new Map(edition.sections.map((s) => [s.id, s]))
  const [olds, news] = [byId(pair.old), byId(pair.next)]
  const out: HarshTruth[] = [{old: [], new: [pair.next.sections[0]!.id]}]
  const child = (section: Edition['sections'][number] | undefined, title: string): string[] =>
    (section?.children ?? []).filter((c) => c.title === title).map((c) => c.id)
  for (const t of pair.truth) {
    out.push(t)
    for (const title of generic) {
      const [o, n] = [t.old.flatMap((id) => child(olds.get(id), title)), t.new.flatMap((id) => child(news.get(id), title))]
      if (o.length > 0 && n.length > 0) out.push({old: o, new: n})
      else for (const id of [...o, ...n]) out.push(o.includes(id) ? {old: [id], new: []} : {old: [], new: [id]})
    }
  }
  return out
}
