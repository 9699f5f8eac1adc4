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
  'section', 'sections', 'article', 'articles', 'chapter', 'chapters', 'part', 'item', 'items', 'step',
  'annex', 'appendix', 'clause', 'paragraph', 'para', 'rule', 'table', 'figure', 'fig', 'page', 'no',
  'principle', 'recommendation', 'control', 'requirement', 'policy', '§', '제', '第', 'chapitre', 'article'
])

const significant = (tokens: readonly Token[]) => tokens.filter((token) => token.kind !== 'space')

/** The noise class of a diff's changes, or null when at least one change is real news (or nothing changed). */
export function classifyNoise(gaps: readonly ChangeGap[]): NoiseClass | null {
  if (gaps.length === 0) return null
  const cleaned = gaps.map((gap) => ({removed: significant(gap.removed), added: significant(gap.added), before: gap.before}))
  // A pure insertion or deletion adds or drops content: never noise.
  if (cleaned.some((gap) => gap.removed.length === 0 || gap.added.length === 0)) return null
  if (cleaned.every(isYearBump)) return 'year-bump'
  if (cleaned.every(isRenumbering)) return 'renumbering'
  if (cleaned.every((gap) => [...gap.removed, ...gap.added].every((token) => token.kind === 'number'))) return 'figure-update'
  return null
}

function isYearBump(gap: {removed: Token[]; added: Token[]}): boolean {
  if (gap.removed.length !== gap.added.length) return false
  return gap.removed.every((token, i) => {
    const next = gap.added[i]!
    return year.test(token.text) && year.test(next.text) && Number.parseInt(next.text, 10) > Number.parseInt(token.text, 10)
  })
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
