import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DISCIPLINES } from '../school/school-facts'
import { chooseInvited, eligibleSchools, sampleIds, samplesTooLarge, seededRandom } from './sampling'

const schoolArb = fc.record({
  id: fc.uuid(),
  discipline: fc.constantFrom(...DISCIPLINES),
  status: fc.constantFrom('active' as const, 'inactive' as const),
})
const schoolsArb = fc.uniqueArray(schoolArb, { selector: (s) => s.id, maxLength: 60 })

describe('sampling', () => {
  test('the same seed draws the same sample, whatever order the schools arrive in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { maxLength: 50 }), fc.nat(60), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (ids, n, seed) => {
        expect(sampleIds([...ids].reverse(), n, seed)).toEqual(sampleIds(ids, n, seed))
      }),
    )
  })

  test('a sample has min(N, pool) distinct schools, all from the pool', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { maxLength: 50 }), fc.nat(60), fc.integer(), (ids, n, seed) => {
        const drawn = sampleIds(ids, n, seed)
        expect(drawn).toHaveLength(Math.min(n, ids.length))
        expect(new Set(drawn).size).toBe(drawn.length)
        for (const id of drawn) expect(ids).toContain(id)
      }),
    )
  })

  test('different seeds usually draw different samples (not a fixed prefix)', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `school-${String(i).padStart(3, '0')}`)
    const samples = new Set([1, 2, 3, 4, 5].map((seed) => sampleIds(ids, 40, seed).join(',')))
    expect(samples.size).toBe(5)
  })

  test('the PRNG stays in [0, 1) and repeats for a seed', () => {
    const a = seededRandom(42), b = seededRandom(42)
    for (let i = 0; i < 1000; i++) {
      const x = a()
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
      expect(b()).toBe(x)
    }
  })

  test('only active schools of the chosen disciplines are eligible; sampling takes N of each discipline', () => {
    fc.assert(
      fc.property(schoolsArb, fc.subarray([...DISCIPLINES], { minLength: 1 }), fc.nat(10), fc.integer(), (schools, disciplines, n, seed) => {
        const eligible = eligibleSchools(schools, disciplines)
        for (const s of eligible) expect(s.status === 'active' && disciplines.includes(s.discipline)).toBe(true)
        const invited = chooseInvited(eligible, disciplines, n, seed)
        for (const d of disciplines) {
          const pool = eligible.filter((s) => s.discipline === d).length
          expect(invited.filter((s) => s.discipline === d)).toHaveLength(Math.min(n, pool))
        }
        expect(chooseInvited(eligible, disciplines, null, seed)).toHaveLength(eligible.length)
      }),
    )
  })

  test('a sample larger than a discipline’s pool is reported with what is available', () => {
    const eligible = [
      { id: 'a', discipline: 'pa' as const, status: 'active' as const },
      { id: 'b', discipline: 'md' as const, status: 'active' as const },
      { id: 'c', discipline: 'md' as const, status: 'active' as const },
    ]
    expect(samplesTooLarge(eligible, ['md', 'pa'], 2)).toEqual([{ discipline: 'pa', available: 1 }])
  })
})
