import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DISCIPLINES } from '../school/school-facts'
import { chooseInvited, eligibleSchools, invitationPlan, sampleIds, samplesTooLarge, seededRandom, type SampleSizes } from './sampling'

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

  test('only active schools of the chosen disciplines are eligible; each sampled discipline gives N, the others all', () => {
    fc.assert(
      fc.property(
        schoolsArb, fc.subarray([...DISCIPLINES], { minLength: 1 }), fc.dictionary(fc.constantFrom(...DISCIPLINES), fc.nat(10)), fc.integer(),
        (schools, disciplines, sizes, seed) => {
          const eligible = eligibleSchools(schools, disciplines)
          for (const s of eligible) expect(s.status === 'active' && disciplines.includes(s.discipline)).toBe(true)
          const invited = chooseInvited(eligible, disciplines, sizes, seed)
          const plan = invitationPlan(eligible, disciplines, sizes)
          for (const d of disciplines) {
            const pool = eligible.filter((s) => s.discipline === d).length
            const n = (sizes as SampleSizes)[d]
            const expected = n === undefined ? pool : Math.min(n, pool)
            expect(invited.filter((s) => s.discipline === d)).toHaveLength(expected)
            expect(plan.find((p) => p.discipline === d)).toEqual({ discipline: d, eligible: pool, toInvite: expected, sampleSize: n ?? null })
          }
          expect(chooseInvited(eligible, disciplines, {}, seed)).toHaveLength(eligible.length)
        },
      ),
    )
  })

  test('same seed and same directory give the same schools, in whatever order the directory is read', () => {
    fc.assert(
      fc.property(schoolsArb, fc.nat(8), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (schools, n, seed) => {
        const eligible = eligibleSchools(schools, [...DISCIPLINES])
        const sizes: SampleSizes = { 'nursing-bsn-msn': n, pa: n }
        const ids = (list: { id: string }[]) => list.map((s) => s.id).sort()
        expect(ids(chooseInvited([...eligible].reverse(), DISCIPLINES, sizes, seed))).toEqual(ids(chooseInvited(eligible, DISCIPLINES, sizes, seed)))
      }),
    )
  })

  test('a discipline’s sample does not change when the cycle covers more or fewer other disciplines', () => {
    fc.assert(
      fc.property(schoolsArb, fc.nat(8), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (schools, n, seed) => {
        const eligible = eligibleSchools(schools, [...DISCIPLINES])
        const nursing = (disciplines: (typeof DISCIPLINES)[number][]) =>
          chooseInvited(eligible, disciplines, { 'nursing-bsn-msn': n }, seed).filter((s) => s.discipline === 'nursing-bsn-msn').map((s) => s.id)
        expect(nursing(['md', 'do', 'dental', 'nursing-bsn-msn'])).toEqual(nursing(['nursing-bsn-msn']))
      }),
    )
  })

  test('a sample larger than a discipline’s pool is reported with what is available; unsampled ones never are', () => {
    const eligible = [
      { id: 'a', discipline: 'pa' as const, status: 'active' as const },
      { id: 'b', discipline: 'md' as const, status: 'active' as const },
      { id: 'c', discipline: 'md' as const, status: 'active' as const },
    ]
    expect(samplesTooLarge(eligible, ['md', 'pa'], { md: 2, pa: 2 })).toEqual([{ discipline: 'pa', available: 1, asked: 2 }])
    expect(samplesTooLarge(eligible, ['md', 'pa'], { md: 2 })).toEqual([])
  })
})
