/**
 * A PDF's content as the adapter (src/ingest/pdf.ts) returns it, built by hand: runs placed on
 * Letter pages, for the bench's page-text rules, without an engine or a file.
 */
import type {PdfContent, PdfPage, PdfTextItem} from '../../src/ingest/pdf.js'

/** A run as the adapter gives it, in a proportional font unless told otherwise. */
export const run = (text: string, x: number, y: number, fontSize = 10, more: Partial<PdfTextItem> = {}): PdfTextItem => ({
  text,
  x,
  y,
  width: text.length * fontSize * 0.5,
  fontSize,
  fontName: 'Calibri',
  fontWeight: 400,
  fontFlags: 0,
  bold: false,
  italic: false,
  monospace: false,
  hyphen: false,
  tag: null,
  artifact: false,
  ...more
})

export const page = (number: number, items: PdfTextItem[]): PdfPage => ({
  number,
  label: null,
  width: 612,
  height: 792,
  items,
  emptyGlyphs: [],
  images: null,
  paths: null
})

export const pdfContent = (pages: PdfPage[]): PdfContent => ({
  pages,
  title: null,
  language: null,
  tagged: false,
  bookmarks: [],
  messages: []
})
