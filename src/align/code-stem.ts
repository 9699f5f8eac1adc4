/** A year (1800-2199), a span of years (2019-2020, 2019–20) or a date (2016-07-27) standing alone. */
export const yearOrDate = /(?<![\p{L}\p{N}])(?:1[89]|2[01])\d\d(?:-\d\d-\d\d|[–—-](?:(?:1[89]|2[01])?\d\d))?(?![\p{L}\p{N}])/gu

/**
 * A numbering code with its years and leading zeros dropped (`API04:2019` → `API4:`), the part that
 * names one section across editions; null without a code or for a code without a letter: `5.` or
 * `2.3` is a place in a list, which a removed section leaves free for another.
 */
export function codeStem(numbering: string | null): string | null {
  if (numbering === null || !/\p{L}/u.test(numbering)) return null
  return numbering.replace(yearOrDate, '').replace(/(?<!\d)0+(?=\d)/gu, '')
}
