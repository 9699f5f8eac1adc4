import {describe, expect, it} from 'vitest'
import {measureLineSteps} from '../../src/ingest/measure-line-steps.js'

const at = (page: number, size: number, y: number) => ({page, column: 0, size, y})

describe('measureLineSteps', () => {
  it('measures each size by its own commonest step, leaving out gaps wider than a paragraph leading', () => {
    const lines = [
      // 9 pt box text on a 12 pt step
      ...[100, 112, 124, 136].map((y) => at(1, 9, y)),
      // 11 pt prose on a 19.8 pt step, three wrapped sentences
      at(1, 11, 200),
      at(1, 11, 219.8),
      at(1, 11, 260),
      at(1, 11, 279.8),
      at(2, 11, 100),
      at(2, 11, 119.8),
      // 13 pt headings, far apart: no paragraph step
      at(2, 13, 200),
      at(2, 13, 260),
      at(3, 13, 80),
      at(3, 13, 140),
      at(3, 13, 200)
    ]
    const steps = measureLineSteps(lines)
    expect(steps.get(9)).toBe(12)
    expect(steps.get(11)).toBe(20)
    expect(steps.has(13)).toBe(false)
  })

  it('needs three pairs of a size before it trusts a step', () => {
    expect(measureLineSteps([at(1, 11, 100), at(1, 11, 120), at(1, 11, 140)]).has(11)).toBe(false)
    expect(measureLineSteps([at(1, 11, 100), at(1, 11, 120), at(1, 11, 140), at(1, 11, 160)]).get(11)).toBe(20)
  })
})
