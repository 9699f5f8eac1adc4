import {describe, expect, it} from 'vitest'
import type {Edition} from '../../src/model/edition.js'
import {orderEditions} from '../../src/model/order-editions.js'

const e = (edition: string, year: number | null): Edition => ({edition, year}) as Edition
const order = (list: Edition[]): string[] => orderEditions(list).map((x) => x.edition)

describe('orderEditions', () => {
  it('orders by year, then label, unknown years last', () => {
    expect(order([e('b', null), e('2021', 2021), e('2020b', 2020), e('2020a', 2020), e('a', null)])).toEqual([
      '2020a',
      '2020b',
      '2021',
      'a',
      'b'
    ])
  })

  it('orders labels in natural order within a year', () => {
    expect(order([e('v10', 2020), e('v9', 2020), e('v1.10', 2020), e('v1.9', 2020)])).toEqual(['v1.9', 'v1.10', 'v9', 'v10'])
  })

  it('orders editions of one year by the quarter, half, month or date their labels name', () => {
    // The Go developer survey's labels, and others like them: text order would put 2023-h2 first.
    expect(order([e('2023-h2', 2023), e('2023-q1', 2023), e('2022-q2', 2022), e('2024-h2', 2024), e('2024-h1', 2024)])).toEqual([
      '2022-q2',
      '2023-q1',
      '2023-h2',
      '2024-h1',
      '2024-h2'
    ])
    expect(order([e('2024-q4', 2024), e('2024-h2', 2024), e('2024-q3', 2024), e('2024', 2024)])).toEqual([
      '2024',
      '2024-h2',
      '2024-q3',
      '2024-q4'
    ])
    expect(order([e('june-2024', 2024), e('March 2024', 2024), e('2024-dec', 2024), e('2024-september', 2024)])).toEqual([
      'March 2024',
      'june-2024',
      '2024-september',
      '2024-dec'
    ])
    // FOMC statements and the CISA baselines carry dates; a date of another year names no month.
    expect(
      order([
        e('1994-11-15', 1994),
        e('1994-02-04', 1994),
        e('1994-03-22', 1994),
        e('aad-v1.4.0-2024-11-22', 2024),
        e('aad-v1.2.0-2024-04-04', 2024)
      ])
    ).toEqual(['1994-02-04', '1994-03-22', '1994-11-15', 'aad-v1.2.0-2024-04-04', 'aad-v1.4.0-2024-11-22'])
  })

  it('does not read a quarter, half or month into ordinary words and versions', () => {
    // "march" inside a word, "h2" and "q1" inside words: no part of the year, so they come first.
    expect(order([e('2020-feb', 2020), e('2020-marching', 2020)])).toEqual(['2020-marching', '2020-feb'])
    expect(order([e('2020-q3', 2020), e('2020-q1x', 2020), e('2020-ah2', 2020)])).toEqual(['2020-ah2', '2020-q1x', '2020-q3'])
  })
})
