import {describe, expect, it} from 'vitest'
import {isTopicEntry} from '../../src/ingest/is-topic-entry.js'

describe('isTopicEntry', () => {
  const entry = (level: number, page: number | null, numbering: string | null = null) => ({level, numbering, page})

  it('takes an unnumbered, unpaged entry under a paged one for a topic, and nothing else', () => {
    const entries = [entry(1, 1, '제1장'), entry(2, null), entry(2, 3, '제1절'), entry(3, null), entry(3, null, '1.')]
    expect(entries.map((_, index) => isTopicEntry(entries, index))).toEqual([false, true, false, true, false])
  })

  it('does not take the entries of a contents without page numbers for topics', () => {
    const entries = [entry(1, null, '제1장'), entry(2, null), entry(1, null)]
    expect(entries.map((_, index) => isTopicEntry(entries, index))).toEqual([false, false, false])
  })
})
