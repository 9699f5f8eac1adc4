import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {ksX1001Hangul} from '../../src/ingest/ks-x-1001-hangul.js'
import {fromExtractedText} from '../../src/ingest/from-extracted-text.js'
import {fromPdf} from '../../src/ingest/from-pdf.js'
import {isRareSyllable, repairPageLines, repairTextMap} from '../../src/ingest/repair-text-map.js'
import {makeTextPdf} from './make-text-pdf.js'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/text-map')
const read = (file: string): string => readFileSync(path.join(fixtures, file), 'utf8')
const rareIn = (text: string): string[] => [...text].filter(isRareSyllable)

/**
 * What a broken ToUnicode map of the kind the module describes does to `char`: a run of glyphs in
 * KS X 1001 order given consecutive code points from the start of the syllable's block.
 */
function breakSyllable(char: string): string {
  const offset = char.charCodeAt(0) - 0xac00
  const blockStart = offset - (offset % 28)
  const rank = [...ksX1001Hangul].filter((other) => Math.floor((other.charCodeAt(0) - 0xac00) / 28) === blockStart / 28).indexOf(char)
  return String.fromCharCode(0xac00 + blockStart + rank)
}

describe('isRareSyllable', () => {
  it('is true for Hangul syllables outside KS X 1001 only', () => {
    expect(['싞', '젂', '젃', '갂', '똠'].map(isRareSyllable)).toEqual([true, true, true, true, true])
    expect(['신', '전', '절', '간', '가', '힝'].map(isRareSyllable)).toEqual([false, false, false, false, false, false])
    expect(['a', 'ㄱ', '漢', 'が', '', '가나'].map(isRareSyllable)).toEqual([false, false, false, false, false, false])
  })
})

describe('repairTextMap', () => {
  it('repairs the OpenChain 2.0 Korean excerpt: every rare syllable, to the spelling of the 2.1 edition', () => {
    const pages = read('openchain-2.0-ko/pages.txt').split('\f')
    const result = repairTextMap(pages)
    const expectedFile = path.join(fixtures, 'openchain-2.0-ko/expected.txt')
    if (process.env.UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, result.pages.join('\f'))
    expect(result.pages.join('\f')).toBe(readFileSync(expectedFile, 'utf8'))

    expect(result.broken).toBe(true)
    expect(result.rare).toBe(rareIn(pages.join('')).length)
    expect(result.rare).toBeGreaterThan(10)
    expect(result.repaired).toBe(result.rare)
    expect(result.remaining).toBe(0)
    expect(rareIn(result.pages.join(''))).toEqual([])
    const text = result.pages.join('\f')
    for (const word of ['관련 업무', '전달', '절차', '존재', '동안']) expect(text).toContain(word)
    expect(result.pages.map((page) => page.length)).toEqual(pages.map((page) => page.length))
    expect(result.messages.filter((message) => message.severity === 'warning')).toHaveLength(1)
    expect(result.messages[0]).toMatchObject({code: 'broken-text-map', page: 1})
    expect(result.messages[0]!.text).toContain(`${result.rare} Hangul syllables`)
  })

  it('repairs a clean text broken the same way, back to the original, from the pattern and two words spelled right elsewhere', () => {
    const original = read('clean-ko/contributor-covenant-2.1.ko.md')
    // Syllables whose glyphs the map breaks into syllables Korean does not use (a break into a
    // common syllable, 정 → 절, cannot be seen).
    const broken = new Set(['신', '는', '한', '할', '공', '간', '전'])
    expect([...broken].map(breakSyllable).every(isRareSyllable)).toBe(true)
    // One line in another font, whose glyphs the map gets right, spells two words correctly.
    const lines = original.split('\n')
    const untouched = lines.findIndex((line) => line.includes('공정한'))
    expect(untouched).toBeGreaterThan(0)
    const garbled = lines.map((line, index) =>
      index === untouched ? line : [...line].map((char) => (broken.has(char) ? breakSyllable(char) : char)).join('')
    )
    const input = [garbled.slice(0, 40).join('\n'), garbled.slice(40).join('\n')]
    expect(rareIn(input.join('')).length).toBeGreaterThan(50)
    const result = repairTextMap(input)
    expect(result.pages.join('\n')).toBe(original)
    expect(result.remaining).toBe(0)
    expect(result.suspectPages).toEqual([1, 2])
  })

  it('leaves clean Korean text alone and says nothing', () => {
    for (const file of ['clean-ko/contributor-covenant-2.1.ko.md', 'clean-ko/semver-2.0.0.ko.md']) {
      const text = read(file)
      const result = repairTextMap(text.split('\n\n'))
      expect(result.pages.join('\n\n')).toBe(text)
      expect(result).toMatchObject({broken: false, rare: 0, repaired: 0, messages: [], substitutions: []})
    }
  })

  it('leaves a rare syllable in otherwise clean text alone (a name, a quoted spelling)', () => {
    const text = `${read('clean-ko/semver-2.0.0.ko.md')}\n소설 『똠방각하』와 "햏"이라는 말도 인용한다.`
    const result = repairTextMap([text])
    expect(result.pages).toEqual([text])
    expect(result).toMatchObject({broken: false, rare: 2, repaired: 0, remaining: 2, messages: []})
  })

  it('changes nothing in English, Japanese, Chinese or old-Hangul text', () => {
    const pages = ['Trust is built between organisations.', '信頼の構築。組織間で', '构建信任', 'ᄒᆞᆫ글 ㄱㄴㄷ']
    const result = repairTextMap(pages)
    expect(result.pages).toEqual(pages)
    expect(result.rare).toBe(0)
  })

  it('repairs nothing without evidence: rare syllables that no word or pattern explains are counted as remaining', () => {
    const pages = ['싞뢰 젂달 갂주 맊들다 젃차', '다른 문장은 괜찮다 그러나 싞뢰가 젂달되지 않는다']
    const result = repairTextMap(pages)
    expect(result.broken).toBe(true)
    expect(result.repaired).toBe(0)
    expect(result.remaining).toBe(7)
    expect(result.pages).toEqual(pages)
    expect(result.messages).toHaveLength(1)
    expect(result.messages[0]!.text).toBe(
      "pages 1–2 hold 7 Hangul syllables that Korean text does not use (the PDF maps some glyphs to wrong characters): 0 repaired from the document's own spelling, 7 left"
    )
  })

  it('is deterministic', () => {
    const pages = read('openchain-2.0-ko/pages.txt').split('\f')
    expect(JSON.stringify(repairTextMap(pages))).toBe(JSON.stringify(repairTextMap([...pages])))
  })
})

