import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { SCHOOL_ROLES } from '../policy/roles'
import { checkAssignments, checkRemoval, checkRoleChange, domainAssignments, grantableRoles } from './team-rules'

const leader = { admin: false, role: 'leader' as const }
const coordinator = { admin: false, role: 'coordinator' as const }
const contributor = { admin: false, role: 'contributor' as const }

describe('who may grant which role', () => {
  test('a leader and the program team may grant every role; a coordinator never leader; a contributor nothing', () => {
    expect(grantableRoles(leader)).toEqual(['leader', 'coordinator', 'contributor'])
    expect(grantableRoles({ admin: true, role: null })).toContain('leader')
    expect(grantableRoles(coordinator)).toEqual(['coordinator', 'contributor'])
    expect(grantableRoles(contributor)).toEqual([])
  })

  test('a coordinator cannot make anyone a leader, nor demote a leader', () => {
    expect(checkRoleChange(coordinator, 'contributor', 'leader', 2)).toEqual({ ok: false, message: 'You cannot make anyone a leader.' })
    expect(checkRoleChange(coordinator, 'leader', 'contributor', 2).ok).toBe(false)
    expect(checkRoleChange(coordinator, 'contributor', 'coordinator', 1).ok).toBe(true)
  })

  test('the last leader cannot step down, but can once a second leader exists', () => {
    expect(checkRoleChange(leader, 'leader', 'coordinator', 1).ok).toBe(false)
    expect(checkRoleChange(leader, 'leader', 'coordinator', 2).ok).toBe(true)
  })

  test('whatever the roles, a change never leaves a school without a leader', () => {
    const role = fc.constantFrom(...SCHOOL_ROLES)
    fc.assert(fc.property(fc.boolean(), fc.option(role, { nil: null }), role, role, fc.integer({ min: 1, max: 3 }), (admin, mine, from, to, leaders) => {
      const check = checkRoleChange({ admin, role: mine }, from, to, leaders)
      if (check.ok && from === 'leader' && to !== 'leader') expect(leaders).toBeGreaterThan(1)
      if (checkRemoval({ admin, role: mine }, from, leaders).ok && from === 'leader') expect(leaders).toBeGreaterThan(1)
    }))
  })
})

describe('removing people', () => {
  test('the last leader cannot be removed; a coordinator cannot remove a leader; a contributor cannot remove anyone', () => {
    expect(checkRemoval(leader, 'leader', 1).ok).toBe(false)
    expect(checkRemoval(leader, 'leader', 2).ok).toBe(true)
    expect(checkRemoval(coordinator, 'leader', 3).ok).toBe(false)
    expect(checkRemoval(coordinator, 'contributor', 1).ok).toBe(true)
    expect(checkRemoval(contributor, 'contributor', 1).ok).toBe(false)
  })
})

describe('area assignments', () => {
  const areas = ['service-learning', 'recognition']
  test('an area the questionnaire does not have is refused by name', () => {
    expect(checkAssignments([{ areaId: 'made-up', userId: 'u1' }], areas, ['u1'])).toEqual({ ok: false, message: 'There is no area “made-up” in this questionnaire.' })
  })
  test('a person not on the team is refused; duplicates collapse to one', () => {
    expect(checkAssignments([{ areaId: 'recognition', userId: 'gone' }], areas, ['u1']).ok).toBe(false)
    const twice = checkAssignments([{ areaId: 'recognition', userId: 'u1' }, { areaId: 'recognition', userId: 'u1' }], areas, ['u1'])
    expect(twice).toEqual({ ok: true, assignments: [{ areaId: 'recognition', userId: 'u1' }] })
  })
  test('assigning a domain assigns each of its areas to the person', () => {
    expect(domainAssignments(areas, 'u1')).toEqual([{ areaId: 'service-learning', userId: 'u1' }, { areaId: 'recognition', userId: 'u1' }])
  })
})
