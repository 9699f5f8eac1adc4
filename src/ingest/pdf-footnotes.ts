/**
 * Footnotes and raised tags on one page, from its runs. A footnote marker is a short run of digits
 * (or `*`, `†`, `‡`) set much smaller than the text beside it: raised after a word it is a
 * reference, folded into that word's run as a {@link footnoteToken}; at the start of a line of small
 * print (or of body-size print, when the page refers to that label: Word) it opens the note, whose
 * runs are taken out of the body and returned on their own. Word may set the reference itself in
 * body type on the body's baseline (`기간` + `1 `): a digit glued to a word's end is that reference
 * when a small marker with its label opens a note lower on the page. Hwp prints the label in the note's own
 * run (`8) 헌재 …`), which opens a note when the page refers to it. Any other
 * small raised run touching the end of a larger one (`Secure Defaults` + `(New in v2)`) is part of
 * that line: it is folded in as text, so it never stands alone as a line, a paragraph or a heading.
 */
import {footnoteToken} from './build-document.js'
import type {PdfTextItem} from './pdf.js'

/** One footnote of a page: its printed label and the runs of its text, in reading order. */
export interface PageFootnote {
  label: string
  /** Baseline of the note's marker, from the page top. */
  y: number
  items: PdfTextItem[]
}

/** What {@link findFootnotes} returns. */
export interface PageFootnotes {
  /** The page's runs without the notes, references and raised tags folded into the runs they follow. */
  body: PdfTextItem[]
  notes: PageFootnote[]
}

/** A marker is set at most this share of the size of the text it stands beside (InDesign and Word set 58–65 %, Hwp 76 %). */
const markerScale = 0.8
/** A run under this share of its neighbour's size is no superscript of it: a display letter set down the margin (`C`, `o`, `n`… of `Contents` at 48 pt) beside 12 pt text. */
const minMarkerScale = 0.4
/** A raised run's baseline sits at least this share of the neighbour's size above the neighbour's (a plain size change does not). */
const minRise = 0.15
/** ... and less than this share above it (more is a line of its own). */
const maxRise = 1
/** A marker touches its word: at most this share of the word's font size between them (no word space). */
const touchGap = 0.5
/** A raised run further than this share of the font size from the run it follows is a word of its own, not an ending. */
const wordGap = 0.1
/** A note's text starts at most this share of its font size after its marker (Word puts a space or a tab between them). */
const noteGap = 1
/** A note's text is smaller than the page's body text by at least this share (small print, not a numbered body line). */
const noteScale = 0.92
/** Sizes within this many points are one note style (a run of 6.5 pt beside one of 6.48 pt). */
const sameSize = 0.6
/** Baselines closer than this share of the note's size are one line of it (a label and its text in two sizes sit a little apart). */
const sameLine = 0.35
/** A note ends at a vertical gap wider than this many of its font sizes (small print further down is something else). */
const noteLineGap = 2.5

const markerText = /^(?:\d{1,3}\)?|\*{1,3}|[†‡])$/u
/** A note printed with its label in the same run (Hwp: `8) 헌재 2003.10.30…`): the label and the rest. */
const labelledNote = /^\s*(\d{1,3}\)?|\*{1,3}|[†‡])\s+(\S.*)$/su

const right = (item: PdfTextItem): number => item.x + item.width
/** A marker's label without the parenthesis Hwp prints after it (`8)` is note 8). */
const labelOf = (marker: string): string => marker.trim().replace(/\)$/u, '')

/** The size most characters are set in: give it a whole document's runs (a page of endnotes is all small print). */
export function bodySize(items: readonly PdfTextItem[]): number {
  return heaviestSize(sizeWeights(items))
}

/** Characters per size (in half points) of `items`: what {@link bodySize} weighs, to be summed over pages read apart. */
export function sizeWeights(items: readonly PdfTextItem[]): Map<number, number> {
  const weight = new Map<number, number>()
  for (const item of items) {
    const size = Math.round(item.fontSize * 2) / 2
    weight.set(size, (weight.get(size) ?? 0) + item.text.trim().length)
  }
  return weight
}

/** The size carrying most characters in `weights` (the larger of two that carry as many), or 0 for none. */
export function heaviestSize(weights: ReadonlyMap<number, number>): number {
  return [...weights].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0
}

