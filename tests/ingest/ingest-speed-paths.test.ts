import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fromMarkdown} from '../../src/ingest/from-markdown.js'
import {notHeading} from '../../src/ingest/classify-pdf-lines.js'
import {titleSimilarity} from '../../src/ingest/match-contents.js'
import {appendixLabel} from '../../src/ingest/merge-heading-badges.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {readPdf} from '../../src/ingest/pdf.js'
import {isBrokenWord, markBrokenWords} from '../../src/ingest/pdf-hyphens.js'
import {buildLexicon, buildLineLexicon, joinFragments, repairSpacedWords} from '../../src/ingest/repair-words.js'
import {findPlainBlocks} from '../../src/normalize/find-plain-blocks.js'
import {parseMarkdown} from '../../src/normalize/parse-markdown.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'
import {toSectionTree} from '../../src/normalize/to-section-tree.js'
import type {Section} from '../../src/model/edition.js'
import {parseNumbering} from '../../src/text/parse-numbering.js'
import {writePdf} from './pdf-writer.js'

// The cheaper paths of issue 17 §1 give what the paths they replace gave: these compare them.

const fullGfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

describe('parseMarkdown reads chunks without an autolink literal without that extension', () => {
  it('gives the tree of one full-GFM parse, links included, over many chunks', () => {
    const paragraph = (i: number): string =>
      i % 7 === 3
        ? `Paragraph ${i} names www.example.org/${i}, https://example.com/a_(b) and mail.${i}@example.org.`
        : `Paragraph ${i} says **nothing** of the sort, with \`code\`, a [link](https://example.com/${i}) and a note.[^n${i % 5}]`
    const blocks = Array.from({length: 150}, (_, i) => `${i % 10 === 0 ? `## Section ${i}\n\n` : ''}${paragraph(i)}`)
    const notes = Array.from({length: 5}, (_, i) => `[^n${i}]: Note ${i}.`)
    const text = `---\ntitle: T\n---\n\n# Title\n\n${blocks.join('\n\n')}\n\n${notes.join('\n\n')}\n`
    expect(text.length).toBeGreaterThan(15_000)
    const {root} = parseMarkdown(text)
    expect(root).toEqual(fullGfm.parse(text) as Root)
    const links = JSON.stringify(root).match(/"type":"link"/gu)?.length ?? 0
    // 21 paragraphs with three literals each, 129 with one written link.
    expect(links).toBe(21 * 3 + 129)
  })

  it('gives the tree of one full-GFM parse for any mix of literals and plain text', () => {
    const piece = fc.constantFrom(
      'policy',
      'the',
      '_data_',
      '**of**',
      'WWW.EXAMPLE.ORG',
      'http://x.y/z',
      'a@b.co',
      'Www',
      'H@',
      '한국어',
      '(see'
    )
    const paragraph = fc.array(piece, {minLength: 1, maxLength: 12}).map((parts) => parts.join(' '))
    const document = fc
      .array(fc.tuple(fc.boolean(), paragraph), {minLength: 1, maxLength: 40})
      .map((blocks) => blocks.map(([heading, text]) => (heading ? `## ${text}` : text)).join('\n\n'))
    fc.assert(
      fc.property(document, (text) => {
        expect(parseMarkdown(text).root).toEqual(fullGfm.parse(text) as Root)
      }),
      {numRuns: 60}
    )
  })
})

describe('the reread of a PDF builds its plain blocks without the parser', () => {
  it('reads the Markdown of every fixture PDF as the whole parse does, most blocks built', async () => {
    let built = 0
    let blocks = 0
    for (const name of ['contributor-covenant-2.1-columns', 'firefox-privacy-notice-2024', 'long', 'semver-2.0.0', 'sig-node-2024']) {
      const file = path.join(import.meta.dirname, '../fixtures/pdf', name, 'document.pdf')
      const {edition} = await ingestEdition(readFileSync(file), {file})
      // What the reread reads: the edition's own Markdown, taken for not yet normalised.
      const canonical = toNormalizedMarkdown(edition, {generator: 'wpdiff'})
      const whole = fromMarkdown(canonical, {trustGenerator: false})
      const skipping = fromMarkdown(canonical, {trustGenerator: false, skipPlainBlocks: true})
      expect(JSON.stringify(skipping), name).toBe(JSON.stringify(whole))
      built += findPlainBlocks(canonical).reduce((sum, run) => sum + run.root.children.length, 0)
      blocks += whole.root.children.length
    }
    expect(built / blocks).toBeGreaterThan(0.5)
  }, 120_000)
})

describe('toSectionTree without word counts', () => {
  it('builds the same tree, every count left at 0', () => {
    const {root} = parseMarkdown(
      'Intro text here.\n\n# One\n\nSome words in one.\n\n## Two\n\nMore words in two, and more.\n\n# Three\n\nLast.\n'
    )
    const counted = toSectionTree(root, {language: 'en', title: null})
    const bare = toSectionTree(root, {language: 'en', title: null, countWords: false})
    const zeroed = (sections: Section[]): Section[] =>
      sections.map((section) => ({...section, words: 0, totalWords: 0, children: zeroed(section.children)}))
    expect(counted.sections[0]!.totalWords).toBe(10)
    expect(bare.sections).toEqual(zeroed(counted.sections))
    expect(bare.preambleWords).toBe(0)
    expect(counted.preambleWords).toBe(3)
  })

  it('leaves the words of an ingested PDF counted (only its first reading skips them)', async () => {
    const pdf = writePdf([
      {
        lines: [
          {text: 'Annual Policy Report', x: 72, y: 72, size: 20, bold: true},
          {text: '1. Scope', x: 72, y: 120, size: 14, bold: true},
          {text: 'This report covers the scope of the policy and its review.', x: 72, y: 150, size: 10}
        ]
      }
    ])
    const {edition} = await ingestEdition(pdf, {file: 'series/2020.pdf'})
    expect(edition.words).toBeGreaterThan(10)
    expect(edition.sections.every((section) => section.totalWords > 0)).toBe(true)
  })
})

// The patterns as they were, tried from every letter: quadratic in a long run of letters.
const oldLineEndHyphen = /(\p{L}+)[-\u2010\u00AD]$/u
const oldPdfLineEndHyphen = /(\p{L}+)[-\u2010]$/u
const oldCompound = /\p{L}+(?:[-\u2010]\p{L}+)+/gu

function referenceLineLexicon(lines: readonly string[]): ReturnType<typeof buildLexicon> {
  return buildLexicon(
    lines.map((line, index) => {
      let text = line
      if (oldLineEndHyphen.test(text)) text = text.replace(/\p{L}+[-\u2010\u00AD]$/u, '')
      if (index > 0 && oldLineEndHyphen.test(lines[index - 1]!)) text = text.replace(/^\s*\p{L}+/u, '')
      return text
    })
  )
}

function referenceMarkBrokenWords(lines: readonly string[], lexicon: ReturnType<typeof buildLexicon>): string[] {
  const compounds = new Set<string>()
  for (const line of lines.map((text) => text.replace(oldPdfLineEndHyphen, ''))) {
    for (const match of line.matchAll(oldCompound)) {
      const parts = match[0].toLowerCase().split(/[-\u2010]/u)
      for (let i = 1; i < parts.length; i++) compounds.add(`${parts[i - 1]}-${parts[i]}`)
    }
  }
  return lines.map((line, index) => {
    const end = oldPdfLineEndHyphen.exec(line)
    const start = /^\s*(\p{Ll}+)/u.exec(lines[index + 1] ?? '')
    if (!end || !start) return line
    return isBrokenWord(end[1]!.toLowerCase(), start[1]!, lexicon, compounds) ? `${line.slice(0, -1)}\u00AD` : line
  })
}

describe('line-end hyphens and letter runs are found from the start of a run only', () => {
  const line = fc
    .array(fc.constantFrom('a', 'b', 'tion', '한', '국', '-', '\u2010', '\u00AD', ' ', '\t', '1', '.', 'X'), {maxLength: 16})
    .map((parts) => parts.join(''))

  it('gives what the patterns tried from every letter gave', () => {
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 8}), (lines) => {
        const lexicon = buildLineLexicon(lines)
        expect(lexicon).toEqual(referenceLineLexicon(lines))
        expect(markBrokenWords(lines, lexicon)).toEqual(referenceMarkBrokenWords(lines, lexicon))
      }),
      {numRuns: 500}
    )
  })

  // Each took over 30 s on one 20,000-letter line; the test timeout is the bound (times are the bench's).
  it('reads a line of 20,000 letters without a space in linear time', () => {
    const long = '가'.repeat(20_000)
    const lines = [long, `${long}-`, 'tion and more', long]
    const lexicon = buildLineLexicon(lines)
    expect(lexicon.counts.get(long)).toBe(2)
    const marked = markBrokenWords(lines, lexicon)
    // Neither half is a word the text uses on its own: a broken word, its hyphen made soft.
    expect(marked[1] === `${long}\u00AD`).toBe(true)
    expect(marked[0] === long).toBe(true)
    expect(repairSpacedWords(`${long} ${long}x`, lexicon) === `${long} ${long}x`).toBe(true)
  }, 20_000)
})

