/**
 * Split a heading into its numbering label and its title. Numbering is what editions renumber
 * (`Section 2` → `Section 3`, `A5:2017` → `A01:2021`); the title is what aligners compare.
 */
export interface ParsedHeading {
  /** The label as printed (`Chapter II`, `A01:2021`, `7.4.1.2`, `제1장`, `第2節`), or null. */
  numbering: string | null
  /** The heading without the label and the separator after it. */
  title: string
}

const roman = '(?:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))'
const wordNumber =
  '(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)'
const cjkDigits = '[0-9０-９一二三四五六七八九十百零〇]+'

// Ordered: the first pattern that matches at the start of the heading wins. Each captures the
// whole label; what follows must be a separator or the end of the heading.
const patterns: RegExp[] = [
  // Chapter II, Section 3, Part Two, Annex A, Appendix B.1, Article 12
  new RegExp(
    `^((?:Chapter|Section|Part|Annex|Appendix|Article|Title|Book|Volume|Chap\\.|Sec\\.|Art\\.)\\s+(?:${roman}|\\d+(?:\\.\\d+)*|${wordNumber}|[A-Z](?:\\.\\d+)*))(?=$|[\\s.:–—-])`,
    'iu'
  ),
  // Korean: 제1장, 제2절, 제3편, 제 4 조, and a statute's articles with their run-in titles: 제1조(목적), 제2조의2(정의)
  /^(제\s*\d+\s*조의\s*\d+|제\s*\d+\s*[장절편부관조항])(?=$|[\s.:(（])/u,
  // Japanese/Chinese: 第1章, 第二節, 第3部
  new RegExp(`^(第${cjkDigits}[章節节部編编条條款篇])(?=$|[\\s.:：、])`, 'u'),
  // OWASP style: A01:2021, A1:2017, API1:2023, LLM01:2025, M3:2016
  /^([A-Z]{1,4}\d{1,2}:\d{4})(?=$|[\s.:–—-])/u,
  // Dotted decimal with optional trailing dot: 7.4.1.2, 7.4.1.2., 1., 12)
  /^(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])(?=$|\s)/u,
  // Letter + decimals: A.1, B.2.3, A1.2
  /^([A-Z]\.?\d{1,3}(?:\.\d{1,3})*\.?)(?=\s)/u,
  // Roman numeral followed by a dot: IV., XII.
  new RegExp(`^((?=[IVXLCDM])${roman}\\.)(?=\\s)`, 'u'),
  // Appendix letter followed by a dot: A. Protocol Constant Values (RFC style)
  /^([A-Z]\.)(?=\s+\p{Lu})/u,
  // Korean list markers: 가., 나), (1), ①
  /^([가나다라마바사아자차카타파하][.)])(?=\s)/u,
  /^(\(\d{1,3}\)|\([가-하]\)|[①-⑳])(?=$|\s)/u,
  // Chinese/Japanese enumerators: 一、 (一) （一）
  /^((?:[一二三四五六七八九十]+、)|(?:[（(][一二三四五六七八九十]+[)）]))/u,
  // Japanese list numbers before a title set without a space: 1）はじめに, （2）目的, ３）適用範囲, 4)Outside-In の視点
  /^([0-9０-９]{1,3}[)）]|[（(][0-9０-９]{1,3}[)）])(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|\p{sc=Latin}\S*\s+[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/u,
  // Japanese section numbers in full-width digits, spaced or not: １ 概要, １.１サービスデザインとは, ５．３ デザイン原則, ２.３ Lesson Learned
  /^([０-９]{1,3}(?:[.．][０-９]{1,3})*)(?=\s*[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|\s+\p{sc=Latin})/u,
  /^([0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})+)(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/u,
  // A bare number followed by a space and text: "1 Introduction" (RFC and report style)
  /^(\d{1,3})(?=\s+\p{Lu})/u,
  // …and before Korean or Japanese, which have no capitals: `1 적용 범위`, `2 用語と定義` (ISO style, OpenChain 2.1)
  /^(\d{1,3})(?=\s+[\p{sc=Hangul}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/u,
  // Annexes in Korean and Japanese: 부록 A, 부속서 B, 附属書 A
  /^((?:부록|부속서|附属書|付属書|附录|附錄)\s+(?:[A-Z]|[IVX]{1,4}|\d{1,2})(?:\.\d+)*)(?=$|[\s.:：(（])/u
]

// Between label and title: spaces, and at most one of `:`, `.`, `–`, `—`, `-`, `|`.
const separator = /^\s*[:.\-–—|]?\s*/u
// Word's automatic list number (`1)`, `2.`, `3）`) printed before a named Korean or CJK label.
const listNumber = /^[0-9０-９]{1,3}[.)）]$/u
const namedLabel = new RegExp(`^(제\\s*\\d+\\s*[장절편부관조항]|第${cjkDigits}[章節节部編编条條款篇])(?=$|[\\s.:：、])`, 'u')

// A PDF's layout asks for the numbering of the same lines again and again (its heading tests, the
// contents match, the document build, the section tree): the 332-page KISA guide makes some 21,000
// calls for 3,900 texts, each trying every pattern below. The answer depends on the text alone, so
// it is kept, bounded, and handed out as a copy that a caller may change.
const parsed = new Map<string, ParsedHeading>()
const maxRemembered = 20_000

/** Split `heading` into numbering and title. */
export function parseNumbering(heading: string): ParsedHeading {
  let known = parsed.get(heading)
  if (known === undefined) {
    if (parsed.size >= maxRemembered) parsed.clear()
    known = splitNumbering(heading)
    parsed.set(heading, known)
  }
  return {numbering: known.numbering, title: known.title}
}

function splitNumbering(heading: string): ParsedHeading {
  const text = heading.trim()
  for (const pattern of patterns) {
    const match = pattern.exec(text)
    if (!match?.[1]) continue
    let label = match[1]
    let rest = text.slice(label.length).replace(separator, '')
    // `1) 제 1 절 소개`: the list number and the section label both number the heading; `소개` is its title.
    const named = listNumber.test(label) ? namedLabel.exec(rest) : null
    if (named) {
      label = `${label} ${named[1]!}`
      rest = rest.slice(named[1]!.length).replace(separator, '')
    }
    // An article's title is printed in brackets right after its number (`제1조(목적)`): the words inside are the title.
    const bracketed = /조(?:의\s*\d+)?$/u.test(label) ? /^[(（]([^()（）]+)[)）]$/u.exec(rest) : null
    // A heading that is nothing but a number ("2020") is a title, not a numbering.
    if (rest === '' && /^\d{4}$/u.test(label)) break
    return {numbering: label.replace(/\s+/gu, ' '), title: bracketed ? bracketed[1]!.trim() : rest}
  }
  return {numbering: null, title: text}
}
