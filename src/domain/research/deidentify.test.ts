import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CARNEGIE_GROUPS, CONTROLS, DISCIPLINES, type CarnegieGroup } from '../school/school-facts'
import { CENSUS_REGIONS } from './census-regions'
import { coarseCarnegie, planDeidentification, QUASI_IDENTIFIERS, type QuasiIdentifierCell, type QuasiIdentifiers, type ReleasedQuasiIdentifiers } from './deidentify'

const qi = fc.record({
  discipline: fc.constantFrom(...DISCIPLINES),
  control: fc.constantFrom(...CONTROLS),
  carnegie: fc.constantFrom(...CARNEGIE_GROUPS),
  region: fc.constantFrom(...CENSUS_REGIONS),
})
const cells = fc.array(fc.record({ qi, rows: fc.integer({ min: 1, max: 12 }) }), { maxLength: 60 })

/** One entry per row, as the export writes them. */
const rowsOf = (input: readonly QuasiIdentifierCell[]) => input.flatMap((cell) => Array.from({ length: cell.rows }, () => cell.qi))
const key = (q: ReleasedQuasiIdentifiers) => `${q.discipline}|${q.control}|${q.carnegie}|${q.region}`
const fullySuppressed = (q: ReleasedQuasiIdentifiers) => QUASI_IDENTIFIERS.every((name) => q[name] === 'suppressed')

/** A released value is the recorded one, a coarser group that contains it, "all" or "suppressed": never another. */
function honest(recorded: QuasiIdentifiers, out: ReleasedQuasiIdentifiers) {
  const carnegieOk = [recorded.carnegie, coarseCarnegie(recorded.carnegie as CarnegieGroup), 'all', 'suppressed'].includes(out.carnegie)
  return (
    [recorded.discipline, 'suppressed'].includes(out.discipline) && [recorded.control, 'all', 'suppressed'].includes(out.control) &&
    carnegieOk && [recorded.region, 'all', 'suppressed'].includes(out.region)
  )
}

describe('de-identification of quasi-identifiers', () => {
  test('every released combination holds at least 5 rows, unless its rows are fully suppressed', () => {
    fc.assert(
      fc.property(cells, (input) => {
        const plan = planDeidentification(input)
        const counts = new Map<string, number>()
        for (const row of rowsOf(input)) counts.set(key(plan.release(row)), (counts.get(key(plan.release(row))) ?? 0) + 1)
        for (const row of rowsOf(input)) {
          const out = plan.release(row)
          if (!fullySuppressed(out)) expect(counts.get(key(out))).toBeGreaterThanOrEqual(5)
        }
      }),
      { numRuns: 300 },
    )
  })

  test('no row is dropped, values only ever get coarser, and the counts of changed values are true', () => {
    fc.assert(
      fc.property(cells, (input) => {
        const plan = planDeidentification(input)
        const rows = rowsOf(input)
        expect(plan.rows).toBe(rows.length)
        const changed = { discipline: 0, control: 0, carnegie: 0, region: 0 }
        let suppressed = 0
        for (const row of rows) {
          const out = plan.release(row)
          expect(honest(row, out)).toBe(true)
          for (const name of QUASI_IDENTIFIERS) if (out[name] !== row[name]) changed[name]++
          if (out.control === 'suppressed') suppressed++
        }
        expect(plan.changed).toEqual(changed)
        expect(plan.suppressedRows).toBe(suppressed)
      }),
      { numRuns: 300 },
    )
  })

  test('large cells are released as recorded; a lone small cell is suppressed when that costs few rows', () => {
    const md = (region: 'south' | 'west', rows: number): QuasiIdentifierCell => ({ qi: { discipline: 'md', control: 'public', carnegie: 'r1', region }, rows })
    const plan = planDeidentification([md('south', 120), md('west', 5)])
    expect(plan.release(md('south', 1).qi)).toEqual({ discipline: 'md', control: 'public', carnegie: 'r1', region: 'south' })
    expect(plan.changed).toEqual({ discipline: 0, control: 0, carnegie: 0, region: 0 })

    // 3 western rows among 123: too few to form a suppressed group of their own, so region is generalised for all.
    const coarser = planDeidentification([md('south', 120), md('west', 3)])
    expect(coarser.release(md('west', 1).qi).region).toBe('all')
    expect(coarser.changed.region).toBe(123)

    // 6 rows in small cells among 200 (3%): suppressed, and everyone else keeps their region.
    const cell = (carnegie: CarnegieGroup, rows: number): QuasiIdentifierCell => ({ qi: { discipline: 'md', control: 'public', carnegie, region: 'south' }, rows })
    const suppressing = planDeidentification([cell('r1', 194), cell('r2', 3), cell('r3', 3)])
    expect(suppressing.release(cell('r2', 1).qi)).toEqual({ discipline: 'md', control: 'suppressed', carnegie: 'suppressed', region: 'suppressed' })
    expect(suppressing.release(cell('r1', 1).qi).region).toBe('south')
    expect(suppressing.suppressedRows).toBe(6)
  })

  test('a discipline under 5 rows is fully suppressed and does not coarsen the others', () => {
    const plan = planDeidentification([
      { qi: { discipline: 'md', control: 'private', carnegie: 'r2', region: 'midwest' }, rows: 9 },
      { qi: { discipline: 'pa', control: 'private', carnegie: 'r2', region: 'midwest' }, rows: 2 },
    ])
    expect(plan.release({ discipline: 'pa', control: 'private', carnegie: 'r2', region: 'midwest' })).toEqual({ discipline: 'suppressed', control: 'suppressed', carnegie: 'suppressed', region: 'suppressed' })
    expect(plan.release({ discipline: 'md', control: 'private', carnegie: 'r2', region: 'midwest' }).region).toBe('midwest')
  })
})
