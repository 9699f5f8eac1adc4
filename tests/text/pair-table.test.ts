import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {endSecond, firstSeed, hashFirst, hashSecond, mixFirst, mixSecond, PairTable, secondSeed} from '../../src/text/pair-table.js'

describe('PairTable', () => {
  test('gives back every value set, through growth, and the missing value for pairs never set (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer(), fc.integer(), fc.nat()), {maxLength: 300}), (entries) => {
        // Four slots to begin with: the table grows several times.
        const table = new PairTable(4)
        const expected = new Map<string, number>()
        for (const [a, b, value] of entries) {
          table.set(a, b, value)
          expected.set(`${a},${b}`, value)
        }
        for (const [key, value] of expected) {
          const [a, b] = key.split(',').map(Number)
          expect(table.get(a!, b!, -1)).toBe(value)
        }
        const absent = entries.length === 0 ? [1, 2] : [entries[0]![0], entries[0]![1] ^ 0x5555]
        if (!expected.has(`${absent[0]},${absent[1]}`)) expect(table.get(absent[0]!, absent[1]!, -7)).toBe(-7)
      }),
      {numRuns: 200}
    )
  })

  test('keeps pairs that differ only in one half apart', () => {
    const table = new PairTable(8)
    table.set(1, 2, 10)
    table.set(2, 1, 20)
    table.set(1, 3, 30)
    expect([table.get(1, 2, -1), table.get(2, 1, -1), table.get(1, 3, -1), table.get(3, 1, -1)]).toEqual([10, 20, 30, -1])
  })
})

describe('key hashes', () => {
  test('hashing a range at once equals feeding its code units one by one', () => {
    const text = 'xx supply-chain’s 3.5 xx'
    let first = firstSeed
    let second = secondSeed
    for (let i = 3; i < 20; i++) {
      first = mixFirst(first, text.charCodeAt(i))
      second = mixSecond(second, text.charCodeAt(i))
    }
    expect(hashFirst(text, 3, 20)).toBe(first)
    expect(hashSecond(text, 3, 20)).toBe(endSecond(second, 17))
  })

  test('give distinct keys distinct pairs of hashes', () => {
    const words = new Set(
      'We must prevent the export of technology that endangers the security of the region; the region must prevent it'.split(/\W+/)
    )
    for (let n = 0; n < 5000; n++) words.add(`w${n}`)
    const keys = new Set([...words].map((word) => `${hashFirst(word, 0, word.length)},${hashSecond(word, 0, word.length)}`))
    expect(keys.size).toBe(words.size)
  })
})
