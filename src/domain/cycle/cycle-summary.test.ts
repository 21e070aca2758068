import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DISCIPLINES } from '../school/school-facts'
import { PARTICIPATION_STATUSES, dailyProgress, tally, tallyBy, type SummaryRow } from './cycle-summary'

const rowArb: fc.Arbitrary<SummaryRow> = fc.record({
  status: fc.constantFrom(...PARTICIPATION_STATUSES),
  discipline: fc.constantFrom(...DISCIPLINES),
  state: fc.constantFrom('CA', 'NY', 'TX'),
  respondedAt: fc.option(fc.date({ min: new Date('2026-09-01'), max: new Date('2026-09-30'), noInvalidDate: true })),
  submittedAt: fc.option(fc.date({ min: new Date('2026-09-01'), max: new Date('2026-09-30'), noInvalidDate: true })),
})

describe('cycle summary', () => {
  test('accepted counts everyone who said yes; completion is submitted over invited', () => {
    const at = new Date('2026-09-02')
    const row = (status: SummaryRow['status']): SummaryRow => ({ status, discipline: 'md', state: 'CA', respondedAt: at, submittedAt: at })
    expect(tally(['invited', 'accepted', 'in_progress', 'submitted', 'declined', 'submitted', 'invited', 'invited'].map((s) => row(s as never)))).toEqual({
      invited: 8, accepted: 4, declined: 1, inProgress: 1, submitted: 2, completionPct: 25,
    })
  })

  test('the groups add up to the whole', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const whole = tally(rows)
        const parts = tallyBy(rows, (r) => r.discipline)
        expect(parts.reduce((n, p) => n + p.tally.invited, 0)).toBe(whole.invited)
        expect(parts.reduce((n, p) => n + p.tally.submitted, 0)).toBe(whole.submitted)
      }),
    )
  })

  test('daily progress never goes down and ends at the totals', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const days = dailyProgress(rows, new Date('2026-09-01T10:00:00Z'), new Date('2026-09-30T10:00:00Z'))
        expect(days).toHaveLength(30)
        for (let i = 1; i < days.length; i++) expect(days[i]!.submitted).toBeGreaterThanOrEqual(days[i - 1]!.submitted)
        const last = days.at(-1)!
        expect(last.submitted).toBe(rows.filter((r) => r.status === 'submitted' && r.submittedAt).length)
      }),
    )
  })
})
