import {describe, expect, it} from 'vitest'
import {countWords} from '../../src/text/count-words.js'
import {segmentText} from '../../src/text/segment-text.js'
import {splitSentences} from '../../src/text/split-sentences.js'

// Pieces of text whose sentence and word breaks depend on what surrounds them: abbreviations,
// decimals, quotes, CR LF, marks and format characters after spaces, stops without spaces.
const pieces = [
  'Mr. Smith met Dr. Who at 3.5 p.m. on the U.S. coast. ',
  'It ends."Next starts" here! Does it? Yes.\r\n',
  'e.g. this goes on. (See Art. 5.) Then 12.3% rose.\r',
  'A ́ mark, a \u200dzero-width joiner and a \u00adsoft hyphen.  ',
  '本書は情報セキュリティの基本的な考え方を説明します。「次」です！本当？',
  '개인정보 보호법은 2020년에 개정되었다. 정보주체의 권리! ',
  '中华人民共和国网络安全法。第一条，为了保障网络安全。',
  '| r1c1 | r1c2 | 3.4 |\n',
  'ALL CAPS. NEXT one.   Lower after spaces. ',
  '\u2028line sep\u2029para sep\u0085next line '
]

// A text of `length` characters made of the pieces in a fixed shuffled order.
function mixed(length: number, seed: number): string {
  let text = ''
  let state = seed
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648
    text += pieces[state % pieces.length]
  }
  return text
}

const key = (segments: Iterable<Intl.SegmentData>) => Array.from(segments, (s) => `${s.index}:${s.segment}:${s.isWordLike}`)

describe('segmentText', () => {
  it('gives the segments of the whole text, each at its index', () => {
    for (const seed of [1, 2])
      for (const locale of ['en', 'ja', 'zh', 'ko'])
        for (const granularity of ['sentence', 'word'] as const) {
          const text = mixed(16_000, seed)
          const segmenter = new Intl.Segmenter(locale, {granularity})
          const pieced = [...segmentText(segmenter, text)]
          expect(key(pieced)).toEqual(key(segmenter.segment(text)))
          expect(pieced.every((s) => s.input === text && text.slice(s.index, s.index + s.segment.length) === s.segment)).toBe(true)
        }
  })

  // Whole, each segment cost a copy of the whole text: minutes and gigabytes for these.
  it('splits the sentences of a 2 MB table and counts the words of 200 KB of Japanese in linear time', () => {
    const table = Array.from({length: 20_000}, (_, r) => Array.from({length: 10}, (_, c) => `R${r}c${c}`).join(' | ')).join('\n')
    expect(splitSentences(table, 'en')).toHaveLength(20_000)
    const japanese = '本書は情報セキュリティの基本的な考え方を説明します。'.repeat(8000)
    expect(countWords(japanese, 'ja')).toBe(8000 * countWords('本書は情報セキュリティの基本的な考え方を説明します。', 'ja'))
    expect(splitSentences(japanese, 'ja')).toHaveLength(8000)
  }, 10_000)
})
