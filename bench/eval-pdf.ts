/**
 * `npm run eval:pdf`: how well PDF ingest recovers documents whose source is known. Each case in
 * tests/fixtures/pdf/<case>/ holds the corpus markdown (`source.md`) and the PDF Chromium printed
 * from it (`document.pdf`, see bench/pdf-print.ts; `npm run eval:pdf -- --make` prints them again).
 * Printed per case: heading recall and precision, relative level agreement, body-word F1, furniture
 * lines left — and pdftotext's word F1 on the same PDF as a yardstick.
 *
 * When ../shared/realpdf is there (real published PDFs, see its SOURCE.md), a second table: for
 * each file, the character-multiset F1 of the adapter's page text against pdftotext's (target ≥ 0.97
 * in every script), the characters one has and the other lacks, and the headings and words fromPdf
 * makes of it. Then a structure table per real PDF against its Markdown source (CNCF), else its
 * bookmarks (unless they are flat), else its printed contents: heading recall, precision, right-parent
 * share, words kept, furniture left, headings of only digits or bullets, warning lines (see
 * bench/README.md). Against the pages' own letters (no Markdown source), `words` leaves out what no reader
 * counts as text (margin-band lines repeated on three pages or more, bare page numbers, symbol-font
 * bullets, Word's markup balloons; Hangul garbled by a broken text map read as repaired) and counts the outline's contents entries and footnote labels as kept; `w/raw` is the share of
 * all the pages' letters its blocks keep, as `words` was counted before. A statute with neither (`statuteTruth`) is scored against its chapter, article and annex heads. Against a printed contents, headings deeper than the deepest one it lists are
 * left out of precision.
 * `--only <text>` limits both real-PDF tables to paths containing the text; `--differing` lists every
 * OpenChain relation the Japanese and Korean editions give differently.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {compareEditions, type CompareResult} from '../src/compare/compare-editions.js'
import {fromPdf} from '../src/ingest/from-pdf.js'
import {ingestEdition} from '../src/ingest/ingest-edition.js'
import {type PdfContent, readPdf} from '../src/ingest/pdf.js'
import {repairTextMap} from '../src/ingest/repair-text-map.js'
import {flatBookmarks, unwrapBookmarks} from '../src/ingest/skeleton-levels.js'
import {groupMessages} from '../src/cli/print-messages.js'
import type {Edition, ParsedDocument, TocEntry} from '../src/model/edition.js'
import {type OutlineHeading, type OutlineScore, pairHeadings, parents, scoreOutline} from './score-outline.js'
import {blockToText} from '../src/model/blocks-to-text.js'
import {isTopicEntry} from '../src/ingest/is-topic-entry.js'
// The evaluated documents: corpus file, how it is printed, and the running head to look for.
import {pdfCases as cases} from '../tests/support/pdf-cases.js'
import {printPdfs} from './pdf-print.js'
import {printedContentsCopies} from './printed-contents-copies.js'
import {bodyTextCounts, marginTexts, runsAside, squeezed} from './runs-aside.js'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const fixtures = path.join(root, 'tests/fixtures/pdf')
const corpora = path.join(root, '../shared/corpora')
const realpdf = path.join(root, '../shared/realpdf')
/** `--only <text>`: real PDFs whose path contains the text (all by default). */
const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '') : ''
/** `--differing`: list every OpenChain relation the two languages give differently, not the first 3. */
const differingWanted = process.argv.includes('--differing')
/** `--parents`: list the headings whose parent differs from the Markdown source's. */
const parentsWanted = process.argv.includes('--parents')
/** `--missing`: list the words of the truth that the recovered edition lacks, most often first. */
const missingWanted = process.argv.includes('--missing')
/** `--furniture`: list the furniture blocks left in each real PDF's outline, with their pages. */
const furnitureWanted = process.argv.includes('--furniture')

const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word !== '')
}

function f1(truth: string[], found: string[]): number {
  const counts = new Map<string, number>()
  for (const word of truth) counts.set(word, (counts.get(word) ?? 0) + 1)
  let hit = 0
  for (const word of found) {
    const left = counts.get(word) ?? 0
    if (left > 0) {
      hit++
      counts.set(word, left - 1)
    }
  }
  if (hit === 0) return 0
  const precision = hit / found.length
  const recall = hit / truth.length
  return (2 * precision * recall) / (precision + recall)
}

/** Tree levels from heading depths: one below the nearest preceding heading of smaller depth. */
function relative(depths: number[]): number[] {
  const stack: number[] = []
  return depths.map((depth) => {
    while (stack.length > 0 && stack[stack.length - 1]! >= depth) stack.pop()
    stack.push(depth)
    return stack.length
  })
}

interface Outline {
  headings: Array<{key: string; depth: number}>
  body: string
}

