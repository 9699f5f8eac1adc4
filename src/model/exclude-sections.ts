import type {Edition, Message, Section} from './edition.js'

/** What {@link excludeSections} returns. */
export interface ExcludeResult {
  /** The editions without the excluded sections (the same objects when nothing matched). */
  editions: Edition[]
  /** How many sections each pattern left out, over all editions, in the order of the patterns. */
  counts: number[]
  /** An `info` per edition that lost sections; a `warning` per pattern that matched nothing anywhere. */
  messages: Message[]
}

/** The name a pattern gives the untitled text before the first heading (as compare lists it). */
export const preamblePattern = '(preamble)'

/**
 * A pattern as a whole-string, case-insensitive regular expression: `*` any run of characters,
 * `?` one character, everything else literal. Glob-like rather than regex, because headings are
 * full of regex syntax (`A1:2017 (Injection)`, `1.2`, `Q&A?`).
 */
function toMatcher(pattern: string): RegExp {
  const body = [...pattern].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/u, '\\$&'))).join('')
  return new RegExp(`^${body}$`, 'iu')
}

/**
 * Whether a pattern names a section: a pattern holding `/` is matched against the section's path
 * (headings from the top, joined by `/`), any other against its heading alone or its title without
 * the numbering, at any depth (as `.gitignore` matches a name without a slash in any folder).
 */
function matches(pattern: {text: string; matcher: RegExp}, section: Section, path: string[]): boolean {
  if (pattern.text.includes('/')) return pattern.matcher.test(path.join('/'))
  return pattern.matcher.test(section.heading) || (section.title !== '' && pattern.matcher.test(section.title))
}

/**
 * Leave out the sections a reader does not want compared (acknowledgements, contributors, index,
 * licence pages): every section a pattern names goes with all its sub-sections, and word counts
 * are summed again. `(preamble)` names the untitled text before the first heading. Pure.
 */
export function excludeSections(editions: readonly Edition[], patterns: readonly string[]): ExcludeResult {
  const compiled = patterns.map((text) => ({text, matcher: toMatcher(text)}))
  const counts = patterns.map(() => 0)
  const messages: Message[] = []
  const out = editions.map((edition) => {
    if (compiled.length === 0) return edition
    let dropped = 0
    let droppedWords = 0
    // The first pattern that names a section is the one counted for it.
    const which = (section: Section, path: string[]): number => compiled.findIndex((pattern) => matches(pattern, section, path))
    const keep = (sections: Section[], parents: string[]): Section[] =>
      sections.flatMap((section) => {
        const path = [...parents, section.heading]
        const hit = which(section, path)
        if (hit >= 0) {
          counts[hit]!++
          dropped++
          droppedWords += section.totalWords
          return []
        }
        const children = keep(section.children, path)
        if (children.length === section.children.length && children.every((child, i) => child === section.children[i])) return [section]
        return [{...section, children, totalWords: section.words + children.reduce((sum, child) => sum + child.totalWords, 0)}]
      })
    const sections = keep(edition.sections, [])
    const preambleHit = edition.preamble.length > 0 ? compiled.findIndex((pattern) => pattern.matcher.test(preamblePattern)) : -1
    if (preambleHit >= 0) {
      counts[preambleHit]!++
      dropped++
      droppedWords += edition.preambleWords
    }
    if (dropped === 0) return edition
    const preambleWords = preambleHit >= 0 ? 0 : edition.preambleWords
    messages.push({
      severity: 'info',
      code: 'sections-excluded',
      text: `${edition.edition}: left out ${dropped} section${dropped === 1 ? '' : 's'} (${droppedWords} words) named by --exclude`
    })
    return {
      ...edition,
      preamble: preambleHit >= 0 ? [] : edition.preamble,
      preambleWords,
      sections,
      words: preambleWords + sections.reduce((sum, section) => sum + section.totalWords, 0)
    }
  })
  counts.forEach((count, index) => {
    if (count === 0 && editions.length > 0) {
      messages.push({
        severity: 'warning',
        code: 'exclude-matched-nothing',
        text: `exclude pattern '${patterns[index]}' names no section (patterns are whole headings with * and ?, or heading paths joined by /)`,
        actual: patterns[index]!
      })
    }
  })
  return {editions: out, counts, messages}
}
