import {describe, expect, it} from 'vitest'
import {InputError} from '../../src/model/errors.js'
import {compileUserRegex} from '../../src/trends/compile-user-regex.js'
import {parseThemes} from '../../src/trends/parse-themes.js'

// Issue #22: `/(.*a){25}/` in --terms or a series.yaml theme hung `trends` and `report` (a
// backtracking engine takes exponential time on text without the 25th `a`). The test runner's
// timeout bounds these; the time is not asserted.
describe('user regular expressions run in linear time', () => {
  it('a catastrophic pattern over 100,000 characters finishes', () => {
    const text = `${'a'.repeat(30)}${' b'.repeat(50_000)}`
    expect(compileUserRegex('(.*a){25}', '', '/(.*a){25}/').find(text, Number.POSITIVE_INFINITY)).toEqual([[0, 30]])
    expect(compileUserRegex('(a+)+$', '', '/(a+)+$/').find(`${'a'.repeat(5000)}!`, 10)).toEqual([])
  })

  it('finds case-insensitive matches at UTF-16 offsets, empty matches skipped', () => {
    const text = '😀 한반도 NUCLEAR weapons and nuclear programme'
    expect(compileUserRegex('nuclear (weapons?|programme)', '', 't').find(text, 10)).toEqual([
      [7, 22],
      [27, 44]
    ])
    expect(compileUserRegex('x*', '', 't').find('ab x', 10)).toEqual([[3, 4]])
    expect(compileUserRegex('(?<word>nuclear)', 'u', 't').find('nuclear', 10)).toEqual([[0, 7]])
  })

  it('refuses lookahead and back-references, naming the term', () => {
    expect(() => compileUserRegex('a(?=b)', '', '/a(?=b)/')).toThrow(/term \/a\(\?=b\)\/ is not a regular expression wpdiff can run/u)
    expect(() => compileUserRegex('(a)\\1', '', '/(a)\\1/')).toThrow(SyntaxError)
  })

  it('a theme with such a pattern is refused when series.yaml is read, naming the theme', () => {
    const read = () => parseThemes('themes:\n  bad: ["/(a)\\\\1/", ok]\n', 'series.yaml')
    expect(read).toThrow(InputError)
    expect(read).toThrow(/theme "bad": term \/\(a\)\\1\//u)
    expect(parseThemes('themes:\n  slow: ["/(.*a){25}/"]\n', 'series.yaml')).toEqual([{name: 'slow', terms: ['/(.*a){25}/']}])
  })
})
