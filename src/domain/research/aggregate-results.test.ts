import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { NormsMember, SchoolFacts } from '../benchmark/group-keys'
import { aggregateResults, breakdownTable } from './aggregate-results'

let next = 0
const member = (facts: Partial<SchoolFacts>, overall: number | null): NormsMember => ({
  responseId: `r${next++}`,
  facts: { discipline: 'md', control: 'public', carnegieGroup: 'r1', ...facts },
  scores: { overall },
})
const many = (count: number, facts: Partial<SchoolFacts>, from: number) => Array.from({ length: count }, (_, i) => member(facts, from + i))

describe('aggregate results under the small-count rule', () => {
  test('groups of 5 and more show their statistics, and the test compares them', () => {
    const members = [...many(7, { discipline: 'md' }, 40), ...many(5, { discipline: 'dental' }, 60)]
    const table = breakdownTable('discipline', members, 'overall')
    expect(table.rows.map((r) => [r.key, r.n])).toEqual([['md', { kind: 'shown', value: 7 }], ['dental', { kind: 'shown', value: 5 }]])
    expect(table.rows[0]!.stats).toMatchObject({ n: 7, mean: 43, median: 43 })
    expect(table.comparison?.groups).toBe(2)
  })

  test('a lone small group is hidden and the next smallest withheld with every statistic; no test is left', () => {
    const members = [...many(7, { carnegieGroup: 'r1' }, 40), ...many(6, { carnegieGroup: 'r2' }, 50), ...many(3, { carnegieGroup: 'special-focus' }, 90)]
    const table = breakdownTable('carnegie', members, 'overall')
    expect(table.rows.map((r) => r.n.kind)).toEqual(['shown', 'withheld', 'fewer-than-k'])
    expect(table.rows.map((r) => r.stats === null)).toEqual([false, true, true])
    expect(table.comparison).toBeNull()
  })

  test('two hidden groups protect each other; the shown ones are still compared', () => {
    const members = [...many(8, { carnegieGroup: 'r1' }, 40), ...many(6, { carnegieGroup: 'r2' }, 50), ...many(3, { carnegieGroup: 'r3' }, 70), ...many(2, { carnegieGroup: 'associate' }, 80)]
    const table = breakdownTable('carnegie', members, 'overall')
    expect(table.rows.map((r) => r.n.kind)).toEqual(['shown', 'shown', 'fewer-than-k', 'fewer-than-k'])
    expect(table.comparison?.groups).toBe(2)
  })

  test('schools without a score for the metric are not counted in it; fewer than 5 in all hides everything', () => {
    const members = [...many(4, {}, 10), member({}, null), member({}, null)]
    const [results] = aggregateResults(members, ['overall'])
    expect(results!.all).toMatchObject({ n: { kind: 'fewer-than-k' }, stats: null })
    expect(results!.breakdowns.every((b) => b.rows.length === 0 && b.comparison === null)).toBe(true)
  })
})

describe('suppression of statistics, whatever the group sizes', () => {
  const CARNEGIE = ['r1', 'r2', 'r3', 'special-focus', 'masters-baccalaureate', 'associate', 'other'] as const
  test('no group under 5 shows a figure, and a breakdown never hides exactly one group', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 7, maxLength: 7 }), (sizes) => {
        const members = sizes.flatMap((n, g) => many(n, { carnegieGroup: CARNEGIE[g] }, 10 + g * 7))
        const [results] = aggregateResults(members, ['overall'])
        const table = results!.breakdowns.find((b) => b.breakdown === 'carnegie')!
        for (const row of table.rows) {
          const trueN = sizes[CARNEGIE.indexOf(row.key as (typeof CARNEGIE)[number])]!
          if (trueN < 5) expect(row.n.kind).toBe('fewer-than-k')
          if (row.n.kind !== 'shown') expect(row.stats).toBeNull()
          else expect(row.stats!.n).toBe(trueN)
        }
        const hidden = table.rows.filter((r) => r.n.kind !== 'shown').length
        if (results!.all.n.kind === 'shown') expect(hidden).not.toBe(1)
        const shown = table.rows.length - hidden
        expect(table.comparison === null || shown >= 2).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
