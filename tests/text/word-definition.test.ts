/**
 * The one definition of a word (src/text/languages.ts) as every stage reads it: the tokens of a
 * redline and of trends, the content words alignment compares (the same tokens, folded), and the
 * word count of an outline (words as a word processor counts them), and how the three relate.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {toContentWords} from '../../src/align/content-terms.js'
import {countWords} from '../../src/text/count-words.js'
import {stopWords} from '../../src/text/languages.js'
import {tokenize} from '../../src/text/tokenize.js'

/** Word and number tokens: the words of the definition. */
const words = (text: string, language: string): string[] =>
  tokenize(text, language)
    .filter((token) => token.kind === 'word' || token.kind === 'number')
    .map((token) => token.text)

const cases: {name: string; text: string; language: string; words: string[]; content: string[]; count: number}[] = [
  {
    name: 'English: joined across apostrophes, hyphens and digit dots; dashes and brackets cut',
    text: "The EU's well-known AI-Act (v1.2.0) isn't law—yet.",
    language: 'en',
    words: ['The', "EU's", 'well-known', 'AI-Act', 'v1.2.0', "isn't", 'law', 'yet'],
    content: ["eu's", 'well-known', 'ai-act', 'v1.2.0', "isn't", 'law'],
    // `law—yet.` is one run of non-space characters.
    count: 7
  },
  {
    name: 'numbers with separators: grouping, decimals, percent, ranges, times; a space splits a figure',
    text: 'Fined $35,000,000 (3.81%) in 2019–2020; 1.234,5 € or 1 000 units at 10:30.',
    language: 'en',
    words: ['Fined', '$35,000,000', '3.81%', 'in', '2019–2020', '1.234,5', 'or', '1', '000', 'units', 'at', '10:30'],
    content: ['fined', '$35,000,000', '3.81%', '2019–2020', '1.234,5', '1', '000', 'units', '10:30'],
    count: 12
  },
  {
    name: 'Korean: a word is its stem, the particle a token of its own',
    text: '한반도의 평화는 정부의 최우선 과제이다.',
    language: 'ko',
    words: ['한반도', '평화', '정부', '최우선', '과제'],
    content: ['한반도', '평화', '정부', '최우선', '과제'],
    count: 5
  },
  {
    name: 'Japanese: Intl.Segmenter words, digits a number',
    text: 'セキュリティは2023年に改訂された。',
    language: 'ja',
    words: ['セキュリティ', 'は', '2023', '年', 'に', '改訂', 'さ', 'れ', 'た'],
    content: ['セキュリティ', '2023', '年', '改訂'],
    count: 9
  },
  {
    name: 'Chinese: Intl.Segmenter words, digits a number',
    text: '云原生安全白皮书于2023年发布。',
    language: 'zh-CN',
    words: ['云', '原生', '安全', '白皮书', '于', '2023', '年', '发布'],
    content: ['云', '原生', '安全', '白皮书', '2023', '发布'],
    count: 8
  },
  {
    name: 'mixed scripts in an English edition: each run cut by its own script',
    text: 'Kubernetes 1.29 支持 IPv6 双栈，한국어 지원도 있다 and 日本語も.',
    language: 'en',
    words: ['Kubernetes', '1.29', '支持', 'IPv6', '双', '栈', '한국어', '지원', '있다', 'and', '日本語', 'も'],
    content: ['kubernetes', '1.29', '支持', 'ipv6', '双', '栈', '한국어', '지원', '있다', '日本語', 'も'],
    // Counted by spaces (an English edition): `双栈，한국어` and `日本語も.` are one word each.
    count: 9
  }
]

describe('one definition of a word', () => {
  for (const example of cases)
    it(example.name, () => {
      expect(words(example.text, example.language)).toEqual(example.words)
      expect(toContentWords(example.text, example.language)).toEqual(example.content)
      expect(countWords(example.text, example.language)).toBe(example.count)
    })

  it('content words are the words folded to NFKC and lower case, less stop words', () => {
    for (const {text, language} of cases) {
      const stop = stopWords(language)
      const folded = words(text.normalize('NFKC').toLowerCase(), language).filter((word) => !stop.has(word))
      expect(toContentWords(text, language), text).toEqual(folded)
    }
    expect(toContentWords('ＦＵＬＬ ﬁle', 'en')).toEqual(['full', 'file'])
  })

  it('a counted word is a run of non-space characters in which a word begins (property)', () => {
    const unit = fc.constantFrom(
      'a',
      'Z',
      'é',
      'ж',
      '1',
      '9',
      '_',
      '\u0301',
      "'",
      '’',
      '-',
      '.',
      ',',
      ':',
      '%',
      '$',
      '€',
      '—',
      '(',
      '*',
      ' ',
      '\n',
      '\t'
    )
    fc.assert(
      fc.property(fc.array(unit, {maxLength: 30}), (units) => {
        const text = units.join('')
        const starts = new Set<number>()
        let at = 0
        for (const token of tokenize(text, 'en')) {
          if (token.kind === 'word' || token.kind === 'number') starts.add(at)
          at += token.text.length
        }
        let chunks = 0
        for (const chunk of text.matchAll(/\S+/gu)) {
          const end = chunk.index + chunk[0].length
          if ([...starts].some((start) => start >= chunk.index && start < end)) chunks++
        }
        expect(countWords(text, 'en')).toBe(chunks)
        expect(countWords(text, 'en')).toBeLessThanOrEqual(starts.size)
      }),
      {numRuns: 1000}
    )
  })
})
