/**
 * diffRelations on real yearly editions, with sections paired by the real aligner. The pinned
 * paragraph results were checked by reading both editions.
 */
import {beforeAll, describe, expect, test} from 'vitest'
import {alignSections} from '../../src/align/align-sections.js'
import {listAlignableSections} from '../../src/align/list-alignable-sections.js'
import {diffRelations, type BlockDiff, type RelationsDiff} from '../../src/diff/diff-relations.js'
import type {Edition} from '../../src/model/edition.js'
import {blockToText} from '../../src/model/blocks-to-text.js'
import {corporaDir as corpora} from '../support/corpora.js'
import {loadEdition} from './load-fixture.js'

async function compare(
  oldFile: string,
  newFile: string
): Promise<{result: RelationsDiff; blocks: BlockDiff[]; old: Edition; neu: Edition}> {
  const old = await loadEdition(`${corpora}/${oldFile}`)
  const neu = await loadEdition(`${corpora}/${newFile}`)
  const sections = (edition: Edition) => new Map(listAlignableSections(edition).map((flat) => [flat.section.id, flat.section]))
  const oldSections = sections(old)
  const newSections = sections(neu)
  const pairs = alignSections(old, neu).relations.map((relation) => ({
    old: relation.old.map((id) => oldSections.get(id)!),
    new: relation.new.map((id) => newSections.get(id)!)
  }))
  const result = diffRelations(pairs, {language: neu.language})
  const blocks = result.relations.flatMap((relation) => relation.blocks)
  // Lossless on real edits: the old side of every word diff is the old paragraph (whitespace and
  // apostrophe style aside: ignoreWhitespace is on by default and ’ always equals ').
  for (const block of blocks) {
    if (!block.tokens || !block.old) continue
    const oldText = blockToText(oldSections.get(block.old.section)!.blocks[block.old.block]!)
    const oldSide = block.tokens
      .filter(([op]) => op !== '+')
      .map(([, text]) => text)
      .join('')
    const plain = (text: string) => text.replace(/\s+/gu, ' ').replaceAll('’', "'")
    expect(plain(oldSide)).toBe(plain(oldText))
  }
  return {result, blocks, old, neu}
}

const at = (blocks: BlockDiff[], section: string, block: number) => blocks.find((b) => b.new?.section === section && b.new.block === block)!

/** Character length of each inserted or deleted run. */
const changedRuns = (blocks: BlockDiff[]) =>
  blocks.flatMap((b) => (b.tokens ?? []).filter(([op]) => op !== '=').map(([, text]) => [...text].length)).sort((x, y) => x - y)
const median = (values: number[]) => values[values.length >> 1]!

function checkInvariants({result, blocks}: {result: RelationsDiff; blocks: BlockDiff[]}): void {
  for (const block of blocks) {
    if (block.tokens)
      expect(
        block.tokens
          .filter(([op]) => op !== '-')
          .map(([, t]) => t)
          .join('')
      ).toBe(block.text)
    if (block.op === 'moved') expect(block.old).not.toBeNull()
  }
  for (const measures of [result.measures, ...result.relations.map((r) => r.measures)]) {
    for (const value of Object.values(measures)) {
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThanOrEqual(1)
    }
  }
}

