import {describe, expect, it} from 'vitest'
import {WordIds} from '../../src/trends/word-ids.js'

describe('WordIds', () => {
  it('finds a word by the characters of a slice, and nothing else', () => {
    const words: string[] = []
    const table = new WordIds(words)
    for (const word of ['peace', 'pea', 'peaces']) {
      words.push(word)
      table.add(words.length - 1)
    }
    const text = 'world peace and peaces, not peas'
    expect(table.find(text, 6, 11)).toBe(0)
    expect(table.find(text, 16, 22)).toBe(2)
    expect(table.find(text, 6, 9)).toBe(1)
    expect(table.find(text, 28, 32)).toBe(-1)
    expect(table.find(text, 0, 0)).toBe(-1)
  })

  it('keeps 200,000 random words apart through its growth, like a Map', () => {
    let state = 7
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return state / 2 ** 32
    }
    const words: string[] = []
    const table = new WordIds(words)
    const reference = new Map<string, number>()
    const found: number[] = []
    const expected: number[] = []
    for (let i = 0; i < 200_000; i++) {
      let word = ''
      const length = 1 + Math.floor(next() * 8)
      for (let k = 0; k < length; k++) word += String.fromCharCode(97 + Math.floor(next() * 6))
      const padded = `<${word}>`
      const id = table.find(padded, 1, padded.length - 1)
      found.push(id)
      expected.push(reference.get(word) ?? -1)
      if (id === -1) {
        reference.set(word, words.length)
        words.push(word)
        table.add(words.length - 1)
      }
    }
    expect(found).toEqual(expected)
    expect(reference.size).toBeGreaterThan(50_000)
  })

  it('takes ids in order only', () => {
    const words = ['a', 'b']
    const table = new WordIds(words)
    expect(() => table.add(1)).toThrow(/expected id 0/u)
  })
})
