/**
 * A URL- and id-safe slug of any script: lower case, NFKC, letters and digits kept (Hangul, Han and
 * kana included), every other run of characters one `-`.
 */
export function toSlug(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
  return slug === '' ? 'section' : slug.slice(0, 80).replace(/-+$/u, '')
}
