import type {Edition} from './edition.js'

/** Oldest first: by year (unknown years last), then by edition label in natural order (`v9` before `v10`). */
export function orderEditions<T extends Pick<Edition, 'year' | 'edition'>>(editions: readonly T[]): T[] {
  return [...editions].sort((a, b) => {
    const ya = a.year ?? Number.POSITIVE_INFINITY
    const yb = b.year ?? Number.POSITIVE_INFINITY
    if (ya !== yb) return ya - yb
    return a.edition.localeCompare(b.edition, 'en', {numeric: true})
  })
}