function outlineOf(tree: Root, dropTitle: boolean): Outline {
  let nodes: RootContent[] = tree.children
  const topLevel = nodes.filter((node): node is Heading => node.type === 'heading' && node.depth === 1)
  // A lone `#` heading at the top is the document title, not a section (as in toSectionTree).
  if (dropTitle && topLevel.length === 1 && nodes.find((node) => node.type === 'heading') === topLevel[0]) {
    nodes = nodes.filter((node) => node !== topLevel[0])
  }
  const headings = nodes
    .filter((node): node is Heading => node.type === 'heading')
    .map((node) => ({key: key(toString(node)), depth: node.depth}))
  // Ordered-list numbers are printed, so they are part of the text a PDF gives back.
  const listNumbers: string[] = []
  visit({type: 'root', children: nodes}, 'list', (list) => {
    if (list.ordered) for (let index = 0; index < list.children.length; index++) listNumbers.push(String((list.start ?? 1) + index))
  })
  const body = [...nodes.filter((node) => node.type !== 'heading').map((node) => blockToText(node)), listNumbers.join(' ')].join('\n')
  return {headings, body}
}

/** Scores of one case. */
export interface CaseScore {
  id: string
  pages: number
  headingRecall: number
  headingPrecision: number
  levelAgreement: number
  wordF1: number
  furnitureLeft: number
  pdftotextF1: number
}

/** Score fromPdf on one case folder. */
export async function scoreCase(id: string, runningHead: string): Promise<CaseScore> {
  const folder = path.join(fixtures, id)
  const markdown = readFileSync(path.join(folder, 'source.md'), 'utf8')
  const bytes = new Uint8Array(readFileSync(path.join(folder, 'document.pdf')))
  const truth = outlineOf(unified().use(remarkParse).use(remarkGfm).parse(markdown), true)
  const parsed = await fromPdf(bytes)
  const found = outlineOf(parsed.root, false)

  // Headings matched in order (longest common subsequence of their texts).
  const a = truth.headings
  const b = found.headings
  const table = Array.from({length: a.length + 1}, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i]!.key === b[j]!.key ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const pairs: Array<[number, number]> = []
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]!.key === b[j]!.key) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }
  const truthLevels = relative(pairs.map(([i]) => a[i]!.depth))
  const foundLevels = relative(pairs.map(([, j]) => b[j]!.depth))
  const agree = truthLevels.filter((level, index) => level === foundLevels[index]).length

  const allText = parsed.root.children.map((node) => (node.type === 'heading' ? toString(node) : blockToText(node))).join('\n')
  const furnitureLeft = allText.split('\n').filter((line) => line.includes(runningHead) || /Page \d+ of \d+/u.test(line)).length

  let pdftotextF1 = Number.NaN
  try {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(folder, 'document.pdf'), '-'], {encoding: 'utf8'}).replace(
      /\u00AD/gu,
      ''
    )
    pdftotextF1 = f1(words(`${truth.body}\n${truth.headings.map((h) => h.key).join(' ')}`), words(text))
  } catch {
    // pdftotext is only the yardstick; without poppler-utils the column shows NaN.
  }
  const pages = (readFileSync(path.join(folder, 'document.pdf'), 'latin1').match(/\/Type\s*\/Page[^s]/gu) ?? []).length
  return {
    id,
    pages,
    headingRecall: a.length === 0 ? 1 : pairs.length / a.length,
    headingPrecision: b.length === 0 ? 1 : pairs.length / b.length,
    levelAgreement: pairs.length === 0 ? 1 : agree / pairs.length,
    wordF1: f1(words(truth.body), words(found.body)),
    furnitureLeft,
    pdftotextF1
  }
}

/** Characters of `text` as a multiset: NFKC, without white space and soft hyphens (layout, not text). */
function characters(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const char of text.normalize('NFKC').replace(/[\s\u00AD]+/gu, '')) counts.set(char, (counts.get(char) ?? 0) + 1)
  return counts
}

/** F1 of two character multisets, with the characters most often missing from and extra in `found`. */
export function characterF1(truth: string, found: string): {f1: number; missing: string; extra: string} {
  const a = characters(truth)
  const b = characters(found)
  let hit = 0
  let sizeA = 0
  let sizeB = 0
  const missing: Array<[string, number]> = []
  const extra: Array<[string, number]> = []
  for (const [char, count] of a) {
    sizeA += count
    const common = Math.min(count, b.get(char) ?? 0)
    hit += common
    if (count > common) missing.push([char, count - common])
  }
  for (const [char, count] of b) {
    sizeB += count
    const common = Math.min(count, a.get(char) ?? 0)
    if (count > common) extra.push([char, count - common])
  }
  const top = (list: Array<[string, number]>): string =>
    list
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, 3)
      .map(([char, count]) => `${JSON.stringify(char).slice(1, -1)}×${count}`)
      .join(' ')
  const f1 = hit === 0 ? 0 : (2 * (hit / sizeB) * (hit / sizeA)) / (hit / sizeB + hit / sizeA)
  return {f1, missing: top(missing), extra: top(extra)}
}

