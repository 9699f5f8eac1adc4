import {describe, expect, it} from 'vitest'
import {compareEditions} from '../../src/compare/compare-editions.js'
import {relationBadges} from '../../src/report/describe-relation.js'
import {loadCorpusEdition} from '../align/load-corpus.js'

describe('relationBadges', () => {
  it('names a section by its heading where its title is empty (the text before the first heading)', async () => {
    // SemVer 1.0.0 opens with untitled text; 2.0.0 puts it under "Introduction".
    const result = compareEditions(await loadCorpusEdition('semver-spec', 'v1.0.0.en.md'), await loadCorpusEdition('semver-spec', 'v2.0.0.en.md'))
    const preamble = result.relations.find((r) => r.old[0]?.id === '(preamble)')!
    expect([preamble.old[0]!.title, preamble.new[0]!.title, preamble.flags]).toEqual(['', 'Introduction', ['renamed', 'modified']])
    expect(relationBadges(preamble).map((b) => b.text)).toEqual(['renamed: (preamble) → Introduction', 'modified'])
  })
})
