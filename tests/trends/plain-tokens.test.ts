import {describe, expect, it} from 'vitest'
import {plainTokens} from '../../src/trends/plain-tokens.js'
import {tokenize} from '../../src/text/tokenize.js'
import {corpusFiles} from './load-fixture.js'

/** The non-space tokens `tokenize` gives, as the plain scanner reports them. */
function reference(text: string): {texts: string[]; kinds: number[]} {
  const kept = tokenize(text, 'en').filter((token) => token.kind !== 'space')
  return {texts: kept.map((token) => token.text), kinds: kept.map((token) => ['word', 'number', 'punct'].indexOf(token.kind))}
}

function scan(text: string): {texts: string[]; kinds: number[]} | null {
  const texts: string[] = []
  const kinds: number[] = []
  return plainTokens(text, texts, kinds) ? {texts, kinds} : null
}

describe('plainTokens', () => {
  it('gives the tokeniser’s tokens on tricky plain text', () => {
    const samples = [
      "don't well-known v1.2.0 API1:2019 $35,000,000 3.81% 2019-2020 5%a 5 % 5  % 3D 2nd 12.5a $x rock'n'roll",
      'it’s “quoted” — dash – 1990–1999 • end. a.b 1.b b.1 1:2 x_y -5 --x 5%%',
      'tabs\tand\nnew lines\r\nand UPPER Case 100.00.00 1,2,3 ,1 1,, $ $$5'
    ]
    for (const sample of samples) {
      for (const text of [sample, sample.toLowerCase()]) expect(scan(text)).toEqual(reference(text))
    }
    expect(scan('5%a')!.texts).toEqual(['5%', 'a'])
  })

  it('declines text outside its alphabet', () => {
    expect(scan('café')).toBeNull()
    expect(scan('한반도의 평화')).toBeNull()
    expect(scan('€5')).toBeNull()
    expect(scan('a\u00a0b')).toBeNull()
    expect(scan('wait…')).toBeNull()
  })

  it('gives the tokeniser’s tokens on every plain line of the corpora', () => {
    let checked = 0
    for (const file of corpusFiles()) {
      for (const line of file.text.split('\n')) {
        const text = line.toLowerCase()
        const fast = scan(text)
        if (fast === null) continue
        checked++
        expect(fast, text).toEqual(reference(text))
      }
    }
    expect(checked).toBeGreaterThan(10_000)
  })
})
