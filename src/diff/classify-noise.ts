/**
 * Noise classes: edits that carry no news for a reader of a yearly edition, so that reports can dim
 * or hide them.
 */
import type {Token} from '../text/tokenize.js'
import type {ChangeGap} from './diff-tokens.js'

/**
 * - `year-bump`: only years changed, each to a later one (`2019` → `2020`, `2019–2020` → `2020–2021`).
 * - `renumbering`: only labels changed: a paragraph's leading number, a number after "Section",
 *   "Article", "Chapter", "제"…, or a label such as `API3:2019`, `A01`, `II`.
 * - `figure-update`: only figures changed, each replaced by another figure (`$35,000` → `$41,000`, `3.8%` → `4.1%`).
 */
export type NoiseClass = 'year-bump' | 'renumbering' | 'figure-update'

const year = /^(?:1[89]|20|21)\d\d(?:[–—-](?:1[89]|20|21)?\d\d)?$/u
const plainLabel = /^\p{Nd}+(?:[.:]\p{Nd}+)*$/u
const letteredLabel = /^(?:\p{Lu}{1,6}\p{Nd}+(?:[.:]\p{Nd}+)*\p{Ll}?|\p{Nd}+\p{Ll}|[IVXLCDM]+|[ivxlcdm]+|\p{L})$/u
const numberingCues = new Set([
  'section',
  'sections',
  'article',
  'articles',
  'chapter',
  'chapters',
  'part',
  'item',
  'items',
  'step',
  'annex',
  'appendix',
  'clause',
  'paragraph',
  'para',
  'rule',
  'table',
  'figure',
  'fig',
  'page',
  'no',
  'principle',
  'recommendation',
  'control',
  'requirement',
  'policy',
  '§',
  '제',
  '第',
  'chapitre',
  'article'
])

const significant = (tokens: readonly Token[]) => tokens.filter((token) => token.kind !== 'space')

// A change can carry unchanged filler absorbed from between two edits (`(` in "$35,000 (3.8%)"):
// what both sides hold is not part of the change.
function withoutShared(removed: Token[], added: Token[], before: Token[]) {
  const counts = new Map<string, number>()
  for (const token of added) counts.set(token.text, (counts.get(token.text) ?? 0) + 1)
  const shared = new Map<string, number>()
  const keptRemoved = removed.filter((token) => {
    const left = counts.get(token.text) ?? 0
    if (left === 0) return true
    counts.set(token.text, left - 1)
    shared.set(token.text, (shared.get(token.text) ?? 0) + 1)
    return false
  })
  const keptAdded = added.filter((token) => {
    const left = shared.get(token.text) ?? 0
    if (left === 0) return true
    shared.set(token.text, left - 1)
    return false
  })
  return {removed: keptRemoved, added: keptAdded, before}
}

/** The noise class of a diff's changes, or null when at least one change is real news (or nothing changed). */
export function classifyNoise(gaps: readonly ChangeGap[]): NoiseClass | null {
  if (gaps.length === 0) return null
  const cleaned = gaps.map((gap) => withoutShared(significant(gap.removed), significant(gap.added), gap.before))
  // A pure insertion or deletion adds or drops content: never noise.
  if (cleaned.some((gap) => gap.removed.length === 0 || gap.added.length === 0)) return null
  if (cleaned.every(isYearBump)) return 'year-bump'
  if (cleaned.every(isRenumbering)) return 'renumbering'
  if (cleaned.every((gap) => [...gap.removed, ...gap.added].every((token) => token.kind === 'number'))) return 'figure-update'
  return null
}

function isYearBump(gap: {removed: Token[]; added: Token[]}): boolean {
  if (gap.removed.length !== gap.added.length) return false
  let later = false
  const ok = gap.removed.every((token, i) => {
    const next = gap.added[i]!
    if (!year.test(token.text) || !year.test(next.text)) return false
    const before = yearsOf(token.text)
    const after = yearsOf(next.text)
    if (before.length !== after.length) return false
    // 2003-2019 → 2003-2023: no year goes back, at least one goes forward.
    return before.every((value, k) => {
      if (after[k]! > value) later = true
      return after[k]! >= value
    })
  })
  return ok && later
}

/** The years of `2019`, `2019–2020` or `2019–20` (a two-digit end takes the first year's century). */
function yearsOf(text: string): number[] {
  const [first, second] = text.split(/[–—-]/u)
  const start = Number.parseInt(first!, 10)
  if (second === undefined) return [start]
  const end = second.length === 2 ? Math.floor(start / 100) * 100 + Number.parseInt(second, 10) : Number.parseInt(second, 10)
  return [start, end]
}

function isRenumbering(gap: {removed: Token[]; added: Token[]; before: Token[]}): boolean {
  const tokens = [...gap.removed, ...gap.added]
  if (tokens.every((token) => letteredLabel.test(token.text) && /\p{Nd}|^[IVXLCDMivxlcdm]+$/u.test(token.text))) return true
  if (!tokens.every((token) => plainLabel.test(token.text) || letteredLabel.test(token.text))) return false
  const cue = gap.before.at(-1)
  // At the very start of the paragraph, or right after a word like "Section".
  if (cue === undefined) return true
  return cue.kind === 'punct' ? gap.before.length === 1 : numberingCues.has(cue.text.toLowerCase())
}