describe('readPdf asks for the hyphen flag of a run once, at its last glyph', () => {
  it('flags runs that end with a line-end hyphen, and no other', async () => {
    const pdf = writePdf([
      {
        lines: [
          {text: 'the inter-', x: 72, y: 100, size: 11},
          {text: 'national review of long-term goals', x: 72, y: 114, size: 11},
          {text: 'ends here', x: 72, y: 128, size: 11}
        ]
      }
    ])
    const {pages} = await readPdf(pdf)
    const items = pages[0]!.items
    expect(items.map((item) => item.text.trim())).toEqual(['the inter-', 'national review of long-term goals', 'ends here'])
    expect(items.map((item) => item.hyphen)).toEqual([true, false, false])
  })
})

describe('letter-spaced words and the lexicon without work nobody asks for', () => {
  // repairSpacedWords as it was, trying every pair of fragments of every text.
  function referenceRepairSpacedWords(text: string, lexicon: ReturnType<typeof buildLexicon>): string {
    const parts = text.split(/([ \t]+)/u)
    const out: string[] = []
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!
      const next = parts[i + 2]
      if (i % 2 === 0 && next !== undefined && part !== '') {
        const gap = parts[i + 1]!
        if (gap === ' ' || gap.includes('\t')) {
          const head = /(?<!\p{L})\p{L}+$/u.exec(part)
          const tail = /^(\p{L}+)(\P{L}*)$/u.exec(next)
          const joined = head && tail ? joinFragments(head[0], tail[1]!, lexicon) : null
          if (joined !== null) {
            parts[i + 2] = part.slice(0, head!.index) + joined + tail![2]!
            i++
            continue
          }
        }
      }
      out.push(part)
    }
    return out.join('')
  }

  const piece = fc.constantFrom(
    'Diplom',
    'acy',
    'Enhand',
    'ing',
    'diplomacy',
    'enhancing',
    'é',
    'Ωμέγα',
    '외교',
    '가나',
    '漢字',
    // Of the Latin script, and no letters: a Roman numeral; a modifier letter is one.
    'Ⅻ',
    'ʰ',
    '12',
    '.',
    ' ',
    '\t',
    '  '
  )
  const text = fc.array(piece, {maxLength: 14}).map((parts) => parts.join(''))

  it('re-joins what the full search re-joined, in any script', () => {
    fc.assert(
      fc.property(fc.array(text, {minLength: 1, maxLength: 6}), (texts) => {
        const lexicon = buildLexicon([...texts, 'diplomacy enhancing'])
        for (const one of texts) expect(repairSpacedWords(one, lexicon)).toBe(referenceRepairSpacedWords(one, lexicon))
      }),
      {numRuns: 500}
    )
    const lexicon = buildLexicon(['diplomacy and enhancing'])
    expect(repairSpacedWords('Diplom acy 외교 Enhand ing', lexicon)).toBe('Diplomacy 외교 Enhancing')
    expect(repairSpacedWords('외교 가나\t漢字', lexicon)).toBe('외교 가나\t漢字')
    // A Roman numeral is of the Latin script but no letter: it ends a fragment's run of letters.
    for (const text of ['DiplomⅫ acy', 'Diplom ⅻacy', 'Diplomʰ acy', 'Diplom acyⅻ'])
      expect(repairSpacedWords(text, lexicon)).toBe(referenceRepairSpacedWords(text, lexicon))
  })

  it('counts each word lower-cased alone, whether or not its text needed lower-casing', () => {
    // A final sigma lower-cases by the letters around it; `İ` becomes two code points.
    const cased = fc.constantFrom(
      'ΟΔΟΣ',
      'ΟΔΟΣ.Α',
      'σς',
      'İstanbul',
      'Straße',
      'ǅ',
      'Policy',
      'policy',
      '정책',
      'ポリシー',
      "don't",
      ' ',
      '.',
      '\t'
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.array(cased, {maxLength: 8}).map((parts) => parts.join('')),
          {maxLength: 8}
        ),
        (texts) => {
          const counts = new Map<string, number>()
          for (const text of texts)
            for (const match of text.match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [])
              counts.set(match.toLowerCase(), (counts.get(match.toLowerCase()) ?? 0) + 1)
          expect([...buildLexicon(texts).counts]).toEqual([...counts])
        }
      ),
      {numRuns: 1000}
    )
  })

  it('lists the words of each length in code-unit order, made when first asked for', () => {
    fc.assert(
      fc.property(fc.array(text, {maxLength: 6}), (texts) => {
        const lexicon = buildLexicon(texts)
        const byLength = new Map<number, string[]>()
        for (const word of [...lexicon.counts.keys()].sort()) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word])
        expect(lexicon.byLength).toEqual(byLength)
        expect(lexicon.byLength).toBe(lexicon.byLength)
      }),
      {numRuns: 200}
    )
  })
})

