/**
 * Lays a small Markdown paper out the way InDesign white papers are: a cover, a two-column contents
 * page (titles indented by depth, page numbers far right, printed numbers starting at 1 on the first
 * body page), body pages whose second and third heading levels share one type size (only the
 * contents or the bookmarks tell them apart), and a page number in the footer.
 */
import {type TestBookmark, type TestLine, type TestPage, writePdf} from './pdf-writer.js'

/** How the paper is laid out. */
export interface PaperLayout {
  /** Add the heading tree as bookmarks. */
  bookmarks?: boolean
  /** Give body pages printed page labels (`1`, `2`…). */
  labels?: boolean
  /** Print the contents page. Default true. */
  contents?: boolean
  /**
   * Titles of entries the contents page pulls flush left with the chapters by mistake (their own
   * entries keep their indent); they keep the regular weight of sections, chapters being bold.
   */
  pulledLeft?: string[]
}

interface Entry {
  level: number
  title: string
  page: number
}

const top = 70
const bottom = 720
const bodySize = 10
const bodyStep = 14
/** ## at 18 pt, ### and #### both at 14 pt (the ambiguity of real papers). */
const headingSize = (level: number): number => (level === 1 ? 18 : 14)
const frontPages = 2

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/u)) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}

/** The PDF bytes of `markdown` laid out as the module comment says. */
export function layOutPaper(markdown: string, layout: PaperLayout = {}): Uint8Array {
  const blocks = markdown.split(/\n{2,}/u).map((block) => block.trim())
  const title = blocks.shift()!.replace(/^#\s+/u, '')
  const body: TestPage[] = [{lines: []}]
  const entries: Entry[] = []
  let y = top
  const page = (): TestPage => body[body.length - 1]!
  const room = (height: number): void => {
    if (y + height > bottom) {
      body.push({lines: []})
      y = top
    }
  }
  for (const block of blocks) {
    const heading = /^(#{2,6})\s+(.*)$/u.exec(block)
    if (heading) {
      const level = heading[1]!.length - 1
      const size = headingSize(level)
      room(size * 2 + bodyStep * 2)
      y += size
      page().lines.push({text: heading[2]!, x: 72, y, size, bold: level > 1})
      y += size * 0.8
      entries.push({level, title: heading[2]!, page: body.length})
      continue
    }
    for (const line of wrap(block, 90)) {
      room(bodyStep)
      y += bodyStep
      page().lines.push({text: line, x: 72, y, size: bodySize})
    }
    y += bodyStep / 2
  }
  body.forEach((item, index) => {
    item.lines.push({text: String(index + 1), x: 300, y: 760, size: 8})
    if (layout.labels) item.label = String(index + 1)
  })

  const contents: TestLine[] = [{text: 'Contents', x: 60, y: 60, size: 20, bold: true}]
  const half = Math.ceil(entries.length / 2)
  entries.forEach((entry, index) => {
    const right = index >= half
    const row = right ? index - half : index
    const indent = layout.pulledLeft?.includes(entry.title) ? 0 : entry.level - 1
    const x = (right ? 320 : 60) + 8 * indent
    const at = 100 + row * 12
    contents.push(
      {text: entry.title, x, y: at, size: 8, bold: entry.level === 1},
      {text: String(entry.page), x: right ? 540 : 270, y: at, size: 8}
    )
  })
  const pages: TestPage[] = [
    {lines: [{text: title, x: 72, y: 300, size: 28, bold: true}]},
    {lines: layout.contents === false ? [{text: 'Notes', x: 60, y: 60, size: 10}] : contents},
    ...body
  ]

  const tree: TestBookmark[] = []
  const stack: Array<{level: number; children: TestBookmark[]}> = [{level: 0, children: tree}]
  for (const entry of entries) {
    while (stack[stack.length - 1]!.level >= entry.level) stack.pop()
    const bookmark: TestBookmark = {title: entry.title, page: entry.page + frontPages, children: []}
    stack[stack.length - 1]!.children.push(bookmark)
    stack.push({level: entry.level, children: bookmark.children!})
  }
  return writePdf(pages, layout.bookmarks ? tree : [])
}