/** `small` is raised beside `big`: much smaller, its baseline a little above `big`'s. */
function raisedBeside(small: PdfTextItem, big: PdfTextItem): boolean {
  const rise = big.y - small.y
  return (
    small.fontSize <= markerScale * big.fontSize &&
    small.fontSize >= minMarkerScale * big.fontSize &&
    rise >= minRise * big.fontSize &&
    rise < maxRise * big.fontSize
  )
}

/** A reference set as a plain run of the body's type and baseline: its digits and the word they are glued to. */
interface GluedReference {
  run: PdfTextItem
  word: PdfTextItem
}

/**
 * The runs of `body` that may be a footnote reference set in body type (Word's OpenChain 2.1 ko:
 * `기간` + `1 ` on one baseline, both 9.6 pt): digits alone in their run, starting where a run that
 * ends in a letter stops, with no space between. A number a reader takes for a quantity stands
 * apart (`제 3 자`, `200 명`) or after a digit or a stop (`3.1`); only the marker at the page foot,
 * which names the label, makes one of these a reference. In reading order, top to bottom.
 */
function gluedReferences(
  body: readonly PdfTextItem[],
  gone: ReadonlySet<PdfTextItem>,
  near: (item: PdfTextItem, test: (other: PdfTextItem) => boolean) => PdfTextItem | undefined
): GluedReference[] {
  const out: GluedReference[] = []
  for (const run of body) {
    if (gone.has(run) || !/^\d{1,3}\s*$/u.test(run.text)) continue
    const word = near(
      run,
      (other) =>
        other !== run &&
        !gone.has(other) &&
        /\p{L}$/u.test(other.text) &&
        Math.abs(other.y - run.y) < sameLine * other.fontSize &&
        Math.abs(run.x - right(other)) <= touchGap * other.fontSize &&
        run.fontSize <= other.fontSize
    )
    if (word) out.push({run, word})
  }
  return out.sort((a, b) => a.run.y - b.run.y || a.run.x - b.run.x)
}

/**
 * Split a page's runs into body and footnotes (see the module comment); `size` is the document's
 * body text size ({@link bodySize}). Pure; the input is not changed.
 */
