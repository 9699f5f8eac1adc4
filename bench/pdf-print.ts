/**
 * Print corpus markdown to PDF with headless Chromium, the way a publisher's PDF looks to wpdiff:
 * running head and page-number footer on every page, justified text with soft hyphens so long words
 * break at line ends, and optionally two columns. Used by `npm run eval:pdf` and the PDF bench;
 * never by the library or the tests (they read the committed PDFs).
 */
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {chromium} from 'playwright-core'
import {chromiumFlags} from '../tests/support/chromium-flags.js'

/** How to print one document. */
export interface PrintOptions {
  /** Text of the running head printed at the top of every page. */
  runningHead: string
  /** Set the body in two columns. Default false. */
  columns?: boolean
  /** Body font size in px. Default 12. */
  fontSize?: number
}

// A soft hyphen in the middle of every long word, so justified lines end in hyphenated words.
function softHyphens(html: string): string {
  return html.replace(/(>[^<]*)/gu, (text) => text.replace(/\b([A-Za-z]{5})([a-z]{4,})\b/gu, '$1\u00AD$2'))
}

/** HTML page for `markdown` (see {@link PrintOptions}). */
export function toPrintHtml(markdown: string, options: PrintOptions): string {
  const body = softHyphens(micromark(markdown.replace(/^---\n[\s\S]*?\n---\n/u, ''), {extensions: [gfm()], htmlExtensions: [gfmHtml()]}))
  const size = options.fontSize ?? 12
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
body{font-family:'Liberation Serif',serif;font-size:${size}px;line-height:1.35}
p,li{text-align:justify;hyphens:manual}
h1{font-size:2em}h2{font-size:1.6em}h3{font-size:1.3em}h4{font-size:1.1em}h5,h6{font-size:1em}
${options.columns ? '.body{column-count:2;column-gap:28px}' : ''}
img{display:none} pre{white-space:pre-wrap}
</style></head><body><div class="body">${body}</div></body></html>`
}

/** Print each `[markdown, options]` to a PDF, one browser for all. */
export async function printPdfs(jobs: Array<{markdown: string; options: PrintOptions}>): Promise<Uint8Array[]> {
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: [...chromiumFlags]})
  try {
    const out: Uint8Array[] = []
    for (const job of jobs) {
      const page = await browser.newPage()
      // Corpus markdown links remote images; nothing may be fetched.
      await page.route('**/*', (route) => route.abort())
      await page.setContent(toPrintHtml(job.markdown, job.options), {waitUntil: 'load'})
      const pdf = await page.pdf({
        format: 'A4',
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:8px;width:100%;text-align:center;font-family:serif">${job.options.runningHead}</div>`,
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center;font-family:serif">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
        margin: {top: '2cm', bottom: '2cm', left: '2cm', right: '2cm'}
      })
      out.push(new Uint8Array(pdf))
      await page.close()
    }
    return out
  } finally {
    await browser.close()
  }
}
