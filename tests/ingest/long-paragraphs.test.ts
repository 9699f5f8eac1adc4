import {describe, expect, it} from 'vitest'
import {buildDocument} from '../../src/ingest/build-document.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {buildLineLexicon} from '../../src/ingest/repair-words.js'
import {blocksToText} from '../../src/model/blocks-to-text.js'

// Joining the lines of one paragraph was quadratic (50,000 lines: over 300 s; a PDF page of 20,000
// lines: 96 s). These run far past the test timeout if it ever is again; the time itself is
// measured by benchmarks, not asserted here.
describe('one very long hard-wrapped paragraph', () => {
  it('of 50,000 lines in a .txt is read as one paragraph', async () => {
    const lines = Array.from({length: 50_000}, (_, i) => `word${i} and more words`)
    const text = `T\n\n${lines.join('\n')}\n`
    const {edition} = await ingestEdition(new TextEncoder().encode(text), {file: 'series/w.txt'})
    expect(edition.words).toBe(200_001)
    const blocks = [...edition.preamble, ...edition.sections.flatMap((section) => section.blocks)]
    const paragraph = blocksToText(blocks.filter((block) => block.type === 'paragraph').slice(-1))
    expect(paragraph.startsWith('word0 and more words word1 and')).toBe(true)
    expect(paragraph.endsWith('word49999 and more words')).toBe(true)
  }, 60_000)

  it('of 20,000 laid-out lines becomes one paragraph, hyphenation undone', () => {
    const lines = Array.from({length: 20_000}, (_, i) =>
      i % 3 === 0
        ? `line ${i} of a long paragraph printed on a single page, with a word broken: inter-`
        : `national cooperation goes on at line ${i} of the page`
    )
    const lexicon = buildLineLexicon([...lines, 'international'])
    const {root} = buildDocument([{kind: 'paragraph', lines, page: 1, line: 1}], {lexicon})
    expect(root.children).toHaveLength(1)
    const text = blocksToText(root.children)
    expect(text.split('international').length - 1).toBe(Math.ceil(20_000 / 3))
    expect(text).not.toContain('inter-')
    expect(text).not.toContain('\n')
  }, 20_000)
})
