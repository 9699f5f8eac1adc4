import {describe, expect, it} from 'vitest'
import {corporaDir} from '../support/corpora.js'
import {loadCorpusPool, makeSyntheticPair} from '../support/synthetic-editions.js'
import {subtreeCosines} from '../../src/align/detect-splits-merges.js'
import {profileSections} from '../../src/align/profile-sections.js'
import {cosine} from '../../src/align/sparse-vector.js'

describe('subtreeCosines', () => {
  const pair = makeSyntheticPair({seed: 3}, loadCorpusPool(corporaDir))
  const {old: olds, new: news} = profileSections(pair.old, pair.new)
  // Every old section stands in as a leftover; those without sub-sections are not judged.
  const leftovers = olds.map((p) => p.index)
  const judged = leftovers.filter((i) => olds[i]!.children.length > 0 && olds[i]!.tree.ids.length > 0)

  it('gives each judged leftover its subtree cosine with every target that has sub-sections, whatever the block size', () => {
    expect(judged.length).toBeGreaterThan(5)
    for (const block of [1, 4, 128]) {
      const rows = subtreeCosines(olds, leftovers, news, block)
      // Asked out of order, so blocks are made again and again.
      for (const i of [...judged].reverse().concat(judged)) {
        const row = rows(i)
        expect(row.length).toBe(news.length)
        news.forEach((target, j) => {
          const expected = target.children.length > 0 ? cosine(olds[i]!.tree, target.tree) : 0
          expect(row[j]).toBeCloseTo(expected, 12)
        })
      }
    }
  })

  it('refuses a section it was not given as a leftover with sub-sections', () => {
    const leaf = olds.find((p) => p.children.length === 0)!
    expect(() => subtreeCosines(olds, leftovers, news)(leaf.index)).toThrow(/not a leftover with sub-sections/)
  })
})
