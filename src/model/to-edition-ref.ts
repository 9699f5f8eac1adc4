import type {Edition, EditionRef} from './edition.js'

/** The identity and size of an edition, shared by `wpdiff/outline@1`, `compare@1` and `history@1`. */
export function toEditionRef(edition: Edition): EditionRef {
  const {series, edition: label, year, title, language, words} = edition
  return {series, edition: label, year, title, language, words}
}
