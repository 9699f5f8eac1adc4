import {describe, expect, it} from 'vitest'
import type {Edition} from '../../src/model/edition.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {computeTrends} from '../../src/trends/compute-trends.js'
import {tokenize} from '../../src/text/tokenize.js'

async function edition(language: string, year: number, body: string): Promise<Edition> {
  const text = `---\ntitle: paper\nyear: ${year}\nlanguage: ${language}\n---\n\n# 一\n\n${body}\n`
  return (await ingestEdition(new TextEncoder().encode(text), {file: `paper-${year}.md`, language})).edition
}

describe('wordCutNgrams through computeTrends', () => {
  it('lists no Chinese n-gram that ends inside a word (CNCF zh-CN: 系统调 of 系统调用, always followed by 用)', async () => {
    // 调 and 用 are free characters here (调音量, 用工具), so no join mends 调用: the cut is left to the lists.
    expect(
      tokenize('审计系统调用。', 'zh-CN')
        .map((token) => token.text)
        .join('|')
    ).toBe('审计|系统|调|用|。')
    const body = '审计系统调用。监控系统调用。记录系统调用。调音量。调色板。用工具扫描。用脚本检查。审计日志。监控日志。'
    const editions = [await edition('zh-CN', 2022, body), await edition('zh-CN', 2023, `${body}审计日志。`)]
    const result = computeTrends(editions, {ngram: 2, top: 40})
    for (const {top} of result.editions) {
      const keys = top.map((term) => term.key)
      expect(keys).not.toContain('系统调')
      // The counts are kept: only the lists leave it out.
      expect(keys).toContain('审计日志')
      expect(keys).toContain('系统')
    }
    expect(result.terms.map((term) => term.term)).not.toContain('系统调')
    // A term asked for is still counted.
    expect(computeTrends(editions, {terms: ['系统调']}).terms[0]!.counts).toEqual([3, 3])
  })
})
