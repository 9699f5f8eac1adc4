/**
 * Words that page layout broke: a hyphen at the end of a line (`cooper-` / `ation`) and a word torn
 * apart by letter-spacing or a tab stop (`Diplom acy`, `Enhand ing`). Both repairs need evidence
 * from the document itself — a joined form that occurs elsewhere — because the same shapes are also
 * real text (`A3:2017-` + `Sensitive`, `in to`).
 */

/** Lower-case word counts of a whole document, the evidence for every repair. */
export interface Lexicon {
  counts: Map<string, number>
  /** Words by length, each list in code-unit order, for the one-edit-away search (made on first use). */
  readonly byLength: Map<number, string[]>
}

const wordPattern = /\p{L}+(?:['’]\p{L}+)*/gu

/** Count the words of `texts` (lower-cased). */
export function buildLexicon(texts: Iterable<string>): Lexicon {
  const counts = new Map<string, number>()
  for (const text of texts) {
    // The matched strings alone (`match` with a global pattern): no match object per word to collect.
    const words = text.match(wordPattern)
    if (words === null) continue
    // A text that lower-casing leaves as it is holds no word it would change (the one mapping that
    // depends on the letters around, a final sigma, changes the text too): its words are not each
    // lower-cased, which Korean and Japanese words, in two-byte strings, make costly.
    const lower = text.toLowerCase() === text
    for (let index = 0; index < words.length; index++) {
      const word = lower ? words[index]! : words[index]!.toLowerCase()
      counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  // Only a letter-spaced Latin word asks for the words of a length (joinFragments): most documents
  // never do, and sorting every word (8,000 in the KISA guide) is left until one does.
  let byLength: Map<number, string[]> | null = null
  return {
    counts,
    get byLength() {
      byLength ??= wordsByLength(counts)
      return byLength
    }
  }
}

function wordsByLength(counts: ReadonlyMap<string, number>): Map<number, string[]> {
  const byLength = new Map<number, string[]>()
  for (const word of [...counts.keys()].sort()) {
    const list = byLength.get(word.length)
    if (list) list.push(word)
    else byLength.set(word.length, [word])
  }
  return byLength
}

const suffixes = ['s', 'es', 'ed', 'd', 'ing', 'ly', 'al', 'ally', 'er', 'ers', 'ion', 'ions']

/**
 * True when `word` (lower case) occurs in the document, itself or inflected (`environment` is
 * attested by `environments`, `environmental`).
 */
export function isAttested(word: string, lexicon: Lexicon): boolean {
  if ((lexicon.counts.get(word) ?? 0) > 0) return true
  if (word.length < 5) return false
  for (const suffix of suffixes) {
    if ((lexicon.counts.get(word + suffix) ?? 0) > 0) return true
    if (word.endsWith(suffix) && word.length - suffix.length >= 5 && (lexicon.counts.get(word.slice(0, -suffix.length)) ?? 0) > 0)
      return true
  }
  return false
}

/**
 * {@link buildLexicon} over the lines of one document, leaving out the pieces that layout may
 * have broken (the word before a line-end hyphen, the word after it), so that a repair is attested
 * only by an unbroken occurrence elsewhere.
 */
export function buildLineLexicon(lines: readonly string[]): Lexicon {
  return buildLexicon(
    lines.map((line, index) => {
      let text = line
      if (endsInHyphen(text) && lineEndHyphen.test(text)) text = text.replace(lineEndHyphen, '')
      if (index > 0 && endsInHyphen(lines[index - 1]!) && lineEndHyphen.test(lines[index - 1]!)) text = text.replace(/^\s*\p{L}+/u, '')
      return text
    })
  )
}

/** A word split in two by layout: joined when attested, or when neither half is a word of its own. */
function brokenWord(a: string, b: string, lexicon: Lexicon): boolean {
  return (
    isAttested((a + b).toLowerCase(), lexicon) ||
    (a.length >= 2 && !isAttested(a.toLowerCase(), lexicon) && !isAttested(b.toLowerCase(), lexicon))
  )
}

// Letters and marks of text written without spaces between words. By script extension, not script:
// the long-vowel mark `ー` and the punctuation `、。「」` are of no one script, and a line break beside
// them is no space either (`リリ` + `ースの`, `なく、` + `組織`); nor beside fullwidth forms (`（参考）`).
const cjk = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\uFF01-\uFF65]/u
// Starting only where a run of letters starts: tried from every letter, the pattern would read each
// run to its end from each of its letters, quadratic in a long unspaced (CJK) line; it matches the same.
const lineEndHyphen = /(?<!\p{L})(\p{L}+)[-\u2010\u00AD]$/u
// The pattern is still tried at every character of a line: a line that does not end in a hyphen
// cannot match and is not looked at.
const endsInHyphen = (line: string): boolean => {
  const last = line.charCodeAt(line.length - 1)
  return last === 0x2d || last === 0x2010 || last === 0xad
}
const lineStartWord = /^(\p{Ll}+)/u

/**
 * Join two consecutive lines of one paragraph. A line-end hyphen after a letter is removed when
 * the joined word is attested elsewhere, otherwise kept (the word continues without a space);
 * Chinese and Japanese lines join without a space; everything else with one space.
 */
export function joinLines(left: string, right: string, lexicon: Lexicon): string {
  return joinLineList([left, right], lexicon)
}

// Longer runs of letters are not words that a line end broke (and looking further back would make
// joining a paragraph of many hyphen-joined lines quadratic).
const maxWordLength = 100
const lineEndMark = /[-\u2010\u00AD]/u

/**
 * The lines of one paragraph joined as {@link joinLines} joins each to the text before it, in time
 * linear in the text: each decision reads only the end of the text so far, kept as a list of
 * pieces (one trimmed line each) rather than rescanned as one growing string.
 */
export function joinLineList(lines: readonly string[], lexicon: Lexicon): string {
  const pieces: string[] = []
  for (const line of lines) {
    const b = line.trim()
    if (b === '') continue
    const a = pieces[pieces.length - 1]
    if (a === undefined) {
      pieces.push(b)
      continue
    }
    const last = a.at(-1)!
    if (lineEndMark.test(last)) {
      pieces[pieces.length - 1] = a.slice(0, -1)
      const word = trailingLetters(pieces)
      if (word !== '') {
        const start = lineStartWord.exec(b)
        // A soft hyphen marks a word broken by layout (the PDF adapter decided so); otherwise
        // attested joined, or neither half a word of its own (`requi-` + `rements`): a broken
        // word, not a compound like `long-` + `term`.
        if (start && word !== null && (last === '\u00AD' || brokenWord(word, start[1]!, lexicon))) pieces.push(b)
        else pieces.push('-', b)
        continue
      }
      pieces[pieces.length - 1] = a
    }
    // A hyphen right after a label or number (`A3:2017-` + `Sensitive`) is part of the term.
    const before = precedingChar(pieces, 2)
    if ((last === '-' || last === '\u2010') && before !== undefined && !/[\s\-–—]/u.test(before)) pieces.push(b)
    else if (cjk.test(last) && cjk.test(b[0]!)) pieces.push(b)
    else pieces.push(' ', b)
  }
  return pieces.join('')
}

// The `n`th character from the end of the text the pieces make, looking back across pieces.
function precedingChar(pieces: readonly string[], n: number): string | undefined {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!
    if (n <= piece.length) return piece[piece.length - n]
    n -= piece.length
  }
  return undefined
}

// The run of letters that ends the text (across pieces), or null when it is longer than a word.
function trailingLetters(pieces: readonly string[]): string | null {
  let word = ''
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!
    // Two more than a word, so that a run cut inside a surrogate pair still counts as too long.
    const tail = piece.slice(-(maxWordLength + 2))
    const run = /\p{L}*$/u.exec(tail)![0]
    word = run + word
    if (word.length > maxWordLength) return null
    if (run.length < tail.length) break
  }
  return word
}

function oneEditAway(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1)
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

function matchCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase()
  if (model[0] === model[0]!.toUpperCase()) return word[0]!.toUpperCase() + word.slice(1)
  return word
}

