/** Test helpers: read an edition with the real ingest, and pair sections the simple way fixtures need. */
import {readFileSync} from 'node:fs'
import {ingestEdition} from '../../src/ingest/ingest-edition.js'
import type {Edition} from '../../src/model/edition.js'
import {flattenSections} from '../../src/model/flatten-sections.js'
import type {RelationPair} from '../../src/diff/diff-relations.js'

export async function loadEdition(file: string, language?: string): Promise<Edition> {
  const options = language ? {file, language} : {file}
  return (await ingestEdition(readFileSync(file), options)).edition
}

/** Pair sections in document order (fixtures keep the same outline); extra sections become added/removed. */
export function pairInOrder(old: Edition, neu: Edition): RelationPair[] {
  const a = flattenSections(old).map((flat) => flat.section)
  const b = flattenSections(neu).map((flat) => flat.section)
  const pairs: RelationPair[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    pairs.push({old: a[i] ? [a[i]!] : [], new: b[i] ? [b[i]!] : []})
  }
  return pairs
}

/** Pair sections by normalised title; unmatched ones become added/removed relations. */
export function pairByTitle(old: Edition, neu: Edition): RelationPair[] {
  const norm = (title: string) =>
    title
      .toLowerCase()
      .replace(/\b(19|20)\d\d\b/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  const a = flattenSections(old).map((flat) => flat.section)
  const b = flattenSections(neu).map((flat) => flat.section)
  const used = new Set<number>()
  const pairs: RelationPair[] = []
  for (const section of a) {
    const index = b.findIndex((candidate, i) => !used.has(i) && norm(candidate.title) === norm(section.title))
    if (index >= 0) {
      used.add(index)
      pairs.push({old: [section], new: [b[index]!]})
    } else pairs.push({old: [section], new: []})
  }
  b.forEach((section, i) => {
    if (!used.has(i)) pairs.push({old: [], new: [section]})
  })
  return pairs
}
