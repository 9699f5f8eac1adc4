import {describe, expect, it} from 'vitest'
import {traceLineages} from '../../src/align/trace-lineages.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {describeLineage} from '../../src/report/describe-lineage.js'

async function edition(year: number, heading: string) {
  const body =
    'This publication is provided for information only. The authors accept no liability for any use of it, and nothing in it is legal advice. ' +
    'Readers should consult their own counsel before acting on any part of this guide.'
  const text = `---\ntitle: Guide\nyear: ${year}\n---\n\n# ${heading}\n\n${body}\n\n# Scope\n\nThe guide covers the handling of open source licences in products.\n`
  return (await ingestEdition(new TextEncoder().encode(text), {file: `${year}.md`})).edition
}

describe('describeLineage', () => {
  it('says what a section was renamed to where that is not the name the line is labelled with (OpenChain ko: 면책 → Disclaimer → 면책)', async () => {
    const history = traceLineages([
      await edition(2016, 'Disclaimer'),
      await edition(2017, 'Legal notice'),
      await edition(2018, 'Disclaimer')
    ])
    const lineage = history.lineages.find((l) => l.heading === 'Disclaimer')!
    const line = describeLineage(lineage, history)
    // Was: `renamed 2017 (was "Disclaimer")`, a section renamed from its own name.
    expect(line).toBe('Disclaimer: in 2016, renamed 2017 (was "Disclaimer", became "Legal notice"), renamed 2018 (was "Legal notice")')
  })

  it('names a requirement set as one sentence by its number and first words, and keeps where two versions differ', async () => {
    const requirement = (version: string) =>
      `6.1 An organization shall confirm that its program satisfies the requirements of version ${version} of this specification before it claims conformance with it, and shall keep the record for eighteen months`
    const history = traceLineages([await edition(2016, requirement('1.1')), await edition(2017, requirement('1.2'))])
    const line = describeLineage(history.lineages.find((l) => l.heading.startsWith('6.1'))!, history)
    expect(line).toBe(
      '6.1 An organization shall confirm that its program satisfies the requirements…: in 2016, ' +
        'renamed 2017 (was "6.1 An organization shall confirm that its program satisfies the requirements of version 1.1 of this…")'
    )
  })
})
