import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {formatCompareText} from '../../src/report/format-compare-text.js'

async function edition(text: string, file: string) {
  return (await ingestEdition(new TextEncoder().encode(text), {file})).edition
}

describe('formatCompareText', () => {
  it('groups the digits of both word counts of the total line alike', async () => {
    const words = (prefix: string, n: number): string => Array.from({length: n}, (_, i) => `${prefix}${i}`).join(' ')
    const old = await edition(`# Kept\n\nsame text here\n\n# Gone\n\n${words('old', 1200)}\n`, 'old.md')
    const next = await edition(`# Kept\n\nsame text here\n\n# Fresh\n\n${words('new', 1500)}\n`, 'new.md')
    const total = formatCompareText(compareEditions(old, next)).trimEnd().split('\n').at(-1)
    expect(total).toContain('1,500 words added, 1,200 removed;')
  })
})
