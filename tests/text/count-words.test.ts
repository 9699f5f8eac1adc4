import {describe, expect, it} from 'vitest'
import {countWords} from '../../src/text/count-words.js'

describe('countWords', () => {
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
})
