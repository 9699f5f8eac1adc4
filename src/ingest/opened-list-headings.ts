/**
 * Numbered headings that an unnumbered heading in their own type opens: `서비스 내 제공 시 표시 방법
 * 예시` set in a box, then at once `1) 대화 기반 서비스`, `2) 음성 어시스턴트` … in the same size and
 * weight (msit-ai-transparency, pp. 15–18). A heading followed at once by another of its own type,
 * with no text of its own, announces what follows, and a count that starts again at 1 there counts
 * the parts of what it announced: the numbered headings are its children, not its siblings, until
 * the next unnumbered heading of that type or a heading in larger type.
 */
import {numberingScheme} from './numbering-level.js'

/** What {@link openedListHeadings} reads of a heading, in document order. */
export interface OpenedHeading {
  /** Its type style: headings of one style are set alike. */
  style: string
  /** Rank of the style over the document: 0 the largest type, more is smaller. */
  rank: number
  /** Its numbering label (`1)`, `2.`, `③`), or null. */
  numbering: string | null
  /** It comes straight after the heading before it, with no text between. */
  atOnce: boolean
}

/** The first label of a count (`1)`, `1.`, `(1)`, `①`, `가.`): where a count starts again. */
const firstLabel = /^(?:[（(]?[1１][.)）．]?|①|[가][.)]|[（(]가[)）])$/u

/**
 * The indices of the headings that go one level below the unnumbered heading of their own style that
 * opens their count: the count starts at 1 right under that heading, keeps its scheme, and ends at a
 * heading of that style without the scheme or at a heading in larger type.
 */
export function openedListHeadings(headings: readonly OpenedHeading[]): Set<number> {
  const held = new Set<number>()
  for (let index = 0; index + 1 < headings.length; index++) {
    const opener = headings[index]!
    const first = headings[index + 1]!
    if (opener.numbering !== null || !first.atOnce || first.style !== opener.style || first.numbering === null) continue
    if (!firstLabel.test(first.numbering.trim())) continue
    const {scheme, depth} = numberingScheme(first.numbering)
    if (depth !== 1) continue
    let next = index + 1
    for (; next < headings.length; next++) {
      const heading = headings[next]!
      if (heading.rank < opener.rank) break
      if (heading.style !== opener.style) continue
      if (heading.numbering === null || numberingScheme(heading.numbering).scheme !== scheme) break
      held.add(next)
    }
    index = next - 1
  }
  return held
}