/** The real-PDF table (see the module comment); prints nothing when ../shared/realpdf is absent. */
async function realPdfTable(): Promise<void> {
  if (!existsSync(realpdf)) return
  const files = readdirSync(realpdf, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.pdf') && name.includes(only))
    .sort()
  console.log('\nreal PDFs: adapter text against pdftotext (character-multiset F1, target ≥ 0.97)')
  const structure: StructureRow[] = []
  console.log(`${'file'.padEnd(55)} ${'F1'.padStart(6)}  ${'headings'.padStart(8)}  ${'words'.padStart(6)}  missing / extra`)
  let pass = true
  for (const name of files) {
    const file = path.join(realpdf, name)
    const bytes = new Uint8Array(readFileSync(file))
    let truth: string
    try {
      truth = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'ignore']
      })
    } catch {
      console.log('pdftotext is not installed: no real-PDF table')
      return
    }
    const content = await readPdf(bytes)
    const score = characterF1(truth, content.pages.map((page) => page.items.map((item) => item.text).join(' ')).join('\n'))
    const parsed = await fromPdf(bytes)
    structure.push(structureRow(name, content, parsed, truth))
    const headings = parsed.root.children.filter((node) => node.type === 'heading').length
    const wordCount = words(parsed.root.children.map((node) => toString(node)).join('\n')).length
    pass &&= score.f1 >= 0.97
    console.log(
      `${name.padEnd(55)} ${score.f1.toFixed(4)}  ${String(headings).padStart(8)}  ${String(wordCount).padStart(6)}  ${score.missing || '-'} / ${score.extra || '-'}${score.f1 >= 0.97 ? '' : '  below target'}`
    )
  }
  console.log(`target: F1 ≥ 0.97 on every file — ${pass ? 'met' : 'NOT met'}`)
  printStructure(structure)
  if ('cncf'.includes(only) || only.includes('cncf')) await printPairAgreement()
  if ('openchain'.includes(only) || only.includes('openchain')) await printTranslationAgreement()
}

/**
 * A section's place in words no translation changes: the digits and code letters of its numbering
 * (`제 3 절` and `第3節` → `3`), else of a code opening its title (`G2:`); null when it has neither.
 */
function neutralLabel(ref: {numbering: string | null; title: string}): string | null {
  const title = ref.title.normalize('NFKC')
  const code = /^\s*([A-Z]{1,3}\d{1,3})[:.]/u.exec(title)?.[1]
  // A goal named in words (`ゴール 1：`, `목표 1:`) is the goal code `G1` of 1.0 and 1.1 (`G1:`).
  const goal = /^\s*(?:Goal|ゴール|목표)\s*(\d{1,2})\s*:/u.exec(title)?.[1]
  // A leading list number the numbering parser leaves (`1）はじめに`, full-width parenthesis).
  const listed = /^\s*(\d{1,3}(?:\.\d{1,3})*)[).]?\s/u.exec(title)?.[1]
  // Word's list number before the section label (`1) 제 1 절`) numbers the same section twice: the label says it.
  const numbering = ref.numbering?.normalize('NFKC').replace(/^\d{1,3}[.)]\s+(?=제|第)/u, '')
  const digits = numbering?.match(/\d+/gu)?.join('.')
  return code ?? (goal === undefined ? undefined : `G${goal}`) ?? digits ?? listed ?? null
}

/**
 * OpenChain's Japanese and Korean editions are translations of one specification: compared
 * edition to edition straight from their PDFs, they should relate the same sections the same way.
 * Per pair of consecutive editions, the relations of each language keyed by their sections'
 * numbering paths, and the share of keyed relations both languages give (the rest: relations whose
 * sections carry no numbering, counted apart). `pairs` asks only whether they join the same sections
 * by the same kind of relation: a flag (`renamed`, `modified`) may differ by right, since each
 * language's translators reworded their own titles and text from one edition to the next.
 */
