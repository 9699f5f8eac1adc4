import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv2020, type ErrorObject, type ValidateFunction} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {fakeIo} from '../cli/fake-io.js'

// biome-ignore lint/suspicious/noExplicitAny: these tests spoil arbitrary fields of parsed JSON on purpose
type Loose = any

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const schemaFolder = path.join(root, 'docs/schemas')
const edition = (file: string) => path.join(root, 'editions', file)
const fixture = (file: string) => path.join(root, 'tests/fixtures', file)

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

const schemas = new Map(
  readdirSync(schemaFolder)
    .filter((name) => name.endsWith('.schema.json'))
    .map((name) => [name, JSON.parse(readFileSync(path.join(schemaFolder, name), 'utf8')) as {[key: string]: Json}])
)

/**
 * The published schemas let objects gain fields (a later wpdiff may add some). This copy closes every
 * object the schemas describe, so the test also fails when an output carries a field the schema
 * (and so the documentation) does not describe yet.
 */
function closed(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(closed)
  if (schema === null || typeof schema !== 'object') return schema
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]))
  if (copy.type === 'object' && copy.properties && !('additionalProperties' in copy)) copy.additionalProperties = false
  return copy
}

function validators(close: boolean): (name: string) => ValidateFunction {
  // strictRequired would reject `if: {required: ['foundIn']}`, plain JSON Schema that names a property declared beside the `if`.
  const ajv = new Ajv2020({allErrors: true, strict: true, strictRequired: false})
  // Schemas refer to each other by file name ("common.schema.json#/$defs/…"), as they do on disk.
  for (const [name, schema] of schemas) ajv.addSchema(close ? (closed(schema) as object) : schema, name)
  return (name) => ajv.getSchema(name)!
}
const open = validators(false)
const documented = validators(true)

const explain = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
    .join('\n')

/** Each command run that prints JSON, on inputs shipped in the repository, with its schema and exit code. */
const runs: {name: string; argv: string[]; schema: string; exit: number}[] = [
  {
    name: 'outline of a normalised edition with a printed table of contents',
    schema: 'outline',
    exit: 0,
    argv: ['outline', '--json', edition('diplomatic-white-paper/2020.md')]
  },
  {
    name: 'outline of a PDF (pages)',
    schema: 'outline',
    exit: 0,
    argv: ['outline', '--json', fixture('pdf/contributor-covenant-2.1-columns/document.pdf')]
  },
  {
    name: 'outline of PDF-extracted text',
    schema: 'outline',
    exit: 0,
    argv: ['outline', '--json', fixture('extracted-text/page-numbers/input.txt')]
  },
  {
    name: 'compare, summary (merges)',
    schema: 'compare',
    exit: 1,
    argv: ['compare', '--json', edition('owasp-api-security-top10/2019.md'), edition('owasp-api-security-top10/2023.md')]
  },
  {
    name: 'compare, summary (foundIn)',
    schema: 'compare',
    exit: 1,
    argv: [
      'compare',
      '--json',
      fixture('corpora/cisa-scuba-m365-baselines/exo-v1.2.0-2024-04-04.md'),
      fixture('corpora/cisa-scuba-m365-baselines/exo-v1.4.0-2024-11-22.md')
    ]
  },
  {
    name: 'compare --format json of an edition with itself',
    schema: 'compare',
    exit: 0,
    argv: ['compare', '--format', 'json', fixture('report/small-pair/old.md'), fixture('report/small-pair/old.md')]
  },
  {
    name: 'compare --detail blocks (renamed, added, removed)',
    schema: 'compare',
    exit: 1,
    argv: ['compare', '--json', '--detail', 'blocks', fixture('report/small-pair/old.md'), fixture('report/small-pair/new.md')]
  },
  ...['moved-paragraphs', 'noise-classes', 'rewritten-section', 'korean-particles'].map((name) => ({
    name: `compare --detail blocks, ${name}`,
    schema: 'compare',
    exit: 1,
    argv: ['compare', '--json', '--detail', 'blocks', fixture(`diff/${name}/old.md`), fixture(`diff/${name}/new.md`)]
  })),
  {
    name: 'history of a series (foundIn)',
    schema: 'history',
    exit: 0,
    argv: ['history', '--json', edition('cncf-cloud-native-security-whitepaper')]
  },
  {name: 'history of a series (merges)', schema: 'history', exit: 0, argv: ['history', '--json', edition('owasp-api-security-top10')]},
  {
    name: 'trends of a folder with themes in series.yaml',
    schema: 'trends',
    exit: 0,
    argv: ['trends', '--json', '--terms', 'nuclear,Korean Peninsula,/carbon.*/', edition('un-general-debate-kor')]
  },
  {
    name: 'trends of Korean editions (particles)',
    schema: 'trends',
    exit: 0,
    argv: [
      'trends',
      '--json',
      '--ngram',
      '3',
      '--top',
      '5',
      '--terms',
      '한반도',
      ...['2019', '2020', '2021'].map((year) => fixture(`trends/korean-particles/${year}.md`))
    ]
  }
]

