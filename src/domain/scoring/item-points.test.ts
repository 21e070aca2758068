import { describe, expect, test } from 'vitest'
import type { Item, ItemOf } from '../instrument/instrument-model'
import { indicatorResult } from './item-points'
import { scoringFixture } from './scoring-fixture'

const item = <K extends Item['kind']>(id: string) => {
  const found = scoringFixture().domains.flatMap((d) => d.areas.flatMap((a) => a.items)).find((i) => i.id === id)
  if (!found) throw new Error(id)
  return found as ItemOf<K>
}
const earned = (id: string, answer: Parameters<typeof indicatorResult>[1]) => {
  const r = indicatorResult(item(id), answer)
  return r.counted ? `${r.earned}/${r.max}` : r.reason
}

describe('points per item kind', () => {
  test('yes/no earns the points of the answer given', () => {
    expect(earned('kinds.yes', true)).toBe('2/2')
    expect(earned('kinds.yes', false)).toBe('0/2')
  })
  test('single choice earns the chosen option’s points, out of the best option', () => {
    expect(earned('kinds.single', 'mid')).toBe('1/3')
    expect(earned('kinds.single', 'high')).toBe('3/3')
  })
  test('multiple choice adds the ticked options and stops at the cap', () => {
    expect(earned('kinds.multi', ['c'])).toBe('1/3')
    expect(earned('kinds.multi', ['a', 'b', 'c'])).toBe('3/3')
    expect(earned('kinds.multi', [])).toBe('0/3')
  })
  test('a number earns the points of the highest band it reaches; below the first band earns 0', () => {
    expect(earned('kinds.number', 5)).toBe('0/2')
    expect(earned('kinds.number', 10)).toBe('1/2')
    expect(earned('kinds.number', 49.9)).toBe('1/2')
    expect(earned('kinds.number', 80)).toBe('2/2')
  })
  test('a Likert answer of 0–4 is its own points, out of 4', () => {
    expect(earned('kinds.likert', 3)).toBe('3/4')
  })
  test('a table is scored by its ratio: 25 of 100 is 25 %, in the 20 % band', () => {
    expect(earned('kinds.table', { 'urm.n': 25, 'all.n': 100 })).toBe('2/2')
    expect(earned('kinds.table', { 'urm.n': 10, 'all.n': 100 })).toBe('0/2')
    expect(earned('kinds.table', { 'urm.n': 0, 'all.n': 0 })).toBe('0/2')
  })
  test('free text is never scored', () => {
    expect(earned('kinds.notes', 'We do a lot')).toBe('unscored')
  })
  test("'don't know' and a missing answer earn 0 but stay in the denominator", () => {
    expect(earned('kinds.single', { escape: 'dont-know' })).toBe('0/3')
    expect(earned('kinds.single', undefined)).toBe('0/3')
    expect(earned('kinds.single', null)).toBe('0/3')
  })
  test("'not applicable' leaves the denominator where the item offers it", () => {
    expect(earned('kinds.yes', { escape: 'not-applicable' })).toBe('not-applicable')
  })
})
