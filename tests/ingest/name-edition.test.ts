import {describe, expect, it, vi} from 'vitest'
import {isLanguageFolder, maxTitleLength, nameParts, shortTitle, yearOnCover} from '../../src/ingest/name-edition.js'
import {type IngestOptions, ingestEdition} from '../../src/ingest/ingest-edition.js'
import {toNormalizedMarkdown} from '../../src/normalize/to-normalized-markdown.js'

describe('nameParts: label, year and language from a file name', () => {
  it.each([
    ['2021.pdf', '2021', 2021, null, null],
    ['owasp-top10-2021.pdf', '2021', 2021, null, 'owasp-top10'],
    ['v1-2020.pdf', 'v1-2020', 2020, null, null],
    ['ASVS_4.0.3_ko.pdf', '4.0.3', null, 'ko', 'ASVS'],
    ['2020.zh-CN.pdf', '2020', 2020, 'zh-CN', null],
    ['1.0.ko.pdf', '1.0', null, 'ko', null],
    ['owasp-top10-2021-en.pdf', '2021', 2021, 'en', 'owasp-top10'],
    ['CNCF_CloudNativeSecurityWhitepaper-Nov2020.pdf', 'Nov2020', 2020, null, 'CNCF_CloudNativeSecurityWhitepaper'],
    ['CNCF_cloud-native-security-whitepaper-May2022-v2.pdf', 'May2022-v2', 2022, null, 'CNCF_cloud-native-security-whitepaper'],
    ['exo-v1.4.0-2024-11-22.md', 'v1.4.0-2024-11-22', 2024, null, 'exo'],
    ['editions/guide/ed2-2019.docx', 'ed2-2019', 2019, null, null],
    ['2019-annual-report.html', '2019-annual-report', 2019, null, null],
    ['guide.md', 'guide', null, null, null],
    ['old.md', 'old', null, null, null]
  ])('%s → %s', (file, label, year, language, series) => {
    expect(nameParts(file)).toEqual({label, year, language, series})
  })

  it('takes a tag after _ or - as a language only when it is a known two-letter code', () => {
    expect(nameParts('guide-v2-xq.pdf')).toEqual({label: 'v2-xq', year: null, language: null, series: 'guide'})
    expect(nameParts('guide_v2_fr.pdf').language).toBe('fr')
    // A name that is nothing but a tag names no language.
    expect(nameParts('en.pdf')).toEqual({label: 'en', year: null, language: null, series: null})
  })
})

describe('the language names', () => {
  it('are loaded only when a name needs them (17 ms of CPU at every start otherwise)', async () => {
    vi.resetModules()
    const intl = Intl as {DisplayNames: typeof Intl.DisplayNames}
    const real = intl.DisplayNames
    let made = 0
    intl.DisplayNames = class extends real {
      constructor(...args: ConstructorParameters<typeof real>) {
        super(...args)
        made++
      }
    }
    try {
      const fresh = await import('../../src/ingest/name-edition.js')
      expect(fresh.nameParts('2020.en.pdf').language).toBe('en')
      expect(fresh.isLanguageFolder('openchain-spec')).toBe(false)
      expect(made).toBe(0)
      expect(fresh.nameParts('ASVS_4.0.3_ko.pdf').language).toBe('ko')
      expect(fresh.isLanguageFolder('ja')).toBe(true)
      expect(fresh.isLanguageFolder('xq')).toBe(false)
      expect(made).toBe(1)
    } finally {
      intl.DisplayNames = real
    }
  })
})

describe('isLanguageFolder', () => {
  it('knows a folder named as a language from one named as a series', () => {
    for (const name of ['ko', 'ja', 'en', 'zh-CN', 'pt-BR']) expect(isLanguageFolder(name), name).toBe(true)
    for (const name of ['guide', 'openchain-spec', 'xq', 'editions', 'KO', '2021']) expect(isLanguageFolder(name), name).toBe(false)
  })
})

describe('shortTitle', () => {
  it('turns the "<series> <label>" stand-in into the series in words', () => {
    expect(shortTitle('supply-chain v1-2021', {series: 'supply-chain', edition: 'v1-2021'})).toBe('Supply chain')
    expect(shortTitle('Cloud Native   Security\nWhitepaper', {series: 'cncf', edition: '2020'})).toBe('Cloud Native Security Whitepaper')
  })

  it('cuts a long title at a word, so a page heading keeps to one line', () => {
    const long =
      'Guidelines on the Security of Network and Information Systems, Including the Annexes on Reporting, Incident Handling and Supervision'
    const short = shortTitle(long, {series: 's', edition: '1'})
    expect(short.length).toBeLessThanOrEqual(maxTitleLength + 1)
    expect(short).toBe('Guidelines on the Security of Network and Information Systems, Including the…')
  })
})

