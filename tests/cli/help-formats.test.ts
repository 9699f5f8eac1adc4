import {describe, expect, it} from 'vitest'
import {execute} from '../../src/cli/execute.js'
import {inputFormatSpecs} from '../../src/ingest/input-formats.js'
import {fakeIo} from './fake-io.js'

async function help(command: string): Promise<string> {
  const io = fakeIo()
  expect(await execute([command, '--help'], io)).toBe(0)
  return io.out()
}

describe('every command’s help names the formats of the format registry', () => {
  it('offers every format to --from', async () => {
    for (const command of ['ingest', 'outline', 'compare', 'history', 'trends']) {
      const from = (await help(command)).split('\n').find((line) => line.includes('--from'))
      for (const spec of inputFormatSpecs) expect(from, `${command} ${spec.name}`).toMatch(new RegExp(`\\b${spec.name}\\b`, 'u'))
    }
  })

  it('says which files a series folder is read for: every extension, .pdf included', async () => {
    for (const command of ['history', 'trends']) {
      const text = (await help(command)).replace(/\s+/gu, ' ')
      for (const extension of inputFormatSpecs.flatMap((spec) => spec.extensions))
        expect(text, `${command} .${extension}`).toContain(`.${extension}`)
    }
  })
})
