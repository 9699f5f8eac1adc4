import {type TestLine, writePdf} from '../ingest/pdf-writer.js'

const body = (text: string, y: number): TestLine => ({text, x: 72, y, size: 11})

/**
 * A two-page PDF edition of a small "Access Guide": a title, then a heading and a paragraph per
 * section, the second section (whose password rule is the edition's own) on page 2.
 */
export function accessGuidePdf(passwordRule: string): Uint8Array {
  return writePdf([
    {
      lines: [
        {text: 'Access Guide', x: 72, y: 72, size: 22, bold: true},
        {text: '1 Scope', x: 72, y: 130, size: 16, bold: true},
        body('This guide applies to every system that holds customer records.', 160),
        body('Owners review it once a year and publish the result.', 175)
      ]
    },
    {
      lines: [
        {text: '2 Passwords', x: 72, y: 72, size: 16, bold: true},
        body(passwordRule, 102),
        body('Accounts that stay unused for ninety days are locked.', 117)
      ]
    }
  ])
}
