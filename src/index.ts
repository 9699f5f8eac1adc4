/**
 * wpdiff's library API. Every export here is public and pinned by `tests/index.test.ts`; the CLI in
 * `src/cli/` is a thin layer over exactly these functions.
 */

// The edition model
export type {
  Block,
  Edition,
  EditionRef,
  FlatSection,
  InputFormat,
  Message,
  ParsedDocument,
  Section,
  SectionSummary,
  SourceInfo,
  TocEntry
} from './model/edition.js'
export {InputError, PdfError, UsageError} from './model/errors.js'
export {flattenSections} from './model/flatten-sections.js'
export {blocksToText, blockToText} from './model/blocks-to-text.js'
export {toSectionSummary} from './model/to-section-summary.js'
export {toEditionRef} from './model/to-edition-ref.js'
export {orderEditions} from './model/order-editions.js'

// Text
export {countWords} from './text/count-words.js'
export {detectScript, guessLanguage} from './text/detect-script.js'

// Ingest: one reader per format, and the whole read-and-normalise step
export {ingestEdition} from './ingest/ingest-edition.js'
export type {IngestOptions, IngestResult} from './ingest/ingest-edition.js'
export {decodeText} from './ingest/decode-text.js'
export type {DecodedText} from './ingest/decode-text.js'
export {detectFormat, sniffFormat} from './ingest/detect-format.js'
export {inputFormats} from './ingest/input-formats.js'
export {fromMarkdown} from './ingest/from-markdown.js'
export {fromHtml, loadHtmlEngine} from './ingest/from-html.js'
export {fromDocx} from './ingest/docx.js'
export {fromPlainText} from './ingest/from-plain-text.js'
export {fromPdf} from './ingest/from-pdf.js'
export type {FromPdfOptions} from './ingest/from-pdf.js'
export {fromExtractedText, looksExtracted} from './ingest/from-extracted-text.js'

// Normalise
export {cleanTree} from './normalize/clean-tree.js'
export {toSectionTree} from './normalize/to-section-tree.js'
export type {SectionTree, SectionTreeOptions} from './normalize/to-section-tree.js'
export {toNormalizedMarkdown} from './normalize/to-normalized-markdown.js'
export type {NormalizedMarkdownOptions} from './normalize/to-normalized-markdown.js'
export {toOutline} from './normalize/to-outline.js'
export type {OutlineResult} from './normalize/to-outline.js'
export {parseNumbering} from './text/parse-numbering.js'
export type {ParsedHeading} from './text/parse-numbering.js'
export {toSlug} from './normalize/to-slug.js'

// Align and compare
export {alignSections} from './align/align-sections.js'
export type {AlignedRelation, Alignment, AlignOptions, RelationFlag, RelationKind} from './align/align-sections.js'
export {listAlignableSections} from './align/list-alignable-sections.js'
export {createProfileCache} from './align/profile-sections.js'
export type {ProfileCache} from './align/profile-sections.js'
export {traceLineages} from './align/trace-lineages.js'
export type {History, HistoryEdition, Lineage, LineageStep} from './align/trace-lineages.js'
export {compareEditions, isSameEdition} from './compare/compare-editions.js'
export type {CompareOptions, CompareResult, CompareSummary, Relation, SectionRef} from './compare/compare-editions.js'

// Diff inside aligned sections, tokenisers and similarity measures
export {diffRelations} from './diff/diff-relations.js'
export type {
  BlockDiff,
  BlockOp,
  BlockRef,
  Measures,
  NoiseClass,
  RelationDiff,
  RelationPair,
  RelationsDiff,
  RelationStats,
  WordOp
} from './diff/diff-relations.js'
export {diffSection} from './diff/diff-section.js'
export type {SectionDiff} from './diff/diff-section.js'
export type {DiffOptions} from './diff/diff-options.js'
export {tokenize} from './text/tokenize.js'
export type {Token, TokenKind} from './text/tokenize.js'
export {splitSentences} from './text/split-sentences.js'
export type {Sentence} from './text/split-sentences.js'

// Reports
export {renderCompareReport} from './report/render-compare-report.js'
export type {CompareReportOptions} from './report/render-compare-report.js'
export {renderCompareMarkdown} from './report/render-compare-markdown.js'
export type {CompareMarkdownOptions} from './report/render-compare-markdown.js'
export {buildSite} from './report/build-site.js'
export type {BuildSiteOptions, SeriesInput} from './report/build-site.js'

// Trends
export {computeTrends} from './trends/compute-trends.js'
export type {TrendsOptions} from './trends/compute-trends.js'
export type {
  ChangeEvidence,
  KeyTerm,
  KeynessPair,
  KwicLine,
  LanguageChange,
  Phrase,
  SectionShare,
  TermSeries,
  ThemeSeries,
  TopTerm,
  TrendsEdition,
  TrendsResult,
  TrendsSettings
} from './trends/trends-result.js'
export {keyness} from './trends/keyness.js'
export type {Keyness, KeynessCorrection, KeynessCounts} from './trends/keyness.js'
export {parseThemes} from './trends/parse-themes.js'
export type {Theme} from './trends/parse-themes.js'
export {trendsToCsv} from './trends/to-csv.js'
export {renderTrendsPage} from './report/render-trends-page.js'
export type {TrendsPageOptions} from './report/render-trends-page.js'
