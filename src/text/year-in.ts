// A 19xx or 20xx year standing alone, so that 120201 or 20210 holds none.
const yearPattern = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/u

/** The first 19xx/20xx year standing alone in `text` (not part of a longer number), or null. */
export function yearIn(text: string): number | null {
  const match = yearPattern.exec(text)
  return match ? Number(match[1]) : null
}
