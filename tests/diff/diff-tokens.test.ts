import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {resolveDiffOptions, tokenKey, type DiffOptions} from '../../src/diff/diff-options.js'
import {diffTokens, TokenKeys, type WordOp} from '../../src/diff/diff-tokens.js'
import {tokenize} from '../../src/text/tokenize.js'

function diff(old: string, neu: string, options: DiffOptions = {}, language = 'en') {
  const keys = new TokenKeys(resolveDiffOptions({language, ...options}, language))
  return diffTokens(keys.tokenize(old), keys.tokenize(neu), keys)
}

/** Apply a diff to the old text like a patch: `=` and `-` consume the old text, `=` and `+` write the new one. */
function applyOps(old: string, ops: WordOp[]): string {
  let at = 0
  let out = ''
  for (const [op, text] of ops) {
    if (op !== '+') {
      expect(old.slice(at, at + text.length)).toBe(text)
      at += text.length
    }
    if (op !== '-') out += text
  }
  expect(at).toBe(old.length)
  return out
}

const word = fc.constantFrom('the', 'data', 'policy', 'is', 'kept', 'for', '5', 'years', '2019', '$35,000', 'Mozilla', 'API', 'and')
const sep = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', '  ')
const text = fc.array(fc.tuple(word, sep), {maxLength: 60}).map((parts) => parts.map(([w, s]) => w + s).join(''))
const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), word)

function mutate(old: string, edits: Array<[number, string, string]>): string {
  const parts = old.split(' ')
  for (const [at, kind, w] of edits) {
    const i = parts.length ? at % parts.length : 0
    if (kind === 'insert') parts.splice(i, 0, w)
    else if (kind === 'delete') parts.splice(i, 1)
    else parts[i] = w
  }
  return parts.join(' ')
}

describe('diffTokens is lossless (property)', () => {
  test('random edits: applying the diff to the old text gives the new text', () => {
    fc.assert(
      fc.property(text, fc.array(edit, {maxLength: 8}), fc.boolean(), (old, edits, sentences) => {
        const neu = mutate(old, edits as Array<[number, string, string]>)
        const options = {ignoreWhitespace: false, ...(sentences ? {sentenceThreshold: 5} : {})}
        const result = diff(old, neu, options)
        expect(applyOps(old, result.ops)).toBe(neu)
        expect(result.gaveUp).toBe(false)
      }),
      {numRuns: 400}
    )
  })

  test('unrelated texts, including a tiny edit budget that makes jsdiff give up', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom(1, 3, 2000), (old, neu, maxEditLength) => {
        const result = diff(old, neu, {ignoreWhitespace: false, maxEditLength})
        expect(applyOps(old, result.ops)).toBe(neu)
      }),
      {numRuns: 300}
    )
  })

  test('with whitespace ignored (the default) the new text is still rebuilt exactly', () => {
    fc.assert(
      fc.property(text, fc.array(edit, {maxLength: 5}), (old, edits) => {
        const neu = mutate(old, edits as Array<[number, string, string]>).replace(/ /gu, '  ')
        const {ops} = diff(old, neu)
        expect(
          ops
            .filter(([op]) => op !== '-')
            .map(([, t]) => t)
            .join('')
        ).toBe(neu)
        expect(
          ops
            .filter(([op]) => op !== '+')
            .map(([, t]) => t)
            .join('')
            .replace(/\s+/gu, ' ')
        ).toBe(old.replace(/\s+/gu, ' '))
      }),
      {numRuns: 200}
    )
  })

  test('Korean, Chinese and Japanese edits', () => {
    const cjk = fc.constantFrom(
      '한반도의',
      '평화를',
      '정부는',
      '데이터를',
      '云原生',
      '安全',
      '的',
      '白皮书',
      '個人情報を',
      '収集します',
      '。',
      ' '
    )
    const cjkText = fc.array(cjk, {maxLength: 40}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(cjkText, cjkText, fc.constantFrom('ko', 'zh-CN', 'ja'), (old, neu, language) => {
        const result = diff(old, neu, {ignoreWhitespace: false}, language)
        expect(applyOps(old, result.ops)).toBe(neu)
      }),
      {numRuns: 300}
    )
  })
})

describe('diffTokens counts', () => {
  test('words added, removed, unchanged and the edit distance', () => {
    const result = diff('the cat sat on the mat', 'the dog sat on a mat today')
    expect(result.ops).toEqual([
      ['=', 'the '],
      ['-', 'cat'],
      ['+', 'dog'],
      ['=', ' sat on '],
      ['-', 'the'],
      ['+', 'a'],
      ['=', ' mat'],
      ['+', ' today']
    ])
    expect({added: result.added, removed: result.removed, unchanged: result.unchanged, edits: result.edits}).toEqual({
      added: 3,
      removed: 2,
      unchanged: 4,
      edits: 3
    })
  })

  test('a short unchanged word inside a rewritten phrase is absorbed into it', () => {
    const {ops} = diff('a version distributed as a Portable Document Format file', 'a version of this document such as the web site file')
    expect(ops[0]).toEqual(['=', 'a version '])
    expect(ops.filter(([op]) => op === '-')).toHaveLength(1)
    expect(ops.filter(([op]) => op === '+')).toHaveLength(1)
  })

  test('ignoreCase and ignorePunctuation', () => {
    expect(diff('Data is kept.', 'data is kept', {ignoreCase: true, ignorePunctuation: true}).gaps).toEqual([])
    expect(diff('Data is kept.', 'data is kept').gaps).toHaveLength(2)
  })
})

