/** What a numbering says a section's number is: its numbers (`3.1.3` whole) and its Latin letters standing alone (`Annex A`). */
const numberPart = /\d+(?:\.\d+)*|(?<![A-Za-z])[A-Za-z](?![A-Za-z])/gu
/** A list number set before the rest of a numbering (`1) 제 1 절`, `(2) Article 2`). */
const listNumber = /^\(?(\d+)[).]\s+(?=\S)/u

/** The number parts of a numbering, a list number before the same number aside. */
function numberParts(numbering: string): string[] {
  const text = numbering.normalize('NFKC').trim()
  const list = listNumber.exec(text)
  const parts = (value: string): string[] => [...value.matchAll(numberPart)].map((match) => match[0])
  if (list) {
    const rest = parts(text.slice(list[0].length))
    // Word's numbered heading style put before a number typed in the heading: one number, printed twice.
    if (rest[0] === list[1]) return rest
  }
  return parts(text)
}

/**
 * Whether two numberings give a section the same number, as a reader hears it: the same numbers
 * and letters in the same order (`1.3` → `3.1.3` and `Annex A` → `Annex B` are new numbers). A
 * list number put before a numbering that repeats it (`제 1 절` → `1) 제 1 절`), or other words
 * and punctuation around the number (`1）` → `1.`, `1) 제 1 절` → `1)`), give the section no new
 * number. Numberings with no number or letter in them (`Part II`) compare as printed.
 */
export function sameNumber(a: string | null, b: string | null): boolean {
  const [left, right] = [numberParts(a ?? ''), numberParts(b ?? '')]
  const printed = (value: string | null): string => (value ?? '').normalize('NFKC').replace(/\s+/gu, ' ').trim()
  if (left.length === 0 || right.length === 0) return printed(a) === printed(b)
  return left.length === right.length && left.every((part, index) => part === right[index])
}
