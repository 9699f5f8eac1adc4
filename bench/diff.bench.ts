/**
 * Diff benchmarks (issue 5):
 * - diffRelations over two 150,000-word editions with about 30% of paragraphs edited (plus some
 *   inserted, deleted and moved), beside jsdiff `diffWords` over the two whole texts in the same run;
 * - the worst single section: 20,000 words rewritten end to end (target ≤ 1 s).
 * Editions are generated from a seeded generator, so every run diffs the same text.
 */
import {diffWords} from 'diff'
import type {Block, Section} from '../src/model/edition.js'
import {blocksToText} from '../src/model/blocks-to-text.js'
import {diffRelations, type RelationPair} from '../src/diff/diff-relations.js'
import {diffSection} from '../src/diff/diff-section.js'
import {measure, peakRssMb, report} from './measure.js'
import {seededRandom} from '../tests/support/seeded-random.js'

const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'do', 'gi', 'ben', 'cor', 'tal']

function vocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'for', 'that', 'by'])
  while (words.size < size) {
    const length = 1 + Math.floor(rand() * 4)
    let word = ''
    for (let i = 0; i < length; i++) word += syllables[Math.floor(rand() * syllables.length)]
    words.add(word)
  }
  return [...words]
}

// Zipf-like choice: common words are much more frequent, as in real prose.
function pick(rand: () => number, words: string[]): string {
  return words[Math.floor(words.length * rand() ** 2.5)]!
}

function sentenceText(rand: () => number, words: string[], length: number): string {
  const parts: string[] = []
  for (let i = 0; i < length; i++) parts.push(pick(rand, words))
  if (rand() < 0.2) parts[Math.floor(rand() * length)] = String(Math.floor(rand() * 10_000))
  const text = parts.join(' ')
  return `${text[0]!.toUpperCase() + text.slice(1)}.`
}

function paragraphText(rand: () => number, words: string[], wordCount: number): string {
  const sentences: string[] = []
  let left = wordCount
  while (left > 0) {
    const length = Math.min(left, 10 + Math.floor(rand() * 15))
    sentences.push(sentenceText(rand, words, length))
    left -= length
  }
  return sentences.join(' ')
}

function paragraph(text: string): Block {
  return {type: 'paragraph', children: [{type: 'text', value: text}]}
}

function section(id: string, paragraphs: string[]): Section {
  return {
    id,
    heading: id,
    numbering: null,
    title: id,
    level: 1,
    blocks: paragraphs.map(paragraph),
    children: [],
    words: 0,
    totalWords: 0,
    page: null
  }
}

/** Replace, insert or delete a few words of a paragraph. */
function editParagraph(rand: () => number, words: string[], text: string): string {
  const parts = text.split(' ')
  const edits = 1 + Math.floor(rand() * 6)
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * parts.length)
    const kind = rand()
    if (kind < 0.5) parts[at] = pick(rand, words)
    else if (kind < 0.75) parts.splice(at, 0, pick(rand, words), pick(rand, words))
    else if (parts.length > 5) parts.splice(at, 1)
  }
  return parts.join(' ')
}

/** Two editions of ~`totalWords` words in sections of ~1,000 words: ~30% of paragraphs edited. */
function syntheticPairs(totalWords: number): RelationPair[] {
  const rand = seededRandom(20_250_101)
  const words = vocabulary(rand, 6000)
  const sections = Math.round(totalWords / 1000)
  const olds: string[][] = []
  for (let s = 0; s < sections; s++) {
    const paragraphs: string[] = []
    for (let p = 0; p < 10; p++) paragraphs.push(paragraphText(rand, words, 60 + Math.floor(rand() * 80)))
    olds.push(paragraphs)
  }
  const news = olds.map((paragraphs) =>
    paragraphs.flatMap((text) => {
      const roll = rand()
      if (roll < 0.3) return [editParagraph(rand, words, text)]
      if (roll < 0.32) return []
      if (roll < 0.34) return [text, paragraphText(rand, words, 80)]
      return [text]
    })
  )
  // A few paragraphs move to another section, some of them edited on the way.
  for (let m = 0; m < sections / 5; m++) {
    const from = news[Math.floor(rand() * sections)]!
    const to = news[Math.floor(rand() * sections)]!
    if (from.length < 2) continue
    const [moved] = from.splice(Math.floor(rand() * from.length), 1)
    to.splice(Math.floor(rand() * (to.length + 1)), 0, rand() < 0.5 ? moved! : editParagraph(rand, words, moved!))
  }
  return olds.map((paragraphs, s) => ({old: [section(`s${s}`, paragraphs)], new: [section(`s${s}`, news[s]!)]}))
}

