/**
 * Stop words per language: the `stopword` package's lists, keyed by ISO 639-3 there, plus a few
 * words its English list lacks that would otherwise top every policy document's term list.
 */
import * as stopword from 'stopword'

// BCP 47 base subtag → the package's list name. Only languages the corpora and users are expected
// to bring; anything else gets no stop words (counts stay correct, top lists get noisier).
const listNames: Record<string, string> = {
  en: 'eng', ko: 'kor', ja: 'jpn', zh: 'zho', fr: 'fra', de: 'deu', es: 'spa', it: 'ita', pt: 'por',
  nl: 'nld', ru: 'rus', fa: 'fas', id: 'ind', ar: 'ara', pl: 'pol', sv: 'swe', tr: 'tur', vi: 'vie'
}

// Missing from the package's 108-word English list, yet function words in every edition we read.
const extraEnglish = [
  'will', 'not', 'no', 'nor', 'its', "it's", 'us', 'all', 'so', 'also', 'shall', 'may', 'upon', 'yet', 'every',
  'own', 'against', 'during', 'within', 'without', 'toward', 'towards', 'among', 'across', 'let', 'whose',
  'whom', 'onto', 'per', 'via', 'ours', 'ourselves', 'themselves', 'itself', 'herself', 'yours', 'few',
  'once', 'again', 'further', 'above', 'below', 'off', 'down', 'why', 'just', 'don', 's', 't', 'ever'
]

const cache = new Map<string, ReadonlySet<string>>()

/**
 * The stop words of `language` (a BCP 47 tag), normalised like counted tokens (NFKC, lower case).
 * Multi-word entries of a list are left out: stop words are matched token by token.
 */
export function stopWords(language: string): ReadonlySet<string> {
  const base = language.toLowerCase().split('-')[0] ?? ''
  let set = cache.get(base)
  if (set) return set
  const name = listNames[base]
  const list = name ? ((stopword as unknown as Record<string, string[] | undefined>)[name] ?? []) : []
  const words = base === 'en' ? [...list, ...extraEnglish] : list
  set = new Set(words.filter((word) => !/\s/u.test(word)).map((word) => word.normalize('NFKC').toLowerCase()))
  cache.set(base, set)
  return set
}
