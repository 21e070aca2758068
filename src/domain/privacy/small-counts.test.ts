import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { K_MIN_COUNT, publishCountList, publishCounts, publishNestedCounts, type PublishedCount } from './small-counts'

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

describe('publishing nested stages (invited ⊇ taking part ⊇ completed)', () => {
  test('a small difference between two shown stages is not left to subtraction', () => {
    // 12 invited and 9 taking part would say 3 did not take part.
    const { rows } = publishNestedCounts([[12, 9, 6], [40, 30, 20]])
    const [invited, takingPart] = rows[0]!
    expect(invited!.kind === 'shown' && takingPart!.kind === 'shown').toBe(false)
  })

  test('large groups are shown in full, and the totals are the sums', () => {
    expect(publishNestedCounts([[40, 30, 20], [50, 25, 10]])).toEqual({
      rows: [[shown(40), shown(30), shown(20)], [shown(50), shown(25), shown(10)]],
      totals: [shown(90), shown(55), shown(30)],
    })
  })

  test('refuses a stage larger than the one before', () => {
    expect(() => publishNestedCounts([[5, 7, 1]])).toThrow()
  })

  /** Every figure a reader can work out by subtracting or adding published ones, one line at a time, to the end. */
  function workedOut(stages: number[][], published: { rows: PublishedCount[][]; totals: PublishedCount[] }) {
    const width = stages[0]!.length
    // Variables: each group's stages n(g,j) and the difference of every two stages d(g,i,j) = n(g,i) - n(g,j),
    // and the same for the totals. A difference with the empty stage after the last is the stage itself.
    const truth = new Map<string, number>()
    const lines: { total: string; parts: string[] }[] = []
    const totalsRow = range(0, width - 1).map((j) => stages.reduce((a, r) => a + r[j]!, 0))
    const blocks = [...stages.map((row, g) => ({ id: `g${g}`, row })), { id: 'all', row: totalsRow }]
    const gaps: [number, number][] = range(0, width - 1).flatMap((i) => range(0, width - 1).filter((j) => j > i).map((j): [number, number] => [i, j]))
    for (const { id, row } of blocks) {
      row.forEach((v, j) => truth.set(`${id}.n${j}`, v))
      for (const [i, j] of gaps) {
        truth.set(`${id}.d${i}-${j}`, row[i]! - row[j]!)
        lines.push({ total: `${id}.n${i}`, parts: [`${id}.d${i}-${j}`, `${id}.n${j}`] })
      }
    }
    const groupIds = blocks.slice(0, -1).map((b) => b.id)
    for (let j = 0; j < width; j++) lines.push({ total: `all.n${j}`, parts: groupIds.map((g) => `${g}.n${j}`) })
    for (const [i, j] of gaps) lines.push({ total: `all.d${i}-${j}`, parts: groupIds.map((g) => `${g}.d${i}-${j}`) })
    const known = new Set<string>()
    published.rows.forEach((row, g) => row.forEach((c, j) => c.kind === 'shown' && known.add(`g${g}.n${j}`)))
    published.totals.forEach((c, j) => c.kind === 'shown' && known.add(`all.n${j}`))
    for (let changed = true; changed; ) {
      changed = false
      for (const { total, parts } of lines) {
        const unknown = [total, ...parts].filter((v) => !known.has(v))
        if (unknown.length === 1) {
          known.add(unknown[0]!)
          changed = true
        }
      }
    }
    return [...known].map((v) => ({ v, value: truth.get(v)! }))
  }

  const nested = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }))
    .chain(([groups, width]) => fc.array(fc.array(fc.nat({ max: 25 }), { minLength: width, maxLength: width }), { minLength: groups, maxLength: groups }))
    .map((rows) => rows.map((parts) => parts.map((_, j) => parts.slice(j).reduce((a, b) => a + b, 0))))

  test('no figure under 5 can be worked out from the published ones by any chain of sums and differences', () => {
    fc.assert(
      fc.property(nested, (stages) => {
        const published = publishNestedCounts(stages)
        published.rows.forEach((row, g) => row.forEach((c, j) => c.kind === 'shown' && expect(c.value).toBe(stages[g]![j])))
        for (const { v, value } of workedOut(stages, published)) expect({ v, value }).toEqual({ v, value: expect.toSatisfy((n: number) => n >= K_MIN_COUNT) })
      }),
      { numRuns: 500 },
    )
  })

  test('a table the size of the by-state page (56 groups) holds the same promise', () => {
    const states = fc.array(fc.tuple(fc.nat({ max: 12 }), fc.nat({ max: 12 }), fc.nat({ max: 12 })), { minLength: 56, maxLength: 56 })
      .map((rows) => rows.map(([a, b, c]) => [a + b + c, b + c, c]))
    fc.assert(
      fc.property(states, (stages) => {
        const published = publishNestedCounts(stages)
        for (const { value } of workedOut(stages, published)) expect(value).toBeGreaterThanOrEqual(K_MIN_COUNT)
      }),
      { numRuns: 20 },
    )
  })
})