describe('yearOnCover', () => {
  const edition = async (markdown: string) => (await ingestEdition(new TextEncoder().encode(markdown), {file: 'guide/1.0.md'})).edition

  it('reads the year in the title, else the first on the first page, else a copyright line of the first pages', async () => {
    expect(yearOnCover(await edition('# Defence White Paper 2022\n\n## Scope\n\nText printed in 2019.\n'))).toBe(2022)
    const cover =
      '<!-- page: 1 -->\n\n# OpenChain Specification\n\n© Joint Development Foundation 2020\n\n<!-- page: 2 -->\n\n## Scope\n\nText of 1999.\n'
    expect(yearOnCover(await edition(cover))).toBe(2020)
    const imprint =
      '<!-- page: 1 -->\n\n# Version 1.0\n\n<!-- page: 3 -->\n\n## Copyright\n\nCopyright © 2016–2018 Linux Foundation. Licensed under CC-BY-4.0.\n\n<!-- page: 4 -->\n\n## Scope\n\nFounded 2013.\n'
    expect(yearOnCover(await edition(imprint))).toBe(2018)
  })

  it('finds none when the only years are past the first pages, or not years at all', async () => {
    const late = '<!-- page: 1 -->\n\n# Guide\n\nText.\n\n<!-- page: 5 -->\n\n## History\n\nCopyright 2016.\n'
    expect(yearOnCover(await edition(late))).toBeNull()
    expect(yearOnCover(await edition('# Guide\n\nPage 12019 of 32020.\n'))).toBeNull()
  })

  it('reads an unpaginated edition of 30,000 blocks, all of it page 1, in linear time', async () => {
    const small = await edition('# Guide\n\nA paragraph of text.\n\n© Example Agency 2021\n')
    const [paragraph, copyright] = small.sections[0]!.blocks
    const long = {...small, title: 'Guide', sections: [{...small.sections[0]!, blocks: [...Array(30_000).fill(paragraph), copyright]}]}
    // Copying the page's list for each block took some 18 s here: far past this test's timeout if it
    // ever is again (the time itself is the bench's, not asserted here).
    expect(yearOnCover(long)).toBe(2021)
  }, 10_000)
})

describe('ingestEdition with nameByRules: names decided before the canonical form is written', () => {
  const longTitle =
    'Guidelines on the Security of Network and Information Systems, Including the Annexes on Reporting, Incident Handling and Supervision'
  const html = `<!doctype html><html><head><title>${longTitle}</title></head><body><h1>${longTitle}</h1><p>© Example Agency 2019</p><h2>Scope</h2><p>Text of 1999.</p><h2>Terms</h2><p>More text.</p></body></html>`
  const read = (text: string, options: Omit<IngestOptions, 'file'> & {file: string}) =>
    ingestEdition(new TextEncoder().encode(text), options)

  it('takes the label and language from the file name, the year from the cover and a short title', async () => {
    const {edition} = await read(html, {file: 'guides/nis-guide_v2_fr.html', nameByRules: true})
    expect(edition.edition).toBe('v2')
    expect(edition.language).toBe('fr')
    expect(edition.year).toBe(2019)
    expect(edition.title).toBe('Guidelines on the Security of Network and Information Systems, Including the…')
    const plain = (await read(html, {file: 'guides/nis-guide_v2_fr.html'})).edition
    expect([plain.edition, plain.year, plain.title]).toEqual(['nis-guide_v2_fr', null, longTitle])
  })

  it('returns the edition its own canonical form reads back to, so nothing needs reading a third time', async () => {
    const {edition} = await read(html, {file: 'guides/nis-guide_v2_fr.html', nameByRules: true})
    const canonical = toNormalizedMarkdown(edition, {generator: 'wpdiff'})
    const again = (await read(canonical, {file: 'guides/nis-guide_v2_fr.html', from: 'md', nameByRules: true})).edition
    expect(again).toEqual({...edition, source: again.source})
    expect(again.source).toEqual(edition.source)
  })

  it('leaves what options and front matter say, and names nothing after stdin', async () => {
    const given = (await read(html, {file: 'nis-guide_v2_fr.html', nameByRules: true, edition: 'x', year: null, title: longTitle})).edition
    expect([given.edition, given.year, given.title]).toEqual(['x', null, longTitle])
    const front = '---\nedition: first\nyear: null\nlanguage: de\n---\n\n# Leitfaden 2020\n\nText.\n'
    const fromFront = (await read(front, {file: 'guide_v2_fr.md', nameByRules: true})).edition
    expect([fromFront.edition, fromFront.year, fromFront.language]).toEqual(['first', null, 'de'])
    const stdin = (await read('# Guide\n\nText © 2018.\n', {file: '-', nameByRules: true})).edition
    expect([stdin.edition, stdin.year]).toEqual(['-', 2018])
  })

  it('names a file in a folder named as a language by its own words, and keeps a series folder or a given series', async () => {
    const text = '# Guide\n\nText.\n'
    const inLanguage = (await read(text, {file: 'ko/msit-ai-impact-guideline-2026.md', nameByRules: true})).edition
    expect([inLanguage.series, inLanguage.edition, inLanguage.year]).toEqual(['msit-ai-impact-guideline', '2026', 2026])
    const inSeries = (await read(text, {file: 'guides/msit-ai-impact-guideline-2026.md', nameByRules: true})).edition
    expect([inSeries.series, inSeries.edition]).toEqual(['guides', '2026'])
    const given = (await read(text, {file: 'ko/msit-ai-impact-guideline-2026.md', nameByRules: true, series: 'msit'})).edition
    expect(given.series).toBe('msit')
    // Nothing before the label: the folder is all there is.
    expect((await read(text, {file: 'ko/2026.md', nameByRules: true})).edition.series).toBe('ko')
    // Without the command line's rules the folder names the series, as `ingestEdition` always has.
    expect((await read(text, {file: 'ko/msit-ai-impact-guideline-2026.md'})).edition.series).toBe('ko')
  })
})
