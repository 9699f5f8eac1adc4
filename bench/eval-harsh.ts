/**
 * `npx tsx bench/eval-harsh.ts`: alignment quality on the harsh generator (tests/support/harsh-editions.ts)
 * for several seeds and scripts: category pair, added and removed F1, and the share of paragraphs
 * moved between categories that the diff reports as moved. Then the calibration of `doubtful`: how
 * many relations marked doubtful or not are right, at every level on the generator's pairs and at
 * category level on the OWASP API 2019 → 2023 pairs (publisher's mapping) of ../shared/corpora.
 * Category relation F1 per language: OWASP API 2019 → 2023 (en, fr, id, pt-pt, fa) and the
 * OpenChain specification's goals, 1.0 → 1.1 → 1.2 → 2.0 → 2.1, from the Japanese and the Korean
 * PDFs of ../shared/realpdf (the publisher keeps each goal's number: G1 → ゴール 1 → 1.0 → 3.1).
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {CompareResult} from '../src/compare/compare-editions.js'
import {compareEditions} from '../src/compare/compare-editions.js'
import {ingestEdition} from '../src/ingest/ingest-edition.js'
import type {Edition} from '../src/model/edition.js'
import {harshTruthAllLevels, makeHarshPair, scoreHarsh, type HarshScript, type HarshTruth} from '../tests/support/harsh-editions.js'

const seeds = [1, 2, 3, 4, 5]
const rows: string[] = ['| script | seed | pair F1 | added F1 | removed F1 | moved recall |', '|---|---:|---:|---:|---:|---:|']
const sums = {pairF1: 0, addedF1: 0, removedF1: 0, movedRecall: 0}
let runs = 0

/** Relations marked doubtful or not, and how many of each are right. */
interface Tally {
  undoubted: number
  undoubtedRight: number
  doubtful: number
  doubtfulRight: number
  wrong: string[]
}
const calibration = new Map<string, Tally>()
const key = (old: string[], next: string[]): string => `${[...old].sort().join(',')}→${[...next].sort().join(',')}`

/** Count `result`'s relations among those `inScope` against `truth` into the row `label`. */
function calibrate(label: string, result: CompareResult, truth: HarshTruth[], inScope: (id: string) => boolean, name = label): void {
  const tally = calibration.get(label) ?? {undoubted: 0, undoubtedRight: 0, doubtful: 0, doubtfulRight: 0, wrong: []}
  calibration.set(label, tally)
  const right = new Set(truth.map((t) => key(t.old, t.new)))
  for (const r of result.relations) {
    const [old, next] = [r.old.map((s) => s.id).filter(inScope), r.new.map((s) => s.id).filter(inScope)]
    if (old.length + next.length === 0) continue
    const ok = right.has(key(old, next))
    if (r.evidence?.doubtful) {
      tally.doubtful++
      if (ok) tally.doubtfulRight++
    } else {
      tally.undoubted++
      if (ok) tally.undoubtedRight++
      else tally.wrong.push(`${name}: ${r.kind} ${key(old, next)}`)
    }
  }
}

for (const script of ['latin', 'hangul', 'kana'] as HarshScript[])
  for (const seed of seeds) {
    const pair = makeHarshPair({seed, script})
    const result = compareEditions(pair.old, pair.next, {detail: 'blocks'})
    const score = scoreHarsh(pair, result)
    for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] += score[k]
    runs++
    rows.push(
      `| ${script} | ${seed} | ${score.pairF1.toFixed(3)} | ${score.addedF1.toFixed(3)} | ${score.removedF1.toFixed(3)} | ${score.movedRecall.toFixed(2)} |`
    )
    calibrate(`harsh ${script}, every level`, result, harshTruthAllLevels(pair), () => true, `${script} ${seed}`)
  }
rows.push(
  `| mean | | ${(sums.pairF1 / runs).toFixed(3)} | ${(sums.addedF1 / runs).toFixed(3)} | ${(sums.removedF1 / runs).toFixed(3)} | ${(sums.movedRecall / runs).toFixed(2)} |`
)
console.log(rows.join('\n'))

// The publisher's mapping (the 2023 edition's release notes and risk table), by category code.
const owaspMapping: [string[], string[]][] = [
  [['API1'], ['API1']],
  [['API2'], ['API2']],
  [['API3', 'API6'], ['API3']],
  [['API4'], ['API4']],
  [['API5'], ['API5']],
  [[], ['API6']],
  [[], ['API7']],
  [['API7'], ['API8']],
  [['API8'], []],
  [['API9'], ['API9']],
  [['API10'], []],
  [[], ['API10']]
]
const owasp = path.resolve(import.meta.dirname, '../../shared/corpora/owasp-api-security-top10')
const owaspRows = ['\n| OWASP API 2019 → 2023 | category relation F1 | right |', '|---|---:|---:|']
const load = async (file: string): Promise<Edition> => (await ingestEdition(new Uint8Array(readFileSync(file)), {file})).edition

/** Category relation F1 of `result` against `truth` (section ids), over the sections `codes` names, and how many truth relations it found. */
function categoryF1(result: CompareResult, truth: HarshTruth[], codes: ReadonlyMap<string, string>): {f1: number; hits: number} {
  const found = result.relations
    .map((r) => [r.old.map((x) => x.id).filter((id) => codes.has(id)), r.new.map((x) => x.id).filter((id) => codes.has(id))])
    .filter(([o, n]) => o!.length + n!.length > 0)
    .map(([o, n]) => key(o!, n!))
  const expected = new Set(truth.map((t) => key(t.old, t.new)))
  const hits = found.filter((k) => expected.has(k)).length
  return {f1: (2 * hits) / (found.length + expected.size), hits}
}

