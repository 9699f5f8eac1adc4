/**
 * The fast paths of align/, diff/, text/ and trends/ against their reference paths (issue 16 §4):
 * each fast path and its reference run on the inputs the end-to-end task gives them, in one process,
 * alternating, and the difference is set against the CPU time of the whole task. A fast path that
 * saves under 3% of its task is not worth its code. CPU time (user + system) per run, median of
 * several: the machine is shared, so wall time says little.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {alignSections} from '../src/align/align-sections.js'
import {ContentVocabulary, toContentWords} from '../src/align/content-terms.js'
import {compareEditions} from '../src/compare/compare-editions.js'
import {resolveDiffOptions, tokenKey} from '../src/diff/diff-options.js'
import {TokenKeys} from '../src/diff/diff-tokens.js'
import {ingestEdition} from '../src/ingest/ingest-edition.js'
import {blockToText} from '../src/model/blocks-to-text.js'
import type {Edition} from '../src/model/edition.js'
import {flattenSections} from '../src/model/flatten-sections.js'
import {tokenize, tokenSpans} from '../src/text/tokenize.js'
import {blockSentences} from '../src/trends/block-sentences.js'
import {computeTrends} from '../src/trends/compute-trends.js'
import {plainSentences} from '../src/trends/plain-sentences.js'
import {isPlain, plainTokens} from '../src/trends/plain-tokens.js'
import {loadCorpusPool, makeSyntheticPair} from '../tests/support/synthetic-editions.js'
import {median} from './measure.js'

const shared = path.resolve(import.meta.dirname, '../../shared/corpora')

/** Median CPU milliseconds of one call of `fn` over `runs` runs, after one warm-up. */
function cpuMs(fn: () => unknown, runs = 5): number {
  fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage()
    fn()
    const used = process.cpuUsage(before)
    times.push((used.user + used.system) / 1000)
  }
  return median(times)
}

/** CPU of `fast` and `reference`, alternated `rounds` times so that drift hits both alike. */
function versus(fast: () => unknown, reference: () => unknown, rounds = 3): {fast: number; reference: number} {
  const f: number[] = []
  const r: number[] = []
  for (let i = 0; i < rounds; i++) {
    f.push(cpuMs(fast, 3))
    r.push(cpuMs(reference, 3))
  }
  return {fast: median(f), reference: median(r)}
}

function row(name: string, task: string, taskMs: number, timing: {fast: number; reference: number}, times = 1): void {
  const saved = (timing.reference - timing.fast) * times
  const gain = (100 * saved) / (taskMs + saved)
  console.log(
    `  ${name.padEnd(44)} fast ${timing.fast.toFixed(1).padStart(7)} ms  reference ${timing.reference.toFixed(1).padStart(7)} ms  ×${times}  ` +
      `${task} ${taskMs.toFixed(0)} ms: ${gain.toFixed(1)}% of it`
  )
}

function paragraphs(edition: Edition): string[] {
  const texts = edition.preamble.map(blockToText)
  for (const {section} of flattenSections(edition)) for (const block of section.blocks) texts.push(blockToText(block))
  return texts.filter((text) => text !== '')
}

export default async function run(): Promise<void> {
  const pair = makeSyntheticPair(
    {seed: 7, chapters: 15, sectionsPerChapter: 20, paragraphs: [4, 9], sentences: [2, 4], reuse: true},
    loadCorpusPool(shared)
  )
  const texts = [...paragraphs(pair.old), ...paragraphs(pair.new)]
  const align = cpuMs(() => alignSections(pair.old, pair.new))
  const compare = cpuMs(() => compareEditions(pair.old, pair.new), 3)
  console.log(
    `  synthetic pair: ${texts.length} paragraphs; alignSections ${align.toFixed(0)} ms, compareEditions ${compare.toFixed(0)} ms CPU`
  )

  // Every paragraph is tokenised twice by a compare: the aligner's content words, the diff's tokens.
  row(
    'tokenSpans (typed spans) vs tokenize',
    'compare',
    compare,
    versus(
      () => texts.map((text) => tokenSpans(text, 'en')),
      () => texts.map((text) => tokenize(text, 'en'))
    ),
    2
  )
  const options = resolveDiffOptions({}, 'en')
  row(
    'diff: token ids hashed from spans vs tokenKey',
    'compare',
    compare,
    versus(
      () => {
        const keys = new TokenKeys(options)
        for (const text of texts) keys.scan(text)
      },
      () => {
        const keys = new TokenKeys(options)
        for (const text of texts) for (const token of tokenize(text, 'en')) keys.id(tokenKey(token, options))
      }
    )
  )
  row(
    'align: content word ids vs toContentWords',
    'align',
    align,
    versus(
      () => {
        const vocabulary = new ContentVocabulary()
        for (const text of texts) vocabulary.wordIds(text, 'en')
      },
      () => {
        const vocabulary = new ContentVocabulary()
        for (const text of texts) for (const word of toContentWords(text, 'en')) vocabulary.idOf(word, 'en')
      }
    )
  )
  const corpus = path.join(shared, 'un-general-debate-kor')
  const un: Edition[] = []
  for (const name of readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .sort())
    un.push((await ingestEdition(new Uint8Array(readFileSync(path.join(corpus, name))), {file: name, language: 'en'})).edition)
  const blocks = un.flatMap(paragraphs)
  const plain = blocks.filter(isPlain)
  const trends = cpuMs(() => computeTrends(un, {terms: ['nuclear', 'climate']}), 3)
  console.log(`  UN statements: ${blocks.length} blocks, ${plain.length} plain; computeTrends ${trends.toFixed(0)} ms CPU`)
  row(
    'trends: plainSentences vs blockSentences',
    'trends',
    trends,
    versus(
      () => plain.map((text) => plainSentences(text, 'en')),
      () => plain.map((text) => blockSentences(text, 'en'))
    )
  )
  const sentences = plain.flatMap((text) => blockSentences(text, 'en').map((sentence) => sentence.text.toLowerCase()))
  row(
    'trends: plainTokens vs NFKC + tokenize',
    'trends',
    trends,
    versus(
      () => {
        for (const sentence of sentences) plainTokens(sentence, [], [])
      },
      () => {
        for (const sentence of sentences) tokenize(sentence.normalize('NFKC'), 'en')
      }
    )
  )
}
