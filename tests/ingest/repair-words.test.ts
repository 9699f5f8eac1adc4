import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildLexicon, isAttested, joinLineList, joinLines, type Lexicon} from '../../src/ingest/repair-words.js'

// The definition joinLineList must agree with: each line joined to the whole text before it.
// Kept here as written before joining became linear; it rescans the growing text at every line.
function referenceJoin(left: string, right: string, lexicon: Lexicon): string {
  const a = left.trimEnd()
  const b = right.trimStart()
  if (a === '') return b
  if (b === '') return a
  const hyphen = /[-\u2010\u00AD]$/u.test(a) ? /(\p{L}+)[-\u2010\u00AD]$/u.exec(a) : null
  if (hyphen) {
    const start = /^(\p{Ll}+)/u.exec(b)
    const x = hyphen[1]!
    // A soft hyphen says the word was broken (the PDF adapter decides so from the whole document).
    const broken =
      start &&
      (a.endsWith('\u00AD') ||
        isAttested((x + start[1]).toLowerCase(), lexicon) ||
        (x.length >= 2 && !isAttested(x.toLowerCase(), lexicon) && !isAttested(start[1]!.toLowerCase(), lexicon)))
    if (broken) return a.slice(0, -1) + b
    return `${a.slice(0, -1)}-${b}`
  }
  if (/[^\s\-–—][-\u2010]$/u.test(a)) return a + b
  const cjk = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\uFF01-\uFF65]/u
  if (cjk.test(a.slice(-1)) && cjk.test(b[0]!)) return a + b
  return `${a} ${b}`
}

const reference = (lines: string[], lexicon: Lexicon): string => lines.reduce((text, line) => referenceJoin(text, line, lexicon), '').trim()

describe('joinLineList', () => {
  const lexicon = buildLexicon(['cooperation is international', 'requirements', 'long term'])

  it.each([
    [['cooper-', 'ation'], 'cooperation'],
    [['long-', 'term'], 'long-term'],
    [['long\u00AD', 'term'], 'longterm'],
    [['A3:2017-', 'Sensitive'], 'A3:2017-Sensitive'],
    [['中文', '文本'], '中文文本'],
    // OpenChain 1.2 ja p. 10: the long-vowel mark and the comma belong to no one script.
    [['供給ソフトウェア リリ', 'ースの各'], '供給ソフトウェア リリースの各'],
    [['当てはまらなく、', '組織によっては'], '当てはまらなく、組織によっては'],
    [['Annex A （参考）', '本仕様書'], 'Annex A （参考）本仕様書'],
    [['第３', '章'], '第３章'],
    [['inter-', 'nation-', 'al'], 'international'],
    [['  one  ', '', '\ttwo '], 'one two'],
    [['soft\u00AD', 'ware'], 'software'],
    [['-', 'x'], '- x']
  ])('%j → %s', (lines, expected) => {
    expect(joinLineList(lines, lexicon)).toBe(expected)
    expect(joinLineList(lines, lexicon)).toBe(reference(lines, lexicon))
  })

  it('joins two lines as joinLines does', () => {
    expect(joinLines('requi-', 'rements', lexicon)).toBe('requirements')
  })

  it('agrees with joining line by line onto the whole text', () => {
    const piece = fc.constantFrom(
      'cooper',
      'ation',
      'long',
      'term',
      'A3:2017',
      'in',
      'ter',
      '中文',
      '文',
      'ー',
      '、',
      '（',
      '𠀋',
      'é',
      '-',
      '\u2010',
      '\u00AD',
      '–',
      ' ',
      '\t',
      'x',
      'Word',
      '.',
      ''
    )
    const line = fc.array(piece, {maxLength: 6}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.array(line, {maxLength: 12}), (lines) => {
        expect(joinLineList(lines, lexicon)).toBe(reference(lines, lexicon))
      }),
      {numRuns: 2000}
    )
  })

  it('does not take a run of letters longer than a word for a broken word', () => {
    const long = 'a'.repeat(150)
    expect(joinLineList([`${long}-`, 'b'], lexicon)).toBe(`${long}-b`)
  })
})
