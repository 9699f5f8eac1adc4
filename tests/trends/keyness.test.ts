import {describe, expect, it} from 'vitest'
import {keyness} from '../../src/trends/keyness.js'

// Hand computation (natural logs), table [[a, c], [b, d]] with a = term in old, b = term in new:
//   a=2, b=10, 1,000 words each: E = 6, 6, 994, 994;
//   G² = 2(2 ln(2/6) + 10 ln(10/6) + 998 ln(998/994) + 990 ln(990/994)) = 5.8543
//   Yates: cells moved 0.5 towards E: 2.5, 9.5, 997.5, 990.5 → G² = 4.3784
//   a=0, b=5, 3,650 vs 1,000 words: G² = 15.3883; Yates 10.8381 (just over the 10.83 cut)
describe('keyness', () => {
  it('matches hand-computed G² without correction', () => {
    const {g2} = keyness({oldCount: 2, newCount: 10, oldWords: 1000, newWords: 1000}, 'none')
    expect(g2).toBeCloseTo(5.8543, 3)
  })
  it('applies the Yates continuity correction by default', () => {
    expect(keyness({oldCount: 2, newCount: 10, oldWords: 1000, newWords: 1000}).g2).toBeCloseTo(4.3784, 3)
    expect(keyness({oldCount: 0, newCount: 5, oldWords: 3650, newWords: 1000}).g2).toBeCloseTo(10.8381, 3)
    expect(keyness({oldCount: 0, newCount: 5, oldWords: 3650, newWords: 1000}, 'none').g2).toBeCloseTo(15.3883, 3)
  })
  it('is signed by direction and antisymmetric', () => {
    const up = keyness({oldCount: 30, newCount: 10, oldWords: 5000, newWords: 8000})
    const down = keyness({oldCount: 10, newCount: 30, oldWords: 8000, newWords: 5000})
    expect(up.g2).toBeCloseTo(-20.5834, 3)
    expect(down.g2).toBeCloseTo(20.5834, 3)
    expect(up.logRatio).toBeCloseTo(-down.logRatio, 10)
  })
  it('gives log ratio with zero counts taken as 0.5', () => {
    // log2((5/1000) / (0.5/3650)) = log2(36.5)
    expect(keyness({oldCount: 0, newCount: 5, oldWords: 3650, newWords: 1000}).logRatio).toBeCloseTo(Math.log2(36.5), 10)
    expect(keyness({oldCount: 4, newCount: 8, oldWords: 1000, newWords: 2000}).logRatio).toBe(0)
  })
  it('is zero for equal relative frequencies and divides by Williams q', () => {
    expect(keyness({oldCount: 4, newCount: 8, oldWords: 1000, newWords: 2000}).g2).toBe(0)
    const plain = keyness({oldCount: 2, newCount: 10, oldWords: 1000, newWords: 1000}, 'none').g2
    const williams = keyness({oldCount: 2, newCount: 10, oldWords: 1000, newWords: 1000}, 'williams').g2
    const n = 2000
    const q = 1 + ((n / 12 + n / 1988 - 1) * (n / 1000 + n / 1000 - 1)) / (6 * n)
    expect(williams).toBeCloseTo(plain / q, 10)
    expect(williams).toBeLessThan(plain)
  })
})
