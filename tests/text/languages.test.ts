import {describe, expect, it} from 'vitest'
import {toContentWords} from '../../src/align/content-terms.js'
import {toTitleKey} from '../../src/align/title-similarity.js'
import {countWords} from '../../src/text/count-words.js'
import {languageOf, segmenterOf, stopWords} from '../../src/text/languages.js'
import {tokenize} from '../../src/text/tokenize.js'

const withStopWords = ['en', 'ko', 'ja', 'zh', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'fa', 'id', 'ar', 'pl', 'sv', 'tr', 'vi']

describe('languageOf', () => {
  it('reads a tag by its primary subtag, whatever its case and region', () => {
    expect(languageOf('zh-CN')).toBe(languageOf('ZH'))
    expect(languageOf('pt-BR').base).toBe('pt')
  })

  it('says which languages are segmented, unspaced, carry particles, and their title n-gram size', () => {
    expect(['zh', 'ja', 'ko', 'th', 'en'].map((tag) => languageOf(tag).segmented)).toEqual([true, true, true, false, false])
    expect(['zh', 'ja', 'ko', 'th', 'en'].map((tag) => languageOf(tag).unspaced)).toEqual([true, true, false, true, false])
    expect(['zh', 'ko', 'en'].map((tag) => languageOf(tag).titleGram)).toEqual([2, 2, 3])
    expect(languageOf('ko').splitParticle?.('한반도의')).toEqual(['한반도', '의'])
    expect(languageOf('en').splitParticle).toBeNull()
  })

  it('has stop words for 18 languages, none for others', () => {
    for (const tag of withStopWords) expect(stopWords(tag).size, tag).toBeGreaterThan(10)
    expect(stopWords('xx').size).toBe(0)
    expect(stopWords('en').has('shall')).toBe(true)
  })

  it('keeps stop words one token each, normalised like compared words', () => {
    for (const tag of withStopWords)
      for (const word of stopWords(tag)) {
        expect(word, tag).toBe(word.normalize('NFKC').toLowerCase())
        expect(/\s/u.test(word), tag).toBe(false)
      }
  })
})

describe('one language registry for every stage', () => {
  it('alignment drops exactly the stop words trends drop, in every language listed', () => {
    for (const tag of ['en', 'ar', 'pl', 'sv', 'tr', 'vi', 'de']) {
      const words = [...stopWords(tag)].filter((word) => /^[\p{L}\p{N}]+$/u.test(word)).slice(0, 20)
      expect(toContentWords([...words, 'zzyzx'].join(' '), tag), tag).toEqual(['zzyzx'])
    }
  })

  it('makes one segmenter per locale and granularity', () => {
    expect(segmenterOf('ja', 'word')).toBe(segmenterOf('ja', 'word'))
    expect(segmenterOf('ja', 'word')).not.toBe(segmenterOf('ja', 'sentence'))
    expect(() => segmenterOf('not a tag', 'word')).toThrow(RangeError)
  })

  it('cuts Chinese the same way for tokens, content words and counts', () => {
    const text = '云原生安全白皮书'
    const tokens = tokenize(text, 'zh').map((token) => token.text)
    expect(toContentWords(text, 'zh').filter((word) => !stopWords('zh').has(word))).toEqual(
      tokens.filter((word) => !stopWords('zh').has(word))
    )
    expect(countWords(text, 'zh')).toBe(tokens.length)
    expect(toTitleKey(text, 'zh').grams.has('云原')).toBe(true)
  })
})
