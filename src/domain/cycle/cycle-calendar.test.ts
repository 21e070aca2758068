import { describe, expect, test } from 'vitest'
import { answeringOpen, dueToClose, dueToOpen, insideExtension, type CalendarCycle } from './cycle-calendar'

const DAY = 86_400_000
const opensAt = new Date('2026-09-01T00:00:00Z')
const deadlineAt = new Date('2026-12-15T23:59:59Z')
const cycle = (over: Partial<CalendarCycle> = {}): CalendarCycle =>
  ({ status: 'draft', opensAt, deadlineAt, openOnOpensAt: true, closeAtDeadline: true, ...over })

describe('the cycle calendar', () => {
  test('a scheduled draft opens on its opening date, not before, and an unscheduled one never does', () => {
    expect(dueToOpen(cycle(), new Date(opensAt.getTime() - 1))).toBe(false)
    expect(dueToOpen(cycle(), opensAt)).toBe(true)
    expect(dueToOpen(cycle({ openOnOpensAt: false }), opensAt)).toBe(false)
    expect(dueToOpen(cycle({ status: 'open' }), opensAt)).toBe(false)
  })
  test('an open cycle set to close does so once its deadline has passed', () => {
    expect(dueToClose(cycle({ status: 'open' }), deadlineAt)).toBe(false)
    expect(dueToClose(cycle({ status: 'open' }), new Date(deadlineAt.getTime() + 1000))).toBe(true)
    expect(dueToClose(cycle({ status: 'open', closeAtDeadline: false }), new Date(deadlineAt.getTime() + DAY))).toBe(false)
    expect(dueToClose(cycle({ status: 'closed' }), new Date(deadlineAt.getTime() + DAY))).toBe(false)
  })
  test('closing keeps a running extension: the school answers until its own deadline', () => {
    const extended = new Date(deadlineAt.getTime() + 7 * DAY)
    const afterClose = new Date(deadlineAt.getTime() + DAY)
    expect(answeringOpen({ cycleStatus: 'closed', deadlineAt, deadlineOverrideAt: extended }, afterClose)).toBe(true)
    expect(answeringOpen({ cycleStatus: 'closed', deadlineAt, deadlineOverrideAt: null }, afterClose)).toBe(false)
    expect(answeringOpen({ cycleStatus: 'closed', deadlineAt, deadlineOverrideAt: extended }, new Date(extended.getTime() + 1))).toBe(false)
    expect(answeringOpen({ cycleStatus: 'open', deadlineAt, deadlineOverrideAt: null }, afterClose)).toBe(false)
    expect(answeringOpen({ cycleStatus: 'draft', deadlineAt, deadlineOverrideAt: null }, opensAt)).toBe(false)
    expect(insideExtension(deadlineAt, extended, afterClose)).toBe(true)
    expect(insideExtension(deadlineAt, null, afterClose)).toBe(false)
  })
})