function rewrittenSection(wordCount: number): [Section, Section] {
  const rand = seededRandom(7)
  const words = vocabulary(rand, 6000)
  const make = (id: string) => {
    const paragraphs: string[] = []
    for (let left = wordCount; left > 0; left -= 100) paragraphs.push(paragraphText(rand, words, Math.min(100, left)))
    return section(id, paragraphs)
  }
  return [make('old'), make('new')]
}

const jsdiffBudgetMs = 120_000

/** CPU milliseconds of one call: with other work on the machine, wall time overstates our cost. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage()
  fn()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

const wordCount = (text: string) => text.split(/\s+/u).filter(Boolean).length

export default async function diffBench(): Promise<void> {
  const pairs = syntheticPairs(150_000)
  const oldText = pairs.map((p) => blocksToText(p.old[0]!.blocks)).join('\n\n')
  const newText = pairs.map((p) => blocksToText(p.new[0]!.blocks)).join('\n\n')
  console.log(`  editions: ${wordCount(oldText)} → ${wordCount(newText)} words, ${pairs.length} sections`)

  let result = diffRelations(pairs, {language: 'en'})
  const ours = await measure(
    'diffRelations, two 150k-word editions (30% edited)',
    () => {
      result = diffRelations(pairs, {language: 'en'})
    },
    {runs: 3}
  )
  const moved = result.relations.reduce((sum, relation) => sum + relation.stats.paragraphsMoved, 0)
  report(ours, `${moved} paragraphs moved, edit similarity ${result.measures.edit}`)
  const oursCpu = cpuMs(() => diffRelations(pairs, {language: 'en'}))
  console.log(`  (one more run: ${oursCpu.toFixed(0)} ms of CPU time)`)

  // jsdiff needs minutes here (178 s on a busy 2-core machine): one run, capped so the bench ends.
  let whole: unknown
  const baseline = await measure(
    'jsdiff diffWords over the two whole texts',
    () => {
      whole = diffWords(oldText, newText, {timeout: jsdiffBudgetMs})
    },
    {runs: 1, warmup: 0}
  )
  const ratio = (baseline.medianMs / ours.medianMs).toFixed(1)
  report(baseline, whole === undefined ? `gave up after ${jsdiffBudgetMs / 1000} s: ratio ≥ ${ratio}×` : `ratio ${ratio}× (target ≥ 5×)`)

  const [oldSection, newSection] = rewrittenSection(20_000)
  let worst = diffSection(oldSection, newSection, {language: 'en'})
  const timing = await measure(
    'diffSection, one 20,000-word section rewritten',
    () => {
      worst = diffSection(oldSection, newSection, {language: 'en'})
    },
    {runs: 3}
  )
  const ops = [...new Set(worst.blocks.map((block) => block.op))].join(', ')
  report(timing, `${timing.medianMs <= 1000 ? 'within' : 'OVER'} the 1 s target; blocks: ${ops}`)
  console.log(`  (one more run: ${cpuMs(() => diffSection(oldSection, newSection, {language: 'en'})).toFixed(0)} ms of CPU time)`)
  console.log(`  peak RSS ${peakRssMb().toFixed(0)} MB`)
}
