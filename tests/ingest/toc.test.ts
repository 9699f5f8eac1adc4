import {describe, expect, it} from 'vitest'
import {parseToc} from '../../src/ingest/parse-toc.js'
import {buildLexicon} from '../../src/ingest/repair-words.js'
import {numberingLevels, numberingScheme} from '../../src/ingest/numbering-level.js'

const lexicon = (text: string) => buildLexicon([text])

describe('parseToc', () => {
  it('reads dotted leaders and nests entries by numbering', () => {
    const lines = [
      'Some intro line',
      'Contents',
      '',
      '1. Introduction ........ 3',
      '1.1. Scope ....... 4',
      '   1.1.1 Terms .. 4',
      '2. Goals ........ 7',
      'Appendix A. Tables ..... 9',
      '',
      'Body starts here.'
    ]
    const toc = parseToc(lines, lexicon(lines.join('\n')))!
    expect(toc.start).toBe(1)
    expect(toc.end).toBe(8)
    expect(toc.entries).toEqual([
      {level: 1, numbering: '1', title: 'Introduction', page: 3},
      {level: 2, numbering: '1.1', title: 'Scope', page: 4},
      {level: 3, numbering: '1.1.1', title: 'Terms', page: 4},
      {level: 1, numbering: '2', title: 'Goals', page: 7},
      {level: 1, numbering: 'Appendix A', title: 'Tables', page: 9}
    ])
  })

  it('reads wide-spaced page numbers (RFC style) and keeps unnumbered entries at the top', () => {
    const lines = [
      '   1.       Introduction        3',
      '   1.1.     Scope               4',
      '            References         75',
      '',
      '1. Introduction'
    ]
    const toc = parseToc(lines, lexicon(''))!
    expect(toc.entries.map((entry) => [entry.level, entry.numbering, entry.title, entry.page])).toEqual([
      [1, '1', 'Introduction', 3],
      [2, '1.1', 'Scope', 4],
      [1, null, 'References', 75]
    ])
    expect(toc.end).toBe(3)
  })

  it('splits merged tab-layout rows into one title per page number and numbers them in order', () => {
    const lines = [
      'Chapter I\tWorld Trends\t\t',
      "\tSection 1 Section 2\tDevelopments in the International Political Landscape Korea's Foreign Policy\t8 22\t",
      'Chapter II\tDiplom\tacy Together\t\t',
      '\t\tPursuing Public Diplomacy Enhancing Participatory Diplomacy\t30 40\t'
    ]
    const toc = parseToc(lines, lexicon('diplomacy diplomacy public'))!
    expect(toc.entries).toEqual([
      {level: 1, numbering: 'Chapter I', title: 'World Trends', page: null},
      {level: 2, numbering: 'Section 1', title: 'Developments in the International Political Landscape', page: 8},
      {level: 2, numbering: 'Section 2', title: "Korea's Foreign Policy", page: 22},
      {level: 1, numbering: 'Chapter II', title: 'Diplomacy Together', page: null},
      {level: 2, numbering: 'Section 1', title: 'Pursuing Public Diplomacy', page: 30},
      {level: 2, numbering: 'Section 2', title: 'Enhancing Participatory Diplomacy', page: 40}
    ])
  })

  it('finds nothing in running prose', () => {
    expect(parseToc(['We met in 2019 and again in 2020.', 'Nothing here is a contents list.'], lexicon(''))).toBeNull()
  })
})

describe('numbering levels', () => {
  it('classifies labels', () => {
    expect(numberingScheme('7.4.1.2.')).toMatchObject({scheme: 'decimal', depth: 4})
    expect(numberingScheme('Chapter II')).toMatchObject({scheme: 'chapter', rank: 1})
    expect(numberingScheme('제2절')).toMatchObject({scheme: 'ko-절', rank: 2})
    expect(numberingScheme('第3章')).toMatchObject({scheme: 'cjk-章', rank: 1})
    expect(numberingScheme('①').scheme).toBe('circled')
    // Full-width digits number like ASCII ones (govcio dp2021-01: `１.１サービスデザインとは`).
    expect(numberingScheme('１.１')).toMatchObject({scheme: 'decimal', depth: 2, first: '1'})
    expect(numberingScheme('５．３')).toMatchObject({scheme: 'decimal', depth: 2, first: '5'})
    // Word's list number before the printed label (OpenChain 1.1 ko `1) 제 1 절 소개`): the label ranks it.
    expect(numberingScheme('1) 제 1 절')).toMatchObject({scheme: 'ko-절', rank: 2, first: '1'})
  })

  it('nests schemes in order of appearance and resets on a higher rank', () => {
    const labels = ['제1장', '1.', '가.', '(1)', '①', '나.', '2.', '제2장', '1.', 'Part Two']
    expect(numberingLevels(labels.map((numbering) => ({numbering})))).toEqual([1, 2, 3, 4, 5, 3, 2, 1, 2, 1])
  })

  it('puts A.1 under Appendix A and keeps unnumbered headings as siblings', () => {
    const headings = [null, '1.', '1.1', '2.', 'Appendix A', 'A.1', 'A.2', null]
    expect(numberingLevels(headings.map((numbering) => ({numbering})))).toEqual([1, 1, 2, 1, 1, 2, 2, 1])
  })
})
