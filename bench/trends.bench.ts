/**
 * Trends over the 34 UN General Debate statements (target ≤ 1 s) and over 20 synthetic editions of
 * 150,000 words (target ≤ 5 s), each beside a baseline run in the same process: the same terms
 * counted with a plain case-insensitive regex loop over the editions' text.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {ingestEdition} from '../src/ingest/ingest-edition.js'
import {blocksToText} from '../src/model/blocks-to-text.js'
import type {Edition} from '../src/model/edition.js'
import {flattenSections} from '../src/model/flatten-sections.js'
import {computeTrends} from '../src/trends/compute-trends.js'
import {traceLineages} from '../src/align/trace-lineages.js'
import {measure, peakRssMb, report, type Timing} from './measure.js'
import {seededRandom} from '../tests/support/seeded-random.js'

const corpus = path.resolve(import.meta.dirname, '../../shared/corpora/un-general-debate-kor')
const terms = ['nuclear', 'Korean Peninsula', 'climate', 'pandemic', 'human rights', 'sustainable development']

function editionText(edition: Edition): string {
  return [blocksToText(edition.preamble), ...flattenSections(edition).map(({section}) => blocksToText(section.blocks))].join('\n\n')
}

function regexBaseline(texts: string[]): number {
  let total = 0
  const patterns = terms.map((term) => new RegExp(`\\b${term.replace(/ /gu, '\\s+')}\\b`, 'gi'))
  for (const text of texts) for (const pattern of patterns) total += text.match(pattern)?.length ?? 0
  return total
}

/** 20 editions of ~150,000 words: real UN sentences reshuffled into 12 chapters × 8 sections, drifting a little each year. */
async function synthetic(sentences: string[]): Promise<Edition[]> {
  const next = seededRandom(42)
  const editions: Edition[] = []
  for (let e = 0; e < 20; e++) {
    const lines: string[] = [`---\nseries: synthetic\nedition: "${2001 + e}"\nyear: ${2001 + e}\nlanguage: en\n---`]
    let words = 0
    for (let c = 1; c <= 12; c++) {
      lines.push(`# Chapter ${c}. Policy area ${c}`)
      for (let s = 1; s <= 8; s++) {
        lines.push(`## ${c}.${s} Topic ${c}-${s}`)
        const target = 150_000 / 96
        let sectionWords = 0
        while (sectionWords < target) {
          // Later editions draw from a window further along the pool: emphasis drifts.
          const start = Math.floor((e / 20) * sentences.length * 0.5)
          const sentence = sentences[(start + Math.floor(next() * sentences.length * 0.5)) % sentences.length]!
          const paragraph = [sentence, sentences[Math.floor(next() * sentences.length)]!].join(' ')
          lines.push(paragraph)
          sectionWords += paragraph.split(/\s+/u).length
        }
        words += sectionWords
      }
    }
    const {edition} = await ingestEdition(new TextEncoder().encode(lines.join('\n\n')), {file: `${2001 + e}.md`})
    editions.push(edition)
    void words
  }
  return editions
}

/** `measure`, with the process's CPU time per call (warm-up included) beside the wall-clock median: other helpers share the 2 cores. */
async function measureCpu(
  label: string,
  fn: () => unknown,
  options: {runs?: number; warmup?: number} = {}
): Promise<{timing: Timing; cpuMs: number}> {
  const before = process.cpuUsage()
  const timing = await measure(label, fn, options)
  const used = process.cpuUsage(before)
  return {timing, cpuMs: (used.user + used.system) / 1000 / ((options.runs ?? 5) + (options.warmup ?? 1))}
}

export default async function bench(): Promise<void> {
  const names = readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .sort()
  const un: Edition[] = []
  for (const name of names) {
    const file = path.join(corpus, name)
    un.push((await ingestEdition(new Uint8Array(readFileSync(file)), {file, language: 'en'})).edition)
  }
  const unTexts = un.map(editionText)
  const base = await measure('baseline: regex loop, 6 terms, 34 UN editions', () => regexBaseline(unTexts))
  report(base)
  const {timing: full, cpuMs: fullCpu} = await measureCpu(
    'computeTrends, 34 UN editions (ngram 2, lineages)',
    () => computeTrends(un, {terms}),
    {runs: 3}
  )
  report(full, `target ≤ 1000 ms; ${(full.medianMs / base.medianMs).toFixed(0)}× the baseline; CPU ${fullCpu.toFixed(0)} ms/run`)

  const sentences = unTexts.flatMap((text) => text.split(/(?<=[.!?])\s+/u)).filter((s) => s.split(' ').length > 5)
  const big = await synthetic(sentences)
  const bigWords = big.reduce((sum, e) => sum + e.words, 0)
  const bigTexts = big.map(editionText)
  const bigBase = await measure(
    `baseline: regex loop, 20 × ${Math.round(bigWords / 20 / 1000)}k-word editions`,
    () => regexBaseline(bigTexts),
    {runs: 3}
  )
  report(bigBase)
  const {timing: bigFull, cpuMs: bigCpu} = await measureCpu(
    'computeTrends, 20 synthetic editions (ngram 2, lineages)',
    () => computeTrends(big, {terms}),
    {runs: 3, warmup: 0}
  )
  report(bigFull, `target ≤ 5000 ms; ${(bigFull.medianMs / bigBase.medianMs).toFixed(0)}× the baseline; CPU ${bigCpu.toFixed(0)} ms/run`)
  const {timing: noLineages, cpuMs: noLineagesCpu} = await measureCpu(
    'computeTrends, same, lineages: false',
    () => computeTrends(big, {terms, lineages: false}),
    {runs: 3, warmup: 0}
  )
  report(noLineages, `CPU ${noLineagesCpu.toFixed(0)} ms/run`)
  // What the lineages cost on their own: the structural differ over top-level sections.
  const {timing: lineagesOnly, cpuMs: lineagesCpu} = await measureCpu(
    'traceLineages, same, maxLevel 1 (part of the first)',
    () => traceLineages(big, {maxLevel: 1}),
    {runs: 1, warmup: 0}
  )
  report(lineagesOnly, `CPU ${lineagesCpu.toFixed(0)} ms/run`)
  console.log(`  peak RSS ${peakRssMb().toFixed(0)} MB`)
}
