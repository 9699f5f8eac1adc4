import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {countTerm, countUnion, toTermQuery} from '../../src/trends/count-terms.js'
import {createVocabulary, indexEdition} from '../../src/trends/index-edition.js'
import {stopWords} from '../../src/text/languages.js'
import {corporaDir, fixturesDir, grepCount, loadFolder} from './load-fixture.js'

describe('term counts on fixtures (counted by hand)', () => {
  for (const name of readdirSync(fixturesDir).filter((entry) => !entry.includes('.'))) {
    it(name, async () => {
      const folder = path.join(fixturesDir, name)
      const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as {terms: Record<string, number[]>}
      const terms = readFileSync(path.join(folder, 'terms.list'), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
      const editions = await loadFolder(folder)
      const result = computeTrends(editions, {terms})
      expect(Object.fromEntries(result.terms.map((term) => [term.term, term.counts]))).toEqual(expected.terms)
      // Every counted occurrence has a sentence behind it that contains the term's characters.
      for (const term of result.terms.filter((t) => t.kind === 'phrase')) {
        term.evidence.forEach((lines, i) => {
          expect(lines.length > 0).toBe(term.counts[i]! > 0)
          for (const line of lines) {
            expect(line.match).not.toBeNull()
            const [start, end] = line.match!
            expect(line.sentence.slice(start, end).replace(/\s+/gu, '')).toContain(term.term.split(' ')[0]!.slice(0, 2))
          }
        })
      }
    })
  }
})

describe('term counts on the UN General Debate statements', () => {
  it('equal an independent whole-word count on every edition', async () => {
    const folder = path.join(corporaDir, 'un-general-debate-kor')
    const editions = await loadFolder(folder, {language: 'en'})
    const stop = stopWords('en')
    const vocabulary = createVocabulary()
    const terms = ['nuclear', 'Korean Peninsula', 'climate change', 'sustainable development', 'human rights']
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .sort()
    // The nine statements copied into tests/fixtures (the whole series is in `npm run eval`).
    expect(editions).toHaveLength(9)
    editions.forEach((edition, i) => {
      const text = readFileSync(path.join(folder, files[i]!), 'utf8')
      const index = indexEdition(edition, vocabulary, stop)
      for (const term of terms) {
        expect(countTerm(index, toTermQuery(term, 'en'), 0).count, `${term} in ${files[i]}`).toBe(grepCount(text, term))
      }
    })
  })
})

describe('countUnion', () => {
  it('counts overlapping matches once', () => {
    expect(
      countUnion([
        [[0, 7]],
        [
          [0, 15],
          [20, 27]
        ]
      ])
    ).toBe(2)
    expect(
      countUnion([
        [
          [0, 3],
          [4, 8]
        ],
        [[2, 5]]
      ])
    ).toBe(1)
    expect(countUnion([])).toBe(0)
  })
})
