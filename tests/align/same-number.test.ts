import {describe, expect, it} from 'vitest'
import {sameNumber} from '../../src/align/same-number.js'

describe('sameNumber', () => {
  it('hears one number through a list number put before it, and through words and punctuation around it', () => {
    expect(sameNumber('제 1 절', '1) 제 1 절')).toBe(true)
    expect(sameNumber('1) 제 1 절', '1)')).toBe(true)
    expect(sameNumber('1）', '1.')).toBe(true)
    expect(sameNumber('２.１', '2.1')).toBe(true)
  })

  it('hears a new number in new numbers, a new order or a new letter', () => {
    expect(sameNumber('1.3', '3.1.3')).toBe(false)
    expect(sameNumber('3) 제 4 절', '제 3 절')).toBe(false)
    expect(sameNumber('Annex A', 'Annex B')).toBe(false)
    expect(sameNumber('API2:2019', 'API2:2023')).toBe(false)
    expect(sameNumber(null, '1')).toBe(false)
  })

  it('compares numberings without a number or a letter as printed', () => {
    expect(sameNumber('Part II', 'Part III')).toBe(false)
    expect(sameNumber('Part II', 'Part  II')).toBe(true)
    expect(sameNumber(null, null)).toBe(true)
  })
})
