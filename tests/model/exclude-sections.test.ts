import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'
import {excludeSections} from '../../src/model/exclude-sections.js'
import {flattenSections} from '../../src/model/flatten-sections.js'

async function edition(text: string): Promise<Edition> {
  return (await ingestEdition(new TextEncoder().encode(text), {file: '2023.md'})).edition
}

const text = `Printed before any heading.

# 1. Introduction

one two three

## 1.1 Scope (and limits)

four five

# Annex A

six

## Contributors

seven eight

# Acknowledgements

nine ten eleven
`

const headings = (e: Edition): string[] => flattenSections(e).map((flat) => flat.path.join('/'))

describe('excludeSections', () => {
  it('leaves out a named section with its sub-sections and sums the words again', async () => {
    const before = await edition(text)
    const {editions, counts, messages} = excludeSections([before], ['acknowledg*', 'Annex ?'])
    const after = editions[0]!
    expect(headings(after)).toEqual(['1. Introduction', '1. Introduction/1.1 Scope (and limits)'])
    expect(counts).toEqual([1, 1])
    expect(after.words).toBe(before.words - 6)
    expect(after.words).toBe(after.preambleWords + after.sections.reduce((sum, s) => sum + s.totalWords, 0))
    expect(messages).toEqual([expect.objectContaining({severity: 'info', code: 'sections-excluded'})])
    // The input is not changed.
    expect(headings(before)).toHaveLength(5)
  })

  it('matches a title without its numbering, regex characters literally, paths with /, and (preamble)', async () => {
    const before = await edition(text)
    expect(headings(excludeSections([before], ['scope (and limits)']).editions[0]!)).not.toContain('1. Introduction/1.1 Scope (and limits)')
    const nested = excludeSections([before], ['Annex*/*']).editions[0]!
    expect(headings(nested)).toContain('Annex A')
    expect(headings(nested)).not.toContain('Annex A/Contributors')
    expect(nested.sections.find((s) => s.heading === 'Annex A')!.totalWords).toBe(1)
    const noPreamble = excludeSections([before], ['(preamble)']).editions[0]!
    expect(noPreamble.preamble).toEqual([])
    expect(noPreamble.words).toBe(before.words - before.preambleWords)
    // A dot is a dot, not any character.
    expect(excludeSections([before], ['1x introduction']).counts).toEqual([0])
  })

  it('warns about a pattern that names nothing in any edition, and hands back editions it did not touch', async () => {
    const before = await edition(text)
    const {editions, messages} = excludeSections([before], ['Index'])
    expect(editions[0]).toBe(before)
    expect(messages).toEqual([expect.objectContaining({severity: 'warning', code: 'exclude-matched-nothing', actual: 'Index'})])
  })
})
