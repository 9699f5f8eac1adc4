/**
 * Issue #18, OWASP ASVS 5.0.0 in Korean (`ko/owasp-asvs-5.0.0-2025.ko.pdf`): its body sets Hangul in
 * Noto Sans CJK at 9.5 pt and Latin in Source Serif at 10.9 pt on the same lines, so a line with more
 * Latin than Hangul (`자 내성 암호 (Post‑Quantum Cryptography; PQC) 는 …`, `v‑.`) was dominated by 11 pt,
 * above the body's 9.5, and became a heading: 93 of 316 headings. Rebuilt with the standard fonts,
 * the 9.5 pt runs standing for Hangul and the 11 pt runs for Latin.
 */
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'
import {companionSizes} from '../../src/ingest/classify-pdf-lines.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {type TestLine, type TestPage, writePdf} from './pdf-writer.js'

const pageWord = ['alpha', 'bravo', 'charlie']

/** A line of body text: `hangul` at 9.5 pt, then `latin` at 11 pt on the same baseline. */
const mixed = (hangul: string, latin: string, y: number): TestLine => ({text: hangul, x: 60, y, size: 9.5, runs: [{text: latin, size: 11}]})

function page(n: number): TestPage {
  const word = pageWord[n - 1]!
  return {
    lines: [
      {text: `V${n} The ${word} chapter`, x: 60, y: 80, size: 13, bold: true},
      ...Array.from({length: 8}, (_, k) =>
        mixed(`ga na da ra ma ba sa ${word} line ${k + 1} ja cha ka ta pa ha `, 'and a few Latin words', 110 + k * 16)
      ),
      // Wrapped lines that are mostly Latin: dominated by the 11 pt run.
      mixed('ja ', `(Post Quantum Cryptography; PQC) for the ${word} keys,`, 250),
      mixed('ga ', `Sanitization) of the ${word} input.`, 266),
      ...Array.from({length: 4}, (_, k) => mixed(`ha ha ha ${word} closing line ${k + 1} ga na da ra `, 'ends', 290 + k * 16))
    ]
  }
}

describe('the body’s Latin type set larger than its Hangul on the same lines', () => {
  it('is body text, not heading type, where a line is mostly Latin', async () => {
    const parsed = await fromPdf(writePdf([1, 2, 3].map(page)))
    const headings = parsed.root.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
    expect(headings).toEqual(['V1 The alpha chapter', 'V2 The bravo chapter', 'V3 The charlie chapter'])
    const text = parsed.root.children.map((node) => toString(node)).join('\n')
    expect(text).toContain('Post Quantum Cryptography; PQC')
  })

  it('is told from a larger size that stands on lines of its own (headings, notes set larger)', () => {
    const run = (
      text: string,
      y: number,
      fontSize: number,
      bold = false
    ): {letters: number; y: number; fontSize: number; bold: boolean} => ({
      letters: text.match(/\p{L}/gu)?.length ?? 0,
      y,
      fontSize,
      bold
    })
    const latin = 'Latin words set larger beside the body text '.repeat(3)
    const bodyAndLatin = Array.from({length: 6}, (_, k) => [run('body text here ', 100 + k * 14, 9.5), run(latin, 100 + k * 14, 11)]).flat()
    const ownLines = Array.from({length: 12}, (_, k) => run(latin, 300 + k * 14, 12))
    const sizes = companionSizes([[...bodyAndLatin, ...ownLines]], 9.5, false, (size) => Math.round(size * 2) / 2)
    expect([...sizes]).toEqual([11])
  })
})