async function printTranslationAgreement(): Promise<void> {
  const versions = ['1.0', '1.1', '1.2', '2.0', '2.1']
  const file = (version: string, language: string): string => path.join(realpdf, 'openchain-spec', `${version}.${language}.pdf`)
  if (!versions.every((version) => existsSync(file(version, 'ja')) && existsSync(file(version, 'ko')))) return
  const load = async (version: string, language: string): Promise<Edition> =>
    (
      await ingestEdition(readFileSync(file(version, language)), {
        file: file(version, language),
        series: `openchain-${language}`,
        edition: version,
        year: 2016 + versions.indexOf(version)
      })
    ).edition
  console.log(
    '\nOpenChain ja and ko (translations of one spec) compared edition to edition from their PDFs: do they relate the same sections alike?'
  )
  console.log(
    `${'pair'.padEnd(12)} ${'ja'.padStart(4)} ${'ko'.padStart(4)} ${'same'.padStart(5)} ${'agree'.padStart(6)} ${'pairs'.padStart(6)}  unkeyed ja/ko  differing (first 3)`
  )
  let same = 0
  let all = 0
  let samePairs = 0
  let allPairs = 0
  for (let index = 0; index + 1 < versions.length; index++) {
    const keys: Array<{keyed: Set<string>; paired: Set<string>; unkeyed: number}> = []
    for (const language of ['ja', 'ko']) {
      const result = compareEditions(await load(versions[index]!, language), await load(versions[index + 1]!, language))
      const keyed = new Set<string>()
      const paired = new Set<string>()
      let unkeyed = 0
      for (const relation of result.relations) {
        const side = (refs: typeof relation.old): string | null => {
          const labels = refs.map(neutralLabel)
          return labels.some((label) => label === null) ? null : labels.join(' + ')
        }
        const [from, to] = [side(relation.old), side(relation.new)]
        if (from === null || to === null) unkeyed++
        else {
          keyed.add(`${relation.kind}[${relation.flags.filter((flag) => flag !== 'moved').join(',')}] ${from} → ${to}`)
          paired.add(`${relation.kind} ${from} → ${to}`)
        }
      }
      keys.push({keyed, paired, unkeyed})
    }
    const [ja, ko] = keys as [(typeof keys)[0], (typeof keys)[0]]
    const both = [...ja.keyed].filter((key) => ko.keyed.has(key))
    const union = new Set([...ja.keyed, ...ko.keyed])
    const differing = [...union].filter((key) => !(ja.keyed.has(key) && ko.keyed.has(key))).sort()
    same += both.length
    all += union.size
    const pairsBoth = [...ja.paired].filter((key) => ko.paired.has(key)).length
    const pairsUnion = new Set([...ja.paired, ...ko.paired]).size
    samePairs += pairsBoth
    allPairs += pairsUnion
    console.log(
      `${`${versions[index]}→${versions[index + 1]}`.padEnd(12)} ${String(ja.keyed.size).padStart(4)} ${String(ko.keyed.size).padStart(4)} ${String(both.length).padStart(5)} ${(union.size === 0 ? 1 : both.length / union.size).toFixed(3).padStart(6)} ${(pairsUnion === 0 ? 1 : pairsBoth / pairsUnion).toFixed(3).padStart(6)}  ${`${ja.unkeyed}/${ko.unkeyed}`.padStart(13)}  ${differing.slice(0, 3).join(' | ')}`
    )
    if (differingWanted) for (const key of differing) console.log(`    ${ja.keyed.has(key) ? 'ja' : 'ko'} only: ${key}`)
  }
  console.log(`all pairs: ${same} of ${all} keyed relations the same in both languages (${(all === 0 ? 1 : same / all).toFixed(3)})`)
  console.log(
    `joining the same sections by the same kind, flags aside: ${samePairs} of ${allPairs} (${(allPairs === 0 ? 1 : samePairs / allPairs).toFixed(3)})`
  )
}

/**
 * One relation as a reader sees it: kind, flags and the sections it joins, by path or by title alone.
 * White space is dropped: the Markdown glues a superscript note to its title (`Containers(New in v2)`).
 */
function relationKeys(result: CompareResult, by: 'path' | 'title'): string[] {
  const name = (path: readonly string[]): string => (by === 'path' ? path.join(' › ') : (path.at(-1) ?? '')).replace(/\s+/gu, '')
  return result.relations.map((relation) => {
    // Under another parent a section is `moved`: by title alone, where it sits is not compared.
    const flags = by === 'path' ? relation.flags : relation.flags.filter((flag) => flag !== 'moved')
    return `${relation.kind}[${flags.join(',')}] ${relation.old.map((ref) => name(ref.path)).join(' + ')} → ${relation.new.map((ref) => name(ref.path)).join(' + ')}`
  })
}

/**
 * The CNCF pair compared from its PDFs and from its Markdown sources: the share of relations that
 * are the same (the issue's goal: 90%), by full path and by section title (the print nests some
 * sections differently from the Markdown, which moves every section below them).
 */
