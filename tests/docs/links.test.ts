import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const documents = [
  'README.md',
  'bench/README.md',
  ...readdirSync(path.join(root, 'docs'), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name))
].sort()

/** GitHub's heading anchors: lower case, punctuation other than `-` and `_` dropped, spaces to `-`. */
function anchors(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```$/gmu, '')
  return new Set(
    [...withoutCode.matchAll(/^#{1,6} (.+)$/gmu)].map((match) =>
      match[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/gu, '-')
    )
  )
}

/** Relative links `[text](target)` outside fenced code. */
function links(markdown: string): string[] {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```$/gmu, '').replace(/`[^`\n]*`/gu, '')
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/gu)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/u.test(target))
}

describe('links between the documents', () => {
  it('finds the documents, their links and headings', () => {
    expect(links('[a](docs/cli.md) `[b](no.md)` [c](https://example.org) [d](#x)')).toEqual(['docs/cli.md', '#x'])
    expect(anchors('## `--detail blocks`: the paragraph diff\n```sh\n# not a heading\n```\n')).toEqual(
      new Set(['--detail-blocks-the-paragraph-diff'])
    )
    expect(documents).toEqual(
      expect.arrayContaining(['README.md', 'bench/README.md', 'docs/algorithms.md', 'docs/cli.md', 'docs/json/compare.md'])
    )
  })

  for (const document of documents) {
    it(`${document}: every relative link names a file or folder that exists, and a heading that exists`, () => {
      const found = links(readFileSync(path.join(root, document), 'utf8'))
      if (document === 'README.md') expect(found.length).toBeGreaterThanOrEqual(20)
      for (const target of found) {
        const [file, anchor] = target.split('#') as [string, string | undefined]
        const resolved = file === '' ? path.join(root, document) : path.resolve(path.dirname(path.join(root, document)), file)
        expect(existsSync(resolved), `${document}: ${target}`).toBe(true)
        if (anchor !== undefined && statSync(resolved).isFile() && resolved.endsWith('.md')) {
          expect(anchors(readFileSync(resolved, 'utf8')), `${document}: ${target}`).toContain(anchor)
        }
      }
    })
  }
})
