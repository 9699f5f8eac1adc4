import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {diffSection} from '../../src/diff/diff-section.js'
import type {Section} from '../../src/model/edition.js'

function section(id: string, paragraphs: string[]): Section {
  return {
    id,
    heading: id,
    numbering: null,
    title: id,
    level: 1,
    children: [],
    words: 0,
    totalWords: 0,
    page: null,
    blocks: paragraphs.map((value, i) => ({type: 'paragraph', children: [{type: 'text', value}], data: {page: i + 1}}))
  }
}

const word = fc.constantFrom('data', 'policy', 'kept', 'for', 'five', 'years', 'the', 'agency', 'report', 'audit', 'shared', '2019')
const paragraph = fc.array(word, {minLength: 1, maxLength: 25}).map((words) => `${words.join(' ')}.`)
const paragraphs = fc.array(paragraph, {maxLength: 12})

/** New-side texts of a redline in reading order. */
const newTexts = (diff: ReturnType<typeof diffSection>) => diff.blocks.filter((b) => b.op !== 'deleted').map((b) => b.text)

describe('diffSection', () => {
  test('a section compared with itself is all equal (property)', () => {
    fc.assert(
      fc.property(paragraphs, (texts) => {
        const diff = diffSection(section('s', texts), section('s', texts), {language: 'en'})
        expect(diff.blocks.every((b) => b.op === 'equal')).toBe(true)
        expect(diff.stats.wordsAdded + diff.stats.wordsRemoved + diff.stats.paragraphsMoved).toBe(0)
        expect(diff.measures).toEqual({cosine: 1, jaccard: 1, edit: 1, simple: 1})
      }),
      {numRuns: 100}
    )
  })

  test('the redline holds every new paragraph once, in order, and every old one (property)', () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, (oldTexts, newTexts_) => {
        const diff = diffSection(section('a', oldTexts), section('b', newTexts_), {language: 'en'})
        expect(newTexts(diff).join('\n\n')).toBe(newTexts_.join('\n\n'))
        const oldSide = diff.blocks.flatMap((b) => {
          if (b.op === 'inserted') return []
          if (b.op === 'rewritten') return b.oldText!.split('\n\n').length === 1 && b.old ? [b.old.block] : []
          return b.old && !(b.op === 'deleted' && b.movedTo) ? [b.old.block] : []
        })
        expect(new Set(oldSide).size).toBe(oldSide.length)
      }),
      {numRuns: 200}
    )
  })

  test('added and removed sections, pages kept', () => {
    const added = diffSection(null, section('s', ['New text here.', 'And more.']))
    expect(added.blocks.map((b) => b.op)).toEqual(['inserted', 'inserted'])
    expect(added.blocks[1]!.new).toEqual({section: 's', block: 1, page: 2})
    expect(added.stats).toEqual({wordsAdded: 5, wordsRemoved: 0, wordsUnchanged: 0, paragraphsMoved: 0})
    expect(added.measures.cosine).toBe(0)
    const removed = diffSection(section('s', ['Old text.']), null)
    expect(removed.blocks.map((b) => b.op)).toEqual(['deleted'])
    expect(removed.stats.wordsRemoved).toBe(2)
  })
})
