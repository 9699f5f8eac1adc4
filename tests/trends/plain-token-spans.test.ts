import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {plainTokenSpans} from '../../src/trends/plain-token-spans.js'
import {isPlain, plainTokens} from '../../src/trends/plain-tokens.js'
import {corpusFiles} from './load-fixture.js'

/** Tokens of text[from, to) read in place, as plainTokens reports them. */
function inPlace(text: string, from: number, to: number): {texts: string[]; kinds: number[]} {
  const spans: number[] = []
  plainTokenSpans(text, from, to, spans)
  const texts: string[] = []
  const kinds: number[] = []
  for (let k = 0; k < spans.length; k += 3) {
    texts.push(text.slice(spans[k]!, spans[k + 1]!))
    kinds.push(spans[k + 2]!)
  }
  return {texts, kinds}
}

function sliced(text: string, from: number, to: number): {texts: string[]; kinds: number[]} {
  const texts: string[] = []
  const kinds: number[] = []
  plainTokens(text.slice(from, to), texts, kinds, true)
  return {texts, kinds}
}

describe('plainTokenSpans', () => {
  it('reads nothing past the end it is given', () => {
    // Whole, `12a` is a word and `5%` a number; cut after the digits, they are numbers alone.
    expect(inPlace('in 12a', 0, 5)).toEqual(sliced('in 12a', 0, 5))
    expect(inPlace('in 12a', 0, 5).texts).toEqual(['in', '12'])
    expect(inPlace('5%a', 0, 1).texts).toEqual(['5'])
    expect(inPlace("don't", 0, 4).texts).toEqual(['don', "'"])
    expect(inPlace('1.5', 0, 2).texts).toEqual(['1', '.'])
  })

  it('gives plainTokens’ tokens for any slice of plain text (property)', () => {
    const unit = fc.constantFrom('a', 'Z', '1', '9', ' ', '\t', '.', ',', ':', "'", '’', '-', '–', '%', '$', '_', '“', '•', '3D', 'x1.2')
    fc.assert(
      fc.property(fc.string({unit, maxLength: 30}), fc.nat(), fc.nat(), (text, a, b) => {
        const from = a % (text.length + 1)
        const to = from + (b % (text.length - from + 1))
        expect(inPlace(text, from, to)).toEqual(sliced(text, from, to))
      }),
      {numRuns: 20_000}
    )
  })

  it('gives plainTokens’ tokens for every plain line of the corpora, read inside its file', () => {
    let checked = 0
    for (const file of corpusFiles()) {
      const text = file.text.toLowerCase()
      let from = 0
      for (const line of text.split('\n')) {
        const to = from + line.length
        if (isPlain(line)) {
          checked++
          expect(inPlace(text, from, to), line).toEqual(sliced(text, from, to))
        }
        from = to + 1
      }
    }
    expect(checked).toBeGreaterThan(10_000)
  })
})
