import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {ContentVocabulary, toContentWords} from '../../src/align/content-terms.js'

/** `toContentWords` interned one by one: what `wordIds` must give without building the strings. */
function interned(vocabulary: ContentVocabulary, text: string, language: string): number[] {
  return toContentWords(text, language).map((word) => vocabulary.idOf(word, language))
}

describe('toContentWords', () => {
  it('keeps joined words whole, folds case and width, drops stop words', () => {
    expect(toContentWords("The supply-chain isn't 3.5 times SAFER’s ﬁle, is it?", 'en')).toEqual([
      'supply-chain',
      "isn't",
      '3.5',
      'times',
      'safer’s',
      'file'
    ])
  })

  it('cuts Chinese and Japanese with Intl.Segmenter', () => {
    expect(toContentWords('云原生安全白皮书', 'zh-CN').join('')).toBe('云原生安全白皮书')
    expect(toContentWords('云原生安全白皮书', 'zh-CN').length).toBeGreaterThan(1)
  })

  it('keeps every word of a language without a stop-word list', () => {
    expect(toContentWords('the and of', 'xx')).toEqual(['the', 'and', 'of'])
  })
})

describe('ContentVocabulary.wordIds', () => {
  it('gives the ids of toContentWords on edge cases: accents, curly apostrophes, joiners at the ends, astral letters', () => {
    const texts = [
      'Café déjà-vu’s naïve résumé — ÉCOLE',
      "'quoted' -dash- trailing. 1,000,000 and 3.14.",
      '𝐀𝐁𝐂 math letters and 😀 emoji 𝟙𝟚',
      'Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ',
      'İstanbul ΣΊΣΥΦΟΣ Straße',
      // Read as they are (NFKC leaves every character alone), upper case folded a character at a time…
      'ÀÉÎ Ünïcode “Quoted” – DASH ×2 ÆSIR 中文 한국어',
      // …or not: a character met late that NFKC changes or that composes with the one before.
      'Plain words first, then ﬁle',
      'CAFE\u0301 au lait',
      'words, then … an ellipsis',
      'Hangul 가\u11a8 jamo',
      ''
    ]
    const vocabulary = new ContentVocabulary()
    for (const text of texts) expect(Array.from(vocabulary.wordIds(text, 'en')), text).toEqual(interned(vocabulary, text, 'en'))
    // A text that leaves the plain path half-way numbers no word the general path does not find.
    for (const text of texts) {
      const fresh = new ContentVocabulary()
      fresh.wordIds(text, 'en')
      expect(fresh.size, text).toBe(new Set(toContentWords(text, 'en')).size)
    }
    expect(vocabulary.wordIds('the of and', 'en').length).toBe(0)
  })

  it('gives the ids of toContentWords on random text (property)', () => {
    const vocabulary = new ContentVocabulary()
    const unit = fc.constantFrom(
      'a',
      'B',
      'é',
      'É',
      'ß',
      '×',
      '–',
      '“',
      '中',
      '한',
      'Ж',
      '’',
      "'",
      '-',
      '.',
      ',',
      ' ',
      '\n',
      '\t',
      '1',
      '𝐀',
      '😀',
      'ﬁ',
      'the',
      'İ',
      'Σ',
      '\u0301',
      '\u11a8',
      '\u00a0'
    )
    fc.assert(
      fc.property(fc.array(unit, {maxLength: 40}), (units) => {
        const text = units.join('')
        expect(Array.from(vocabulary.wordIds(text, 'en'))).toEqual(interned(vocabulary, text, 'en'))
      }),
      {numRuns: 500}
    )
  })

  it('gives the ids of toContentWords on real documents in English, Chinese and Korean', () => {
    const cases: [string, string][] = [
      ['editions/cncf-cloud-native-security-whitepaper/2022.md', 'en'],
      ['editions/cncf-cloud-native-security-whitepaper-zh-cn/2022.md', 'zh-CN'],
      ['editions/diplomatic-white-paper/2020.md', 'en'],
      ['tests/fixtures/trends/korean-particles/2020.md', 'ko']
    ]
    for (const [file, language] of cases) {
      const text = readFileSync(file, 'utf8')
      const vocabulary = new ContentVocabulary()
      const ids = vocabulary.wordIds(text, language)
      expect(ids.length).toBeGreaterThan(file.includes('korean') ? 10 : 200)
      expect(Array.from(ids)).toEqual(interned(vocabulary, text, language))
    }
  })

  it('shares ids between languages, each with its own stop words', () => {
    const vocabulary = new ContentVocabulary()
    const [english] = vocabulary.wordIds('die policy', 'en')
    const german = vocabulary.wordIds('die policy', 'de')
    // "die" is an English content word and a German stop word.
    expect(vocabulary.wordIds('die', 'en')).toEqual(Int32Array.of(english!))
    expect(Array.from(german)).toEqual([vocabulary.idOf('policy', 'en')])
  })

  it('numbers words and bigrams densely in order of first use', () => {
    const vocabulary = new ContentVocabulary()
    expect(Array.from(vocabulary.wordIds('alpha beta alpha gamma', 'en'))).toEqual([0, 1, 0, 2])
    expect(vocabulary.bigram(0, 1)).toBe(3)
    expect(vocabulary.bigram(1, 0)).toBe(4)
    expect(vocabulary.bigram(0, 1)).toBe(3)
    expect(vocabulary.size).toBe(5)
  })
})
