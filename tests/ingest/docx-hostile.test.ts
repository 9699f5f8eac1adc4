import {createDeflateRaw, deflateRawSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {maxUnpackedBytes} from '../../src/ingest/docx.js'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import {InputError} from '../../src/model/errors.js'

/**
 * A ZIP archive of deflated entries, with the central directory declaring `declared(name)` as an
 * entry's unpacked size (its true size unless a test lies, as a ZIP bomb's headers do not need to).
 */
function zip(
  entries: Record<string, string | Packed>,
  declared: (name: string, size: number) => number = (_name, size) => size
): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, entry] of Object.entries(entries)) {
    const data = Buffer.from(typeof entry === 'string' ? entry : '')
    const packed = typeof entry === 'string' ? deflateRawSync(data) : entry.packed
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc32(data), 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(declared(name, data.length), 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, packed)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

/** An entry deflated beforehand (too large to hold unpacked), declared as its text's size. */
interface Packed {
  packed: Buffer
}

/** `head`, then `megabytes` MB of one letter, then `tail`, deflated a megabyte at a time. */
async function deflatedRepeat(head: string, megabytes: number, tail: string): Promise<Buffer> {
  const deflate = createDeflateRaw({level: 1})
  const parts: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => parts.push(chunk))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const megabyte = Buffer.alloc(1024 * 1024, 'A')
  deflate.write(head)
  for (let i = 0; i < megabytes; i++) if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once('drain', resolve))
  deflate.end(tail)
  await done
  return Buffer.concat(parts)
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

const contentTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const rels =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
const document = (paragraphs: string[]) =>
  `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
    .map((text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`)
    .join('')}</w:body></w:document>`
const docx = (paragraphs: string[], declared?: (name: string, size: number) => number) =>
  zip({'[Content_Types].xml': contentTypes, '_rels/.rels': rels, 'word/document.xml': document(paragraphs)}, declared)

describe('Word documents (issue #22)', () => {
  it('a small generated one is read', async () => {
    const {edition} = await ingestEdition(docx(['The first paragraph of the edition.', 'And a second one.']), {file: 's/2020.docx'})
    expect(edition.words).toBe(10)
  })

  it('one whose XML nests thousands deep is refused in one plain line, not a stack overflow', async () => {
    const deep = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(5000)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(5000)}</w:body></w:document>`
    const bytes = zip({'[Content_Types].xml': contentTypes, '_rels/.rels': rels, 'word/document.xml': deep})
    await expect(ingestEdition(bytes, {file: 's/deep.docx'})).rejects.toThrow('not a readable Word document (its XML nests too deeply)')
  })

  it('one whose document.xml unpacks past the cap is refused before it is inflated', async () => {
    const bomb = docx(['Short.'], (name, size) => (name === 'word/document.xml' ? 700 * 1024 * 1024 : size))
    const read = ingestEdition(bomb, {file: 's/bomb.docx'})
    await expect(read).rejects.toThrow(InputError)
    await expect(ingestEdition(bomb, {file: 's/bomb.docx'})).rejects.toThrow(
      `unpacks to 700 MB (the limit is ${maxUnpackedBytes / 1048576} MB): too large for a Word document, or a ZIP bomb`
    )
  })

  it('one whose headers declare small sizes but whose document.xml inflates past the cap is refused as it inflates', async () => {
    const megabytes = maxUnpackedBytes / 1048576 + 64
    const packed = await deflatedRepeat(document(['Short.']).replace('</w:t>', ''), megabytes, '</w:t></w:r></w:p></w:body></w:document>')
    expect(packed.length).toBeLessThan(2 * 1024 * 1024)
    const bomb = zip({'[Content_Types].xml': contentTypes, '_rels/.rels': rels, 'word/document.xml': {packed}}, () => 1000)
    const before = process.memoryUsage().rss
    await expect(ingestEdition(bomb, {file: 's/liar.docx'})).rejects.toThrow(
      `unpacks to more than its headers say, past ${maxUnpackedBytes / 1048576} MB (the limit is ${maxUnpackedBytes / 1048576} MB): too large for a Word document, or a ZIP bomb`
    )
    // Counted and dropped as it inflates: nowhere near the unpacked size is held.
    expect(process.memoryUsage().rss - before).toBeLessThan(maxUnpackedBytes / 2)
  })

  it('one that inflates to just what its headers say is read', async () => {
    const text = document(['A paragraph of the edition, packed as a stream.'])
    const packed = await deflatedRepeat(text, 0, '')
    const {edition} = await ingestEdition(
      zip({'[Content_Types].xml': contentTypes, '_rels/.rels': rels, 'word/document.xml': {packed}}, (name, size) =>
        name === 'word/document.xml' ? text.length : size
      ),
      {file: 's/2021.docx'}
    )
    expect(edition.words).toBe(9)
  })

  it('text named .docx is read as text, with a warning, not refused with a library message', async () => {
    const {edition, messages} = await ingestEdition(new TextEncoder().encode('Title\n\nThe text of the edition, saved as .docx.\n'), {
      file: 's/2020.docx'
    })
    expect(messages.map((message) => message.code)).toContain('format-mismatch')
    expect(edition.words).toBeGreaterThan(5)
  })
})
