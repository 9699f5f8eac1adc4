/**
 * `npx tsx bench/eval-harsh.ts`: alignment quality on the harsh generator (tests/support/harsh-editions.ts)
 * for several seeds and scripts: category pair, added and removed F1, and the share of paragraphs
 * moved between categories that the diff reports as moved.
 */
import {compareEditions} from '../src/compare/compare-editions.js'
import {makeHarshPair, scoreHarsh, type HarshScript} from '../tests/support/harsh-editions.js'

const rows: string[] = ['| script | seed | pair F1 | added F1 | removed F1 | moved recall |', '|---|---:|---:|---:|---:|---:|']
const sums = {pairF1: 0, addedF1: 0, removedF1: 0, movedRecall: 0}
let runs = 0
for (const script of ['latin', 'hangul', 'kana'] as HarshScript[])
  for (const seed of [1, 2, 3, 4, 5]) {
    const pair = makeHarshPair({seed, script})
    const score = scoreHarsh(pair, compareEditions(pair.old, pair.next, {detail: 'blocks'}))
    for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += score[key]
    runs++
    rows.push(
      `| ${script} | ${seed} | ${score.pairF1.toFixed(3)} | ${score.addedF1.toFixed(3)} | ${score.removedF1.toFixed(3)} | ${score.movedRecall.toFixed(2)} |`
    )
  }
rows.push(
  `| mean | | ${(sums.pairF1 / runs).toFixed(3)} | ${(sums.addedF1 / runs).toFixed(3)} | ${(sums.removedF1 / runs).toFixed(3)} | ${(sums.movedRecall / runs).toFixed(2)} |`
)
console.log(rows.join('\n'))
