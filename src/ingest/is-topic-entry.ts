/** The shape of a contents entry this module reads: its depth, label and printed page. */
export interface ListedEntry {
  level: number
  numbering: string | null
  page: number | null
}

/**
 * An unnumbered entry without a page below a paged entry of the level above (`•환경변화` under
 * `제1장 추진배경 / 1`) is a topic the section treats, not a heading the contents promises: the body
 * may print it as a paragraph's lead-in (`(환경변화) 사람과 사물…`). A contents that pages its
 * entries and leaves these unpaged says so itself.
 */
export function isTopicEntry(entries: readonly ListedEntry[], index: number): boolean {
  const entry = entries[index]!
  if (entry.page !== null || entry.numbering !== null) return false
  for (let above = index - 1; above >= 0; above--) {
    const other = entries[above]!
    if (other.level < entry.level) return other.page !== null
  }
  return false
}