describe('TokenKeys.scan', () => {
  test('gives every token the id of its key under each option, ASCII or not, in order of first use (property)', () => {
    const unit = fc.constantFrom(
      'Policy',
      'policy',
      'POLICY',
      'Жизнь',
      'жизнь',
      'today’s',
      "today's",
      'É',
      ' ',
      '\n',
      '.',
      ',',
      '5',
      '$3.5',
      '2019–2020',
      '%',
      '한반도의',
      '中文',
      '😀'
    )
    const texts = fc.array(
      fc.array(unit, {maxLength: 12}).map((units) => units.join('')),
      {maxLength: 6}
    )
    const options = fc.record({
      ignoreCase: fc.boolean(),
      ignorePunctuation: fc.boolean(),
      ignoreNumbers: fc.boolean(),
      ignoreWhitespace: fc.boolean()
    })
    fc.assert(
      fc.property(texts, options, (list, chosen) => {
        const resolved = resolveDiffOptions({language: 'en', ...chosen}, 'en')
        const scanned = new TokenKeys(resolved)
        const reference = new TokenKeys(resolved)
        for (const text of list) {
          const expected = tokenize(text, 'en').map((token) => reference.id(tokenKey(token, resolved)))
          expect(Array.from(scanned.scan(text).ids), text).toEqual(expected)
        }
      }),
      {numRuns: 500}
    )
  })

  test('gives one id to equal sequences and different ids to different ones', () => {
    const keys = new TokenKeys(resolveDiffOptions({}, 'en'))
    const a = keys.scan('the data policy').ids
    const b = keys.scan('the data policy').ids
    const c = keys.scan('the policy data').ids
    expect(keys.sequence(a)).toBe(keys.sequence(b))
    expect(keys.sequence(a)).not.toBe(keys.sequence(c))
    expect(keys.sequence(a, 0, 1)).toBe(keys.sequence(c, 0, 1))
    expect(keys.sequence(a, 0, 0)).not.toBe(keys.sequence(a, 0, 1))
  })
})

describe('Japanese inflections', () => {
  test('a changed ending is marked with its whole word, never as a kanji kept and its ending changed', () => {
    // OpenChain ja 2.0 → 2.1: `払[-われる][+われた]`, `構成さ[-れた][+れる]`, `課[-される][+せられる]`.
    const paid = diff('努力が払われることを確認する', '努力が払われたことを確認する', {}, 'ja')
    expect(paid.ops).toEqual([
      ['=', '努力が'],
      ['-', '払われる'],
      ['+', '払われた'],
      ['=', 'ことを確認する']
    ])
    expect(applyOps('努力が払われることを確認する', paid.ops)).toBe('努力が払われたことを確認する')
    expect(diff('ソフトウェアで構成されたソリューション', 'ソフトウェアで構成されるソリューション', {}, 'ja').ops).toEqual([
      ['=', 'ソフトウェアで構成'],
      ['-', 'された'],
      ['+', 'される'],
      ['=', 'ソリューション']
    ])
    expect(diff('要件が課される', '要件が課せられる', {}, 'ja').ops).toEqual([
      ['=', '要件が'],
      ['-', '課される'],
      ['+', '課せられる']
    ])
  })

  test('a changed particle after a one-kanji noun stays apart from the noun', () => {
    expect(diff('方の理解', '方が理解', {}, 'ja').ops).toEqual([
      ['=', '方'],
      ['-', 'の'],
      ['+', 'が'],
      ['=', '理解']
    ])
  })
})

describe('Chinese words the dictionary lacks', () => {
  test('a changed character is marked with the lone character of its word, never as half a word kept', () => {
    // CNCF zh-CN 2022 edited by hand: 加密密钥 → 加密秘钥 read `加密[-密][+秘]钥免受`; 至关 → 至为.
    const key = diff('保护加密密钥免受外泄。', '保护加密秘钥免受外泄。', {}, 'zh-CN')
    expect(key.ops).toEqual([
      ['=', '保护加密'],
      ['-', '密钥'],
      ['+', '秘钥'],
      ['=', '免受外泄。']
    ])
    expect(applyOps('保护加密密钥免受外泄。', key.ops)).toBe('保护加密秘钥免受外泄。')
    expect(diff('这至关重要。', '这至为重要。', {}, 'zh-CN').ops).toEqual([
      ['=', '这'],
      ['-', '至关'],
      ['+', '至为'],
      ['=', '重要。']
    ])
    // At the edges of the text too.
    expect(diff('密钥', '秘钥', {}, 'zh-CN').ops).toEqual([
      ['-', '密钥'],
      ['+', '秘钥']
    ])
  })

  test('a word the segmenter knew stays an edge, and a changed word keeps its neighbours', () => {
    expect(diff('容器镜像扫描', '容器映像扫描', {}, 'zh-CN').ops).toEqual([
      ['=', '容器'],
      ['-', '镜像'],
      ['+', '映像'],
      ['=', '扫描']
    ])
  })
})