if (existsSync(owasp)) {
  for (const language of ['en', 'fr', 'id', 'pt-pt', 'fa']) {
    if (!existsSync(path.join(owasp, `2019.${language}.md`))) continue
    const [old, next] = [await load(path.join(owasp, `2019.${language}.md`)), await load(path.join(owasp, `2023.${language}.md`))]
    // Category sections by their code (API3:2019 → API3 of the old edition).
    const codes = new Map<string, string>()
    const tops = (edition: Edition, year: string) => {
      const visit = (sections: Edition['sections']) => {
        for (const s of sections) {
          const code = new RegExp(`^API0*(\\d+):${year}\\b`).exec(s.heading.normalize('NFKC'))?.[1]
          if (code) codes.set(s.id, `${year}:API${code}`)
          else visit(s.children)
        }
      }
      visit(edition.sections)
    }
    tops(old, '2019')
    tops(next, '2023')
    const byCode = new Map([...codes].map(([id, code]) => [code, id]))
    const truth = owaspMapping.map(([o, n]) => ({
      old: o.map((c) => byCode.get(`2019:${c}`) ?? c),
      new: n.map((c) => byCode.get(`2023:${c}`) ?? c)
    }))
    const result = compareEditions(old, next)
    calibrate('OWASP API 2019 → 2023, categories', result, truth, (id) => codes.has(id), `owasp ${language}`)
    const {f1, hits} = categoryF1(result, truth, codes)
    owaspRows.push(`| ${language} | ${f1.toFixed(3)} | ${hits} of ${truth.length} |`)
  }
}

if (owaspRows.length > 2) console.log(owaspRows.join('\n'))

// OpenChain: the six goals keep their numbers through every edition ("G1:", "ゴール 1：", "목표 1:",
// "1.0", then "3.1" of ISO/IEC 5230 in 2.1), which is the publisher's mapping at goal level.
const openchain = path.resolve(import.meta.dirname, '../../shared/realpdf/openchain-spec')
if (existsSync(openchain)) {
  const versions = ['1.0', '1.1', '1.2', '2.0', '2.1']
  const goalOf = (heading: string): string | undefined => {
    const m = /^(?:G|ゴール|목표)\s*(\d)\b|^(\d)\.0\s|^3\.(\d)\s/u.exec(heading.normalize('NFKC'))
    return m ? (m[1] ?? m[2] ?? m[3]) : undefined
  }
  const rows = ['\n| OpenChain goals (PDF) | ja F1 | ja right | ko F1 | ko right |', '|---|---:|---:|---:|---:|']
  const cells = new Map<string, string[]>()
  for (const language of ['ja', 'ko']) {
    const editions = await Promise.all(versions.map((v) => load(path.join(openchain, `${v}.${language}.pdf`))))
    for (let k = 1; k < editions.length; k++) {
      const [old, next] = [editions[k - 1]!, editions[k]!]
      const codes = new Map<string, string>()
      const goals = (edition: Edition, side: string): Map<string, string> => {
        const byGoal = new Map<string, string>()
        const visit = (sections: Edition['sections']) => {
          for (const s of sections) {
            const goal = s.level === 2 ? goalOf(s.heading) : undefined
            if (goal && !byGoal.has(goal)) {
              byGoal.set(goal, s.id)
              codes.set(s.id, `${side}${goal}`)
            }
            visit(s.children)
          }
        }
        visit(edition.sections)
        return byGoal
      }
      const [oldGoals, newGoals] = [goals(old, 'old'), goals(next, 'new')]
      const truth = ['1', '2', '3', '4', '5', '6'].flatMap((g) => {
        const [o, n] = [oldGoals.get(g), newGoals.get(g)]
        return o || n ? [{old: o ? [o] : [], new: n ? [n] : []}] : []
      })
      const {f1, hits} = categoryF1(compareEditions(old, next), truth, codes)
      const label = `${versions[k - 1]} → ${versions[k]}`
      cells.set(label, [...(cells.get(label) ?? []), f1.toFixed(3), `${hits} of ${truth.length}`])
    }
  }
  for (const [label, values] of cells) rows.push(`| ${label} | ${values.join(' | ')} |`)
  console.log(rows.join('\n'))
}

const share = (right: number, all: number): string => (all === 0 ? '–' : (right / all).toFixed(3))
console.log('\n| pairs | not doubtful | right | share right | doubtful | right | share right |\n|---|---:|---:|---:|---:|---:|---:|')
const total: Tally = {undoubted: 0, undoubtedRight: 0, doubtful: 0, doubtfulRight: 0, wrong: []}
for (const [label, t] of calibration) {
  console.log(
    `| ${label} | ${t.undoubted} | ${t.undoubtedRight} | ${share(t.undoubtedRight, t.undoubted)} | ${t.doubtful} | ${t.doubtfulRight} | ${share(t.doubtfulRight, t.doubtful)} |`
  )
  for (const k of ['undoubted', 'undoubtedRight', 'doubtful', 'doubtfulRight'] as const) total[k] += t[k]
  total.wrong.push(...t.wrong)
}
console.log(
  `| all | ${total.undoubted} | ${total.undoubtedRight} | ${share(total.undoubtedRight, total.undoubted)} | ${total.doubtful} | ${total.doubtfulRight} | ${share(total.doubtfulRight, total.doubtful)} |`
)
if (total.wrong.length > 0) console.log(`\nwrong and not doubtful (first 20):\n${total.wrong.slice(0, 1000).join('\n')}`)