async function printPairAgreement(): Promise<void> {
  const pair = Object.entries(markdownTruth)
  if (!pair.every(([pdf, md]) => existsSync(path.join(realpdf, pdf)) && existsSync(path.join(corpora, md)))) return
  const load = async (file: string, year: number): Promise<Edition> =>
    (await ingestEdition(readFileSync(file), {file, series: 'cncf', edition: String(year), year})).edition
  const years = [2020, 2022]
  const pdfs = await Promise.all(pair.map(([pdf], index) => load(path.join(realpdf, pdf), years[index]!)))
  const mds = await Promise.all(pair.map(([, md], index) => load(path.join(corpora, md), years[index]!)))
  const fromPdf = compareEditions(pdfs[0]!, pdfs[1]!)
  const fromMarkdown = compareEditions(mds[0]!, mds[1]!)
  const share = (by: 'path' | 'title'): string => {
    const expected = relationKeys(fromMarkdown, by)
    const found = new Set(relationKeys(fromPdf, by))
    return (expected.filter((key) => found.has(key)).length / Math.max(expected.length, found.size)).toFixed(3)
  }
  const count = (result: CompareResult, kind: string): number =>
    result.relations.filter((relation) => relation.kind === kind || relation.flags.includes(kind as never)).length
  const deploy = fromPdf.relations.find(
    (relation) => relation.kind === 'matched' && relation.old.some((ref) => ref.path.at(-1) === 'Deploy' && ref.path.length <= 2)
  )
  console.log('\nCNCF 2020 → 2022 compared from the PDFs and from the Markdown sources (goal: ≥ 0.9 of relations the same)')
  console.log(`relations the same: by path ${share('path')}, by title ${share('title')}`)
  for (const [label, result] of [['PDF pair', fromPdf] as const, ['Markdown pair', fromMarkdown] as const])
    console.log(
      `${label}: ${result.relations.length} relations, ${count(result, 'moved')} moved, ${count(result, 'removed')} removed, ${count(result, 'added')} added, ${count(result, 'merged')} merged`
    )
  console.log(
    `chapter "Deploy" matched: ${deploy ? `${deploy.old.map((ref) => ref.path.join(' › ')).join(' + ')} → ${deploy.new.map((ref) => ref.path.join(' › ')).join(' + ')}` : 'no'}`
  )
}

/** Markdown sources of real PDFs laid out from them: the outline and words to expect. */
const markdownTruth: Record<string, string> = {
  'cncf-cloud-native-security-whitepaper/2020.en.pdf': 'cncf-cloud-native-security-whitepaper/v1-2020.en.md',
  'cncf-cloud-native-security-whitepaper/2022.en.pdf': 'cncf-cloud-native-security-whitepaper/v2-2022.en.md'
}

/** Statutes laid out article by article with no contents or bookmarks: the truth is the heads printed at their line starts. */
const statuteTruth = new Set(['ko/ai-basic-act-enforcement-decree-draft-2026.pdf'])

/**
 * A statute's chapters, sections, supplementary provisions and articles as `pdftotext -layout` prints
 * them at the start of a line (`제1장 총칙`, `제1절 …`, `부 칙`, `제1조(목적) …`): another extractor, and no
 * rule of order, so it does not share the ingest rule's mistakes (src/ingest/split-articles.ts).
 */
function statuteHeads(file: string): OutlineHeading[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {encoding: 'utf8', maxBuffer: 1 << 28})
  const lines = text.split('\n')
  return lines.flatMap((raw, index): OutlineHeading[] => {
    const line = raw.trim()
    // An annex or form heads its pages as a statute's chapters do: `[별표 1]` over its title line, `… 시행령 [별지 서식]`.
    const annex = /^\[별표\s*\d+\]$|\[별지[^\]]{0,20}서식\]$/u.exec(line)
    if (annex) return [{title: annex.index === 0 ? `${line} ${lines[index + 1]?.trim() ?? ''}`.trim() : annex[0], depth: 1}]
    if (/^제\d+장\s/u.test(line)) return [{title: line, depth: 1}]
    if (/^제\d+절\s/u.test(line)) return [{title: line, depth: 2}]
    if (/^부\s*칙$/u.test(line)) return [{title: '부칙', depth: 1}]
    const article = /^제\d+조(?:의\d+)?\([^)]+\)/u.exec(line)
    return article ? [{title: article[0], depth: 3}] : []
  })
}

/** A Markdown section that only lists the others (the printed contents page is not body text either). */
const contentsSection = /^(?:index|table of contents|contents)$/iu

interface StructureRow {
  name: string
  truth: string
  score: OutlineScore
  /** Against a Markdown source: the right-parent share scored against the printed contents instead (null without one). */
  contentsParent: number | null
  words: number
  /** Against the pages' own letters: `words` as it was counted before furniture, symbol bullets and the contents were set apart (null against a Markdown source). */
  rawWords: number | null
  /** Against a Markdown source: the share of its words that pdftotext's text of the PDF keeps (null otherwise). */
  printedWords: number | null
  furniture: number
  markOnly: number
  warnings: number
}