const outputs = new Map<string, Json>()
async function output(run: (typeof runs)[number]): Promise<Json> {
  const cached = outputs.get(run.name)
  if (cached !== undefined) return cached
  const io = fakeIo()
  expect(await execute(run.argv, io), io.err()).toBe(run.exit)
  const json = JSON.parse(io.out()) as Json
  outputs.set(run.name, json)
  return json
}

describe('docs/schemas', () => {
  it('are valid draft 2020-12 schemas, one per JSON output plus the shared definitions', () => {
    expect([...schemas.keys()].sort()).toEqual([
      'common.schema.json',
      'compare.schema.json',
      'history.schema.json',
      'outline.schema.json',
      'trends.schema.json'
    ])
    for (const name of schemas.keys()) expect(open(name), name).toBeTypeOf('function')
    for (const name of ['compare', 'history', 'outline', 'trends']) {
      expect(schemas.get(`${name}.schema.json`)!.title).toBe(`wpdiff/${name}@1`)
    }
  })

  for (const run of runs) {
    it(`${run.name}: ${run.argv.slice(0, 2).join(' ')} matches ${run.schema}.schema.json`, async () => {
      const json = await output(run)
      expect((json as {schema: string}).schema).toBe(`wpdiff/${run.schema}@1`)
      const validate = open(`${run.schema}.schema.json`)
      expect(validate(json), explain(validate.errors)).toBe(true)
      const strict = documented(`${run.schema}.schema.json`)
      expect(strict(json), `a field the schema does not describe:\n${explain(strict.errors)}`).toBe(true)
    }, 120_000)
  }

  it('the runs reach the optional and conditional parts of the schemas', async () => {
    const all = await Promise.all(runs.map(async (run) => ({run, json: JSON.stringify(await output(run))})))
    const text = (schema: string) =>
      all
        .filter((entry) => entry.run.schema === schema)
        .map((entry) => entry.json)
        .join('\n')
    for (const op of ['equal', 'changed', 'inserted', 'deleted', 'moved', 'rewritten']) expect(text('compare')).toContain(`"op":"${op}"`)
    for (const kind of ['matched', 'merged', 'added', 'removed']) expect(text('compare')).toContain(`"kind":"${kind}"`)
    for (const noise of ['renumbering', 'year-bump', 'figure-update']) expect(text('compare')).toContain(`"noise":"${noise}"`)
    expect(text('compare')).toContain('"foundIn":{"section"')
    expect(text('compare')).toContain('"movedTo":')
    expect(text('history')).toContain('"foundIn":{"lineage"')
    expect(text('history')).toContain('"relation":"merged"')
    expect(text('outline')).toMatch(/"page":\d/u)
    expect(text('outline')).toContain('"toc":[{')
    expect(text('trends')).toContain('"kind":"first-last"')
    expect(text('trends')).toContain('"themes":[{')
  }, 300_000)

  it('reject an output with a required field removed or a value of the wrong kind', async () => {
    const compare = structuredClone(await output(runs.find((run) => run.schema === 'compare' && run.argv.includes('blocks'))!)) as Loose
    const validate = open('compare.schema.json')
    expect(validate(compare)).toBe(true)
    for (const spoil of [
      (json: Loose) => delete json.summary,
      (json: Loose) => delete json.relations[0].kind,
      (json: Loose) => delete json.relations[0].new[0].id,
      (json: Loose) => (json.relations[0].kind = 'renamed'),
      (json: Loose) => (json.relations[0].similarity = 1.5),
      (json: Loose) => (json.relations[0].blocks[0].op = 'unknown'),
      (json: Loose) => (json.schema = 'wpdiff/compare@2')
    ]) {
      const copy = structuredClone(compare)
      spoil(copy)
      expect(validate(copy), spoil.toString()).toBe(false)
    }
    const outline = structuredClone(await output(runs[0]!)) as Loose
    delete outline.edition.source.sha256
    expect(open('outline.schema.json')(outline)).toBe(false)
    const history = structuredClone(await output(runs.find((run) => run.schema === 'history')!)) as Loose
    delete history.lineages[0].steps[0].with
    expect(open('history.schema.json')(history)).toBe(false)
    const trends = structuredClone(await output(runs.find((run) => run.schema === 'trends')!)) as Loose
    trends.settings.correction = 'bonferroni'
    expect(open('trends.schema.json')(trends)).toBe(false)
  }, 300_000)

  it('the documented-fields check fails on a field no schema describes, the published schema allows it', async () => {
    const outline = structuredClone(await output(runs[0]!)) as Loose
    outline.sections[0].colour = 'red'
    expect(open('outline.schema.json')(outline)).toBe(true)
    expect(documented('outline.schema.json')(outline)).toBe(false)
  }, 120_000)
})
