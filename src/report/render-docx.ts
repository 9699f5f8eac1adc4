/**
 * The comparison as a Word redline (`compare --format docx`): the new edition's text with every
 * change as a tracked revision by "wpdiff", so an analyst can accept, reject and forward it in Word.
 * The only file that imports the `docx` engine; it is loaded on first use (`compare` imports this
 * module only for the docx format).
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  ImportedXmlComponent,
  InsertedTextRun,
  Packer,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  TextRun
} from 'docx'
import type {CompareResult, Relation, SectionRef} from '../compare/compare-editions.js'
import type {BlockDiff, BlockRef} from '../diff/diff-relations.js'
import {displayKinds, relationBadges} from './describe-relation.js'

/** Options of {@link renderDocx}. */
export interface DocxOptions {
  /** Author of every revision and note. Default `wpdiff`. */
  author?: string
}

/** Date of a revision: the new edition's year (1 January), so the same comparison gives the same bytes. */
function revisionDate(result: CompareResult): string {
  return `${result.new.year ?? result.old.year ?? 2000}-01-01T00:00:00Z`
}

// Characters XML 1.0 cannot hold (PDF text sometimes carries them).
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu

function clean(text: string): string {
  return text.replace(notXml, '')
}

function escapeXml(text: string): string {
  return clean(text).replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')
}

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6
] as const

function headingLevel(level: number): (typeof headingLevels)[number] {
  return headingLevels[Math.min(Math.max(level, 1), headingLevels.length) - 1]!
}

const refKey = (ref: BlockRef): string => `${ref.section}#${ref.block}`

/** A block's lines (list items, table rows, line breaks), each a run after a line break: Word shows a newline inside a run as a space. */
function lines(text: string): string[] {
  return clean(text).split('\n')
}

function plain(text: string): ParagraphChild[] {
  return lines(text).map((line, i) => new TextRun({text: line, ...(i > 0 ? {break: 1} : {})}))
}

/** Builds the document's paragraphs, numbering revisions and notes as it goes. */
class Redline {
  readonly paragraphs: Paragraph[] = []
  readonly notes: {id: number; author: string; date: Date; children: Paragraph[]}[] = []
  revisions = {inserted: 0, deleted: 0, moved: 0}
  #nextId = 1
  /** Move names by the old place of the moved paragraph, so its two halves carry the same name. */
  readonly #moves = new Map<string, string>()

  constructor(
    readonly author: string,
    readonly date: string
  ) {}

  #attributes(): {id: number; author: string; date: string} {
    return {id: this.#nextId++, author: this.author, date: this.date}
  }

