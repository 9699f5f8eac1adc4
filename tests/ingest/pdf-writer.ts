/**
 * A tiny PDF writer for tests: pages of text lines in the standard Helvetica fonts, with an
 * optional outline (bookmarks), page labels and tagged structure (a StructTreeRoot whose elements
 * hold the lines' marked content), so a test can build exactly the PDF it needs (20,000 lines on
 * one page, a bookmark tree, tagged headings) without committing large fixtures.
 */

/** One line of text at a position (PDF points, y from the page top). */
export interface TestLine {
  text: string
  x: number
  y: number
  size: number
  bold?: boolean
  /** Set in a font whose ToUnicode map sends `H` to private-use U+F53A (as Hancom's fonts print 한). */
  privateUse?: boolean
  /** Set in a symbol font named `Wingdings-Regular` (as Hwp and Word set bullets: `l`, `Ÿ`, `§`). */
  symbol?: boolean
  /** Set in Times-Roman instead of Helvetica: another typeface at body size and weight (headings some Japanese papers set in Gothic beside Mincho body text). */
  serif?: boolean
  /** Set in Courier: a monospaced font (Word sets its second-level bullet `o` in Courier New). */
  mono?: boolean
  /** Runs that continue the line right after its text: a superscript footnote marker, a raised tag, a bullet's text. */
  runs?: TestRun[]
  /** Structure type of the element holding the line (`H1`, `P`, `LBody`…), or `Artifact` (page furniture). Untagged by default. */
  tag?: string
}

/** A run continuing a {@link TestLine} where its text ends. */
export interface TestRun {
  text: string
  size: number
  /** Baseline raised by this many points (a superscript). Default 0. */
  rise?: number
  bold?: boolean
  symbol?: boolean
}

export interface TestPage {
  width?: number
  height?: number
  lines: TestLine[]
  /** Printed page label (a `/PageLabels` prefix for this page alone). */
  label?: string
  /** `/Rotate`: the page is shown turned this many degrees clockwise (its text is drawn as if it were not). */
  rotate?: number
  /** `/CropBox [left bottom right top]`: the part of the page shown, when not all of it. */
  crop?: [number, number, number, number]
  /** Filled rectangles `[x, y, width, height]` (PDF user space) drawn before the text: vector drawings. */
  rects?: Array<[number, number, number, number]>
}

export interface TestBookmark {
  title: string
  /** 1-based target page. */
  page: number
  children?: TestBookmark[]
}

/** Escape text for a PDF literal string (Latin-1 only: the standard fonts' encoding). */
function literal(text: string): string {
  return `(${text.replace(/[\\()]/gu, (c) => `\\${c}`)})`
}

/** The document information dictionary (`/Info`), which exporters fill as they please. */
export interface TestInfo {
  title?: string
}

