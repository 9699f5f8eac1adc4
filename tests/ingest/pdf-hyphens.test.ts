import {describe, expect, it} from 'vitest'
import {buildDocument} from '../../src/ingest/build-document.js'
import {isBrokenWord, markBrokenWords} from '../../src/ingest/pdf-hyphens.js'
import {buildLexicon, buildLineLexicon} from '../../src/ingest/repair-words.js'

describe('isBrokenWord', () => {
  // `speci` is attested inflected (`special`), `system` is a word: the older rule kept both hyphens.
  const lexicon = buildLexicon(['a special system for cloud and native tools, blue and green deployments', 'the cloud-native way'])

  it('joins a word whose halves are not both words of the document', () => {
    expect(isBrokenWord('speci', 'fications', lexicon)).toBe(true)
    expect(isBrokenWord('system', 'atic', lexicon)).toBe(true)
  })

  it('keeps a compound of two words of the document, or one it writes whole', () => {
    expect(isBrokenWord('blue', 'green', lexicon)).toBe(false)
    expect(isBrokenWord('cloud', 'native', lexicon, new Set(['cloud-native']))).toBe(false)
  })

  it('joins two words when the document writes them as one', () => {
    expect(isBrokenWord('every', 'thing', buildLexicon(['every thing', 'everything']))).toBe(true)
  })
})

describe('markBrokenWords', () => {
  const lines = [
    'The Distribute phase consumes image definitions and speci-',
    'fications; it consists of system-',
    'atic testing in a cloud-',
    'native pipeline, the cloud-native way, with blue-',
    'green deployments of the system and special tools under blue and green skies.'
  ]

  it('makes the hyphen of a broken word soft and leaves compounds alone', () => {
    const marked = markBrokenWords(lines, buildLineLexicon(lines))
    expect(marked.map((line) => line.at(-1))).toEqual(['\u00AD', '\u00AD', '-', '-', '.'])
  })

  it('gives text where broken words are whole and compounds keep their hyphen', () => {
    const marked = markBrokenWords(lines, buildLineLexicon(lines))
    const document = buildDocument([{kind: 'paragraph', lines: marked, page: 1, line: null}], {lexicon: buildLineLexicon(lines)})
    const paragraph = document.root.children[0]!
    expect(paragraph.type === 'paragraph' && paragraph.children.map((child) => ('value' in child ? child.value : '')).join('')).toBe(
      'The Distribute phase consumes image definitions and specifications; it consists of systematic testing in a cloud-native pipeline, the cloud-native way, with blue-green deployments of the system and special tools under blue and green skies.'
    )
  })

  it('prints a soft hyphen that no word continues as a hyphen', () => {
    const document = buildDocument([{kind: 'paragraph', lines: ['ends with speci\u00AD'], page: 1, line: null}], {
      lexicon: buildLexicon([])
    })
    const paragraph = document.root.children[0]!
    expect(paragraph.type === 'paragraph' && paragraph.children[0]!.type === 'text' && paragraph.children[0]!.value).toBe(
      'ends with speci-'
    )
  })
})
