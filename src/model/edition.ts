/**
 * The edition model: the one shape every stage shares.
 *
 * An edition is a document of a series (one year, one version) after normalisation: metadata plus a
 * tree of sections whose content is mdast block nodes. Everything here is plain, JSON-serialisable
 * data, so a stage can hand it to the next one or to `JSON.stringify` unchanged.
 */
import type {RootContent} from 'mdast'

/** Formats wpdiff reads. `txt` covers plain text and text extracted from a PDF. */
export type InputFormat = 'md' | 'html' | 'docx' | 'txt' | 'pdf'

/** Where an edition came from. */
export interface SourceInfo {
  /** File name of the original (base name only, no folders), or `-` for stdin. */
  file: string
  /** Format the original was read as. */
  format: InputFormat
  /** SHA-256 of the original bytes, lowercase hex. */
  sha256: string
}

/**
 * A block of section content: an mdast node (paragraph, list, table, blockquote, code, html,
 * thematicBreak…). Blocks keep `position` (line/column in the input) and, when the input was
 * paginated, `data.page` (1-based page number).
 */
export type Block = RootContent

/** One heading of the document and everything under it up to the next heading of the same or higher rank. */
export interface Section {
  /** Stable, unique within the edition: slugs of the heading path joined by `/` (`api1-2023-broken…/how-to-prevent`). */
  id: string
  /** Heading text exactly as printed, inline markup removed (`A03:2021 – Injection`). */
  heading: string
  /** The label part of the heading (`Chapter II`, `Section 3`, `A01:2021`, `7.4.1.2`, `제1장`, `第2節`), or null. */
  numbering: string | null
  /** The heading without its numbering and the separator after it (`Injection`). */
  title: string
  /** Depth in the tree, 1 = top (a chapter). Never jumps by more than one from parent to child. */
  level: number
  /** The section's own content, before its first child section. */
  blocks: Block[]
  /** Sub-sections in document order. */
  children: Section[]
  /** Words in the heading-less own content (`blocks`), counted by {@link countWords}. */
  words: number
  /** `words` plus the `totalWords` of every child. */
  totalWords: number
  /** First page of the section in a paginated original, else null. */
  page: number | null
  /**
   * The label printed on that page (`iv`, `A-3`), when the original defines page labels (a PDF's
   * `/PageLabels`) that differ from the physical numbers; absent otherwise (`page` is then what to quote).
   */
  pageLabel?: string | null
}

/** One entry of a printed table of contents. */
export interface TocEntry {
  /** 1 = top. */
  level: number
  numbering: string | null
  title: string
  /** Page printed beside the entry, or null. */
  page: number | null
}

/** A normalised edition. */
export interface Edition {
  /** Series slug (`owasp-api-security-top10`). */
  series: string
  /** Edition label (`2023`, `v2`, `2020.zh-CN`). */
  edition: string
  /** Year of publication when known. */
  year: number | null
  /** The document's own title (never a section). */
  title: string
  /** BCP 47 language tag (`en`, `ko`, `zh-CN`). */
  language: string
  source: SourceInfo
  /** Content before the first heading (an untitled preamble), usually empty. */
  preamble: Block[]
  /** Words in `preamble`. */
  preambleWords: number
  /** Top-level sections. */
  sections: Section[]
  /** Printed table of contents, when the input had one (it is then not part of the body). */
  toc: TocEntry[]
  /** All words of the edition: `preambleWords` plus every top-level section's `totalWords`. */
  words: number
  /**
   * Printed page labels by physical page (index 0 = page 1), when a paginated original defines
   * labels that differ from its page numbers; absent otherwise. Kept in the normalised front matter.
   */
  pageLabels?: (string | null)[]
}

/** A section with its place in the tree, as listed flat in document order. */
export interface FlatSection {
  section: Section
  /** Headings from the top-level ancestor down to this section. */
  path: string[]
  /** Id of the parent section, or null at the top. */
  parentId: string | null
  /** Position among its siblings, 0-based. */
  index: number
  /** Position in document order over the whole edition, 0-based. */
  order: number
}

/** A diagnostic a stage reports instead of printing: the CLI decides how to show it. */
export interface Message {
  /** `warning` is worth telling the user; `info` only with `--verbose`. */
  severity: 'warning' | 'info'
  /**
   * Short stable code naming the kind of message, VFile's `ruleId` (`heading-level-jump`,
   * `undecodable-bytes`, `page-without-text`): the CLI counts repeated kinds on one line.
   */
  code: string
  /** One sentence, plain words. */
  text: string
  /**
   * What the message is about, when it names one thing (a heading's text, a contents entry), as
   * VFile's `actual`: the example shown when many messages of one kind are counted on one line.
   */
  actual?: string
  /** 1-based line in the input, when it applies. */
  line?: number
  /** 1-based page in a paginated input, when it applies. */
  page?: number
}

/**
 * What an ingest adapter (one per input format) returns: an mdast tree whose headings carry their
 * printed depth, plus what the adapter learned about the document. `toSectionTree` turns it into
 * the section tree; adapters never build sections themselves.
 */
export interface ParsedDocument {
  /** Blocks and headings in reading order. Blocks may carry `data.page` (1-based). */
  root: import('mdast').Root
  /** The document's own title when the adapter recognised one (cover lines, `<title>`, front matter). */
  title: string | null
  /** Metadata from front matter (`series`, `edition`, `year`, `title`, `language`, `source`), if any. */
  frontMatter: Record<string, unknown>
  /** Printed table of contents, already removed from `root`. */
  toc: TocEntry[]
  messages: Message[]
  /**
   * A year the front pages print outside the text: a copyright footer removed as page furniture
   * (`© Joint Development Foundation 2020 – …` under the cover), for when the text itself dates nothing.
   */
  coverYear?: number
  /** Printed page labels by physical page, when they differ from the page numbers (see {@link Edition.pageLabels}). */
  pageLabels?: (string | null)[]
}

/**
 * A section as `outline --json` and `compare --json` list it: its identity and place, without its
 * content.
 */
export interface SectionSummary {
  id: string
  heading: string
  numbering: string | null
  title: string
  level: number
  /** Headings from the top-level ancestor down to this section. */
  path: string[]
  words: number
  totalWords: number
  page: number | null
  /** The label printed on `page`, present only when the original's page labels differ from its page numbers. */
  pageLabel?: string | null
}

/** An edition's identity and size, as the JSON outputs name it. */
export interface EditionRef {
  series: string
  edition: string
  year: number | null
  title: string
  language: string
  /** All words of the edition. */
  words: number
}