/** The bytes of a PDF holding `pages`, with `bookmarks` as its outline and `info` as its document information. */
export function writePdf(pages: TestPage[], bookmarks: TestBookmark[] = [], info: TestInfo = {}): Uint8Array {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const reserve = (): number => objects.push('')
  const catalog = reserve()
  const pagesId = reserve()
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    '1 beginbfchar <48> <F53A> endbfchar',
    'endcmap CMapName currentdict /CMap defineresource pop end end'
  ].join('\n')
  const toUnicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`)
  const logo = add(
    `<< /Type /Font /Subtype /Type1 /BaseFont /LogoSans /FirstChar 32 /LastChar 126 /Widths [${Array(95).fill(600).join(' ')}] /FontDescriptor << /Type /FontDescriptor /FontName /LogoSans /Flags 32 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >> /ToUnicode ${toUnicode} 0 R >>`
  )
  const symbol = add(
    `<< /Type /Font /Subtype /Type1 /BaseFont /Wingdings-Regular /FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(800).join(' ')}] /FontDescriptor << /Type /FontDescriptor /FontName /Wingdings-Regular /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >> >>`
  )
  const serif = add('<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>')
  const mono = add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>')
  const font = (run: {privateUse?: boolean; symbol?: boolean; bold?: boolean; serif?: boolean; mono?: boolean}): string =>
    run.privateUse ? 'F3' : run.symbol ? 'F4' : run.bold ? 'F2' : run.serif ? 'F5' : run.mono ? 'F6' : 'F1'
  const tagged = pages.some((page) => page.lines.some((line) => line.tag !== undefined))
  const structRoot = tagged ? reserve() : 0
  const elements: number[] = []
  /** Per page, its elements in MCID order (the parent tree PDF readers map marked content back with). */
  const parents: number[][] = []
  const pageIds: number[] = []
  for (const [index, page] of pages.entries()) {
    const width = page.width ?? 612
    const height = page.height ?? 792
    const pageId = reserve()
    const owned: number[] = []
    const drawn = (page.rects ?? []).map(([left, bottom, w, h]) => `${left} ${bottom} ${w} ${h} re f`)
    const stream = [
      ...drawn,
      ...page.lines.map((line) => {
        const text = `BT /${font(line)} ${line.size} Tf 1 0 0 1 ${line.x} ${height - line.y} Tm ${literal(line.text)} Tj${(line.runs ?? [])
          .map((run) => ` /${font(run)} ${run.size} Tf ${run.rise ?? 0} Ts ${literal(run.text)} Tj`)
          .join('')}${line.runs?.some((run) => run.rise) ? ' 0 Ts' : ''} ET`
        if (line.tag === undefined) return text
        if (line.tag === 'Artifact') return `/Artifact BMC ${text} EMC`
        const element = add(`<< /Type /StructElem /S /${line.tag} /P ${structRoot} 0 R /Pg ${pageId} 0 R /K ${owned.length} >>`)
        elements.push(element)
        owned.push(element)
        return `/${line.tag} << /MCID ${owned.length - 1} >> BDC ${text} EMC`
      })
    ].join('\n')
    parents.push(owned)
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`)
    objects[pageId - 1] =
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R /F3 ${logo} 0 R /F4 ${symbol} 0 R /F5 ${serif} 0 R /F6 ${mono} 0 R >> >> /Contents ${content} 0 R${tagged ? ` /StructParents ${index}` : ''}${page.rotate ? ` /Rotate ${page.rotate}` : ''}${page.crop ? ` /CropBox [${page.crop.join(' ')}]` : ''} >>`
    pageIds.push(pageId)
  }
  if (tagged) {
    const parentTree = add(
      `<< /Nums [${parents.map((owned, index) => `${index} [${owned.map((id) => `${id} 0 R`).join(' ')}]`).join(' ')}] >>`
    )
    objects[structRoot - 1] =
      `<< /Type /StructTreeRoot /K [${elements.map((id) => `${id} 0 R`).join(' ')}] /ParentTree ${parentTree} 0 R >>`
  }
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`
  let extra = ''
  if (bookmarks.length > 0) {
    const outlines = reserve()
    const writeLevel = (items: TestBookmark[], parent: number): {first: number; last: number; count: number} => {
      const ids = items.map(() => reserve())
      let count = items.length
      items.forEach((item, index) => {
        const children = item.children && item.children.length > 0 ? writeLevel(item.children, ids[index]!) : null
        if (children) count += children.count
        const links = [
          `/Title ${literal(item.title)}`,
          `/Parent ${parent} 0 R`,
          `/Dest [${pageIds[item.page - 1]} 0 R /XYZ 0 ${pages[item.page - 1]!.height ?? 792} 0]`,
          index > 0 ? `/Prev ${ids[index - 1]} 0 R` : '',
          index < items.length - 1 ? `/Next ${ids[index + 1]} 0 R` : '',
          children ? `/First ${children.first} 0 R /Last ${children.last} 0 R /Count ${children.count}` : ''
        ]
        objects[ids[index]! - 1] = `<< ${links.filter(Boolean).join(' ')} >>`
      })
      return {first: ids[0]!, last: ids[ids.length - 1]!, count}
    }
    const top = writeLevel(bookmarks, outlines)
    objects[outlines - 1] = `<< /Type /Outlines /First ${top.first} 0 R /Last ${top.last} 0 R /Count ${top.count} >>`
    extra += ` /Outlines ${outlines} 0 R`
  }
  const labels = pages.map((page, index) => (page.label === undefined ? '' : `${index} << /P ${literal(page.label)} >>`)).filter(Boolean)
  if (labels.length > 0) extra += ` /PageLabels << /Nums [${labels.join(' ')}] >>`
  if (tagged) extra += ` /MarkInfo << /Marked true >> /StructTreeRoot ${structRoot} 0 R`
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R${extra} >>`
  const infoId = info.title === undefined ? null : add(`<< /Title ${literal(info.title)} >>`)

  let out = '%PDF-1.7\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoId === null ? '' : ` /Info ${infoId} 0 R`} >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}
