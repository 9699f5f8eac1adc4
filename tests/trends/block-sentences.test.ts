import {describe, expect, it} from 'vitest'
import {blockSentences} from '../../src/trends/block-sentences.js'
import {splitSentences} from '../../src/text/split-sentences.js'
import {corpusFiles} from './load-fixture.js'

describe('blockSentences', () => {
  it('is splitSentences on every paragraph and line of the corpora, in their languages', () => {
    let skipped = 0
    for (const {name, text} of corpusFiles()) {
      const language = /\.(ko|zh|ja)/u.exec(name)?.[1] ?? 'en'
      for (const piece of [...text.split(/\n\s*\n/u), ...text.split('\n')]) {
        const fast = blockSentences(piece, language)
        expect(fast, piece).toEqual(splitSentences(piece, language))
        if (fast.length === 1 && !/[.!?。\n]/u.test(piece)) skipped++
      }
    }
    expect(skipped).toBeGreaterThan(1000)
  })

  it('keeps a one-sentence block whole and trimmed, and splits where a terminator is', () => {
    expect(blockSentences('  Chapter 3 Security  ', 'en')).toEqual([{text: 'Chapter 3 Security', start: 2, end: 20}])
    expect(blockSentences('   ', 'en')).toEqual([])
    expect(blockSentences('One. Two', 'en').map((s) => s.text)).toEqual(['One.', 'Two'])
    expect(blockSentences('一つ。二つ', 'ja').map((s) => s.text)).toEqual(['一つ。', '二つ'])
  })
})