/** Known outline and words of a real PDF: its Markdown source, else its bookmarks, else its printed contents. */
function truthOf(
  name: string,
  content: PdfContent,
  parsed: ParsedDocument
): {kind: string; headings: OutlineHeading[]; words: string[]; rawWords: string[] | null} {
  const source = markdownTruth[name]
  if (source && existsSync(path.join(corpora, source))) {
    const tree = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .parse(readFileSync(path.join(corpora, source), 'utf8'))
    const headings: OutlineHeading[] = []
    const kept: RootContent[] = []
    let skipping = 0
    const titles = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 1)
    for (const node of tree.children) {
      if (node.type === 'heading') {
        if (skipping > 0 && node.depth <= skipping) skipping = 0
        if (titles.length === 1 && node === titles[0]) continue
        if (contentsSection.test(toString(node).trim())) {
          skipping = node.depth
          continue
        }
        // A note set in superscript beside a heading (`<sup>(New in v2)</sup>`) is not part of its title.
        const title = toString(node)
          .replace(/<sup>.*?<\/sup>/gu, '')
          .replace(/<[^>]+>/gu, '')
          .trim()
        if (skipping === 0) headings.push({title, depth: node.depth})
      } else if (skipping === 0) kept.push(node)
    }
    return {kind: 'markdown', headings, words: words(kept.map((node) => blockToText(node)).join('\n')), rawWords: null}
  }
  // Letters and digits one by one: Korean and Japanese words are spaced differently by every extractor.
  // The page's own text, less what no reader counts as its text (runs-aside.ts: running lines, page
  // numbers, markup balloons, picture bullets). Hangul a broken ToUnicode map garbled (싞뢰 for 신뢰)
  // is read as repaired (repair-text-map.ts): a reader sees 신뢰 printed, and `words` counts text kept or
  // lost, not how the file maps its glyphs; a syllable the repair leaves stays as the page gives it.
  const aside = runsAside(content)
  const pageWords = letters(
    repairTextMap(
      content.pages.map((page) =>
        page.items
          .filter((item) => !aside.has(item))
          .map((item) => item.text)
          .join(' ')
      )
    ).pages.join('\n')
  )
  const rawWords = letters(content.pages.map((page) => page.items.map((item) => item.text).join(' ')).join('\n'))
  if (statuteTruth.has(name)) return {kind: 'articles', headings: statuteHeads(path.join(realpdf, name)), words: pageWords, rawWords}
  const bookmarks = unwrapBookmarks(content.bookmarks)
  // Flat bookmarks (every entry under one wrapper) give no levels to score against: the printed contents do.
  if (bookmarks.length >= 3 && !(flatBookmarks(bookmarks) && parsed.toc.some((entry) => entry.level > 1)))
    return {kind: 'bookmarks', headings: bookmarks.map((b) => ({title: b.title, depth: b.level})), words: pageWords, rawWords}
  // An entry as printed, number and title (`2 투명성 조항별 설명`): the number is what ties a reworded title to its heading.
  const printed = (entry: TocEntry): string => (entry.numbering === null ? entry.title : `${entry.numbering} ${entry.title}`)
  // A topic listed under a section (`•환경변화`) is no heading the contents promises.
  const listed = parsed.toc.filter((_, index) => !isTopicEntry(parsed.toc, index))
  return {kind: 'contents', headings: listed.map((entry) => ({title: printed(entry), depth: entry.level})), words: pageWords, rawWords}
}

/** Word recall: the share of `truth` words (as a multiset) that `found` keeps. */
function kept(truth: string[], found: string[], name = ''): number {
  const counts = new Map<string, number>()
  for (const word of found) counts.set(word, (counts.get(word) ?? 0) + 1)
  let hit = 0
  const missing = new Map<string, number>()
  for (const word of truth) {
    const left = counts.get(word) ?? 0
    if (left > 0) {
      hit++
      counts.set(word, left - 1)
    } else missing.set(word, (missing.get(word) ?? 0) + 1)
  }
  if (missingWanted && name !== '' && missing.size > 0) {
    const list = [...missing].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    console.log(
      `${name}: ${truth.length - hit} words missing: ${list
        .slice(0, 60)
        .map(([word, n]) => (n > 1 ? `${word}×${n}` : word))
        .join(' ')}`
    )
  }
  return truth.length === 0 ? 1 : hit / truth.length
}

const letters = (text: string): string[] => text.normalize('NFKC').match(/[\p{L}\p{N}]/gu) ?? []

/**
 * `--parents`: per heading whose parent differs from the Markdown's, the parent in the Markdown, in
 * the recovered outline and in the printed contents, to tell a wrong level from a source that
 * nests differently from the print.
 */
function printParentMismatches(name: string, truth: OutlineHeading[], found: OutlineHeading[], contents: OutlineHeading[]): void {
  const parentTitle = (list: OutlineHeading[], index: number): string => {
    const parent = parents(list)[index]!
    return parent < 0 ? '(top)' : list[parent]!.title
  }
  const inContents = new Map(pairHeadings(contents, found).map(([i, j]) => [j, i]))
  const truthParents = parents(truth)
  const foundParents = parents(found)
  const pairs = pairHeadings(truth, found)
  const foundOf = new Map(pairs.map(([i, j]) => [i, j]))
  console.log(`
${name}: headings whose parent differs from the Markdown's (Markdown | found | printed contents)`)
  for (const [i, j] of pairs) {
    const parent = truthParents[i]!
    if (parent === -1 ? foundParents[j] === -1 : foundOf.get(parent) === foundParents[j]) continue
    const c = inContents.get(j)
    console.log(
      `  ${truth[i]!.title}: ${parentTitle(truth, i)} | ${parentTitle(found, j)} | ${c === undefined ? '(not listed)' : parentTitle(contents, c)}`
    )
  }
}

/**
 * What the outline keeps beside its blocks: the printed contents as its `toc`, and footnote labels
 * (`[^4]`), which `toString` leaves out. A contents entry counts as often as the pages print it as a
 * contents line (its title, then its page number at the line's end): a chapter opener's copy of its
 * part of the contents (the kisa guide's appendices) is the same navigation again, not more text.
 */
