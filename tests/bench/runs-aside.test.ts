import {describe, expect, it} from 'vitest'
import {bodyTextCounts, runsAside} from '../../bench/runs-aside.js'
import type {PdfContent, PdfTextItem} from '../../src/ingest/pdf.js'
import {page, pdfContent as content, run} from '../support/pdf-content.js'

const texts = (pdf: PdfContent): string[] => {
  const aside = runsAside(pdf)
  return pdf.pages.flatMap((p) => p.items.filter((item) => aside.has(item)).map((item) => `${p.number}: ${item.text}`))
}

/** Body lines of a page, from `top` down, every 14 points. */
const body = (p: number, top: number, count: number, x = 72): PdfTextItem[] =>
  Array.from({length: count}, (_, k) =>
    run(`Body line ${k + 1} of page ${p}, set as text across the whole width of the column.`, x, top + k * 14)
  )

describe('runsAside: a page printed scaled down', () => {
  // After openchain-spec/2.0.ja.pdf (CC-BY-4.0, the OpenChain Project): Word printed the pages with
  // their markup pane, shrunk toward the middle, so the running head sits at 0.17 of the page and the
  // foot at 0.83, both inside a fixed tenth's edge.
  const pdf = content(
    Array.from({length: 4}, (_, p) =>
      page(p + 1, [run('Example Specification 2.0', 300, 131, 8), ...body(p + 1, 162, 34), run(`Page ${p + 1} of 4`, 212, 659, 8)])
    )
  )

  it('sets the running head and foot aside, where the shrunk page prints them', () => {
    const aside = texts(pdf)
    expect(aside).toContain('1: Example Specification 2.0')
    expect(aside).toContain('4: Example Specification 2.0')
  })

  it('keeps every body line', () => {
    expect(texts(pdf).filter((line) => line.includes('Body line'))).toEqual([])
  })
})

describe('runsAside: a first body line just past the tenth, on pages not shrunk', () => {
  // After the msit impact guideline: the body opens at 0.10 of the page, its page number sits at 0.96.
  const pdf = content(
    Array.from({length: 4}, (_, p) =>
      page(p + 1, [run('Related laws', 72, 84, 10), ...body(p + 1, 100, 40), run(`- ${p + 1} -`, 290, 760, 10)])
    )
  )

  it('keeps a line that opens many pages inside the page', () => {
    expect(texts(pdf).filter((line) => line.includes('Related laws'))).toEqual([])
    expect(texts(pdf)).toContain('2: - 2 -')
  })
})

describe('runsAside: Word markup balloons', () => {
  // Small type in a pane right of the text column, on two pages: `Formatted field code`, a comment.
  const pdf = content(
    Array.from({length: 3}, (_, p) =>
      page(p + 1, [
        ...body(p + 1, 150, 20),
        ...(p < 2
          ? [run('Changed field code', 490, 180, 6), run('Comment [A1]: ', 490, 220, 6), run('the original has no article.', 535, 220, 6)]
          : [])
      ])
    )
  )

  it('sets the balloons aside, a comment whole', () => {
    expect(texts(pdf)).toEqual([
      '1: Changed field code',
      '1: Comment [A1]: ',
      '1: the original has no article.',
      '2: Changed field code',
      '2: Comment [A1]: ',
      '2: the original has no article.'
    ])
  })
})

describe('runsAside: Word’s hollow bullet', () => {
  const pdf = content([
    page(1, [
      run('o', 90, 200, 10, {fontName: 'CourierNewPSMT', monospace: true}),
      run('FOSS policy', 108, 200),
      run('o = open(path)', 90, 230, 10, {fontName: 'CourierNewPSMT', monospace: true}),
      run('Lone o', 90, 260)
    ])
  ])

  it('sets aside a lone Courier o a tab apart from its item, and no letter o of text or code', () => {
    expect(texts(pdf)).toEqual(['1: o'])
  })
})

describe('runsAside: a running line reworded on a page', () => {
  // After openchain-spec/2.1.ja.pdf (CC-BY-4.0, the OpenChain Project): page 2 prints the footer in
  // English, the other pages in Japanese.
  const footer = (p: number): PdfTextItem =>
    run(
      p === 2
        ? '© Joint Development Foundation 2020 – Learn More at example.org'
        : '© Joint Development Foundation 2020 – 詳細は example.org へ',
      54,
      769,
      10
    )
  const pdf = content(Array.from({length: 5}, (_, p) => page(p + 1, [...body(p + 1, 100, 30), footer(p + 1)])))

  it('sets the reworded footer aside with the others', () => {
    expect(texts(pdf).filter((line) => line.includes('Joint Development'))).toHaveLength(5)
  })
})

describe('bodyTextCounts', () => {
  it('counts a text printed inside the page, each run of a row of several and the row whole', () => {
    // After the Hwp 5.0 spec p. 16: a figure's byte labels `0 … 11` mid-page, the page number 11 at the foot.
    const pdf = content([page(1, [run('0', 100, 400), run('1', 130, 400), run('11', 400, 400), run('11', 400, 500), run('11', 500, 780)])])
    const counts = bodyTextCounts(pdf).get(1)!
    expect(counts.get('11')).toBe(2)
    expect(counts.get('0111')).toBe(1)
  })
})
