import {describe, expect, it} from 'vitest'
import {printedContentsCopies} from '../../bench/printed-contents-copies.js'
import {page, pdfContent, run} from '../support/pdf-content.js'

describe('printedContentsCopies', () => {
  // After the kisa guide (pp. 4–5 and 270): the front contents lists the forms, the appendix's
  // opener lists them again, and each form's page heads it with its title alone.
  const pdf = pdfContent([
    page(1, [
      run('<Form 1> Annual plan', 72, 100),
      run('··········', 300, 100),
      run('73', 520, 100),
      run('<Form 2> Review', 72, 120),
      run('297', 520, 120)
    ]),
    page(2, [run('<Form 1> Annual plan ·········· 73', 72, 100), run('Forms, in the order of their numbers.', 72, 140)]),
    page(3, [run('<Form 1> Annual plan', 72, 100), run('The plan for the year 2026 is set out in 73', 72, 300)]),
    page(4, [run('<Form 2> Review', 72, 100), run('97', 520, 100)])
  ])
  const copies = printedContentsCopies(pdf)

  it('counts every contents line that prints the entry, its page number at the end', () => {
    expect(copies('<Form 1> Annual plan', 73)).toBe(2)
  })

  it('counts once an entry printed once, without a page, or not found as printed', () => {
    expect(copies('<Form 2> Review', 297)).toBe(1)
    expect(copies('<Form 2> Review', 97)).toBe(1)
    expect(copies('<Form 1> Annual plan', null)).toBe(1)
    expect(copies('Glossary', 12)).toBe(1)
  })
})
