import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {createVocabulary, indexEdition} from '../../src/trends/index-edition.js'
import {stopWords} from '../../src/trends/stop-words.js'

async function edition(markdown: string) {
  return (await ingestEdition(new TextEncoder().encode(markdown), {file: 'x.md', language: 'en'})).edition
}

describe('indexEdition', () => {
  it('reads plain and non-plain blocks alike: NFKC printed sentences, lower-case match text, a break at every punctuation mark', async () => {
    const index = indexEdition(
      await edition('# Part\n\nWait… The U.S. said “Yes”. Then NOW 5% rose.\n\nCafé ﬁnance grew. Ｆull width.'),
      createVocabulary(),
      stopWords('en')
    )
    const texts = index.sentences.map((sentence) => sentence.text)
    expect(texts).toContain('Café finance grew.')
    expect(texts.some((text) => text.startsWith('Wait...'))).toBe(true)
    expect(texts.join(' ')).not.toMatch(/[…ﬁＦ]/u)
    const lines = index.matchText.split('\n')
    expect(lines).toHaveLength(index.sentences.length)
    expect(lines).toContain('café finance grew .')
    expect(lines).toContain('full width .')
    expect(lines.join(' ')).toContain('then now 5% rose .')
    // Words only: punctuation marks are breaks (-1), never counted.
    expect(index.words).toBe(index.ids.filter((id) => id >= 0).length)
    expect(index.words).toBe(15)
  })
})
