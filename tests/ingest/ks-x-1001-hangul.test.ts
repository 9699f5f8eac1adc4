import {describe, expect, it} from 'vitest'
import {ksX1001Hangul} from '../../src/ingest/ks-x-1001-hangul.js'

describe('ksX1001Hangul', () => {
  it('is the Hangul of EUC-KR rows B0–C8 as the platform decodes them, in order', () => {
    const decoder = new TextDecoder('euc-kr')
    let decoded = ''
    for (let lead = 0xb0; lead <= 0xc8; lead++) {
      for (let trail = 0xa1; trail <= 0xfe; trail++) decoded += decoder.decode(new Uint8Array([lead, trail]))
    }
    expect(ksX1001Hangul.length).toBe(2350)
    expect(ksX1001Hangul).toBe(decoded)
    expect([...ksX1001Hangul].every((char, index, all) => index === 0 || all[index - 1]! < char)).toBe(true)
  })
})