function keptBeside(parsed: ParsedDocument, content: PdfContent): string {
  const labels: string[] = []
  visit(parsed.root, (node) => {
    if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') labels.push(node.label ?? node.identifier)
  })
  const copies = printedContentsCopies(content)
  const toc = parsed.toc.flatMap((entry) =>
    Array.from({length: copies(entry.title, entry.page)}, () => `${entry.numbering ?? ''} ${entry.title} ${entry.page ?? ''}`)
  )
  return [...toc, ...labels].join('\n')
}

/** `--furniture`: the furniture blocks left, most frequent first, with their pages. */
function printFurniture(name: string, blocks: ReadonlyArray<{text: string; page: number}>): void {
  const pagesOf = new Map<string, number[]>()
  for (const block of blocks) pagesOf.set(block.text, [...(pagesOf.get(block.text) ?? []), block.page])
  console.log(`${name}: ${blocks.length} furniture blocks left`)
  for (const [text, pages] of [...pagesOf].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, 20))
    console.log(
      `  ${String(pages.length).padStart(4)}  ${text}  (pp. ${[...new Set(pages)].slice(0, 8).join(', ')}${pages.length > 8 ? ', …' : ''})`
    )
}

function structureRow(name: string, content: PdfContent, parsed: ParsedDocument, printed: string): StructureRow {
  const truth = truthOf(name, content, parsed)
  const split = truth.kind === 'markdown' ? words : letters
  // Block by block as the truth is read (mdast's toString glues a list's items: `failures` + `Repudiation`).
  const foundWords = split(parsed.root.children.map((node) => (node.type === 'heading' ? toString(node) : blockToText(node))).join('\n'))
  const headings = parsed.root.children.filter((node): node is Heading => node.type === 'heading')
  const all = headings.map((node) => ({title: toString(node), depth: node.depth}))
  // A statute's heads are counted without its title: a lone `#` heading first is the document's title (as in toSectionTree).
  const titled = truth.kind === 'articles' && all[0]?.depth === 1 && all.filter((heading) => heading.depth === 1).length === 1
  const found = titled ? all.slice(1) : all
  const blocks = parsed.root.children.map((node) => ({
    text: toString(node).trim(),
    page: (node.data as {page?: number} | undefined)?.page ?? 0
  }))
  // Furniture left: blocks printed in a page's top or bottom margin band that are a bare page number, or a
  // short line found there on three pages or more. Counted by place, since the words alone also take
  // in what a document repeats by design: its tables' labels (`설명`, `자료형`, `4` in the Hwp spec's
  // cells) and the sub-headings of every item (`관계 법규` in the kisa guide).
  // A block is counted only beyond the copies the page prints outside its bands: the Hwp spec's
  // figure labels `11` on its page 11 are the figure's, not the page number the ingest dropped.
  const margins = marginTexts(content)
  const inBody = bodyTextCounts(content)
  const copies = new Map<string, number>()
  const inMargin = blocks.filter((block) => {
    if (block.text.length > 60 || !margins.get(block.page)?.has(squeezed(block.text))) return false
    const at = `${block.page}\t${squeezed(block.text)}`
    copies.set(at, (copies.get(at) ?? 0) + 1)
    return copies.get(at)! > (inBody.get(block.page)?.get(squeezed(block.text)) ?? 0)
  })
  const pagesOf = new Map<string, Set<number>>()
  for (const block of inMargin) pagesOf.set(block.text, (pagesOf.get(block.text) ?? new Set<number>()).add(block.page))
  const furnitureBlocks = inMargin.filter(
    (block) => /^[-–—\s]*\d{1,4}[-–—\s]*$/u.test(block.text) || (pagesOf.get(block.text)?.size ?? 0) >= 3
  )
  const furniture = furnitureBlocks.length
  if (furnitureWanted) printFurniture(name, furnitureBlocks)
  const markOnly = found.filter((heading) => /^[\s\d.,:;()•·▪■□◦●○§※l\-–—Ÿ]*$/u.test(heading.title)).length
  const warnings = groupMessages(parsed.messages.filter((message) => message.severity === 'warning')).length
  const contents = parsed.toc.map((entry) => ({title: entry.title, depth: entry.level}))
  // A printed contents that lists two levels says nothing of the third: headings below the deepest
  // one it was matched to (OpenChain ko's numbered requirements under its goals) are not scored.
  const listedDepth =
    truth.kind === 'contents'
      ? pairHeadings(truth.headings, found).reduce((deepest, [, j]) => Math.max(deepest, found[j]!.depth), 0)
      : Infinity
  const listed = found.filter((heading) => heading.depth <= listedDepth)
  if (parentsWanted && truth.kind === 'markdown') printParentMismatches(name, truth.headings, found, contents)
  return {
    name,
    truth: truth.kind,
    score: scoreOutline(truth.headings, listed),
    contentsParent: truth.kind === 'markdown' && contents.length > 0 ? scoreOutline(contents, found).rightParent : null,
    words: kept(truth.words, truth.rawWords === null ? foundWords : [...foundWords, ...split(keptBeside(parsed, content))], name),
    rawWords: truth.rawWords === null ? null : kept(truth.rawWords, foundWords),
    // The Markdown may be a later revision than the print: what pdftotext keeps is the ceiling of `words`.
    printedWords: truth.kind === 'markdown' ? kept(truth.words, words(printed)) : null,
    furniture,
    markOnly,
    warnings
  }
}

