import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {spansToTokens, tokenize, tokenSpans, type Token} from '../../src/text/tokenize.js'
import {corporaDir as corpora} from '../support/corpora.js'

const pairs = (tokens: Token[]) => tokens.map((token) => [token.text, token.kind])
const texts = (tokens: Token[]) => tokens.filter((token) => token.kind !== 'space').map((token) => token.text)

describe('tokenize: English and other space-separated languages', () => {
  test('words, punctuation and spaces are separate tokens', () => {
    expect(pairs(tokenize('Broken Object, Level.', 'en'))).toEqual([
      ['Broken', 'word'],
      [' ', 'space'],
      ['Object', 'word'],
      [',', 'punct'],
      [' ', 'space'],
      ['Level', 'word'],
      ['.', 'punct']
    ])
  })

  test('a figure with currency, grouping, decimals, percent or range is one number token', () => {
    const tokens = tokenize('fined $35,000,000 (3.81%) in 2019–2020 and 2019-2020, €1.5 or 12 %.', 'en')
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual([
      '$35,000,000',
      '3.81%',
      '2019–2020',
      '2019-2020',
      '€1.5',
      '12 %'
    ])
    expect(tokens.at(-1)).toEqual({text: '.', kind: 'punct'})
  })

  test('letters glued to digits stay one word; a trailing full stop is punctuation', () => {
    expect(texts(tokenize("API1:2019 v1.2.0 3D 2nd don't well-known A01:2021.", 'en'))).toEqual([
      'API1:2019',
      'v1.2.0',
      '3D',
      '2nd',
      "don't",
      'well-known',
      'A01:2021',
      '.'
    ])
  })

  test('a dotted practice or requirement code is one word; a word, a full stop and one number are not', () => {
    // Cut at its full stops, PW.8.1 gave the word `PW`, which rose in trends like a word of the text.
    expect(texts(tokenize('PW.8.1 and PO.3.2. A.5.1, MS.EXO.4.1v1, PR.AC-1, SC-7 and 3.1.4', 'en'))).toEqual([
      'PW.8.1',
      'and',
      'PO.3.2',
      '.',
      'A.5.1',
      ',',
      'MS.EXO.4.1v1',
      ',',
      'PR.AC-1',
      ',',
      'SC-7',
      'and',
      '3.1.4'
    ])
    expect(pairs(tokenize('cluster.1 e.g. A.5', 'en')).filter(([, kind]) => kind !== 'space')).toEqual([
      ['cluster', 'word'],
      ['.', 'punct'],
      ['1', 'number'],
      ['e', 'word'],
      ['.', 'punct'],
      ['g', 'word'],
      ['.', 'punct'],
      ['A', 'word'],
      ['.', 'punct'],
      ['5', 'number']
    ])
  })

  test('letters joined by & are one word; & between spaces or digits is punctuation', () => {
    // ATT&CK’s cut at & gave trends the phrase `ck’s threat matrix for containers`.
    expect(texts(tokenize('MITRE ATT&CK’s matrix, R&D and Q&A; Tom & Jerry, 3&4', 'en'))).toEqual([
      'MITRE',
      'ATT&CK’s',
      'matrix',
      ',',
      'R&D',
      'and',
      'Q&A',
      ';',
      'Tom',
      '&',
      'Jerry',
      ',',
      '3',
      '&',
      '4'
    ])
  })

  test('newlines and runs of spaces are single space tokens', () => {
    expect(pairs(tokenize('a \n\n  b', 'en'))).toEqual([
      ['a', 'word'],
      [' \n\n  ', 'space'],
      ['b', 'word']
    ])
  })
})

