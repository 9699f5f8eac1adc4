/**
 * Word sometimes draws the last digit of a list number twice, as its own text object right after
 * the first (OpenChain 2.1 ja prints its definitions `2.11`, `2.22` … `2.99` where the Korean
 * edition prints `2.1` … `2.9`; the page shows the doubled digits too). Read alone, each looks like
 * a valid number; read as a series, siblings whose last group is the same digit twice, counting
 * 11, 22, 33 … from 11, are one-digit numbers printed twice.
 */
import type {Message} from '../model/edition.js'
import {parseNumbering} from '../text/parse-numbering.js'

/** Fewer doubled numbers than this in a row could be real numbers (`2.11` after `2.10`); three counting from 11 cannot. */
const minDoubled = 3

const doubled = /^(\d{1,3}(?:\.\d{1,3})*\.)(\d)\2$/u

/** Result of {@link undoubleListNumbers}. */
export interface UndoubledHeadings {
  /** The heading texts, doubled last digits read once. */
  texts: string[]
  messages: Message[]
}

/** Heading texts in document order, with series of doubled last digits (`2.11`, `2.22`, `2.33`) read once (`2.1`, `2.2`, `2.3`). */
export function undoubleListNumbers(texts: readonly string[]): UndoubledHeadings {
  const labels = texts.map((text) => parseNumbering(text).numbering)
  const present = new Set(labels.filter((label): label is string => label !== null).map((label) => label.replace(/\.$/u, '')))
  // Per prefix (`2.`), the headings whose last group is one digit twice, in document order.
  const series = new Map<string, number[]>()
  for (const [index, label] of labels.entries()) {
    const match = label === null ? null : doubled.exec(label)
    if (match) series.set(match[1]!, [...(series.get(match[1]!) ?? []), index])
  }
  const out = [...texts]
  const messages: Message[] = []
  for (const [prefix, indexes] of series) {
    const digits = indexes.map((index) => Number(doubled.exec(labels[index]!)![2]))
    const counting = digits.every((digit, k) => digit === k + 1)
    // A real `2.1` beside `2.11` means the numbers are what they say.
    const clash = digits.some((digit) => present.has(`${prefix}${digit}`))
    if (indexes.length < minDoubled || !counting || clash) continue
    for (const [k, index] of indexes.entries()) out[index] = `${prefix}${k + 1}${texts[index]!.trimStart().slice(labels[index]!.length)}`
    messages.push({
      severity: 'info',
      code: 'doubled-list-number',
      text: `headings ${labels[indexes[0]!]}…${labels[indexes.at(-1)!]} print their last digit twice: read as ${prefix}1…${prefix}${indexes.length}`,
      actual: texts[indexes[0]!]!
    })
  }
  return {texts: out, messages}
}
