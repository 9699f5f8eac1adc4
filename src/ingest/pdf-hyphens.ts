/**
 * Line-end hyphens of a PDF decided from the document's own words: `speci-` + `fications` and
 * `system-` + `atic` are words that layout broke, `cloud-` + `native` and `blue-` + `green` are
 * compounds that happen to break at their hyphen. A broken word's hyphen becomes a soft hyphen
 * (U+00AD), which joining lines always removes; a compound's stays a hyphen.
 */
import {isAttested, type Lexicon} from './repair-words.js'

// Both start only where a run of letters starts (the same matches): tried from every letter, they
// would read each run to its end from each of its letters, quadratic in a long unspaced (CJK) line.
const lineEndHyphen = /(?<!\p{L})(\p{L}+)[-\u2010]$/u
const lineStartWord = /^\s*(\p{Ll}+)/u
const compound = /(?<!\p{L})\p{L}+(?:[-\u2010]\p{L}+)+/gu

// Each pattern is still tried at every character of a line; most lines end in no hyphen and hold
// none, and are not looked at.
const endsInHyphen = (line: string): boolean => {
  const last = line.charCodeAt(line.length - 1)
  return last === 0x2d || last === 0x2010
}
const holdsHyphen = (line: string): boolean => line.includes('-') || line.includes('\u2010')

/**
 * The hyphenated compounds written whole inside lines (`cloud-native`, `end-to-end`), lower case:
 * a compound broken at a line end is kept when the document also writes it whole.
 */
function wholeCompounds(lines: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const line of lines) {
    if (!holdsHyphen(line)) continue
    for (const match of line.matchAll(compound)) {
      const parts = match[0].toLowerCase().split(/[-\u2010]/u)
      for (let i = 1; i < parts.length; i++) out.add(`${parts[i - 1]}-${parts[i]}`)
    }
  }
  return out
}

/**
 * True when `before` + `after` (lower case, the letters either side of a line-end hyphen) is one
 * word that layout broke: not a compound the document writes whole, and either attested joined
 * or not made of two words the document uses on their own (`speci` is no word, `atic` neither).
 */
export function isBrokenWord(before: string, after: string, lexicon: Lexicon, compounds: ReadonlySet<string> = new Set()): boolean {
  if (compounds.has(`${before}-${after}`)) return false
  if (isAttested(before + after, lexicon)) return true
  const word = (text: string): boolean => (lexicon.counts.get(text) ?? 0) > 0
  return !(word(before) && word(after))
}

/**
 * `lines` (a document's lines in reading order) with the hyphen of every broken word at a line
 * end made a soft hyphen (see the module comment); `lexicon` counts the document's unbroken words.
 */
export function markBrokenWords(lines: readonly string[], lexicon: Lexicon): string[] {
  const compounds = wholeCompounds(lines.map((line) => (endsInHyphen(line) ? line.replace(lineEndHyphen, '') : line)))
  return lines.map((line, index) => {
    const end = endsInHyphen(line) ? lineEndHyphen.exec(line) : null
    const start = lineStartWord.exec(lines[index + 1] ?? '')
    if (!end || !start) return line
    return isBrokenWord(end[1]!.toLowerCase(), start[1]!, lexicon, compounds) ? `${line.slice(0, -1)}\u00AD` : line
  })
}