const latinFragment = /^\p{Script=Latin}+$/u

/**
 * `Diplom` + `acy` → `Diplomacy`, `Enhand` + `ing` → `Enhancing`; null when the two fragments
 * should stay apart. Both fragments must be rare in the document (at most `rare` occurrences, by
 * default 1 — this one), and the joined form, or a form one edit away from it (7+ letters, the
 * most frequent such word), must occur elsewhere.
 */
export function joinFragments(a: string, b: string, lexicon: Lexicon, rare = 1): string | null {
  if (!latinFragment.test(a) || !latinFragment.test(b)) return null
  if (b[0] !== b[0]!.toLowerCase()) return null
  const la = a.toLowerCase()
  const lb = b.toLowerCase()
  if ((lexicon.counts.get(la) ?? 0) > rare || (lexicon.counts.get(lb) ?? 0) > rare) return null
  const joined = la + lb
  if ((lexicon.counts.get(joined) ?? 0) > 0) return matchCase(a, joined)
  if (joined.length < 7) return null
  let best: string | null = null
  let bestCount = 0
  for (const length of [joined.length - 1, joined.length, joined.length + 1]) {
    for (const word of lexicon.byLength.get(length) ?? []) {
      if (word[0] !== joined[0] || !oneEditAway(word, joined)) continue
      const count = lexicon.counts.get(word)!
      if (count > bestCount) {
        best = word
        bestCount = count
      }
    }
  }
  return best === null ? null : matchCase(a, best)
}

// The Latin letters `text` ends with when they are the whole run of letters it ends with, found from
// the start of that run only (as `lineEndHyphen`). joinFragments joins only Latin fragments, so a run
// holding another script's letter (a Korean word) is not looked at.
// (Letters: Roman numerals such as `Ⅻ` are of the Latin script too, and no letters.)
const trailingLatinRun = /(?<!\p{L})(?:(?=\p{L})\p{Script=Latin})+$/u
// The text as one fragment: Latin letters, then no letter (marks, digits) to its end.
const leadingLatinRun = /^((?:(?=\p{L})\p{Script=Latin})+)(\P{L}*)$/u

// Any letter of the Latin script: only such fragments are joined (see joinFragments).
const latinLetter = /\p{Script=Latin}/u

/** Re-join letter-spaced fragments inside `text` (single spaces or tabs between them), see {@link joinFragments}. */
export function repairSpacedWords(text: string, lexicon: Lexicon): string {
  // Both fragments of a join are Latin letters: a text without one (a Korean or Japanese paragraph)
  // has nothing to join, and is not split into words and each tried against two patterns.
  if (!latinLetter.test(text)) return text
  const parts = text.split(/([ \t]+)/u)
  const out: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const next = parts[i + 2]
    if (i % 2 === 0 && next !== undefined && part !== '') {
      const gap = parts[i + 1]!
      if (gap === ' ' || gap.includes('\t')) {
        const head = trailingLatinRun.exec(part)
        const tail = head === null ? null : leadingLatinRun.exec(next)
        const joined = head && tail ? joinFragments(head[0], tail[1]!, lexicon) : null
        if (joined !== null) {
          parts[i + 2] = part.slice(0, head!.index) + joined + tail![2]!
          i++
          continue
        }
      }
    }
    out.push(part)
  }
  return out.join('')
}