describe('contents entries matched with each title worked out once', () => {
  // titleSimilarity as it was: every form and pattern worked out again for each pair.
  const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  const codeLabel = /^\s*([A-Z]{1,3}\d{1,3}):\s*\S/u
  const badgeNumber = /^\d{1,3}\s+(?=[^\d\s])/u
  const trailingNote = /\s*\([^()]*\)\s*$/u
  const bracketLabel = /^\s*[<〈《[【［]\s*[^<>〈〉《》[\]【】［］]{0,12}\d[^<>〈〉《》[\]【】［］]{0,6}[>〉》\]】］]\s*/u
  const withoutLabels = (text: string): string => {
    let title = text.replace(bracketLabel, '')
    for (let i = 0; i < 3; i++) {
      const parsed = parseNumbering(title)
      if (parsed.numbering === null || parsed.title === '') break
      title = parsed.title
    }
    return title.replace(badgeNumber, '')
  }
  const bigrams = (text: string): Map<string, number> => {
    const counts = new Map<string, number>()
    for (let i = 0; i + 1 < text.length; i++) counts.set(text.slice(i, i + 2), (counts.get(text.slice(i, i + 2)) ?? 0) + 1)
    return counts
  }
  const similarity = (entry: string, heading: string): number => {
    const [xKey, yKey] = [key(entry), key(heading)]
    const [xBare, yBare] = [entry, heading].map((text) => key(parseNumbering(text).title.replace(appendixLabel, '')))
    if (xKey === '' || yKey === '') return 0
    if (xKey === yKey) return 1
    if (xBare !== '' && xBare === yBare) return 1
    const xStripped = key(withoutLabels(entry))
    if (xStripped !== '' && xStripped === key(withoutLabels(heading))) return 1
    const a = bigrams(xBare || xKey)
    const b = bigrams(yBare || yKey)
    let common = 0
    let total = 0
    for (const [gram, count] of a) {
      common += Math.min(count, b.get(gram) ?? 0)
      total += count
    }
    for (const count of b.values()) total += count
    return total === 0 ? 0 : (2 * common) / total
  }
  const reference = (entry: string, heading: string): number => {
    const code = codeLabel.exec(entry)?.[1]
    if (code !== undefined && codeLabel.exec(heading)?.[1] === code) return Math.max(0.85, similarity(entry, heading))
    const number = badgeNumber.exec(entry)?.[0].trim()
    if (number !== undefined && badgeNumber.exec(heading)?.[0].trim() === number) {
      const words = similarity(entry.replace(badgeNumber, ''), heading.replace(badgeNumber, ''))
      if (words >= 0.5) return Math.max(0.85, words)
    }
    const plain = similarity(entry, heading)
    if (plain === 1 || !(trailingNote.test(entry) || trailingNote.test(heading))) return plain
    return Math.max(plain, similarity(entry.replace(trailingNote, ''), heading.replace(trailingNote, '')))
  }

  const piece = fc.constantFrom(
    'G5:',
    '2',
    '03',
    '1.2',
    '제1장',
    '부록4',
    '<참고 1>',
    '(New in v2)',
    ' ',
    '투명성',
    '조항별',
    '의무별',
    '설명',
    'Scope',
    'scope',
    'aa',
    '-'
  )
  const title = fc.array(piece, {maxLength: 7}).map((parts) => parts.join(' ').trim())

  it('gives every pair the similarity it had', () => {
    fc.assert(
      fc.property(title, title, (entry, heading) => {
        expect(titleSimilarity(entry, heading)).toBe(reference(entry, heading))
      }),
      {numRuns: 3000}
    )
    expect(titleSimilarity('2 투명성 조항별 설명', '2 투명성 의무별 설명')).toBe(reference('2 투명성 조항별 설명', '2 투명성 의무별 설명'))
    expect(titleSimilarity('GitOps (New in v2)', 'GitOps')).toBe(1)
  })
})

describe('a line with a space is no cover token', () => {
  const boilerplate = /^(?:#[\p{L}\p{N}_]+|(?:https?:\/\/)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:\/\S*)?|\S+@\S+\.\S+)$/iu
  const piece = fc.constantFrom('#CNCF', 'www.', 'github.com', '/cncf', 'a@b.co', 'https://', ' ', '\t', '\u3000', '가나', '.', 'x')
  it('is told as the full pattern tells it', () => {
    fc.assert(
      fc.property(fc.array(piece, {minLength: 1, maxLength: 6}), (parts) => {
        const text = parts.join('')
        const trimmed = text.trim()
        if (/^[\p{N}\p{P}\p{S}\s]*$/u.test(trimmed) || /^[^:：]{1,40}[:：]$/u.test(trimmed)) return
        expect(notHeading(text) === 'boilerplate').toBe(
          boilerplate.test(trimmed) && !/^[([{（［【]/u.test(trimmed) && !/^[-–‐•·]/u.test(trimmed)
        )
      }),
      {numRuns: 2000}
    )
    expect(notHeading('GITHUB.COM/CNCF/TAG-SECURITY')).toBe('boilerplate')
    expect(notHeading('see GITHUB.COM/CNCF')).toBe(null)
  })
})