function printStructure(rows: StructureRow[]): void {
  console.log(
    '\nreal PDFs: structure against the Markdown source, else the bookmarks, else the printed contents (a statute: its article and annex heads)'
  )
  console.log(
    `${'file'.padEnd(55)} ${'truth'.padEnd(13)} ${'h-recall'.padStart(8)} ${'h-prec'.padStart(6)} ${'parent'.padStart(6)} ${'p/toc'.padStart(6)} ${'words'.padStart(6)} ${'w/raw'.padStart(6)} ${'p/wrd'.padStart(6)} ${'furn'.padStart(5)} ${'marks'.padStart(5)} ${'warn'.padStart(4)}`
  )
  for (const row of rows) {
    const {score} = row
    // Without a known outline (no contents found, no bookmarks) there is nothing to score.
    const rate = (value: number): string => (score.truth === 0 ? '-' : value.toFixed(3))
    console.log(
      `${row.name.padEnd(55)} ${`${row.truth} ${row.score.truth}`.padEnd(13)} ${rate(score.recall).padStart(8)} ${rate(score.precision).padStart(6)} ${rate(score.rightParent).padStart(6)} ${(row.contentsParent === null ? '-' : row.contentsParent.toFixed(3)).padStart(6)} ${row.words.toFixed(3).padStart(6)} ${(row.rawWords === null ? '-' : row.rawWords.toFixed(3)).padStart(6)} ${(row.printedWords === null ? '-' : row.printedWords.toFixed(3)).padStart(6)} ${String(row.furniture).padStart(5)} ${String(row.markOnly).padStart(5)} ${String(row.warnings).padStart(4)}`
    )
  }
  console.log('goals: recall ≥ 0.95, precision ≥ 0.9, parent ≥ 0.9, words ≥ 0.98 (InDesign papers); marks 0; warnings ≤ 10')
  console.log('p/toc: against a Markdown source, the right-parent share scored against the printed contents instead')
  console.log(
    "words: against the pages' letters, those of margin-band lines repeated on 3+ pages or bare page numbers, symbol-font and Courier `o` bullets and Word's markup balloons left out, the outline's contents entries and footnote labels counted as kept; w/raw: all the pages' letters against the blocks alone"
  )
  console.log("p/wrd: against a Markdown source, the share of its words that pdftotext's text of the PDF keeps (the ceiling of words)")
}

async function main(): Promise<void> {
  const make = process.argv.includes('--make')
  const missing = cases.filter((item) => make || !existsSync(path.join(fixtures, item.id, 'document.pdf')))
  if (missing.length > 0) {
    const markdowns = missing.map((item) => readFileSync(path.join(corpora, item.source), 'utf8'))
    const pdfs = await printPdfs(missing.map((item, index) => ({markdown: markdowns[index]!, options: item.options})))
    missing.forEach((item, index) => {
      mkdirSync(path.join(fixtures, item.id), {recursive: true})
      writeFileSync(path.join(fixtures, item.id, 'source.md'), markdowns[index]!)
      writeFileSync(path.join(fixtures, item.id, 'document.pdf'), pdfs[index]!)
    })
  }
  const fmt = (value: number): string => value.toFixed(3)
  console.log('case                               pages  h-recall  h-prec  levels  word-F1  furniture  pdftotext-F1')
  let pass = true
  for (const item of cases) {
    const s = await scoreCase(item.id, item.options.runningHead)
    const ok =
      s.headingRecall >= 0.98 && s.headingPrecision >= 0.95 && s.levelAgreement >= 0.95 && s.wordF1 >= 0.99 && s.furnitureLeft === 0
    pass &&= ok
    console.log(
      `${s.id.padEnd(35)}${String(s.pages).padStart(5)}  ${fmt(s.headingRecall).padStart(8)}  ${fmt(s.headingPrecision).padStart(6)}  ${fmt(s.levelAgreement).padStart(6)}  ${fmt(s.wordF1).padStart(7)}  ${String(s.furnitureLeft).padStart(9)}  ${fmt(s.pdftotextF1).padStart(12)}${ok ? '' : '  below target'}`
    )
  }
  console.log(`targets: recall ≥ 0.98, precision ≥ 0.95, levels ≥ 0.95, word F1 ≥ 0.99, furniture 0 — ${pass ? 'all met' : 'NOT all met'}`)
  await realPdfTable()
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
