import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {splitSentences} from '../../src/text/split-sentences.js'
import {corpusFile} from '../support/corpora.js'

const texts = (text: string, language = 'en') => splitSentences(text, language).map((s) => s.text)

describe('splitSentences', () => {
  test('does not split after Mr., Dr. or e.g.', () => {
    expect(texts('Mr. Smith went to Washington. See e.g. the report. Dr. Who is here.')).toEqual([
      'Mr. Smith went to Washington.',
      'See e.g. the report.',
      'Dr. Who is here.'
    ])
  })

  test('a quote opening the next sentence moves to it', () => {
    expect(texts('It ends."Next starts" here. He said: “Stop.” “Go now,” she replied.')).toEqual([
      'It ends.',
      '"Next starts" here.',
      'He said: “Stop.”',
      '“Go now,” she replied.'
    ])
  })

  test('a balanced closing quote stays', () => {
    expect(texts('He said "hi." Then left.')).toEqual(['He said "hi."', 'Then left.'])
  })

  test('Chinese, Japanese and Korean sentences', () => {
    expect(texts('这是第一句。这是第二句！第三句', 'zh-CN')).toEqual(['这是第一句。', '这是第二句！', '第三句'])
    expect(texts('データを送ります。詳細はこちら。', 'ja')).toEqual(['データを送ります。', '詳細はこちら。'])
    expect(texts('한반도의 평화. 우리는 간다! 다음 문장', 'ko')).toEqual(['한반도의 평화.', '우리는 간다!', '다음 문장'])
  })

  test('whitespace-only text has no sentences', () => {
    expect(splitSentences(' \n\t ', 'en')).toEqual([])
  })

  test('offsets point into the text, in order, on a real edition', () => {
    const text = readFileSync(corpusFile('owasp-api-security-top10', '2023.en.md'), 'utf8')
    const sentences = splitSentences(text, 'en')
    expect(sentences.length).toBeGreaterThan(300)
    let last = 0
    for (const sentence of sentences) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
      expect(sentence.start).toBeGreaterThanOrEqual(last)
      last = sentence.end
    }
  })

  test('offsets hold and nothing but whitespace is dropped (property)', () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom('A', 'b', ' ', '.', '"', '“', '?', 'Mr', 'e.g', '\n', '。', '한')}), (text) => {
        const sentences = splitSentences(text, 'en')
        let rebuilt = ''
        for (const sentence of sentences) {
          expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
          expect(sentence.text.trim()).toBe(sentence.text)
          rebuilt += sentence.text
        }
        expect(rebuilt.replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''))
      })
    )
  })
})
