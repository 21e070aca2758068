import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkEditable, effectiveDeadline } from './response-rules'

const deadline = new Date('2026-10-01T00:00:00Z')
const DAY = 86_400_000

describe('who may change answers, when', () => {
  test('a submitted response is locked for everyone, admins included', () => {
    const check = checkEditable({ status: 'submitted', cycleStatus: 'open', deadlineAt: deadline, deadlineOverrideAt: null, isAdmin: true }, new Date(deadline.getTime() - DAY))
    expect(check).toMatchObject({ ok: false, code: 'response.submitted' })
  })
  test('after the deadline the school is refused, unless it has an extension; admins may still enter answers', () => {
    const late = new Date(deadline.getTime() + DAY)
    expect(checkEditable({ status: 'in_progress', cycleStatus: 'open', deadlineAt: deadline, deadlineOverrideAt: null, isAdmin: false }, late)).toMatchObject({ ok: false, code: 'response.past_deadline' })
    expect(checkEditable({ status: 'in_progress', cycleStatus: 'open', deadlineAt: deadline, deadlineOverrideAt: new Date(late.getTime() + DAY), isAdmin: false }, late)).toEqual({ ok: true })
    expect(checkEditable({ status: 'in_progress', cycleStatus: 'open', deadlineAt: deadline, deadlineOverrideAt: null, isAdmin: true }, late)).toEqual({ ok: true })
  })
  test('closing the cycle locks the school out unless its extension is still running', () => {
    const before = new Date(deadline.getTime() - DAY)
    const late = new Date(deadline.getTime() + DAY)
    const extended = new Date(deadline.getTime() + 3 * DAY)
    const facts = { status: 'in_progress' as const, cycleStatus: 'closed' as const, deadlineAt: deadline, isAdmin: false }
    expect(checkEditable({ ...facts, deadlineOverrideAt: null }, before)).toMatchObject({ ok: false, code: 'response.cycle_closed' })
    expect(checkEditable({ ...facts, deadlineOverrideAt: extended }, late)).toEqual({ ok: true })
    expect(checkEditable({ ...facts, cycleStatus: 'scored', deadlineOverrideAt: extended }, late)).toEqual({ ok: true })
    expect(checkEditable({ ...facts, deadlineOverrideAt: extended }, new Date(extended.getTime() + 1))).toMatchObject({ ok: false, code: 'response.past_deadline' })
  })
  test('the effective deadline is never earlier than the cycle deadline', () => {
    fc.assert(fc.property(fc.integer({ min: -100, max: 100 }), (days) => {
      const override = new Date(deadline.getTime() + days * DAY)
      expect(effectiveDeadline(deadline, override).getTime()).toBe(Math.max(deadline.getTime(), override.getTime()))
    }))
  })
})
