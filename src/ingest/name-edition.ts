import type {Block, Edition, Section} from '../model/edition.js'
import {blocksToText} from '../model/blocks-to-text.js'
import {yearIn} from '../text/year-in.js'

/**
 * How an edition is named when its front matter does not say: the label and year from the file
 * name, else the year from the cover; a title short enough for a page heading. Pure rules, so
 * every command (and `wpdiff ingest`) names a file the same way, and tests pin them on real names.
 */

/** What a file name says about its edition. */
export interface NameParts {
  /** The edition label: the name from its first version or dated token on (`2021`, `v1-2020`, `4.0.3`, `Nov2020`), else the whole name. */
  label: string
  /** A 19xx/20xx year in the label, else in the rest of the name; null when the name has none. */
  year: number | null
  /** A language tag after a dot (`2020.zh-CN.pdf`), or after `_`/`-` when it is a known language (`ASVS_4.0.3_ko.pdf`). */
  language: string | null
  /** The words before the label (`owasp-top10-2021.pdf` → `owasp-top10`), which name the series; null when the label starts the name. */
  series: string | null
}

// A tag after a dot is taken as a language whatever it is (as `wpdiff ingest` always has); after `_`
// or `-` only a two-letter code a language list knows, since `-v2` or `-fr` ends many plain names.
const dotLanguage = /\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?)$/u
const joinedLanguage = /[_-]([a-z]{2}(?:-[A-Z]{2}|-Hans|-Hant)?)$/u
// A version (`v1`, `4.0.3`, `rev2`, `1.0a`) or a year: where the label of a name starts.
const versionToken = /^(?:v|ver|version|rev|r|ed)?\.?\d+(?:\.\d+)*[a-z]?$/iu

// Made on first use: making it loads the locale's display names (17 ms of CPU), which a file named
// `2021.en.pdf` or kept in a folder not named as a language never needs.
let languageNames: Intl.DisplayNames | null = null

function isKnownLanguage(tag: string): boolean {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'})
    return languageNames.of(tag) !== undefined
  } catch {
    return false
  }
}

/**
 * Label, year and language from a file name: `2021.pdf` → 2021; `owasp-top10-2021.pdf` → 2021
 * (the words before the first version or year name the series, not the edition); `v1-2020.pdf` →
 * v1-2020, year 2020; `ASVS_4.0.3_ko.pdf` → 4.0.3, ko; `guide.md` → guide (no version: the name).
 */
export function nameParts(fileName: string): NameParts {
  const base = fileName.split(/[\\/]/u).pop() ?? fileName
  let stem = base.replace(/\.[A-Za-z0-9]+$/u, '')
  let language: string | null = null
  const dotted = dotLanguage.exec(stem)
  const joined = dotted ? null : joinedLanguage.exec(stem)
  if (dotted) language = dotted[1]!
  else if (joined && joined.index > 0 && isKnownLanguage(joined[1]!)) language = joined[1]!
  if (language !== null) stem = stem.slice(0, stem.length - language.length - 1)
  const tokens = [...stem.matchAll(/[^\s_-]+/gu)]
  const first = tokens.find((token) => versionToken.test(token[0]) || yearIn(token[0]) !== null)
  const label = first ? stem.slice(first.index) : stem
  const series = first ? stem.slice(0, first.index).replace(/[\s_-]+$/u, '') : ''
  return {label: label || stem, year: yearIn(label) ?? yearIn(stem), language, series: series || null}
}

/**
 * A folder named as a language (`ko/`, `ja/`, `zh-CN/`) sorts documents by language, so it names no
 * series: a file in it is named by its own words (`ko/msit-ai-impact-assessment-guideline-2026.pdf`
 * is the series `msit-ai-impact-assessment-guideline`, edition 2026).
 */
export function isLanguageFolder(name: string): boolean {
  return /^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/u.test(name) && isKnownLanguage(name)
}

/** Pages at the front of a document where its date is printed: the cover, the title page, the imprint. */
export const coverPages = 3
// `© 2016`, `Copyright 2016–2018`, `(c) Joint Development Foundation 2020`: the line that dates a document.
const copyrightLine = /(?:©|\(c\)|copyright)[^\n]*/giu

/**
 * The year printed on the cover: in the title, else the first year on the first page, else the
 * latest year of a copyright line on the first pages. Null when none is there.
 */
export function yearOnCover(edition: Edition): number | null {
  const inTitle = yearIn(edition.title)
  if (inTitle !== null) return inTitle
  const pages = frontPages(edition)
  const onCover = yearIn(pages.get(1) ?? '')
  if (onCover !== null) return onCover
  for (const text of pages.values()) {
    const year = copyrightYear(text)
    if (year !== null) return year
  }
  return null
}

/** The latest year of the first copyright line in `text` that names one, or null. */
export function copyrightYear(text: string): number | null {
  for (const [line] of text.matchAll(copyrightLine)) {
    const years = [...line.matchAll(/(?:^|\D)((?:19|20)\d\d)(?=\D|$)/gu)].map((match) => Number(match[1]))
    if (years.length > 0) return years.reduce((a, b) => Math.max(a, b))
  }
  return null
}

/** Text of each of the first {@link coverPages} pages that has any (headings included), by page number, in order. */
function frontPages(edition: Edition): Map<number, string> {
  const pages = new Map<number, string[]>()
  let page = 1
  const add = (text: string) => {
    if (page > coverPages || text === '') return
    // Appended in place: copying the list for each block made an unpaginated edition, all of it
    // page 1, quadratic (20,000 headings took 20 s here).
    const texts = pages.get(page)
    if (texts) texts.push(text)
    else pages.set(page, [text])
  }
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      const blockPage = (block.data as {page?: unknown} | undefined)?.page
      if (typeof blockPage === 'number') page = blockPage
      add(blocksToText([block]))
    }
  }
  const walk = (section: Section) => {
    if (section.page !== null) page = section.page
    add(section.heading)
    visit(section.blocks)
    for (const child of section.children) walk(child)
  }
  visit(edition.preamble)
  for (const section of edition.sections) walk(section)
  return new Map([...pages.keys()].sort((a, b) => a - b).map((key) => [key, pages.get(key)!.join('\n')]))
}

/** Longest edition title that still fits a page heading on one line beside "what changed from … to …". */
export const maxTitleLength = 80

/**
 * A title fit for page headings: whitespace collapsed, cut at a word before {@link maxTitleLength}
 * characters; the stand-in `<series> <label>` that ingest makes when a document names no title
 * becomes the series name in words (`supply-chain` → `Supply chain`), as the label is shown beside it.
 */
export function shortTitle(title: string, edition: Pick<Edition, 'series' | 'edition'>): string {
  let text = title.replace(/\s+/gu, ' ').trim()
  if (text === `${edition.series} ${edition.edition}` && edition.series !== '') {
    const words = edition.series.replace(/[-_]+/gu, ' ').trim()
    text = words.charAt(0).toUpperCase() + words.slice(1)
  }
  if (text.length <= maxTitleLength) return text
  const cut = text.slice(0, maxTitleLength)
  const space = cut.lastIndexOf(' ')
  return `${(space > maxTitleLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`
}
