import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : []
  })
}

/** The stage folder (`ingest`, `text`, …) a file of src/ belongs to; `.` for src/index.ts and the like. */
function stageOf(file: string): string {
  const parts = path.relative(src, file).split(path.sep)
  return parts.length > 1 ? parts[0]! : '.'
}

// Static imports and re-exports, and dynamic import() of relative paths.
const importPattern = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gmu

/** Stage → the stages its files import, and one file import per edge to name in a failure. */
function stageGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>()
  for (const file of sourceFiles(src)) {
    const from = stageOf(file)
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const to = stageOf(path.resolve(path.dirname(file), match[1]!))
      if (to === from) continue
      const edges = graph.get(from) ?? graph.set(from, new Map()).get(from)!
      if (!edges.has(to)) edges.set(to, `${path.relative(src, file)} imports ${match[1]}`)
    }
  }
  return graph
}

/** A cycle of stages as `a → b → a` with the imports that make it, or null when there is none. */
function findCycle(graph: Map<string, Map<string, string>>): string | null {
  const state = new Map<string, 'open' | 'done'>()
  const trail: string[] = []
  const visit = (stage: string): string | null => {
    state.set(stage, 'open')
    trail.push(stage)
    for (const next of graph.get(stage)?.keys() ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...trail.slice(trail.indexOf(next)), next]
        return cycle
          .slice(1)
          .map((to, i) => graph.get(cycle[i]!)!.get(to)!)
          .join('; ')
      }
      if (!state.has(next)) {
        const found = visit(next)
        if (found) return found
      }
    }
    trail.pop()
    state.set(stage, 'done')
    return null
  }
  for (const stage of [...graph.keys()].sort()) {
    if (state.has(stage)) continue
    const found = visit(stage)
    if (found) return found
  }
  return null
}

describe('stage folders of src/', () => {
  const graph = stageGraph()

  it('import each other one way: no cycle between stages', () => {
    expect(findCycle(graph)).toBeNull()
  })

  it('finds a cycle when there is one (the check can fail)', () => {
    const looped = new Map([
      ['a', new Map([['b', 'a.ts imports b']])],
      ['b', new Map([['a', 'b.ts imports a']])]
    ])
    expect(findCycle(looped)).toBe('a.ts imports b; b.ts imports a')
  })

  it('keep ingest and normalize apart in one direction: normalize does not import ingest', () => {
    expect(graph.get('normalize')?.get('ingest')).toBeUndefined()
    expect(graph.get('ingest')?.has('normalize')).toBe(true)
  })

  it('leave the command line to itself: no stage imports src/cli', () => {
    for (const [stage, edges] of graph) if (stage !== 'cli') expect(edges.get('cli'), stage).toBeUndefined()
  })

  it('keep text and model at the bottom: they import no other stage but each other', () => {
    for (const stage of ['text', 'model'])
      expect(
        [...(graph.get(stage)?.keys() ?? [])].filter((to) => to !== 'text' && to !== 'model'),
        stage
      ).toEqual([])
  })
})
