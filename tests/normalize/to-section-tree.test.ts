import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../../src/normalize/parse-markdown.js'
import {toSectionTree} from '../../src/normalize/to-section-tree.js'

const tree = (markdown: string) => toSectionTree(parseMarkdown(markdown).root, {language: 'ko', title: null})

describe('toSectionTree: the title heading', () => {
  it('is found below an issue line that numbers the decree, which stays in the preamble', () => {
    // The decree's first page: `대통령령 제 36053 호` above its title, then its chapters.
    const decree = tree(
      '대통령령 제 36053 호\n\n# 인공지능 기본법 시행령안\n\n## 제1장 총칙\n\n목적을 정한다.\n\n## 제2장 추진체계\n\n위원회를 둔다.\n'
    )
    expect(decree.title).toBe('인공지능 기본법 시행령안')
    expect(decree.sections.map((section) => section.title)).toEqual(['총칙', '추진체계'])
    expect(decree.sections.map((section) => section.level)).toEqual([1, 1])
    expect(decree.preambleWords).toBeGreaterThan(0)
  })

  it('is not found below a paragraph of text, nor below an issue line without a number', () => {
    const prose = tree(
      '이 문서는 인공지능 기본법의 시행에 필요한 사항을 길게 설명하는 머리말입니다.\n\n# 시행령안\n\n## 총칙\n\n## 추진체계\n'
    )
    expect(prose.title).toBeNull()
    expect(prose.sections.map((section) => section.title)).toEqual(['시행령안'])
    expect(tree('초안\n\n# 시행령안\n\n## 총칙\n\n## 추진체계\n').sections).toHaveLength(1)
  })
})
