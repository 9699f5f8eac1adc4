import {describe, expect, it} from 'vitest'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {createVocabulary, indexEdition, joinTokens} from '../../src/trends/index-edition.js'
import {stopWords} from '../../src/text/languages.js'
import path from 'node:path'
import type {Block} from '../../src/model/edition.js'
import {blockToText} from '../../src/model/blocks-to-text.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import {splitSentences} from '../../src/text/split-sentences.js'
import {tokenize} from '../../src/text/tokenize.js'
import {corporaDir, loadFolder} from './load-fixture.js'

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

describe('indexEdition on a real series', () => {
  it('reads every sentence as splitSentences and tokenize do, through one vocabulary (sentences seen before included)', async () => {
    const editions = await loadFolder(path.join(corporaDir, 'un-general-debate-kor'), {language: 'en'})
    const vocabulary = createVocabulary()
    const stop = stopWords('en')
    for (const edition of [...editions, ...editions.slice(0, 3)]) {
      const index = indexEdition(edition, vocabulary, stop)
      const lines: string[] = []
      const words: string[] = []
      const printed: string[] = []
      const addBlocks = (blocks: Block[]): void => {
        for (const block of blocks) {
          const text = blockToText(block)
          for (const sentence of splitSentences(text, 'en')) {
            printed.push(sentence.text.normalize('NFKC').replace(/\s+/gu, ' '))
            const tokens = tokenize(sentence.text.normalize('NFKC').toLowerCase(), 'en').filter((token) => token.kind !== 'space')
            lines.push(tokens.map((token) => token.text).join(' '))
            words.push(...tokens.filter((token) => token.kind !== 'punct').map((token) => token.text))
          }
        }
      }
      addBlocks(edition.preamble)
      for (const {section} of flattenSections(edition)) addBlocks(section.blocks)
      expect(index.matchText.split('\n')).toEqual(lines)
      expect(
        Array.from(
          index.ids.filter((id) => id >= 0),
          (id) => vocabulary.words[id]
        )
      ).toEqual(words)
      expect(index.sentences.map((sentence) => sentence.text)).toEqual(printed)
    }
  })
})

describe('joinTokens', () => {
  it('joins with spaces, CJK characters without, and a sentence of 200,000 tokens in linear time', () => {
    expect(joinTokens(['data', 'protection', '個人', '情報', '개인', '정보', 'x'])).toBe('data protection 個人情報 개인 정보 x')
    expect(joinTokens(['', 'a', '', 'b'])).toBe('a  b')
    // Reading the last character back from the joined string flattened it each time: ~30 s here, past
    // the test timeout (times are the bench's).
    expect(joinTokens(Array(200_000).fill('*')).length).toBe(399_999)
  }, 10_000)

  it('joins a katakana word ending in the long-vowel mark ー to the next Japanese word without a space', async () => {
    // OpenChain ja: the phrase `ポリシー が文書化`, `メンバー 企業が参加` (ー is of no kana script in Unicode).
    expect(joinTokens(['ポリシー', 'が', '文書化'])).toBe('ポリシーが文書化')
    expect(joinTokens(['メンバー', '企業'])).toBe('メンバー企業')
    const ja = (
      await ingestEdition(new TextEncoder().encode('# 1\n\nメンバー企業のポリシーが文書化されている\n'), {file: 'x.md', language: 'ja'})
    ).edition
    expect(indexEdition(ja, createVocabulary(), stopWords('ja')).matchText).toBe('メンバー企業のポリシーが文書化されている')
  })
})
