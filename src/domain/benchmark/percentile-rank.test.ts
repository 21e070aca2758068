import fc from 'fast-check'
import { expect, test } from 'vitest'
import { distributionOf, percentileRank, starsFor } from './percentile-rank'

test('INSTRUMENT.md example: 40, 55, 55, 70, 90 → ranks 10, 40, 40, 70, 90 → ★, ★★, ★★, ★★★, ★★★★', () => {
  const group = [40, 55, 55, 70, 90]
  expect(group.map((s) => percentileRank(s, group))).toEqual([10, 40, 40, 70, 90])
  expect(group.map((s) => starsFor(percentileRank(s, group)))).toEqual([1, 2, 2, 3, 4])
})

test('scores equal to two decimals tie even when floating-point noise differs', () => {
  const group = [0.1 + 0.2, 0.3, 50]
  expect(percentileRank(0.3, group)).toBeCloseTo((100 * 1) / 3, 10)
  expect(percentileRank(0.1 + 0.2, group)).toBe(percentileRank(0.3, group))
})

test('star boundaries: 75 is the top quartile, 50 second, 25 third, below fourth', () => {
  expect([75, 74.99, 50, 49.99, 25, 24.99].map(starsFor)).toEqual([4, 3, 3, 2, 2, 1])
})

test('median and quartiles interpolate between scores: 40, 60, 60, 60, 80, 90 → Q1 60, median 60, Q3 75', () => {
  expect(distributionOf([90, 60, 40, 60, 80, 60])).toEqual({ n: 6, q1: 60, median: 60, q3: 75 })
})

test('a rank always lies in (0, 100] and a higher score never ranks lower', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }), (group) => {
      const ranks = group.map((s) => percentileRank(s, group))
      return ranks.every((r) => r > 0 && r <= 100) && group.every((a, i) => group.every((b, j) => !(a > b + 0.01) || ranks[i]! >= ranks[j]!))
    }),
  )
})
