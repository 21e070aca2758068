import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { dueReminder, parseReminderDays } from './reminders'

const DAY = 24 * 3_600_000
const deadlineAt = new Date('2026-06-30T23:59:00Z')
const daysBefore = (d: number) => new Date(deadlineAt.getTime() - d * DAY)

describe('reminder schedule', () => {
  const days = [30, 14, 7, 1]

  test('nothing is due before the first mark; the 30-day reminder is due once 30 days remain', () => {
    expect(dueReminder({ status: 'accepted', deadlineAt, sent: [] }, days, daysBefore(31))).toBeNull()
    expect(dueReminder({ status: 'accepted', deadlineAt, sent: [] }, days, daysBefore(29.5))).toBe(30)
    expect(dueReminder({ status: 'accepted', deadlineAt, sent: [30] }, days, daysBefore(29.5))).toBeNull()
  })

  test('a missed mark is skipped: only the latest passed mark is sent', () => {
    expect(dueReminder({ status: 'invited', deadlineAt, sent: [] }, days, daysBefore(6))).toBe(7)
  })

  test('schools that submitted or declined, and deadlines passed, get no reminder', () => {
    for (const status of ['submitted', 'declined'] as const) {
      expect(dueReminder({ status, deadlineAt, sent: [] }, days, daysBefore(1))).toBeNull()
    }
    expect(dueReminder({ status: 'in_progress', deadlineAt, sent: [] }, days, new Date(deadlineAt.getTime() + 1))).toBeNull()
  })

  test('whatever the time, a due reminder is one of the schedule, passed and not yet sent', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 90 }), { maxLength: 6 }),
        fc.integer({ min: -100 * DAY, max: 100 * DAY }),
        fc.uniqueArray(fc.integer({ min: 1, max: 90 }), { maxLength: 6 }),
        (schedule, offset, sent) => {
          const now = new Date(deadlineAt.getTime() - offset)
          const due = dueReminder({ status: 'in_progress', deadlineAt, sent }, schedule, now)
          if (due === null) return
          expect(schedule).toContain(due)
          expect(sent).not.toContain(due)
          expect(now.getTime()).toBeGreaterThanOrEqual(deadlineAt.getTime() - due * DAY)
          expect(now.getTime()).toBeLessThan(deadlineAt.getTime())
        },
      ),
    )
  })

  test('a schedule is typed as day counts; anything else is refused', () => {
    expect(parseReminderDays('30, 14 7;1, 7')).toEqual([30, 14, 7, 1])
    expect(parseReminderDays('')).toEqual([])
    expect(parseReminderDays('30, soon')).toBeNull()
    expect(parseReminderDays('0')).toBeNull()
  })
})
