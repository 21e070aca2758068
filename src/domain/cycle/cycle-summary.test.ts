import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DISCIPLINES } from '../school/school-facts'
import { PARTICIPATION_STATUSES, dailyProgress, tally, tallyBy, type DayCount } from './cycle-summary'

const countArb = fc.record({
  status: fc.constantFrom(...PARTICIPATION_STATUSES),
  discipline: fc.constantFrom(...DISCIPLINES),
  state: fc.constantFrom('CA', 'NY', 'TX'),
  n: fc.integer({ min: 0, max: 500 }),
})
const dayArb: fc.Arbitrary<DayCount> = fc.record({
  day: fc.integer({ min: 1, max: 30 }).map((d) => `2026-09-${String(d).padStart(2, '0')}`),
  accepted: fc.integer({ min: 0, max: 50 }),
  submitted: fc.integer({ min: 0, max: 50 }),
})

describe('cycle summary', () => {
  test('accepted counts everyone who said yes; completion is submitted over invited', () => {
    const counts = [{ status: 'invited' as const, n: 3 }, { status: 'accepted' as const, n: 1 }, { status: 'in_progress' as const, n: 1 },
      { status: 'submitted' as const, n: 2 }, { status: 'declined' as const, n: 1 }]
    expect(tally(counts)).toEqual({ invited: 8, accepted: 4, declined: 1, inProgress: 1, submitted: 2, completionPct: 25 })
  })

  test('the groups add up to the whole', () => {
    fc.assert(
      fc.property(fc.array(countArb, { maxLength: 40 }), (counts) => {
        const whole = tally(counts)
        const parts = tallyBy(counts, (r) => r.discipline)
        expect(parts.reduce((n, p) => n + p.tally.invited, 0)).toBe(whole.invited)
        expect(parts.reduce((n, p) => n + p.tally.submitted, 0)).toBe(whole.submitted)
      }),
    )
  })

  test('daily progress never goes down and ends at the totals', () => {
    fc.assert(
      fc.property(fc.array(dayArb, { maxLength: 40 }), (counts) => {
        const days = dailyProgress(counts, new Date('2026-09-01T10:00:00Z'), new Date('2026-09-30T10:00:00Z'))
        expect(days).toHaveLength(30)
        for (let i = 1; i < days.length; i++) expect(days[i]!.submitted).toBeGreaterThanOrEqual(days[i - 1]!.submitted)
        const last = days.at(-1)!
        expect(last.submitted).toBe(counts.reduce((n, c) => n + c.submitted, 0))
        expect(last.accepted).toBe(counts.reduce((n, c) => n + c.accepted, 0))
      }),
    )
  })

  test('answers from before the first day count from the first day on', () => {
    const days = dailyProgress([{ day: '2026-08-20', accepted: 2, submitted: 0 }, { day: '2026-09-02', accepted: 1, submitted: 1 }],
      new Date('2026-09-01T00:00:00Z'), new Date('2026-09-03T00:00:00Z'))
    expect(days).toEqual([{ day: '2026-09-01', accepted: 2, submitted: 0 }, { day: '2026-09-02', accepted: 3, submitted: 1 }, { day: '2026-09-03', accepted: 3, submitted: 1 }])
  })
})
