/**
 * A Korean statute's outline from its own numbering. A law or decree (Hwp, Word, or text taken from
 * either) prints its chapters (`제1장 총칙`, `제1절 …`) as lines of their own and opens each article
 * with a run-in head, `제1조(목적) 이 영은 …`, in body type: type sizes see one long paragraph. Here a
 * line that opens a division, an article, the supplementary provisions (`부칙`) or an annex (`[별표 1]`,
 * `[별지 제1호서식]`) starts a heading of its own, and the article's text after its head is its body.
 *
 * A citation is never a head: an article head is `제N조` (or `제N조의M`) followed at once by its title
 * in brackets and then a space or the line end, so `제4조제2항에서` and `제4조(목적)에 따른` are text
 * wherever they fall; and heads must come in order (article 1 first, each one after the last, chapters
 * one by one), so a wrapped line that happens to open with another article's head is text too.
 * Fewer than {@link minArticles} articles in order are not a statute, and nothing changes.
 */
import type {LayoutBlock} from './build-document.js'

/** What a statute head opens. */
export type StatuteHeadKind = 'part' | 'chapter' | 'section' | 'subsection' | 'article' | 'supplement' | 'annex'

/** Fewer articles in order than this are citations or an excerpt, not a statute laid out article by article. */
const minArticles = 3
/** An article may follow the last one found by at most this many numbers: extraction can lose a head, a citation rarely lands just ahead. */
const maxArticleStep = 2
/** A division's title is a few words; a longer line opening with `제3장` is a sentence citing it. */
const maxDivisionChars = 60

/** A statute's title takes a heading or two (a title and a subtitle) before its first head; more headings are a document that quotes one. */
const maxTitleHeadings = 2

/** Rank of each kind below the headings before the statute (the document's title): parts hold chapters, chapters sections… */
const rankOf: Record<StatuteHeadKind, number> = {part: 1, chapter: 2, section: 3, subsection: 4, article: 5, supplement: 2, annex: 2}
const divisionKind: Record<string, StatuteHeadKind> = {편: 'part', 장: 'chapter', 절: 'section', 관: 'subsection'}

/** A division alone on its line: `제1장 총칙`, `제 2 절 인공지능기술 개발`. */
const division = /^제\s*(\d+)\s*([편장절관])\s+(\S.*)$/u
/** An article's run-in head: number, an inserted article's branch (`의2`), the title in brackets, then a space or the line end. */
const articleHead = /^(제\s*(\d+)\s*조(?:의\s*(\d+))?\s*[(（][^()（）]{1,80}[)）])(?=\s|$)/u
/** A repealed article keeps its number: `제5조 삭제 <2020. 1. 1.>`. */
const repealedHead = /^(제\s*(\d+)\s*조(?:의\s*(\d+))?)(?=\s+삭제(?:\s|$|[<〈(]))/u
/** The supplementary provisions, alone on their line, maybe with the amending act (`부칙 <제12345호, 2020. 1. 1.>`). */
const supplement = /^부\s*칙(?:\s*[<〈(（][^>〉)）]*[>〉)）])?$/u
/** An annex or form label opening its line (`[별표 1]`, `[별지 제1호서식]`) or closing it after the statute's name (`… 시행령 [별지 서식]`). */
const annexLabel = /^\[(?:별표|별지)[^\]]{0,20}\]|\[별지[^\]]{0,20}서식\](?=\s*(?:[<〈(][^>〉)]*[>〉)])?$)/u

/** One head found at the start of a line. */
interface Head {
  kind: StatuteHeadKind
  /** The heading's text. */
  heading: string
  /** What the line holds after the heading (the article's first words), or `''`. */
  rest: string
  /** Lines of the block the heading takes after its own (an annex label's title line). */
  takes: number
}

/** Where heads stand in the numbering so far. */
interface Order {
  divisions: Record<string, number>
  article: number
  branch: number
  articles: number
}

/** The head `line` opens if it is the next in `order` (which it then advances), else null. */
function headAt(line: string, next: string | undefined, order: Order, blockKind: LayoutBlock['kind']): Head | null {
  const text = line.trim()
  const annex = order.articles > 0 ? annexLabel.exec(text) : null
  if (annex) {
    // A label alone on its line is followed by the annex's title (`이행조치 인정 기준 및 절차(제27조제5항 관련)`).
    const titled = annex.index === 0 && text === annex[0] && next !== undefined && next.trim().length <= maxDivisionChars
    return {
      kind: 'annex',
      heading: titled ? `${annex[0]} ${next!.trim()}` : annex[0],
      rest: text.replace(annex[0], '').trim(),
      takes: titled ? 1 : 0
    }
  }
  if (blockKind === 'bullet') return null
  if (order.articles > 0 && supplement.test(text)) {
    order.article = 0
    order.branch = 0
    return {kind: 'supplement', heading: text.replace(/^부\s*칙/u, '부칙'), rest: '', takes: 0}
  }
  const divided = division.exec(text)
  if (divided && text.length <= maxDivisionChars && !/[.。,]$/u.test(text)) {
    const kind = divisionKind[divided[2]!]!
    const number = Number(divided[1])
    if (number === (order.divisions[kind] ?? 0) + 1) {
      order.divisions[kind] = number
      // Sections restart in each chapter, sub-sections in each section.
      for (const lower of Object.values(divisionKind)) if (rankOf[lower] > rankOf[kind]) order.divisions[lower] = 0
      return {kind, heading: text, rest: '', takes: 0}
    }
  }
  const article = articleHead.exec(text) ?? repealedHead.exec(text)
  if (article) {
    const number = Number(article[2])
    const branch = article[3] === undefined ? 0 : Number(article[3])
    const first = order.articles === 0 || order.article === 0
    const inOrder = first
      ? number === 1 && branch === 0
      : branch === 0
        ? number > order.article && number <= order.article + maxArticleStep
        : (number === order.article && branch > order.branch) || number === order.article + 1
    if (inOrder) {
      order.article = number
      order.branch = branch
      order.articles++
      return {kind: 'article', heading: article[1]!.trim(), rest: text.slice(article[0].length).trim(), takes: 0}
    }
  }
  return null
}

