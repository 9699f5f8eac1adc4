import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {plainSegmentEnds, plainSentences} from '../../src/trends/plain-sentences.js'
import {blockSentences} from '../../src/trends/block-sentences.js'
import {isPlain} from '../../src/trends/plain-tokens.js'
import {splitSentences} from '../../src/text/split-sentences.js'
import {corpusFiles} from './load-fixture.js'

const segmentEnds = (text: string, language: string): number[] =>
  Array.from(new Intl.Segmenter(language, {granularity: 'sentence'}).segment(text), ({index, segment}) => index + segment.length)

// Characters that matter to the sentence rules, plus a few of every other kind.
const unit = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'a',
      'b',
      'A',
      'B',
      '1',
      '.',
      '!',
      '?',
      ' ',
      '\n',
      '\r',
      '\t',
      '"',
      "'",
      '(',
      ')',
      '[',
      '“',
      '”',
      '‘',
      '’',
      ',',
      '-',
      ':',
      ';',
      '–',
      '—',
      '•',
      'Mr',
      'e.g',
      'U.S',
      'Fig'
    )
  },
  {weight: 1, arbitrary: fc.integer({min: 0, max: 127}).map((code) => String.fromCharCode(code))}
)

describe('plainSentences', () => {
  it('breaks where the segmenter does and fixes what splitSentences fixes', () => {
    expect(plainSentences('The U.S. Army left. Mr. Smith stayed, e.g. here. 3.5 p.m. is late!', 'en').map((s) => s.text)).toEqual([
      'The U.S.',
      'Army left.',
      'Mr. Smith stayed, e.g. here.',
      '3.5 p.m. is late!'
    ])
    expect(plainSentences('It ends."Next starts" here. He said: “Stop.” “Go now,” she replied.', 'en').map((s) => s.text)).toEqual([
      'It ends.',
      '"Next starts" here.',
      'He said: “Stop.”',
      '“Go now,” she replied.'
    ])
    expect(plainSentences(' \n\t ', 'en')).toEqual([])
  })

  it('is splitSentences on generated plain text (property)', () => {
    fc.assert(
      fc.property(fc.string({unit, maxLength: 24}), fc.constantFrom('en', 'ko', 'zh-CN', 'de', 'fr'), (text, language) => {
        expect(plainSegmentEnds(text)).toEqual(text === '' ? [0] : segmentEnds(text, language))
        expect(plainSentences(text, language)).toEqual(splitSentences(text, language))
      }),
      {numRuns: 20_000}
    )
  })

  it('leaves a language whose segmenter has rules of its own to blockSentences (Greek `;` ends a question)', () => {
    expect(plainSentences('Ti; Nai. A', 'el')).toEqual(blockSentences('Ti; Nai. A', 'el'))
    expect(plainSentences('Ti; Nai. A', 'el').map((s) => s.text)).toEqual(['Ti;', 'Nai.', 'A'])
    fc.assert(
      fc.property(fc.string({unit, maxLength: 16}), (text) => {
        expect(plainSentences(text, 'el')).toEqual(blockSentences(text, 'el'))
      }),
      {numRuns: 2_000}
    )
  })

  it('is splitSentences on every plain paragraph and line of the corpora', () => {
    let checked = 0
    for (const {text} of corpusFiles()) {
      for (const piece of [...text.split(/\n\s*\n/u), ...text.split('\n')]) {
        if (!isPlain(piece)) continue
        checked++
        expect(plainSentences(piece, 'en'), piece).toEqual(splitSentences(piece, 'en'))
      }
    }
    expect(checked).toBeGreaterThan(10_000)
  })
})