  inserted(text: string): ParagraphChild[] {
    this.revisions.inserted++
    return lines(text).map((line, i) => new InsertedTextRun({text: line, ...(i > 0 ? {break: 1} : {}), ...this.#attributes()}))
  }

  deleted(text: string): ParagraphChild[] {
    this.revisions.deleted++
    return lines(text).map((line, i) => new DeletedTextRun({text: line, ...(i > 0 ? {break: 1} : {}), ...this.#attributes()}))
  }

  /**
   * One half of a Word move (`w:moveFrom` or `w:moveTo` with its range marks): the docx package has
   * no element for it, so it is written as XML.
   */
  move(kind: 'moveFrom' | 'moveTo', name: string, text: string): ParagraphChild[] {
    if (kind === 'moveTo') this.revisions.moved++
    const range = this.#attributes()
    const run = this.#attributes()
    const who = `w:author="${escapeXml(this.author)}" w:date="${this.date}"`
    const xml = [
      `<w:${kind}RangeStart w:id="${range.id}" w:name="${name}" ${who}/>`,
      `<w:${kind} w:id="${run.id}" ${who}><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:${kind}>`,
      `<w:${kind}RangeEnd w:id="${range.id}"/>`
    ]
    return xml.map((part) => ImportedXmlComponent.fromXmlString(part) as unknown as ParagraphChild)
  }

  moveName(ref: BlockRef): string {
    const key = refKey(ref)
    const known = this.#moves.get(key)
    if (known) return known
    const name = `wpdiff-move-${this.#moves.size + 1}`
    this.#moves.set(key, name)
    return name
  }

  /** A note (Word comment) on `children`: the relation's badges. */
  note(text: string, children: ParagraphChild[]): ParagraphChild[] {
    const id = this.notes.length
    this.notes.push({id, author: this.author, date: new Date(this.date), children: [new Paragraph(clean(text))]})
    return [new CommentRangeStart(id), ...children, new CommentRangeEnd(id), new TextRun({children: [new CommentReference(id)]})]
  }
}

/** The heading of a relation: the new heading, a renamed one as a deletion and an insertion. */
function headingRuns(relation: Relation, redline: Redline): ParagraphChild[] {
  const heading = (sections: SectionRef[]): string => sections.map((section) => section.heading).join(' + ')
  if (relation.new.length === 0) return redline.deleted(heading(relation.old))
  if (relation.old.length === 0) return redline.inserted(heading(relation.new))
  const before = heading(relation.old)
  const after = heading(relation.new)
  return before === after ? plain(after) : [...redline.deleted(before), new TextRun(' '), ...redline.inserted(after)]
}

/** The runs of one paragraph-level change. */
function blockRuns(block: BlockDiff, redline: Redline, moved: Set<string>): ParagraphChild[] {
  switch (block.op) {
    case 'equal':
      return plain(block.text)
    case 'inserted':
      return redline.inserted(block.text)
    case 'deleted':
      // Its other half is a `moved` block of this comparison: a Word move, not a deletion.
      if (block.movedTo && block.old && moved.has(refKey(block.old)))
        return redline.move('moveFrom', redline.moveName(block.old), block.text)
      return redline.deleted(block.text)
    case 'moved':
      if (block.old) return redline.move('moveTo', redline.moveName(block.old), block.text)
      return redline.inserted(block.text)
    case 'rewritten':
      return [...redline.deleted(block.oldText ?? ''), new TextRun(' '), ...redline.inserted(block.text)]
    case 'changed':
      return (block.tokens ?? [['=', block.text]]).flatMap(([op, text]) =>
        op === '+' ? redline.inserted(text) : op === '-' ? redline.deleted(text) : plain(text)
      )
  }
}

/** The first page: both editions and the counts, then a page break. */
function summaryPage(result: CompareResult): Paragraph[] {
  const label = (e: CompareResult['old']): string => `${e.title || e.series} ${e.edition}${e.year ? ` (${e.year})` : ''}, ${e.words} words`
  const s = result.summary
  const kinds = displayKinds.map((kind) => `${kind} ${s[kind]}`).join(' · ')
  return [
    new Paragraph({heading: HeadingLevel.TITLE, children: [new TextRun(clean(`${result.new.title || result.new.series}: what changed`))]}),
    new Paragraph(clean(`Old: ${label(result.old)}`)),
    new Paragraph(clean(`New: ${label(result.new)}`)),
    new Paragraph(`Sections: ${kinds}`),
    new Paragraph(`Words: +${s.wordsAdded} −${s.wordsRemoved} · similarity ${s.similarity.toFixed(3)}`),
    new Paragraph(
      'Every change below is a tracked revision by wpdiff: review it with Word’s Review tab (accept, reject, next change). ' +
        'Notes on the section headings say when a section was renamed, renumbered, moved, split, merged, added or removed.'
    ),
    new Paragraph({children: [new PageBreak()]})
  ]
}

/** Kinds worth a note: plain `modified` and `unchanged` say nothing the revisions do not show. */
const silentBadges = new Set(['modified', 'unchanged'])

/** Counts of what the document holds, for the CLI and the tests. */
export interface DocxResult {
  bytes: Uint8Array
  /** Revisions written: word and paragraph insertions, deletions, and moved paragraphs. */
  revisions: {inserted: number; deleted: number; moved: number}
  headings: number
  notes: number
}

/**
 * Render a comparison computed with `detail: 'blocks'` as a Word document with tracked changes:
 * a first page with the summary, then every relation in the new edition's order, its heading in
 * Word's heading style of its level (so the navigation pane shows the structure), a note with its
 * badges, and its paragraphs with insertions, deletions and moves as Word revisions.
 */
export async function renderDocx(result: CompareResult, options: DocxOptions = {}): Promise<DocxResult> {
  const redline = new Redline(options.author ?? 'wpdiff', revisionDate(result))
  const body: Paragraph[] = summaryPage(result)
  const moved = new Set<string>()
  for (const relation of result.relations)
    for (const block of relation.blocks ?? []) if (block.op === 'moved' && block.old) moved.add(refKey(block.old))
  let headings = 0
  for (const relation of result.relations) {
    const section = relation.new[0] ?? relation.old[0]
    if (section) {
      const badges = relationBadges(relation)
        .filter((badge) => !silentBadges.has(badge.kind))
        .map((badge) => badge.text)
      const runs = headingRuns(relation, redline)
      body.push(
        new Paragraph({
          heading: headingLevel(section.level),
          // The outline level is what Word's navigation pane reads, whatever the style is called.
          outlineLevel: headingLevels.indexOf(headingLevel(section.level)),
          children: badges.length > 0 ? redline.note(badges.join('; '), runs) : runs
        })
      )
      headings++
    }
    for (const block of relation.blocks ?? []) body.push(new Paragraph({children: blockRuns(block, redline, moved)}))
  }
  const title = clean(`${result.new.title || result.new.series}: ${result.old.edition} → ${result.new.edition}`)
  const document = new Document({
    creator: redline.author,
    title,
    comments: {children: redline.notes},
    sections: [{children: body}]
  })
  // docx stamps the package with the current time; the same comparison must give the same bytes.
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(redline.author)}</dc:creator></cp:coreProperties>`
  const bytes = new Uint8Array(await Packer.toBuffer(document, false, [{path: 'docProps/core.xml', data: core}]))
  return {bytes: fixZipTimes(bytes), revisions: {...redline.revisions}, headings, notes: redline.notes.length}
}

/** DOS date of 1980-01-01 00:00, the earliest a ZIP can hold. */
const zipEpochDate = (0 << 9) | (1 << 5) | 1

/**
 * Set every entry's modification time in a ZIP to 1980-01-01 00:00: the zip library stamps each
 * file with the clock. Walks the local headers and the central directory by their signatures.
 */
function fixZipTimes(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let offset = 0; offset + 4 <= bytes.length; ) {
    const signature = view.getUint32(offset, true)
    if (signature === 0x04034b50) {
      view.setUint16(offset + 10, 0, true)
      view.setUint16(offset + 12, zipEpochDate, true)
      const compressed = view.getUint32(offset + 18, true)
      const nameLength = view.getUint16(offset + 26, true)
      const extraLength = view.getUint16(offset + 28, true)
      offset += 30 + nameLength + extraLength + compressed
    } else if (signature === 0x02014b50) {
      view.setUint16(offset + 12, 0, true)
      view.setUint16(offset + 14, zipEpochDate, true)
      offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
    } else break
  }
  return bytes
}
