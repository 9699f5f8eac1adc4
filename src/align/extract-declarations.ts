import type {SectionProfile} from './profile-sections.js'

/** What a new edition says about its own sections. */
export type DeclarationKind = 'merged' | 'renamed' | 'replaces' | 'new'

/** A statement of the new edition about a change, resolved to the sections it names. */
export interface Declaration {
  kind: DeclarationKind
  /** The sentence (or heading) that says it, as written, at most `maxSentence` characters. */
  sentence: string
  /** Indices of the old sections whose titles it names. */
  old: number[]
  /** Indices of the new sections whose titles it names (for a heading marked new: that section). */
  new: number[]
}

// Cue words, English and their Korean, Japanese and Chinese counterparts, and the French,
// Portuguese, Spanish, Indonesian and Persian of translated editions. Tried in this order:
// "formerly" and "renamed" before "merged" so that "X (formerly Y), merged…" reads as a rename.
const cuePatterns: [DeclarationKind, RegExp][] = [
  [
    'renamed',
    /\b(?:renamed|formerly|previously (?:called|known as)|anciennement|renommée?s?|renomead[oa]s?|renombrad[oa]s?|sebelumnya (?:bernama|disebut|dikenal))(?![\p{L}\p{N}])|\bpr[ée]c[ée]demment nomm[ée]|\banteriormente (?:denominad|designad|llamad|chamad)|名称変更|名称を変更|改称|이름 변경|명칭 변경|更名|改名/iu
  ],
  [
    'merged',
    /\b(?:merged|combined|consolidated|folded|combin(?:[ée]e?s?|ons|[áa]mos|ad[oa]s?)|fusionn(?:[ée]e?s?|ons)|fundid[oa]s?|fusionad[oa]s?|menggabungkan|digabung(?:kan)?)(?![\p{L}\p{N}])|\bnow (?:a )?part of\b|통합|統合|合并|合併|تلفیق|ادغام|ترکیبی از/iu
  ],
  ['replaces', /\b(?:replaces|replaced by|supersedes|superseded by)\b|대체|置き換え|取代/iu],
  ['new', /\bnew in (?:this|v\d|version|\d)|\bnew (?:category|section|chapter|requirement)\b|\bwe added\b|신규|新規|新設|新增/iu]
]

/** A cue pattern and its hint: the same pattern without its word boundaries (`\b`). */
export interface Cue {
  kind: DeclarationKind
  pattern: RegExp
  hint: RegExp
}

// `\b` under the `iu` flags makes V8 try the whole pattern at every character (some 50 ms a pattern
// on a 1 MB edition, against 2 ms without it). Dropping an assertion only lets more text match, so
// text the hint does not match cannot match the pattern: it is tried first, the pattern only on a hit.
export const cues: readonly Cue[] = cuePatterns.map(([kind, pattern]) => ({
  kind,
  pattern,
  hint: new RegExp(pattern.source.replaceAll(String.raw`\b`, ''), pattern.flags)
}))

/** Whether `text` holds the cue words of `cue`: `cue.pattern.test(text)`, mostly without running it. */
export function holdsCue(cue: Cue, text: string): boolean {
  return cue.hint.test(text) && cue.pattern.test(text)
}

const newCue = cues.find((cue) => cue.kind === 'new')!

/** Limits of declaration extraction. */
const limits = {
  /** A sentence quoted longer than this is cut: the report shows it on one line. */
  maxSentence: 240,
  /** Titles shorter than this (after normalising) name nothing reliably in running text ("Data", "API"). */
  minTitle: 6,
  /** Titles in CJK scripts are short words: two characters already name a section (統合 is not a title). */
  minCjkTitle: 3,
  /** A sentence naming more sections than this is a contents listing or prose about everything, no declaration. */
  maxNamed: 4,
  /** More declarations than this in one edition is no changelog but prose full of cue words. */
  maxDeclarations: 400
} as const