describe('repairPageLines', () => {
  it('repairs lines in place of their page, keeping the other fields and the untouched lines', () => {
    const pages = read('openchain-2.0-ko/pages.txt')
      .split('\f')
      .map((page, p) => page.split('\n').map((text, index) => ({text, page: p + 1, index})))
    const result = repairPageLines(pages, {pageNumbers: [2, 6, 12, 14]})
    const expected = read('openchain-2.0-ko/expected.txt').split('\f')
    expect(result.pages.map((lines) => lines.map((line) => line.text).join('\n'))).toEqual(expected)
    expect(result.pages.flat().map(({page, index}) => [page, index])).toEqual(pages.flat().map(({page, index}) => [page, index]))
    const unchanged = pages.flat().filter((line) => rareIn(line.text).length === 0)
    expect(unchanged.every((line) => result.pages[line.page - 1]![line.index] === line)).toBe(true)
    expect(result.suspectPages[0]).toBe(2)
  })
})

describe('fromExtractedText with a broken text map', () => {
  it('reads the repaired text and reports the repair once', () => {
    const parsed = fromExtractedText(read('openchain-2.0-ko/pages.txt'))
    const text = JSON.stringify(parsed.root)
    expect(rareIn(text)).toEqual([])
    expect(text).toContain('전달')
    expect(parsed.messages.filter((message) => message.code === 'broken-text-map')).toHaveLength(1)
  })
})

describe('fromPdf with a broken text map', () => {
  it('reads the repaired text and reports the repair once, naming the pages', async () => {
    // The excerpt's lines, dot leaders of its contents page shortened, as a two-page PDF.
    const lines = read('openchain-2.0-ko/pages.txt')
      .split(/[\f\n]/u)
      .map((line) =>
        line
          .replace(/\.{4,}/gu, ' ')
          .replace(/\s+/gu, ' ')
          .trim()
      )
      .filter((line) => line !== '')
    const parsed = await fromPdf(makeTextPdf([lines.slice(0, 30), lines.slice(30)]))
    const text = JSON.stringify(parsed.root)
    expect(rareIn(text)).toEqual([])
    for (const word of ['관련', '전달', '절차', '동안']) expect(text).toContain(word)
    const warnings = parsed.messages.filter((message) => message.code === 'broken-text-map')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.text).toMatch(/^pages 1–2 hold \d+ Hangul syllables .*: (\d+) repaired from the document's own spelling, 0 left$/u)
  })
})
