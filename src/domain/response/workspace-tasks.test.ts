import { describe, expect, test } from 'vitest'
import { daysLeft } from './response-rules'
import { nextStep, workspaceTasks, type WorkspaceFacts } from './workspace-tasks'

const start: WorkspaceFacts = {
  role: 'leader', participationStatus: 'accepted', cycleStatus: 'open', hasResponse: true, teamSize: 1,
  answered: 0, total: 40, blockers: 12, myAreas: [{ id: 'a', title: 'Area A', status: 'not-started' }, { id: 'b', title: 'Area B', status: 'not-started' }], reportReleased: false,
}
const statusOf = (f: WorkspaceFacts) => Object.fromEntries(workspaceTasks(f).map((t) => [t.id, t.status]))

describe('the next step on My school', () => {
  test('a leader is asked to accept, then to build the team, then to answer, then to check and submit, then to read the report', () => {
    expect(nextStep({ ...start, participationStatus: 'invited', hasResponse: false })).toEqual({ kind: 'accept' })
    expect(nextStep({ ...start, hasResponse: false })).toEqual({ kind: 'start' })
    expect(nextStep(start)).toEqual({ kind: 'team' })
    expect(nextStep({ ...start, teamSize: 3 })).toEqual({ kind: 'answer', areaId: 'a', areaTitle: 'Area A' })
    const done = { ...start, teamSize: 3, answered: 40, blockers: 0, myAreas: start.myAreas.map((a) => ({ ...a, status: 'done' as const })) }
    expect(nextStep(done)).toEqual({ kind: 'check-and-submit' })
    // Only optional questions left in an area: checking and submitting comes first for the leader.
    expect(nextStep({ ...done, answered: 38, myAreas: [{ id: 'a', title: 'Area A', status: 'in-progress' }] })).toEqual({ kind: 'check-and-submit' })
    expect(nextStep({ ...done, participationStatus: 'submitted', cycleStatus: 'closed' })).toEqual({ kind: 'wait-for-results' })
    expect(nextStep({ ...done, participationStatus: 'submitted', cycleStatus: 'released', reportReleased: true })).toEqual({ kind: 'report' })
  })
  test('once colleagues are invited, the team step is under way and answering comes next, before anyone joins', () => {
    expect(nextStep({ ...start, invitedNotJoined: 1 })).toEqual({ kind: 'answer', areaId: 'a', areaTitle: 'Area A' })
    expect(statusOf({ ...start, invitedNotJoined: 2 }).team).toBe('in-progress')
  })
  test('an area already begun comes before one not started', () => {
    const f = { ...start, teamSize: 2, answered: 3, myAreas: [{ id: 'a', title: 'A', status: 'not-started' as const }, { id: 'b', title: 'B', status: 'in-progress' as const }] }
    expect(nextStep(f)).toMatchObject({ kind: 'answer', areaId: 'b' })
  })
  test('a contributor is never given a leader’s step and never the report', () => {
    const contributor = { ...start, role: 'contributor' as const, myAreas: [] }
    expect(nextStep({ ...contributor, participationStatus: 'invited' })).toEqual({ kind: 'nothing' })
    expect(nextStep(contributor)).toEqual({ kind: 'wait-for-submit' })
    expect(nextStep({ ...contributor, participationStatus: 'submitted', reportReleased: true })).toEqual({ kind: 'nothing' })
  })
  test('a closed cycle that was never submitted says so, and its open steps cannot start any more', () => {
    expect(nextStep({ ...start, cycleStatus: 'closed' })).toEqual({ kind: 'not-submitted' })
    expect(statusOf({ ...start, cycleStatus: 'closed' })).toMatchObject({ team: 'cannot-start', submit: 'cannot-start' })
  })
})

describe('the task list', () => {
  test('steps after acceptance cannot start until the invitation is accepted; submitting waits for the blockers', () => {
    expect(statusOf({ ...start, participationStatus: 'invited', hasResponse: false })).toEqual({ accept: 'not-started', team: 'cannot-start', answer: 'cannot-start', submit: 'cannot-start', report: 'cannot-start' })
    expect(statusOf({ ...start, teamSize: 2, answered: 5 })).toEqual({ accept: 'done', team: 'done', answer: 'in-progress', submit: 'cannot-start', report: 'cannot-start' })
    expect(statusOf({ ...start, teamSize: 2, answered: 40, blockers: 0 })).toMatchObject({ answer: 'done', submit: 'not-started' })
    expect(statusOf({ ...start, participationStatus: 'submitted', reportReleased: true })).toMatchObject({ answer: 'done', submit: 'done', report: 'done' })
  })
})

describe('days left', () => {
  const deadline = new Date('2026-12-01T23:59:00Z')
  test('a part day counts as a day, the deadline day is 0 or 1, and a passed deadline is negative', () => {
    expect(daysLeft(deadline, new Date('2026-11-29T12:00:00Z'))).toBe(3)
    expect(daysLeft(deadline, new Date('2026-12-01T10:00:00Z'))).toBe(1)
    expect(daysLeft(deadline, new Date('2026-12-03T00:00:00Z'))).toBe(-1)
  })
})
