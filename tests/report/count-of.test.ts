import {describe, expect, test} from 'vitest'
import {countOf, thousands} from '../../src/report/count-of.js'

describe('countOf', () => {
  test('one takes the singular, any other count the plural, digits grouped', () => {
    expect(countOf(1, 'section')).toBe('1 section')
    expect(countOf(0, 'section')).toBe('0 sections')
    expect(countOf(1234, 'word')).toBe('1,234 words')
    expect(countOf(1, 'series', 'series')).toBe('1 series')
    expect(thousands(1234567.4)).toBe('1,234,567')
  })
})