describe('tokenize: Korean particles', () => {
  test.each([
    ['한반도의', ['한반도', '의']],
    ['한반도를', ['한반도', '를']],
    ['정보를', ['정보', '를']],
    ['사용자들에게', ['사용자', '들에게']],
    ['서버에서', ['서버', '에서']],
    ['Firefox가', ['Firefox', '가']],
    ['수집합니다', ['수집', '합니다']],
    ['국가가', ['국가', '가']],
    // 일반적인 is 일반적 "general" with the copula's 인, the word of 일반적으로.
    ['일반적인', ['일반적', '인']],
    ['일반적으로', ['일반적', '으로']],
    ['고객께', ['고객', '께']]
  ])('%s splits into stem and particle', (word, expected) => {
    const tokens = tokenize(word, 'ko')
    expect(tokens.map((t) => t.text)).toEqual(expected)
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'particle'])
  })

  // 함께 "together" (OpenChain ko: the phrase `소프트웨어와 함`, cut out of 함께).
  test.each(['국가', '결과', '회의', '평화', '제도', '개인', '확인', '적인', '함께'])(
    '%s (a noun ending in a particle-like syllable) stays whole',
    (word) => {
      expect(pairs(tokenize(word, 'ko'))).toEqual([[word, 'word']])
    }
  )

  test('한반도의 → 한반도를 differs in the particle token only', () => {
    const a = tokenize('한반도의 평화', 'ko')
    const b = tokenize('한반도를 평화', 'ko')
    const differing = a.filter((token, i) => token.text !== b[i]!.text)
    expect(differing).toEqual([{text: '의', kind: 'particle'}])
  })

  test('a year with a Korean unit keeps the figure as a number', () => {
    expect(pairs(tokenize('2019년에', 'ko'))).toEqual([
      ['2019', 'number'],
      ['년', 'word'],
      ['에', 'particle']
    ])
  })
})

describe('tokenize: Chinese and Japanese through Intl.Segmenter', () => {
  test('Chinese runs split into words, figures stay whole', () => {
    const tokens = tokenize('云原生安全白皮书共有35个API的3.81%。', 'zh-CN')
    expect(texts(tokens)).toEqual(['云', '原生', '安全', '白皮书', '共有', '35', '个', 'API', '的', '3.81%', '。'])
    expect(tokens.find((t) => t.text === '3.81%')?.kind).toBe('number')
  })

  test('Japanese runs split into words with kana-aware rules', () => {
    expect(texts(tokenize('個人情報を収集します。', 'ja'))).toEqual(['個人', '情報', 'を', '収集', 'し', 'ます', '。'])
  })

  test('CJK tokens in real editions are word-sized, not sentence-sized', () => {
    for (const [file, language] of [
      ['cncf-cloud-native-security-whitepaper/v2-2022.zh-CN.md', 'zh-CN'],
      ['mozilla-firefox-privacy-notice/2021.ja.md', 'ja'],
      ['mozilla-firefox-privacy-notice/2021.ko.md', 'ko']
    ] as const) {
      const tokens = tokenize(readFileSync(`${corpora}/${file}`, 'utf8'), language)
      const cjkWords = tokens.filter(
        (t) => t.kind === 'word' && /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t.text)
      )
      expect(cjkWords.length).toBeGreaterThan(1000)
      const lengths = cjkWords.map((t) => [...t.text].length)
      const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length
      expect(mean).toBeLessThan(4)
      expect(Math.max(...lengths)).toBeLessThan(20)
    }
  })
})

describe('tokenize is lossless', () => {
  test('on real editions in every corpus language', () => {
    for (const [file, language] of [
      ['owasp-api-security-top10/2023.en.md', 'en'],
      ['owasp-api-security-top10/2023.fa.md', 'fa'],
      ['cncf-cloud-native-security-whitepaper/v2-2022.zh-CN.md', 'zh-CN'],
      ['cncf-cloud-native-security-whitepaper/v2-2022.ja.md', 'ja'],
      ['mozilla-firefox-privacy-notice/2020.ko.md', 'ko'],
      ['un-general-debate-kor/2020.txt', 'ko']
    ] as const) {
      const text = readFileSync(`${corpora}/${file}`, 'utf8')
      expect(
        tokenize(text, language)
          .map((t) => t.text)
          .join('')
      ).toBe(text)
    }
  })

  test('on arbitrary strings (property)', () => {
    const alphabet = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '\n',
      '.',
      ',',
      '%',
      '$',
      '1',
      '9',
      '–',
      '-',
      "'",
      '한',
      '의',
      '를',
      '中',
      '文',
      'を',
      'カ',
      '😀',
      'é'
    )
    fc.assert(
      fc.property(
        fc.oneof(fc.string({unit: 'grapheme'}), fc.string({unit: alphabet})),
        fc.constantFrom('en', 'ko', 'ja', 'zh-CN'),
        (text, language) => {
          const tokens = tokenize(text, language)
          expect(tokens.map((t) => t.text).join('')).toBe(text)
          expect(tokens.every((t) => t.text.length > 0)).toBe(true)
        }
      ),
      {numRuns: 500}
    )
  })
})

