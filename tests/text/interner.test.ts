import {describe, expect, it} from 'vitest'
import {Interner} from '../../src/text/interner.js'
import {hashFirst, hashSecond} from '../../src/text/pair-table.js'

describe('Interner', () => {
  it('numbers keys densely in order of first use, a slice of a longer text as its string', () => {
    const interner = new Interner()
    const text = 'world peace and peaces, not peas'
    expect(interner.find(text, 6, 11)).toBe(-1)
    expect(interner.intern(text, 6, 11)).toBe(0)
    expect(interner.intern('peaces')).toBe(1)
    expect(interner.intern('peace')).toBe(0)
    expect(interner.find(text, 16, 22)).toBe(1)
    expect(interner.find(text, 6, 9)).toBe(-1)
    expect(interner.intern('')).toBe(2)
    expect(interner.size).toBe(3)
  })

  it('keeps 200,000 random words apart through its growth, like a Map', () => {
    let state = 7
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return state / 2 ** 32
    }
    const interner = new Interner()
    const reference = new Map<string, number>()
    const found: number[] = []
    const expected: number[] = []
    for (let i = 0; i < 200_000; i++) {
      let word = ''
      const length = 1 + Math.floor(next() * 8)
      for (let k = 0; k < length; k++) word += String.fromCharCode(97 + Math.floor(next() * 6))
      const padded = `<${word}>`
      found.push(interner.intern(padded, 1, padded.length - 1))
      if (!reference.has(word)) reference.set(word, reference.size)
      expected.push(reference.get(word)!)
    }
    expect(found).toEqual(expected)
    expect(interner.size).toBe(reference.size)
    expect(reference.size).toBeGreaterThan(50_000)
  })

  it('takes a string key and its two hashes computed elsewhere as one key', () => {
    const interner = new Interner()
    const id = interner.intern('token')
    expect(interner.internPair(hashFirst('token', 0, 5), hashSecond('token', 0, 5))).toBe(id)
    expect(interner.findPair(hashFirst('other', 0, 5), hashSecond('other', 0, 5))).toBe(-1)
  })

  it('gives ids from one range to interners that share a counter (words and bigrams of one vocabulary)', () => {
    const counter = {size: 0}
    const words = new Interner(counter)
    const bigrams = new Interner(counter)
    const [alpha, beta] = [words.intern('alpha'), words.intern('beta')]
    expect(bigrams.internPair(alpha, beta)).toBe(2)
    expect(words.intern('gamma')).toBe(3)
    expect(bigrams.internPair(beta, alpha)).toBe(4)
    expect(bigrams.internPair(alpha, beta)).toBe(2)
    expect(words.size).toBe(5)
    expect(bigrams.size).toBe(5)
  })
})
