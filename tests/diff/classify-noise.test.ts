import {describe, expect, test} from 'vitest'
import {classifyNoise} from '../../src/diff/classify-noise.js'
import {resolveDiffOptions} from '../../src/diff/diff-options.js'
import {diffTokens, TokenKeys} from '../../src/diff/diff-tokens.js'

function noise(old: string, neu: string, language = 'en') {
  const keys = new TokenKeys(resolveDiffOptions({language}, language))
  return classifyNoise(diffTokens(keys.tokenize(old), keys.tokenize(neu), keys).gaps)
}

describe('classifyNoise', () => {
  test.each([
    ['Adopted in 2019.', 'Adopted in 2020.', 'year-bump'],
    ['Copyright © 2003-2019 The OWASP Foundation.', 'Copyright © 2003-2023 The OWASP Foundation.', 'year-bump'],
    ['The fiscal year 2019–20 ends.', 'The fiscal year 2020–21 ends.', 'year-bump'],
    ['2019년 보고서', '2020년 보고서', 'year-bump'],
    ['Section 4.2 applies.', 'Section 4.3 applies.', 'renumbering'],
    ['3. Scope of the policy', '4. Scope of the policy', 'renumbering'],
    ['See API3:2019 for details.', 'See API4:2023 for details.', 'renumbering'],
    ['Chapter II covers it.', 'Chapter III covers it.', 'renumbering'],
    ['We spent $35,000,000 (3.8%).', 'We spent $41,500,000 (4.1%).', 'figure-update'],
    ['We hired 120 people.', 'We hired 95 people.', 'figure-update'],
    ['Adopted in 2020.', 'Adopted in 2019.', 'figure-update']
  ])('%s → %s is %s', (old, neu, expected) => {
    expect(noise(old, neu)).toBe(expected)
  })

  test.each([
    ['We hired 120 people.', 'We hired 120 new people.'],
    ['We hired 120 people.', 'We hired many people.'],
    ['Section 4.2 applies.', 'Section 4.2 no longer applies.'],
    ['The same text.', 'The same text.']
  ])('%s → %s is real news (null)', (old, neu) => {
    expect(noise(old, neu)).toBeNull()
  })
})
