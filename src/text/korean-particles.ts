/**
 * Korean particles (조사) and common endings (어미) that attach to the end of a space-separated word
 * (eojeol). Splitting them off lets a diff show 한반도의 → 한반도를 as a change of the particle only.
 *
 * This is a rule-based list, not a morphological analyser: it trades a few wrong splits of nouns
 * that happen to end in a particle-like syllable (전문가 → 전문 + 가) for having no dictionary. Such a
 * wrong split never loses text and only makes a redline one token finer.
 */

/** A particle or ending split off the end of a word, and whether it is safe after a one-syllable stem. */
interface Suffix {
  text: string
  /**
   * Syllables the stem must keep. Single syllables like 가, 이, 의, 도, 로, 과 also end ordinary
   * nouns (국가, 거리, 회의, 제도, 경로, 결과), so they need a stem of two syllables; longer or
   * unambiguous ones need one.
   */
  minStem: number
  /** The syllable the stem must end in, for an ending that follows one suffix only. */
  stemEnd?: string
}

const unambiguous = [
  // Case and topic particles
  '은',
  '는',
  '을',
  '를',
  '에',
  // Multi-syllable particles and their common combinations
  '에서',
  '에게',
  '한테',
  '까지',
  '부터',
  '으로',
  '보다',
  '처럼',
  '마다',
  '조차',
  '밖에',
  '마저',
  '에서는',
  '에서도',
  '에서의',
  '에서만',
  '에게는',
  '에게도',
  '에게서',
  '으로는',
  '으로도',
  '으로서',
  '으로써',
  '으로의',
  '로서',
  '로써',
  '로는',
  '로도',
  '로의',
  '에는',
  '에도',
  '에만',
  '에의',
  '와의',
  '과의',
  '와는',
  '과는',
  '와도',
  '과도',
  '까지는',
  '까지의',
  '부터는',
  '이나',
  '이며',
  '이란',
  '이라는',
  '라는',
  '라고',
  '이라고',
  '이든',
  '든지',
  '께서',
  '이다',
  '입니다',
  '이고',
  '이지만',
  '에게만',
  // Common verb and adjective endings after a noun stem (사용합니다, 수집하는, 제공된)
  '합니다',
  '습니다',
  '됩니다',
  '했습니다',
  '하였습니다',
  '되었습니다',
  '됐습니다',
  '하는',
  '하고',
  '하며',
  '하여',
  '하기',
  '해야',
  '하지',
  '한다',
  '했다',
  '하였다',
  '된다',
  '되는',
  '되어',
  '되며',
  '되고',
  '되지',
  '되기',
  '하도록',
  '되도록',
  '하거나',
  '되거나',
  '하면',
  '되면',
  '하므로',
  '하기에',
  '함으로써',
  '할',
  '했던',
  '하던',
  '된'
]

// 께 (honorific "to") follows a person (고객께, 부모님께); after one syllable it is the end of 함께 "together".
const ambiguous = ['이', '가', '의', '도', '만', '로', '와', '과', '나', '들', '한', '함', '됨', '께']

/**
 * 인, the copula's adnominal form, after the suffix -적 "-ic" (일반적인, 효과적인 → 일반적 + 인): the
 * same word as 일반적으로 (일반적 + 으로) and 일반적 alone. After any other noun 인 is as often the
 * noun's own last syllable (개인, 확인, 원인), so it is split after 적 only.
 */
const afterSuffix: Suffix[] = [{text: '인', minStem: 2, stemEnd: '적'}]

const suffixes: Suffix[] = [
  ...unambiguous.map((text) => ({text, minStem: 1})),
  ...ambiguous.map((text) => ({text, minStem: 2})),
  ...afterSuffix
].sort((a, b) => b.text.length - a.text.length)

const hangulSyllable = /\p{Script=Hangul}$/u

/**
 * Split a Korean word into stem and trailing particle/ending: `한반도의` → [`한반도`, `의`],
 * `사용자들에게` → [`사용자`, `들에게`], `API를` → [`API`, `를`]. Returns the particle as `''` when the
 * word has none. The stem is never empty.
 */
export function splitKoreanParticle(word: string): [stem: string, particle: string] {
  const first = stripOnce(word)
  if (first === null) return [word, '']
  // The plural 들 stacks before a particle (사용자들의); strip it too so 사용자 stays the stem.
  const [stem, particle] = first
  if (stem.endsWith('들') && syllables(stem) - 1 >= 2) return [stem.slice(0, -1), `들${particle}`]
  return first
}

function stripOnce(word: string): [string, string] | null {
  for (const suffix of suffixes) {
    if (word.length <= suffix.text.length || !word.endsWith(suffix.text)) continue
    const stem = word.slice(0, word.length - suffix.text.length)
    if (suffix.stemEnd !== undefined && !stem.endsWith(suffix.stemEnd)) continue
    // A Latin or digit stem (API를) cannot be mistaken for a noun ending in a particle-like syllable.
    if (!hangulSyllable.test(stem)) return [stem, suffix.text]
    if (syllables(stem) >= suffix.minStem) return [stem, suffix.text]
  }
  return null
}

function syllables(text: string): number {
  let count = 0
  for (const char of text) if (/\p{Script=Hangul}/u.test(char)) count++
  return count
}
