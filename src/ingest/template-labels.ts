/**
 * The sub-headings of a fixed template, printed as bold labels on lines of their own under every
 * numbered section (`검증 결과물:` and `이유:` under each of OpenChain 1.1's requirements: its
 * verification materials and its rationale). A label once is a run-in label (`Contributors:`); the
 * same label opening a block in section after section is the template's own heading, as the
 * Japanese editions' bookmarks and the other Korean editions' heading tags make it. OpenChain 1.1 ko
 * tags these lines `P` where 1.0 and 1.2 tag them `H4`.
 */
import {parseNumbering} from '../text/parse-numbering.js'
import {notHeading} from './classify-pdf-lines.js'

/** What {@link templateLabels} reads of a line. */
export interface LabelLine {
  text: string
  page: number
  bold: boolean
  /** Another line shares this baseline (a table row). */
  inRow: boolean
}

/** A label in fewer sections than this is a label here and there, not a template's. */
const minSections = 3
/** A label is a word or two (`검증 결과물`, `証跡となる資料`, `Rationale`). */
const maxLabelChars = 30

/** The words of a line that may be a template label, without the colon it may end in, or null. */
function labelWords(line: LabelLine, colon: boolean): string | null {
  if (colon && !/[:：]$/u.test(line.text.trim())) return null
  const words = line.text.trim().replace(/[:：]$/u, '')
  if (!line.bold || line.inRow || words === '' || [...words].length > maxLabelChars || /[:：]/u.test(words)) return null
  return notHeading(words) === null && parseNumbering(words).numbering === null ? words : null
}

/**
 * The lines that are template labels: bold, alone on their line, a word or two with or without a
 * colon (2.0 ja prints `論拠` nine times and `論拠:` three), followed by more than another label, with
 * the same words in at least {@link minSections} sections, one copy a section at most.
 * `opensSection(line)` tells the lines that start a section (a requirement's heading); with `colon`,
 * only lines that end in a colon are labels (in untagged type a bold line without one is judged as
 * any other line set in bold).
 */
export function templateLabels<T extends LabelLine>(lines: readonly T[], opensSection: (line: T) => boolean, colon = false): Set<T> {
  const bySection = new Map<string, Array<{section: number; line: T}>>()
  let section = 0
  lines.forEach((line, index) => {
    if (opensSection(line)) {
      section++
      return
    }
    const words = labelWords(line, colon)
    const next = lines[index + 1]
    if (words === null || next === undefined || opensSection(next) || labelWords(next, colon) !== null) return
    const copies = bySection.get(words)
    if (copies) copies.push({section, line})
    else bySection.set(words, [{section, line}])
  })
  const out = new Set<T>()
  for (const copies of bySection.values()) {
    const sections = new Set(copies.map((copy) => copy.section))
    // Two copies in one section are a list's labels, not one sub-heading each; none before the first section.
    if (sections.size < minSections || sections.size !== copies.length || sections.has(0)) continue
    for (const {line} of copies) out.add(line)
  }
  return out
}