describe('tokenSpans', () => {
  const viaSpans = (text: string, language: string): Token[] => spansToTokens(text, tokenSpans(text, language))

  test('gives the tokens of tokenize on text in spaced scripts, figures and joiners included (property)', () => {
    // Units that exercise the hand-written path: joiners, digit dots, figures whose pattern
    // backtracks, typographic marks, other digits and spaces, a combining accent.
    const unit = fc.constantFrom(
      'a',
      'Z',
      '_',
      '3',
      '0',
      '.',
      ':',
      ',',
      "'",
      '’',
      '-',
      '–',
      '—',
      '%',
      '‰',
      '$',
      '€',
      ' ',
      '\n',
      '\t',
      '\u00a0',
      '\u2003',
      'x',
      'D',
      'é',
      'Ж',
      '\u0301',
      '٣',
      '²',
      '1.5',
      '12 %',
      '$35,000',
      "don't",
      'isn’t',
      'v1.2.0',
      '3D',
      '5%x',
      '2019–2020',
      'PW.8.1',
      'AB.C',
      'X.1',
      'MS.EX.4',
      'PR.AC-1',
      'A-',
      '&',
      'R&D',
      '(',
      '“',
      '”'
    )
    fc.assert(
      fc.property(fc.array(unit, {maxLength: 30}), (units) => {
        const text = units.join('')
        expect(viaSpans(text, 'en')).toEqual(tokenize(text, 'en'))
      }),
      {numRuns: 2000}
    )
  })

  test('gives the tokens of tokenize on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme'}), fc.constantFrom('en', 'ko', 'ja'), (text, language) => {
        expect(viaSpans(text, language)).toEqual(tokenize(text, language))
      }),
      {numRuns: 300}
    )
  })

  test('gives the tokens of tokenize on every paragraph of real editions', () => {
    for (const [file, language] of [
      [`${corpora}/owasp-api-security-top10/2023.en.md`, 'en'],
      [`${corpora}/semver-spec/v2.0.0.en.md`, 'en'],
      [`${corpora}/un-general-debate-kor/2020.txt`, 'en'],
      ['editions/diplomatic-white-paper/2020.md', 'en']
    ] as const) {
      const paragraphs = readFileSync(file, 'utf8').split('\n')
      let ascii = 0
      for (const paragraph of paragraphs) {
        const spans = tokenSpans(paragraph, language)
        if (spans.tokens === null) ascii++
        expect(spansToTokens(paragraph, spans), paragraph).toEqual(tokenize(paragraph, language))
      }
      expect(ascii, file).toBeGreaterThan(paragraphs.length / 2)
    }
  })

  test('reads a slice of a text as tokenize reads the slice alone, offsets into the text (property)', () => {
    const unit = fc.constantFrom('a', 'é', '3', '.', "'", '’', '-', '%', '$', ' ', '1.5', '12 %', '3D', '2019–2020', '中文', '한반도의')
    fc.assert(
      fc.property(fc.array(unit, {maxLength: 20}), fc.nat(), fc.nat(), (units, a, b) => {
        const text = units.join('')
        const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number]
        const spans = tokenSpans(text, 'en', from, to)
        expect(spansToTokens(text, spans)).toEqual(tokenize(text.slice(from, to), 'en'))
        expect(spans.ends.at(-1) ?? from).toBe(to)
      }),
      {numRuns: 1000}
    )
  })

  test('gives a slice of the tokens', () => {
    const text = 'Fined $3.5m, 12 % more.'
    const spans = tokenSpans(text, 'en')
    expect(spansToTokens(text, spans, 2, 5)).toEqual(tokenize(text, 'en').slice(2, 5))
  })
})
