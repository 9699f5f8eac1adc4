/**
 * Counts as a reader reads them: digits grouped by commas whatever the machine's locale (the bytes
 * of a report must not depend on it), and the noun in the singular for one ("1 section contains",
 * never "1 sections").
 */

/** `n` rounded, its digits grouped in threes by commas: 12345 → "12,345". */
export function thousands(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/gu, ',')
}

/** "1 word", "2 words", "1,234 words"; `plural` for nouns that do not take an s ("1 series"). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${thousands(n)} ${Math.round(n) === 1 ? singular : plural}`
}
