/**
 * A small PDF whose text layer reads as given, for tests of what extraction does with it: one
 * non-embedded CID font (Identity-H, two-byte codes) whose ToUnicode map sends each code to one
 * character. Given garbled characters, it is a PDF with a broken ToUnicode map, as some Korean
 * Word exports are.
 */
export function makeTextPdf(pages: readonly (readonly string[])[]): Uint8Array {
  const chars = [...new Set(pages.flat().join(''))].sort()
  const code = new Map(chars.map((char, index) => [char, 0x100 + index]))
  const hex = (value: number): string => value.toString(16).toUpperCase().padStart(4, '0')
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Test def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((char) => `<${hex(code.get(char)!)}> <${hex(char.charCodeAt(0))}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end'
  ].join('\n')
  const objects: string[] = []
  const pageIds = pages.map((_, index) => 3 + index * 2)
  const fontId = 3 + pages.length * 2
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>'
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`
  pages.forEach((lines, index) => {
    const stream = [
      'BT /F1 10 Tf 12 TL 50 780 Td',
      ...lines.map((line) => `<${[...line].map((char) => hex(code.get(char)!)).join('')}> Tj T*`),
      'ET'
    ].join('\n')
    const id = pageIds[index]!
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${id + 1} 0 R >>`
    objects[id + 1] = `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`
  })
  objects[fontId] =
    `<< /Type /Font /Subtype /Type0 /BaseFont /Batang /Encoding /Identity-H /DescendantFonts [${fontId + 2} 0 R] /ToUnicode ${fontId + 1} 0 R >>`
  objects[fontId + 1] = `<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`
  objects[fontId + 2] =
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Batang /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
    `/FontDescriptor ${fontId + 3} 0 R /DW 1000 >>`
  objects[fontId + 3] =
    '<< /Type /FontDescriptor /FontName /Batang /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>'
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out)
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`
  }
  const xref = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets
    .slice(1)
    .map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('')}`
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}