/** Result of {@link splitArticles}. */
export interface SplitArticlesResult {
  blocks: LayoutBlock[]
  /** Whether the blocks read as a statute from their first headings on: its heads decide the outline, ranked as `fallbackLevel`s. */
  statute: boolean
}

/**
 * Split run-in statute heads off their blocks (see the module comment). When the heads start right
 * after the title (a statute, not a guide quoting a contract), headings the layout found after the
 * first head that are not heads themselves (a form's title in the title's type) become paragraphs:
 * in a statute the numbering is the outline. Heads rank below the headings before them; their
 * `fallbackLevel`s are meant to be read as relative ranks.
 */
export function splitArticles(input: readonly LayoutBlock[]): SplitArticlesResult {
  const blocks = joinSpreadHeads(input)
  const order: Order = {divisions: {}, article: 0, branch: 0, articles: 0}
  const heads = blocks.map((block) => {
    if (block.kind === 'code' || block.kind === 'footnote') return []
    return block.lines.map((line, index) => headAt(line, block.lines[index + 1], order, block.kind))
  })
  if (order.articles < minArticles) return {blocks: [...input], statute: false}
  const firstHead = heads.findIndex((list) => list.some((head) => head !== null))
  const base = blocks
    .slice(0, firstHead)
    .reduce((deepest, block) => (block.kind === 'heading' ? Math.max(deepest, block.fallbackLevel ?? 1) : deepest), 0)
  // Heads from the first headings on are the document's outline; heads met after other headings (a
  // sample contract's articles in a guide's appendix) only nest below the heading before them.
  const statute = blocks.slice(0, firstHead).filter((block) => block.kind === 'heading').length <= maxTitleHeadings
  const out: LayoutBlock[] = []
  blocks.forEach((block, b) => {
    const found = heads[b] ?? []
    if (b < firstHead || !found.some((head) => head !== null)) {
      out.push(statute && b > firstHead && block.kind === 'heading' ? {...block, kind: 'paragraph'} : block)
      return
    }
    let current: string[] = []
    let kind: LayoutBlock['kind'] = block.kind === 'heading' ? 'paragraph' : block.kind
    let at = 0
    const {fallbackLevel: _, linePages, ...place} = block
    const placeOf = (index: number): Pick<LayoutBlock, 'page' | 'line'> => ({
      page: linePages?.[index] ?? block.page,
      line: block.line === null ? null : block.line + index
    })
    const flush = (): void => {
      if (current.some((line) => line.trim() !== '')) out.push({...place, kind, lines: current, ...placeOf(at)})
      current = []
    }
    for (let index = 0; index < block.lines.length; index++) {
      const head = found[index]
      if (!head) {
        if (current.length === 0) at = index
        current.push(block.lines[index]!)
        continue
      }
      flush()
      out.push({...place, kind: 'heading', lines: [head.heading], ...placeOf(index), fallbackLevel: base + rankOf[head.kind]})
      index += head.takes
      kind = 'paragraph'
      at = index
      current = head.rest === '' ? [] : [head.rest]
    }
    flush()
  })
  return {blocks: out, statute}
}

/**
 * `부칙` set with its two syllables spread across the line (`부            칙`) comes as one-syllable
 * blocks side by side; joined, they are the supplementary provisions' head.
 */
function joinSpreadHeads(blocks: readonly LayoutBlock[]): LayoutBlock[] {
  const out: LayoutBlock[] = []
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!
    const next = blocks[index + 1]
    const syllable = (candidate: LayoutBlock | undefined): string | null =>
      candidate &&
      candidate.kind !== 'code' &&
      candidate.kind !== 'footnote' &&
      candidate.lines.length === 1 &&
      /^\s*\p{sc=Hangul}\s*$/u.test(candidate.lines[0]!)
        ? candidate.lines[0]!.trim()
        : null
    const first = syllable(block)
    const second = syllable(next)
    if (first !== null && second !== null && next!.page === block.page && supplement.test(first + second)) {
      out.push({...block, kind: 'paragraph', lines: [first + second]})
      index++
    } else out.push(block)
  }
  return out
}