/** Text normalised the way title keys are: lower case, NFKC, runs of non-letters one space. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** Whether a title is distinctive and long enough to be looked for in running text. */
function nameable(profile: SectionProfile): boolean {
  const text = profile.title.text
  return !profile.generic && text.length >= (cjk.test(text) ? limits.minCjkTitle : limits.minTitle)
}

/** How a sentence can name a section: by its numbering code, or by its title (as a whole word outside CJK scripts). */
interface Name {
  index: number
  /** The numbering code when it is one a sentence can quote (`API3:2019`, `1.2`), else null. */
  code: string | null
  /** What a normalised sentence (spaced at both ends) must include to name it, or null when its title is not nameable. */
  title: string | null
}

// Made once per edition, not once per sentence and section: a long edition has a few thousand sections.
function toNames(profiles: readonly SectionProfile[]): Name[] {
  return profiles.map((p) => {
    const code = p.flat.section.numbering
    const text = p.title.text
    return {
      index: p.index,
      code: code !== null && /\d.*[:.]|[:.].*\d/u.test(code) ? code : null,
      title: nameable(p) ? (cjk.test(text) ? text : ` ${text} `) : null
    }
  })
}

/** Sections whose title (or numbering code) `sentence` names; CJK titles match anywhere, others as whole words. */
function named(sentence: string, names: readonly Name[]): number[] {
  const key = ` ${normalise(sentence)} `
  const codes = sentence.normalize('NFKC')
  const out: number[] = []
  for (const name of names)
    if ((name.code !== null && codes.includes(name.code)) || (name.title !== null && key.includes(name.title))) out.push(name.index)
  return out
}

/** Sentences of `text` holding a cue word (a cheap split: a changelog line is one sentence). */
function* cueSentences(text: string): Generator<[DeclarationKind, string]> {
  for (const sentence of text.split(/(?<=[.!?。！？])\s+|\n+|(?<=[。！？])/u)) {
    const cue = cues.find((c) => holdsCue(c, sentence))
    if (cue) yield [cue.kind, sentence.trim()]
  }
}

/**
 * The new edition's statements about its changes ("We've combined Excessive Data Exposure and Mass
 * Assignment…", "X is now part of Y", "formerly …", "(New in v2)" beside a heading, 통합/신규,
 * 統合/新規/名称変更, 合并/新增), each resolved to the old and new sections whose titles (or codes
 * like `API3:2019`) it names. A statement that names no section is dropped, except a heading that
 * marks its own section new.
 */
export function extractDeclarations(olds: readonly SectionProfile[], news: readonly SectionProfile[]): Declaration[] {
  const out: Declaration[] = []
  const quote = (sentence: string): string =>
    sentence.length <= limits.maxSentence ? sentence : `${sentence.slice(0, limits.maxSentence - 1).trimEnd()}…`
  let names: {old: Name[]; new: Name[]} | null = null
  for (const section of news) {
    if (out.length >= limits.maxDeclarations) break
    const heading = section.flat.section.heading
    if (holdsCue(newCue, heading)) out.push({kind: 'new', sentence: quote(heading), old: [], new: [section.index]})
    if (section.text === '' || !cues.some((cue) => holdsCue(cue, section.text))) continue
    for (const [kind, sentence] of cueSentences(section.text)) {
      names ??= {old: toNames(olds), new: toNames(news)}
      const old = named(sentence, names.old)
      // A new section named like an old one named beside it is that section still, not where it went.
      const oldTitles = new Set(old.map((a) => olds[a]!.title.text))
      const next = named(sentence, names.new).filter((b) => (b !== section.index && !oldTitles.has(news[b]!.title.text)) || kind === 'new')
      const total = old.length + next.length
      if (total === 0 || total > limits.maxNamed) continue
      out.push({kind, sentence: quote(sentence), old, new: next})
    }
  }
  return out
}
