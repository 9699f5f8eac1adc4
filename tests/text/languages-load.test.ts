/**
 * The `stopword` package is loaded when stop words are first read, not when a language is looked up:
 * counting words (all that reading an edition asks of a language) never needs its 320 KB of lists.
 */
import {describe, expect, it, vi} from 'vitest'

const loaded: string[] = []
vi.mock('node:module', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:module')>()
  const createRequire = (from: string | URL) => {
    const require = real.createRequire(from)
    return Object.assign((id: string) => {
      loaded.push(id)
      return require(id)
    }, require)
  }
  return {...real, default: {...real, createRequire}, createRequire}
})

describe('the stop-word lists', () => {
  it('are loaded on the first look at stop words, once', async () => {
    const {languageOf, stopWords} = await import('../../src/text/languages.js')
    const {countWords} = await import('../../src/text/count-words.js')
    expect(languageOf('ko').segmented).toBe(true)
    expect(countWords('한국어 문서의 단어를 센다', 'ko')).toBe(4)
    expect(countWords('Count these words', 'en')).toBe(3)
    expect(loaded).toEqual([])
    expect(stopWords('en').has('the')).toBe(true)
    expect(languageOf('ko').stopWords.size).toBeGreaterThan(0)
    expect(loaded).toEqual(['stopword'])
  })
})
