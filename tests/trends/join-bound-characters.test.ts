import {describe, expect, it} from 'vitest'
import type {Edition} from '../../src/model/edition.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {createVocabulary, type EditionIndex} from '../../src/trends/index-edition.js'
import {joinBoundCharacters} from '../../src/trends/join-bound-characters.js'
import {tokenize} from '../../src/text/tokenize.js'

/** An index over `sentences` (tokens split on `|`), every token a content word. */
function indexOf(sentences: string[], vocabulary = createVocabulary()): EditionIndex {
  const ids: number[] = []
  const at: number[] = []
  sentences.forEach((sentence, s) => {
    for (const word of sentence.split('|')) {
      let id = vocabulary.ids.find(word)
      if (id === -1) {
        id = vocabulary.ids.intern(word)
        vocabulary.words.push(word)
        vocabulary.content.push(word === '的' ? 0 : 1)
      }
      ids.push(id)
      at.push(s)
    }
    ids.push(-1)
    at.push(s)
  })
  return {
    words: ids.filter((id) => id >= 0).length,
    ids: Int32Array.from(ids),
    sentenceAt: Int32Array.from(at),
    sentences: [],
    matchText: '',
    matchStarts: new Int32Array(0)
  }
}

function words(index: EditionIndex, vocabulary: ReturnType<typeof createVocabulary>): string[] {
  return Array.from(index.ids, (id) => (id < 0 ? '/' : vocabulary.words[id]!))
}

describe('joinBoundCharacters', () => {
  it('joins single characters always seen together, then the run to the word it is bound to', () => {
    const vocabulary = createVocabulary()
    const sentences = ['容器|镜|像|扫描', '镜|像|仓库|的|安全', '安全|至|关|重要', '审计|至|关|重要']
    const index = indexOf(sentences, vocabulary)
    const {indices, joined} = joinBoundCharacters([index], vocabulary)
    expect(words(indices[0]!, vocabulary)).toEqual('容器 镜像 扫描 / 镜像 仓库 的 安全 / 安全 至关重要 / 审计 至关重要 /'.split(' '))
    expect(joined).toEqual(['镜像', '至关', '至关重要'])
    // Each join makes one word of two.
    expect(indices[0]!.words).toBe(index.words - 6)
  })

  it('leaves a free character (many neighbours), a character seen once, a stop word and a run past five characters', () => {
    const vocabulary = createVocabulary()
    const sentences = ['云|服务', '私有|云', '云|存储', '最|坏|影响', '的|确', '的|确', '甲|乙|丙|丁|戊|己', '甲|乙|丙|丁|戊|己']
    const index = indexOf(sentences, vocabulary)
    const {indices} = joinBoundCharacters([index], vocabulary)
    const out = words(indices[0]!, vocabulary).join(' ')
    expect(out).toContain('云 服务 / 私有 云 / 云 存储 / 最 坏 影响 / 的 确 / 的 确')
    // 甲乙, 丙丁 and 戊己 are joined, then 甲乙丙丁; 甲乙丙丁戊己 would pass five characters and is not made.
    expect(out).toContain('甲乙丙丁 戊己')
  })

  it('counts a character seen once per edition as seen once, however many editions repeat its sentence', () => {
    const vocabulary = createVocabulary()
    const a = indexOf(['最|坏|影响'], vocabulary)
    const b = indexOf(['最|坏|影响'], vocabulary)
    const {joined} = joinBoundCharacters([a, b], vocabulary)
    expect(joined).toEqual([])
  })
})

describe('computeTrends over Chinese editions', () => {
  async function edition(year: number, body: string): Promise<Edition> {
    const text = `---\ntitle: paper\nyear: ${year}\nlanguage: zh-CN\n---\n\n# 一\n\n${body}\n`
    return (await ingestEdition(new TextEncoder().encode(text), {file: `paper-${year}.md`, language: 'zh-CN'})).edition
  }

  it('counts the words the dictionary cuts into characters whole (CNCF 2023 zh-CN: 容器镜, 关重要 among the top terms)', async () => {
    // The segmenter hands 镜像 and 至关 over one character at a time.
    const pieces = tokenize('容器镜像至关重要', 'zh-CN').map((token) => token.text)
    expect(pieces).toEqual(['容器', '镜', '像', '至', '关', '重要'])
    const body = '扫描容器镜像。容器镜像需要签名。镜像的来源至关重要。审计至关重要。'
    const editions = [await edition(2022, body), await edition(2023, `${body}团队扫描容器镜像。`)]
    const result = computeTrends(editions, {ngram: 2, top: 40})
    const top = result.editions[1]!.top.map((term) => term.key)
    expect(top).toContain('镜像')
    expect(top).toContain('容器镜像')
    expect(top).toContain('至关重要')
    for (const broken of ['容器镜', '关重要', '镜', '像', '至', '关']) expect(top).not.toContain(broken)
    // Terms are matched on the text, so a term's count is the same whatever the tokens.
    const counted = computeTrends(editions, {terms: ['镜像', '至关重要']}).terms.map((term) => term.counts)
    expect(counted).toEqual([
      [3, 4],
      [2, 2]
    ])
  })
})
