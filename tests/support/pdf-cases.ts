/**
 * The PDFs in tests/fixtures/pdf/<id>/ that Chromium printed from a corpus file (`source.md`, with
 * `document.pdf`; see bench/pdf-print.ts), and the running head printed on every page. bench/eval-pdf.ts
 * prints them again from this list (tests never import bench; bench imports tests/support).
 */
export interface PdfCase {
  id: string
  /** The corpus file it was printed from (`../shared/corpora/<series>/<file>`). */
  source: string
  options: {runningHead: string; columns?: boolean}
}

export const pdfCases: PdfCase[] = [
  {
    id: 'contributor-covenant-2.1-columns',
    source: 'contributor-covenant/v2.1.en.md',
    options: {runningHead: 'Contributor Covenant 2.1 (two columns)', columns: true}
  },
  {
    id: 'firefox-privacy-notice-2024',
    source: 'mozilla-firefox-privacy-notice/2024.en.md',
    options: {runningHead: 'Firefox Privacy Notice 2024'}
  },
  {id: 'semver-2.0.0', source: 'semver-spec/v2.0.0.en.md', options: {runningHead: 'Semantic Versioning 2.0.0'}},
  {id: 'sig-node-2024', source: 'kubernetes-sig-annual-reports/sig-node-2024.md', options: {runningHead: 'SIG Node Annual Report 2024'}}
]
