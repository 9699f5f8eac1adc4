import {describe, expect, it} from 'vitest'
import {inflectedWordStart, isInflection, isKanjiStem} from '../../src/text/japanese-inflection.js'
import {tokenize} from '../../src/text/tokenize.js'

const tokens = (text: string) => tokenize(text, 'ja')

describe('Japanese inflections', () => {
  it('tells an inflection from a particle, and a one-kanji stem from a longer word', () => {
    const [stem, ending] = tokens('払われた')
    expect([stem!.text, isKanjiStem(stem!), isInflection(ending!)]).toEqual(['払', true, true])
    expect(tokens('方の').map(isInflection)).toEqual([false, false])
    expect(isKanjiStem(tokens('構成')[0]!)).toBe(false)
  })

  it('finds where the word an inflection carries on begins: over the stem, not over a noun or past a particle', () => {
    // 努力|が|払|われ|た: the ending at 4 carries on 払 (2).
    const paid = tokens('努力が払われた')
    expect(paid.map((token) => token.text)).toEqual(['努力', 'が', '払', 'われ', 'た'])
    expect(inflectedWordStart(paid, 4)).toBe(2)
    // 構成|さ|れ|た: back over れ and さ, not over the noun 構成 whose する it is.
    const made = tokens('構成された')
    expect(made.map((token) => token.text)).toEqual(['構成', 'さ', 'れ', 'た'])
    expect(inflectedWordStart(made, 3)).toBe(1)
  })
})
