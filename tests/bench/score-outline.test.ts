import {describe, expect, it} from 'vitest'
import {pairHeadings, scoreOutline} from '../../bench/score-outline.js'

const h = (title: string, depth = 2) => ({title, depth})

describe('scoreOutline', () => {
  it('pairs a contents entry printed out of page order, and renumbered by it, with the heading of its title', () => {
    // govcio's contents lists `3) 人材育成…` last, at p. 52, after the entries for pp. 53 and 55; the page heads it `1)`.
    const truth = [
      h('5.5 国際連携', 1),
      h('1) ソリューションの提供と共有'),
      h('2) 方法論や手法の提供および共有'),
      h('3) 人材育成や組織設立の支援')
    ]
    const found = [
      h('5.5 国際連携', 1),
      h('1) 人材育成や組織設立の支援'),
      h('2) ソリューションの提供と共有'),
      h('3) 方法論や手法の提供および共有')
    ]
    const score = scoreOutline(truth, found)
    expect(score.recall).toBe(1)
    expect(score.precision).toBe(1)
    expect(pairHeadings(truth, found)).toContainEqual([3, 1])
  })

  it('pairs one heading with one entry at most, and bare numbers never', () => {
    const truth = [h('개요'), h('대상'), h('개요'), h('1)')]
    const found = [h('대상'), h('개요'), h('2)')]
    const pairs = pairHeadings(truth, found)
    expect(pairs).toHaveLength(2)
    expect(new Set(pairs.map(([, j]) => j)).size).toBe(2)
    expect(scoreOutline(truth, found).recall).toBe(0.5)
  })
})
