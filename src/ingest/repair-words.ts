/**
 * Words that page layout broke: a hyphen at the end of a line (`cooper-` / `ation`) and a word torn
 * apart by letter-spacing or a tab stop (`Diplom acy`, `Enhand ing`). Both repairs need evidence
 * from the document itself — a joined form that occurs elsewhere — because the same shapes are also
 * real text (`A3:2017-` + `Sensitive`, `in to`).
 */

/** Lower-case word counts of a whole document, the evidence for every repair. */
export interface Lexicon {
  counts: Map<string, number>
  /** Words by length, for the one-edit-away search. */
  byLength: Map<number, string[]>
}

const wordPattern = /\p{L}+(?:['’]\p{L}+)*/gu

/** Count the words of `texts` (lower-cased). */
export function buildLexicon(texts: Iterable<string>): Lexicon {
  const counts = new Map<string, number>()
  for (const text of texts) {
    for (const match of text.matchAll(wordPattern)) {
      const word = match[0].toLowerCase()
      counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  const byLength = new Map<number, string[]>()
  for (const word of [...counts.keys()].sort()) {
    const list = byLength.get(word.length)
    if (list) list.push(word)
    else byLength.set(word.length, [word])
  }
  return {counts, byLength}
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
    if (word.endsWith(suffix) && word.length - suffix.length >= 5 && (lexicon.counts.get(word.slice(0, -suffix.length)) ?? 0) > 0) return true
  }
  return false
}

/**
 * {@link buildLexicon} over the lines of one document, leaving out the pieces that layout may
 * have broken (the word before a line-end hyphen, the word after it, both sides of a
 * {@link splitMark}), so that a repair is attested only by an unbroken occurrence elsewhere.
 */
export function buildLineLexicon(lines: readonly string[]): Lexicon {
  return buildLexicon(
    lines.map((line, index) => {
      let text = line.replace(/\p{L}*\u2060\p{L}*/gu, ' ')
      if (lineEndHyphen.test(text)) text = text.replace(/\p{L}+[-\u2010\u00AD]$/u, '')
      if (index > 0 && lineEndHyphen.test(lines[index - 1]!)) text = text.replace(/^\s*\p{L}+/u, '')
      return text
    })
  )
}

/** A word split in two by layout: joined when attested, or when neither half is a word of its own. */
function brokenWord(a: string, b: string, lexicon: Lexicon): boolean {
  return isAttested((a + b).toLowerCase(), lexicon) || (a.length >= 2 && !isAttested(a.toLowerCase(), lexicon) && !isAttested(b.toLowerCase(), lexicon))
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const lineEndHyphen = /(\p{L}+)[-\u2010\u00AD]$/u
const lineStartWord = /^(\p{Ll}+)/u

/**
 * Join two consecutive lines of one paragraph. A line-end hyphen after a letter is removed when
 * the joined word is attested elsewhere, otherwise kept (the word continues without a space);
 * Chinese and Japanese lines join without a space; everything else with one space.
 */
export function joinLines(left: string, right: string, lexicon: Lexicon): string {
  const a = left.trimEnd()
  const b = right.trimStart()
  if (a === '') return b
  if (b === '') return a
  // The paragraph so far grows line by line: test its last character before scanning it.
  const hyphen = /[-\u2010\u00AD]$/u.test(a) ? lineEndHyphen.exec(a) : null
  if (hyphen) {
    const start = lineStartWord.exec(b)
    // Attested joined, or neither half a word of its own (`requi-` + `rements`): a broken word,
    // not a compound like `long-` + `term`.
    if (start && brokenWord(hyphen[1]!, start[1]!, lexicon)) return a.slice(0, -1) + b
    return a.slice(0, -1) + '-' + b
  }
  // A hyphen right after a label or number (`A3:2017-` + `Sensitive`) is part of the term.
  if (/[^\s\-–—][-\u2010]$/u.test(a)) return a + b
  if (cjk.test(a.slice(-1)) && cjk.test(b[0]!)) return a + b
  return a + ' ' + b
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

/** Marker an adapter puts where a word may have been split by layout (a soft hyphen pdf.js reads as a space). */
export const splitMark = '\u2060'

/** Resolve {@link splitMark}s: join the two sides when the joined word is attested, else leave a space. */
export function resolveSplitMarks(text: string, lexicon: Lexicon): string {
  if (!text.includes(splitMark)) return text
  return text.replace(/(\p{L}*)\u2060(\p{L}*)/gu, (_, a: string, b: string) =>
    a === '' || b === '' || brokenWord(a, b, lexicon) ? a + b : `${a} ${b}`
  )
}

/** Re-join letter-spaced fragments inside `text` (single spaces or tabs between them), see {@link joinFragments}. */
export function repairSpacedWords(text: string, lexicon: Lexicon): string {
  const parts = text.split(/([ \t]+)/u)
  const out: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const next = parts[i + 2]
    if (i % 2 === 0 && next !== undefined && part !== '') {
      const gap = parts[i + 1]!
      if (gap === ' ' || gap.includes('\t')) {
        const head = /^(.*?)(\p{L}+)$/u.exec(part)
        const tail = /^(\p{L}+)(\P{L}*)$/u.exec(next)
        const joined = head && tail ? joinFragments(head[2]!, tail[1]!, lexicon) : null
        if (joined !== null) {
          parts[i + 2] = head![1]! + joined + tail![2]!
          i++
          continue
        }
      }
    }
    out.push(part)
  }
  return out.join('')
}
