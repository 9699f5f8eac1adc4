/**
 * `npx tsx bench/eval-text-map.ts`: how {@link repairTextMap} does on the real Korean PDFs in
 * ../shared/realpdf (absent from a clone: then it says so and stops). For every Korean PDF it
 * prints the rare syllables (outside KS X 1001) before and after repair, as read by our PDF adapter
 * and, when installed, by pdftotext. For the broken OpenChain 2.0 edition it checks each repaired
 * word against the words of the 1.2 and 2.1 editions, which the same project translated without a
 * broken map: a repaired word found there is a real word of that text.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {readPdf} from '../src/ingest/pdf.js'
import {isRareSyllable, repairTextMap} from '../src/ingest/repair-text-map.js'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const realpdf = path.join(root, '../shared/realpdf')
if (!existsSync(realpdf)) {
  console.log(`no ${realpdf}: nothing to evaluate`)
  process.exit(0)
}

async function adapterPages(file: string): Promise<string[]> {
  const content = await readPdf(new Uint8Array(readFileSync(file)), {})
  return content.pages.map((page) => page.items.map((item) => item.text).join(' '))
}

function pdftotextPages(file: string): string[] | null {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {encoding: 'utf8', maxBuffer: 1 << 28}).split('\f')
  } catch {
    return null
  }
}

const rareCount = (pages: readonly string[]): number => pages.reduce((sum, page) => sum + [...page].filter(isRareSyllable).length, 0)
const words = (pages: readonly string[]): string[] => pages.flatMap((page) => page.match(/[\uAC00-\uD7A3]+/gu) ?? [])

const files = [
  ...readdirSync(path.join(realpdf, 'ko')).map((name) => path.join(realpdf, 'ko', name)),
  ...readdirSync(path.join(realpdf, 'openchain-spec'))
    .filter((name) => name.endsWith('.ko.pdf'))
    .map((name) => path.join(realpdf, 'openchain-spec', name))
].sort()

console.log('file | extractor | Hangul syllables | rare before | rare after | repaired | substitutions')
for (const file of files) {
  const name = path.relative(realpdf, file)
  const runs: Array<[string, string[] | null]> = [
    ['adapter', await adapterPages(file)],
    ['pdftotext', pdftotextPages(file)]
  ]
  for (const [extractor, pages] of runs) {
    if (pages === null) continue
    const result = repairTextMap(pages)
    const hangul = pages.join('').match(/[\uAC00-\uD7A3]/gu)?.length ?? 0
    const substitutions = result.substitutions.map(({from, to, count, by}) => `${from}→${to}×${count}(${by})`).join(' ')
    console.log(
      `${name} | ${extractor} | ${hangul} | ${rareCount(pages)} | ${rareCount(result.pages)} | ${result.repaired} | ${substitutions || '-'}`
    )
  }
}

// The repaired words of 2.0 against the words of 1.2 and 2.1.
const broken = await adapterPages(path.join(realpdf, 'openchain-spec/2.0.ko.pdf'))
const repaired = repairTextMap(broken).pages
const reference = new Set<string>()
let referenceText = ''
for (const edition of ['1.2', '2.1']) {
  const pages = await adapterPages(path.join(realpdf, `openchain-spec/${edition}.ko.pdf`))
  for (const word of words(pages)) reference.add(word)
  referenceText += pages.join('\n')
}
const brokenWords = words(broken)
const repairedWords = words(repaired)
const changed = new Map<string, string>()
brokenWords.forEach((word, index) => {
  if ([...word].some(isRareSyllable)) changed.set(word, repairedWords[index]!)
})
// Short of the whole word (another particle or ending), the repaired syllable with a neighbour
// (신뢰 in 신뢰, 없지만 → 지만) found in the reference editions' text.
const inContext = (from: string, to: string): boolean =>
  [...from].every(
    (char, i) =>
      !isRareSyllable(char) ||
      (i > 0 && referenceText.includes(to.slice(i - 1, i + 1))) ||
      (i + 1 < to.length && referenceText.includes(to.slice(i, i + 2)))
  )
const exact = [...changed.values()].filter((word) => reference.has(word)).length
const context = [...changed].filter(([from, to]) => !reference.has(to) && inContext(from, to)).length
const neither = [...changed].filter(([from, to]) => !reference.has(to) && !inContext(from, to))
console.log(
  `\nOpenChain 2.0 ko: ${changed.size} distinct broken words repaired; ${exact} occur as such in 1.2/2.1, ${context} with the repaired syllable and a neighbour, ${neither.length} neither`
)
for (const [from, to] of [...changed].sort())
  console.log(`  ${from} → ${to}${reference.has(to) ? '' : inContext(from, to) ? ' (in context)' : ' (NOT FOUND)'}`)