export function findFootnotes(items: readonly PdfTextItem[], size: number): PageFootnotes {
  const body = items.map((item) => ({...item}))
  const gone = new Set<PdfTextItem>()
  const notes: PageFootnote[] = []
  // A note starts at its marker's baseline `y`, with the run `first` (its marker run, when the label is printed in it).
  const noteStarts: Array<{label: string; y: number; marker: PdfTextItem | null; first: PdfTextItem}> = []
  const largest = body.reduce((max, item) => Math.max(max, item.fontSize), 0)
  const byY = [...body].sort((a, b) => a.y - b.y)
  // The first run (by baseline) within reach of `small`'s baseline that passes `test`, found by
  // bisection (a page may hold 20,000 lines), without a list of the runs in reach for each run asked.
  const near = (small: PdfTextItem, test: (other: PdfTextItem) => boolean): PdfTextItem | undefined => {
    const from = small.y - minRise * largest
    let lo = 0
    let hi = byY.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (byY[mid]!.y < from) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < byY.length && byY[i]!.y < small.y + maxRise * largest; i++) if (test(byY[i]!)) return byY[i]!
    return undefined
  }

  const markers: PdfTextItem[] = []
  const referenced = new Set<string>()
  for (const small of body) {
    const text = small.text.trim()
    if (text === '' || small.fontSize > markerScale * largest) continue
    // The run it follows: ends where the small run starts, on (about) its line.
    const before = near(
      small,
      (big) => big !== small && !gone.has(big) && Math.abs(small.x - right(big)) <= touchGap * big.fontSize && raisedBeside(small, big)
    )
    if (before) {
      const marker = markerText.test(text)
      // A tag (`Ransomware` + `(New in v2)`) is a word of its own; a raised ending touching its word (`21` + `st`) is not.
      const apart = /\s$/u.test(before.text) || !/^[\p{L}\p{N}]/u.test(text) || small.x - right(before) > wordGap * before.fontSize
      before.text = marker
        ? before.text.replace(/\s+$/u, '') + footnoteToken(labelOf(text))
        : `${before.text.replace(/\s+$/u, '')}${apart ? ' ' : ''}${text}`
      before.width = Math.max(before.width, right(small) - before.x)
      gone.add(small)
      if (marker) referenced.add(labelOf(text))
    } else if (markerText.test(text)) markers.push(small)
  }
  const glued = gluedReferences(body, gone, near)
  for (const small of markers) {
    const label = labelOf(small.text)
    // The reference set in body type glued to its word, nearest above the note (a later one refers to a later note).
    const plain = referenced.has(label) ? undefined : glued.filter((ref) => ref.run.y < small.y && labelOf(ref.run.text) === label).pop()
    // A marker opening a line of small print, or of any print when the page refers to its label
    // (Word sets notes in body size): the start of a note.
    const first = near(
      small,
      (next) =>
        next !== small &&
        !gone.has(next) &&
        Math.abs(next.x - right(small)) <= noteGap * next.fontSize &&
        (next.fontSize < noteScale * size || referenced.has(label) || plain !== undefined) &&
        small.fontSize <= markerScale * next.fontSize &&
        next.y - small.y >= -minRise * next.fontSize &&
        next.y - small.y < maxRise * next.fontSize
    )
    if (!first) continue
    if (plain && !gone.has(plain.run)) {
      // The marker at the page foot names the label; the plain digit glued to a word above is its reference.
      plain.word.text = plain.word.text + footnoteToken(label) + (/\s+$/u.exec(plain.run.text)?.[0] ?? '')
      plain.word.width = Math.max(plain.word.width, right(plain.run) - plain.word.x)
      gone.add(plain.run)
      referenced.add(label)
    }
    noteStarts.push({label, y: small.y, marker: small, first})
  }
  for (const item of body) {
    const match = labelledNote.exec(item.text)
    // Referred to on this page and set smaller than the body at all (Hwp sets notes at 95 %).
    if (!match || !referenced.has(labelOf(match[1]!)) || item.fontSize >= size || gone.has(item)) continue
    // Nothing before it on its line: the label opens the line.
    if (near(item, (other) => other !== item && Math.abs(other.y - item.y) < minRise * item.fontSize && other.x < item.x) !== undefined)
      continue
    noteStarts.push({label: labelOf(match[1]!), y: item.y, marker: null, first: {...item, text: match[2]!}})
    gone.add(item)
  }

  noteStarts.sort((a, b) => a.y - b.y || a.first.x - b.first.x)
  const byLine = body.filter((item) => !gone.has(item)).sort((a, b) => a.y - b.y || a.x - b.x)
  for (const [index, {label, y, marker, first}] of noteStarts.entries()) {
    const end = noteStarts[index + 1]?.y ?? Infinity
    const noteItems: PdfTextItem[] = [first]
    let lastY = first.y
    // A note may open with a label or a bracket in other type than its text (`訳注：` at 7.6 pt before
    // 6.8 pt text, a full-width `（` from the CJK font): the run that goes on from it on its line is
    // the note's text as well, and its size is the note's too.
    const goesOn = byLine.find(
      (item) =>
        item !== first &&
        item !== marker &&
        !gone.has(item) &&
        Math.abs(item.y - first.y) < sameLine * first.fontSize &&
        item.x >= right(first) - touchGap * item.fontSize &&
        item.x - right(first) <= noteGap * item.fontSize
    )
    const sizes = goesOn === undefined ? [first.fontSize] : [first.fontSize, goesOn.fontSize]
    for (const item of byLine) {
      if (item === first || item === marker || gone.has(item) || item.y <= y) continue
      if (item.y >= end - minRise * first.fontSize) break
      if (sizes.every((size) => Math.abs(item.fontSize - size) > sameSize)) continue
      if (item.y - lastY > noteLineGap * first.fontSize) break
      noteItems.push(item)
      lastY = Math.max(lastY, item.y)
    }
    for (const item of noteItems) gone.add(item)
    if (marker) gone.add(marker)
    notes.push({label, y, items: noteItems})
  }
  return {body: body.filter((item) => !gone.has(item)), notes}
}
