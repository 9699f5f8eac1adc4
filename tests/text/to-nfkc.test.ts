import {describe, expect, it} from 'vitest'
import {isNfkcStable, toNfkc} from '../../src/text/to-nfkc.js'

describe('isNfkcStable', () => {
  // Every UTF-16 code unit: what the tokenisers that skip NFKC and lower-case a character at a
  // time rely on.
  const stable: string[] = []
  for (let code = 0; code < 0x10000; code++) if (isNfkcStable(String.fromCharCode(code))) stable.push(String.fromCharCode(code))

  it('holds for characters that NFKC leaves alone, that compose with nothing, and that lower-case to one character', () => {
    expect(stable.length).toBeGreaterThan(30_000)
    for (const char of stable) {
      expect(char.normalize('NFKC')).toBe(char)
      expect(char).not.toMatch(/\p{M}/u)
      expect(char.toLowerCase()).toHaveLength(1)
    }
    // Conjoining jamo compose with the syllable before them.
    expect(stable.some((char) => char >= '\u1100' && char <= '\u11ff')).toBe(false)
  })

  it('does not hold for text NFKC changes or that lower-cases by context', () => {
    for (const text of ['ﬁ', 'Ｆ', '…', '\u00a0', 'e\u0301', '가\u11a8', 'İ', 'Σ', '😀']) expect(isNfkcStable(text), text).toBe(false)
    expect(isNfkcStable('Plain “text” – ÀÉÎ 中文 한국어')).toBe(true)
  })
})

describe('toNfkc', () => {
  it('is String.prototype.normalize("NFKC")', () => {
    for (const text of ['Plain “text”', 'ﬁle', 'Ｆｕｌｌ', 'cafe\u0301', '가\u11a8', '']) expect(toNfkc(text)).toBe(text.normalize('NFKC'))
  })
})
