import {describe, expect, it} from 'vitest'
import {detectScript, isAscii} from '../../src/text/detect-script.js'

describe('isAscii', () => {
  it('is true only when every character is below U+0080', () => {
    expect(isAscii('')).toBe(true)
    expect(isAscii('Supply-Chain Security\t2023 ~')).toBe(true)
    expect(isAscii('naïve')).toBe(false)
    expect(isAscii('don’t')).toBe(false)
    expect(isAscii('ﬁle')).toBe(false)
    expect(isAscii('\u007f')).toBe(true)
    expect(isAscii('\u0080')).toBe(false)
  })
})

describe('detectScript', () => {
  it('names the dominant writing system', () => {
    expect(detectScript('한반도의 평화')).toBe('hangul')
    expect(detectScript('云原生安全白皮书')).toBe('han')
    expect(detectScript('セキュリティの白書')).toBe('kana')
    expect(detectScript('Cloud native security')).toBe('latin')
    expect(detectScript('2023 — 42')).toBe('other')
  })
})