describe('OWASP API Security Top 10, 2019 → 2023 (en)', () => {
  let run: Awaited<ReturnType<typeof compare>>
  beforeAll(async () => {
    run = await compare('owasp-api-security-top10/2019.en.md', 'owasp-api-security-top10/2023.en.md')
  })

  test('pinned paragraphs', () => {
    expect(at(run.blocks, 'notice', 0).tokens).toEqual([
      ['=', 'This is the text version of OWASP API Security Top 10, used as source for '],
      ['-', 'the'],
      ['+', 'any'],
      ['=', ' official '],
      ['-', 'version distributed as a Portable Document Format (PDF)'],
      ['+', 'versions of this document such the web site'],
      ['=', '.']
    ])
    expect(at(run.blocks, 'about-owasp', 0).tokens).toContainEqual(['+', 'Worldwide'])
    expect(at(run.blocks, 'about-owasp/copyright-and-license', 1)).toMatchObject({op: 'changed', noise: 'year-bump'})
    // Only today’s → today's: the same paragraph.
    expect(at(run.blocks, 'foreword', 0).op).toBe('equal')
    const goal = at(run.blocks, 'introduction/welcome-to-the-owasp-api-security-top-10-2023', 3)
    expect(goal.op).toBe('changed')
    expect(goal.tokens!.filter(([op]) => op !== '=')).toEqual([
      ['+', ' You can know more about the API Security Project visiting the project page.']
    ])
  })

  test('statistics and measures are consistent', () => {
    checkInvariants(run)
    const stats = run.result.relations.map((r) => r.stats)
    const sum = (key: 'wordsAdded' | 'wordsRemoved' | 'wordsUnchanged') => stats.reduce((total, s) => total + s[key], 0)
    // Every old word is kept or removed once (moved paragraphs count where they arrive).
    expect(sum('wordsUnchanged') + sum('wordsRemoved')).toBeGreaterThan(run.old.words * 0.9)
    expect(sum('wordsUnchanged') + sum('wordsAdded')).toBeGreaterThan(run.neu.words * 0.9)
    expect(run.result.measures.cosine).toBeGreaterThan(run.result.measures.edit)
  })
})

describe('CNCF cloud native security whitepaper, 2020 → 2022', () => {
  test('English: paragraphs moved between sections are found', async () => {
    const run = await compare('cncf-cloud-native-security-whitepaper/v1-2020.en.md', 'cncf-cloud-native-security-whitepaper/v2-2022.en.md')
    checkInvariants(run)
    const moved = run.blocks.filter((b) => b.op === 'moved')
    expect(moved.length).toBeGreaterThan(3)
    for (const block of moved) {
      const source = run.blocks.find(
        (b) => b.op === 'deleted' && b.movedTo?.section === block.new!.section && b.movedTo.block === block.new!.block
      )
      expect(source?.old).toEqual(block.old)
    }
  })

  test('Chinese: word diffs are word-sized, not sentence-sized', async () => {
    const run = await compare(
      'cncf-cloud-native-security-whitepaper/v1-2020.zh-CN.md',
      'cncf-cloud-native-security-whitepaper/v2-2022.zh-CN.md'
    )
    checkInvariants(run)
    const runs = changedRuns(run.blocks)
    expect(runs.length).toBeGreaterThan(500)
    expect(median(runs)).toBeLessThanOrEqual(4)
  })
})

describe('Firefox privacy notice, 2020 → 2021', () => {
  test('Korean: a particle change highlights the particle', async () => {
    const run = await compare('mozilla-firefox-privacy-notice/2020.ko.md', 'mozilla-firefox-privacy-notice/2021.ko.md')
    checkInvariants(run)
    const block = run.blocks.find((b) => b.text.startsWith('그렇기 때문에 당사는'))!
    expect(block.tokens!.filter(([op]) => op !== '=')).toEqual([
      ['-', '을 위해'],
      ['+', '에']
    ])
    expect(median(changedRuns(run.blocks))).toBeLessThanOrEqual(10)
  })

  test('Japanese: particles and words, not sentences', async () => {
    const run = await compare('mozilla-firefox-privacy-notice/2020.ja.md', 'mozilla-firefox-privacy-notice/2021.ja.md')
    checkInvariants(run)
    const block = run.blocks.find((b) => b.text.startsWith('本プライバシーに関する通知では'))!
    expect(block.tokens).toContainEqual(['-', 'を通じて'])
    expect(block.tokens).toContainEqual(['+', 'が'])
    expect(median(changedRuns(run.blocks))).toBeLessThanOrEqual(6)
  })
})
