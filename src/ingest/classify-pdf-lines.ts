/**
 * Lines of a PDF that look like headings by their type (large, bold, alone) but are something else
 * by what they say or what they are set in: a list item whose bullet is a glyph of a symbol font
 * (Wingdings `l`, `Ÿ`, `§`, read as letters) or any other bullet (but not `§`, which numbers
 * sections of laws), a bullet or number alone, a metadata label
 * (`Contributors:`), a tag (`(New in v2)`), a cover or back-cover line (`#CNCFSECURITYTAG`,
 * `GITHUB.COM/CNCF/TAG-SECURITY`).
 */

/** Why a line in heading type is not a heading, or null when nothing here speaks against it. */
export type NotHeading = 'bullet' | 'mark-only' | 'label' | 'tag' | 'boilerplate'

/** Fonts whose glyphs are pictures (bullets, arrows, check marks), not letters, whatever code they map to. */
const symbolFont = /wingdings|webdings|dingbats|zapf|symbol|marlett|mt-?extra|bookshelf/iu
/** A bullet in a symbol font is one glyph, maybe two (`Ÿ `, `l`, `§§`). */
const maxBulletGlyphs = 2

/**
 * True when a line's first run is a bullet drawn in a symbol font: `fontName` is that run's font,
 * `text` its text. Its text says nothing (`l` is a black circle in Wingdings).
 */
export function isSymbolBullet(fontName: string, text: string): boolean {
  const glyphs = [...text.trim()]
  return symbolFont.test(fontName) && glyphs.length > 0 && glyphs.length <= maxBulletGlyphs
}

/** Bullets and reference marks that open a list item or a note in any font; a dash before a word (not `-1`). */
export const listMark = /^(?:[•◦▪‣●○■□◆◇▶►▸✓✔❖➢➤※·\u2023\u2043\u204C\u204D\u25A0-\u25FF]|[-–‐](?!\p{N}))/u
/** Only numbers, bullets and punctuation: a page number, a list number, a bullet on a line of its own. */
const markOnly = /^[\p{N}\p{P}\p{S}\s]*$/u
/** A word or two and a colon: `Contributors:`, `Reviewers:`, `참고:`. */
const label = /^[^:：]{1,40}[:：]$/u
/** All in brackets: `(New in v2)`, `[Draft]`. */
const tag = /^[([{（［【][^()[\]{}（）［］【】]*[)\]}）］】]$/u
/** One token that is a hashtag, a web address or a domain path (cover and back-cover lines). */
const boilerplate = /^(?:#[\p{L}\p{N}_]+|(?:https?:\/\/)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:\/\S*)?|\S+@\S+\.\S+)$/iu

/** Why `text` (a line or a run of heading lines, joined) cannot be a heading, or null. */
export function notHeading(text: string): NotHeading | null {
  const trimmed = text.trim()
  if (markOnly.test(trimmed)) return 'mark-only'
  if (listMark.test(trimmed)) return 'bullet'
  if (label.test(trimmed)) return 'label'
  if (tag.test(trimmed)) return 'tag'
  if (boilerplate.test(trimmed)) return 'boilerplate'
  return null
}
