import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { K_MIN_COUNT, publishCountList, publishCounts, type PublishedCount } from './small-counts'

const shown = (value: number): PublishedCount => ({ kind: 'shown', value })
const small: PublishedCount = { kind: 'fewer-than-k' }
const withheld: PublishedCount = { kind: 'withheld' }

describe('publishing a list of counts with its total', () => {
  test('counts of 5 and more are shown as they are', () => {
    expect(publishCountList([12, 30, 5])).toEqual({ counts: [shown(12), shown(30), shown(5)], total: shown(47) })
  })

  test('a lone small count is hidden, and so is the smallest other count, so the total cannot give it away', () => {
    expect(publishCountList([3, 40, 12])).toEqual({ counts: [small, shown(40), withheld], total: shown(55) })
  })

  test('two small counts that together could only be 4 + 4 are protected by a third hidden count', () => {
    // 4 + 4 = 8 with each under 5 would pin both to 4; withholding the 9 leaves them uncertain.
    expect(publishCountList([4, 4, 9, 20]).counts).toEqual([small, small, withheld, shown(20)])
  })

  test('zero is a small count too', () => {
    expect(publishCountList([0, 0, 50]).counts.every((c) => c.kind !== 'shown')).toBe(true)
  })

  test('a total under 5 is itself "fewer than 5"', () => {
    expect(publishCountList([1, 2])).toEqual({ counts: [small, small], total: small })
  })

  test('a single count equal to its total is hidden with it when small', () => {
    expect(publishCountList([3])).toEqual({ counts: [small], total: small })
    expect(publishCountList([7])).toEqual({ counts: [shown(7)], total: shown(7) })
  })
})

describe('publishing a two-way table', () => {
  test('a small cell hides a partner in its row and its column, and the margins stay consistent', () => {
    const table = publishCounts({ cells: [[2, 20], [30, 40]] })
    expect(table.cells[0]![0]).toEqual(small)
    expect(table.cells[0]![1]!.kind).not.toBe('shown')
    expect(table.cells[1]![0]!.kind).not.toBe('shown')
    expect(table.grandTotal).toEqual(shown(92))
  })

  test('refuses counts that are not whole non-negative numbers', () => {
    expect(() => publishCounts({ cells: [[-1]] })).toThrow()
    expect(() => publishCounts({ cells: [[1.5]] })).toThrow()
  })
})

/** Every list of counts consistent with what was published, within a search bound for withheld cells. */
function consistentLists(published: { counts: PublishedCount[]; total: PublishedCount }, bound: number): number[][] {
  const options = published.counts.map((c) =>
    c.kind === 'shown' ? [c.value] : c.kind === 'fewer-than-k' ? range(0, K_MIN_COUNT - 1) : range(K_MIN_COUNT, bound),
  )
  const out: number[][] = []
  const walk = (i: number, acc: number[]) => {
    if (i === options.length) {
      const total = acc.reduce((a, b) => a + b, 0)
      const t = published.total
      const ok = t.kind === 'shown' ? total === t.value : t.kind === 'fewer-than-k' ? total < K_MIN_COUNT : total >= K_MIN_COUNT
      if (ok) out.push([...acc])
      return
    }
    for (const v of options[i]!) walk(i + 1, [...acc, v])
  }
  walk(0, [])
  return out
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('properties', () => {
  const lists = fc.array(fc.nat({ max: 15 }), { minLength: 1, maxLength: 4 })
  const tables = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
    .chain(([r, c]) => fc.array(fc.array(fc.nat({ max: 30 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))

  test('no count under 5 is ever shown, and every shown count is the true count', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const t = publishCounts({ cells })
        const pairs: [PublishedCount, number][] = [
          ...cells.flatMap((row, r) => row.map((v, c): [PublishedCount, number] => [t.cells[r]![c]!, v])),
          ...cells.map((row, r): [PublishedCount, number] => [t.rowTotals[r]!, row.reduce((a, b) => a + b, 0)]),
        ]
        for (const [p, v] of pairs) {
          if (v < K_MIN_COUNT) expect(p.kind).not.toBe('shown')
          if (p.kind === 'shown') expect(p.value).toBe(v)
          if (p.kind === 'fewer-than-k') expect(v).toBeLessThan(K_MIN_COUNT)
        }
      }),
    )
  })

  test('no hidden count in a list can be worked out: every one could hold two different values', () => {
    fc.assert(
      fc.property(lists, (counts) => {
        const published = publishCountList(counts)
        const candidates = consistentLists(published, 40)
        expect(candidates).toContainEqual(counts)
        published.counts.forEach((c, i) => {
          if (c.kind === 'shown') return
          expect(new Set(candidates.map((l) => l[i])).size).toBeGreaterThan(1)
        })
      }),
    )
  })

  test('in a two-way table every row and column with a shown total has zero or at least two hidden cells', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const t = publishCounts({ cells })
        const hiddenIn = (xs: PublishedCount[]) => xs.filter((x) => x.kind !== 'shown').length
        t.cells.forEach((row, r) => {
          if (t.rowTotals[r]!.kind === 'shown') expect(hiddenIn(row)).not.toBe(1)
        })
        t.columnTotals.forEach((total, c) => {
          if (total.kind === 'shown') expect(hiddenIn(t.cells.map((row) => row[c]!))).not.toBe(1)
        })
      }),
    )
  })
})
