/**
 * Which writing system dominates a text: decides how words are counted and tokenised when the
 * edition's language tag is missing or generic.
 */
export type Script = 'hangul' | 'han' | 'kana' | 'latin' | 'other'

const nonAscii = /[^\x00-\x7f]/

/** Whether `text` is all ASCII: NFKC leaves it as it is, and ASCII-only patterns apply. */
export function isAscii(text: string): boolean {
  return !nonAscii.test(text)
}

const hangul = /\p{Script=Hangul}/gu
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu
const han = /\p{Script=Han}/gu
const letter = /\p{L}/gu

/** The dominant script of `text`, judged on its first 20,000 characters. */
export function detectScript(text: string): Script {
  const sample = text.slice(0, 20_000)
  const letters = sample.match(letter)?.length ?? 0
  if (letters === 0) return 'other'
  const ko = sample.match(hangul)?.length ?? 0
  const ja = sample.match(kana)?.length ?? 0
  const zh = sample.match(han)?.length ?? 0
  // Japanese mixes kana with Han; a modest share of kana is the tell.
  if (ko / letters > 0.3) return 'hangul'
  if (ja / letters > 0.1) return 'kana'
  if ((zh + ja) / letters > 0.3) return 'han'
  return 'latin'
}

/** A BCP 47 tag guessed from the script: `ko`, `ja`, `zh`, else `en`. */
export function guessLanguage(text: string): string {
  switch (detectScript(text)) {
    case 'hangul':
      return 'ko'
    case 'kana':
      return 'ja'
    case 'han':
      return 'zh'
    default:
      return 'en'
  }
}
