import fc from 'fast-check'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {countWords} from '../../src/text/count-words.js'

/** The count `countWords` gives Korean text, made the plain way: every word-like segment of the segmenter. */
function segmenterCount(text: string, language: string): number {
  let count = 0
  for (const segment of new Intl.Segmenter(language, {granularity: 'word'}).segment(text)) if (segment.isWordLike) count++
  return count
}

describe('countWords', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('counts space-separated words, numbers included, bare punctuation not', () => {
    expect(countWords('The budget rose 3.81% to $35,000,000 – a record.', 'en')).toBe(8)
    expect(countWords('', 'en')).toBe(0)
  })

  it('counts Chinese and Japanese by word segments, not spaces', () => {
    expect(countWords('云原生安全白皮书', 'zh-CN')).toBeGreaterThan(2)
    expect(countWords('クラウドネイティブのセキュリティ', 'ja')).toBeGreaterThan(2)
    // Space counting would see one word in each.
    expect(countWords('我们使用您的数据', 'zh')).toBeGreaterThan(1)
  })

  it('counts Korean word segments', () => {
    expect(countWords('한반도의 평화는 정부의 최우선 과제이다.', 'ko')).toBe(5)
  })

  it('counts Korean text of Hangul words and punctuation without segmenting it, as the segmenter would', () => {
    const text = '정보보호 정책(지침)의 수립·시행 ※ 「전자정부법」 제56조: 보안대책을 수립한다.\n\n① 관리기관의 장은 …'
    const expected = segmenterCount(text, 'ko')
    // The first call asks the segmenter once about each punctuation mark; a second needs it only for `제56조`.
    expect(countWords(text, 'ko')).toBe(expected)
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment')
    expect(countWords(text, 'ko')).toBe(expected)
    expect(segment.mock.calls.map(([input]) => input)).toEqual(['제56조:'])
    segment.mockClear()
    expect(countWords('관리기관의 장은 (분석·평가) ※', 'ko')).toBe(4)
    expect(segment).not.toHaveBeenCalled()
  })

  it('counts Korean text as the segmenter does, whatever its characters', () => {
    // Hangul with and without a final consonant, compatibility jamo, Latin letters and digits and the
    // punctuation that joins them (`.` `:` `'` `,` `_`), Hanja, kana, brackets, symbols, spaces of
    // several kinds, a soft hyphen, a combining mark, a joiner and an emoji.
    const alphabet = [..."가각한국어정보ㅇㅎ aZ19.:',_·‧ㆍ()「」※①Ⅱ漢字かナー\n\t\u3000\u00a0\u00ad\u0301\u200d😀-–~%"]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 40}), (chars) => {
        const text = chars.join('')
        expect(countWords(text, 'ko')).toBe(segmenterCount(text, 'ko'))
      }),
      {numRuns: 3000}
    )
  })

  // Tried from each of its characters, a run of 400 KB without a word character took minutes.
  it('counts a long run of punctuation (a table delimiter row read as text) as no word, in linear time', () => {
    expect(countWords(`one ${'|-'.repeat(200_000)} two x|y ---`, 'en')).toBe(3)
  }, 10_000)
})
