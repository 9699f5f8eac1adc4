/**
 * Character clean-up for text that came out of a PDF. Full NFKC would also turn `①` into `1` and
 * full-width CJK punctuation into ASCII, which destroys numbering labels and changes text that the
 * Markdown path keeps as printed; so only the forms a PDF introduces by accident are folded:
 * ligatures (`ﬁ` → `fi`), odd spaces, half-width katakana, and invisible characters (soft hyphen,
 * zero-width space, BOM) are dropped.
 */
const foldable = /[\uFB00-\uFB4F\u00A0\u2000-\u200A\u202F\u205F\u3000\uFF61-\uFF9F]/gu
const invisible = /\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/gu

/** Text with PDF-introduced compatibility characters folded (see the module comment). */
export function normalizeChars(text: string): string {
  return text.replace(invisible, '').replace(foldable, (ch) => (/\s/u.test(ch) ? ' ' : ch.normalize('NFKC')))
}
