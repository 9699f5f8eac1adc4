import {describe, expect, it} from 'vitest'
import {coreFree, systemLoad} from '../../src/cli/core-free.js'

describe('coreFree', () => {
  it('takes a second core when nothing else runs now, though the last minute was busy', () => {
    expect(coreFree({cores: 2, lastMinute: 2.6, runnable: 1})).toBe(true)
  })

  it('weighs the last minute when other threads run now, or when the system does not say', () => {
    expect(coreFree({cores: 2, lastMinute: 2.6, runnable: 3})).toBe(false)
    expect(coreFree({cores: 2, lastMinute: 1.2, runnable: 2})).toBe(true)
    expect(coreFree({cores: 2, lastMinute: 2.6, runnable: null})).toBe(false)
    expect(coreFree({cores: 4, lastMinute: 2.6, runnable: null})).toBe(true)
  })

  it('never with one core', () => {
    expect(coreFree({cores: 1, lastMinute: 0, runnable: 1})).toBe(false)
  })

  it('reads this machine: at least this thread runnable where the system says', () => {
    const load = systemLoad()
    expect(load.cores).toBeGreaterThanOrEqual(1)
    expect(load.lastMinute).toBeGreaterThanOrEqual(0)
    if (load.runnable !== null) expect(load.runnable).toBeGreaterThanOrEqual(1)
  })
})
