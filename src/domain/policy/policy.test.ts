import { describe, expect, test } from 'vitest'
import { can } from './policy'
import { ANONYMOUS, BADGE_ISSUER_JOB, CYCLE_CALENDAR, type Actor, type Membership, type ProgramRole } from './roles'

const person = (programRole: ProgramRole | null, memberships: Membership[] = []): Actor => ({
  kind: 'user',
  userId: 'u1',
  email: 'p@example.test',
  name: null,
  programRole,
  memberships,
})
const lakeside = { schoolId: 'lakeside' }
const hillcrest = { schoolId: 'hillcrest' }

describe('program actions', () => {
  test('only admins open the admin console, the mail outbox and the audit log', () => {
    for (const action of ['admin.console', 'mail.view', 'audit.view', 'accounts.manage'] as const) {
      expect(can(person('admin'), action)).toBe(true)
      expect(can(person('analyst'), action)).toBe(false)
      expect(can(person(null, [{ schoolId: 'lakeside', role: 'leader' }]), action)).toBe(false)
      expect(can(ANONYMOUS, action)).toBe(false)
    }
  })
  test('analysts and admins see aggregate analytics; school people do not', () => {
    expect(can(person('analyst'), 'analytics.view')).toBe(true)
    expect(can(person('admin'), 'analytics.view')).toBe(true)
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'leader' }]), 'analytics.view')).toBe(false)
  })
  test('analysts and admins open the research area; only admins export files that name schools', () => {
    const leader = person(null, [{ schoolId: 'lakeside', role: 'leader' }])
    expect([person('analyst'), person('admin'), leader, ANONYMOUS].map((a) => can(a, 'research.view'))).toEqual([true, true, false, false])
    expect([person('analyst'), person('admin'), leader, ANONYMOUS].map((a) => can(a, 'research.export.identified'))).toEqual([false, true, false, false])
  })
  test('program staff add passkeys to their own accounts; only admins require them; school people do neither', () => {
    const leader = person(null, [{ schoolId: 'lakeside', role: 'leader' }])
    expect([person('analyst'), person('admin'), leader, ANONYMOUS].map((a) => can(a, 'passkey.register'))).toEqual([true, true, false, false])
    expect([person('analyst'), person('admin'), leader, ANONYMOUS].map((a) => can(a, 'passkeys.require'))).toEqual([false, true, false, false])
  })
  test('the command-line operator is not a web user and is refused here', () => {
    expect(can({ kind: 'system', label: 'cli' }, 'admin.console')).toBe(false)
  })
  test('the cycle calendar job may open and close cycles, and nothing else', () => {
    expect(can(CYCLE_CALENDAR, 'cycles.manage')).toBe(true)
    expect(can(CYCLE_CALENDAR, 'admin.console')).toBe(false)
    expect(can(CYCLE_CALENDAR, 'response.reopen')).toBe(false)
    expect(can({ kind: 'system', label: 'cli' }, 'cycles.manage')).toBe(false)
  })
})

describe('school actions', () => {
  test("a school's results reach its leader, never its coordinator or contributor", () => {
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'leader' }]), 'school.results.view', lakeside)).toBe(true)
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'coordinator' }]), 'school.results.view', lakeside)).toBe(false)
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'contributor' }]), 'school.results.view', lakeside)).toBe(false)
  })
  test("a leader of one school has no access to another school's results or workspace", () => {
    const leader = person(null, [{ schoolId: 'lakeside', role: 'leader' }])
    expect(can(leader, 'school.results.view', hillcrest)).toBe(false)
    expect(can(leader, 'school.workspace', hillcrest)).toBe(false)
  })
  test("analysts never see a named school's results; the program admin does", () => {
    expect(can(person('analyst'), 'school.results.view', lakeside)).toBe(false)
    expect(can(person('admin'), 'school.results.view', lakeside)).toBe(true)
  })
  test('contributors work in the response but cannot manage the team', () => {
    const contributor = person(null, [{ schoolId: 'lakeside', role: 'contributor' }])
    expect(can(contributor, 'school.workspace', lakeside)).toBe(true)
    expect(can(contributor, 'school.team.manage', lakeside)).toBe(false)
  })
})

describe('response actions', () => {
  const onArea = (areaId: string, assignedAreaIds: string[]) => ({ schoolId: 'lakeside', areaId, assignedAreaIds })
  test('a contributor edits only the areas assigned to them', () => {
    const contributor = person(null, [{ schoolId: 'lakeside', role: 'contributor' }])
    expect(can(contributor, 'response.area.edit', onArea('recognition', ['recognition']))).toBe(true)
    expect(can(contributor, 'response.area.edit', onArea('advocacy', ['recognition']))).toBe(false)
    expect(can(contributor, 'response.view', lakeside)).toBe(true)
    expect(can(contributor, 'response.history', lakeside)).toBe(false)
  })
  test('leaders and coordinators edit every area; only the leader submits', () => {
    const leader = person(null, [{ schoolId: 'lakeside', role: 'leader' }])
    const coordinator = person(null, [{ schoolId: 'lakeside', role: 'coordinator' }])
    expect(can(leader, 'response.area.edit', onArea('advocacy', []))).toBe(true)
    expect(can(coordinator, 'response.area.edit', onArea('advocacy', []))).toBe(true)
    expect(can(leader, 'response.submit', lakeside)).toBe(true)
    expect(can(coordinator, 'response.submit', lakeside)).toBe(false)
    expect(can(leader, 'response.view', hillcrest)).toBe(false)
  })
  test('only admins reopen responses and enter paper returns', () => {
    const leader = person(null, [{ schoolId: 'lakeside', role: 'leader' }])
    expect(can(leader, 'response.reopen')).toBe(false)
    expect(can(person('admin'), 'response.reopen')).toBe(true)
    expect(can(person('admin'), 'response.paper-entry')).toBe(true)
    expect(can(person('analyst'), 'response.view', lakeside)).toBe(false)
  })
})

describe('badges', () => {
  test('the program team issues, revokes and reissues; the issue job only issues', () => {
    for (const action of ['badge.issue', 'badge.manage'] as const) {
      expect(can(person('admin'), action)).toBe(true)
      expect(can(person('analyst'), action)).toBe(false)
      expect(can(person(null, [{ schoolId: 'lakeside', role: 'leader' }]), action)).toBe(false)
    }
    expect(can(BADGE_ISSUER_JOB, 'badge.issue')).toBe(true)
    expect(can(BADGE_ISSUER_JOB, 'badge.manage')).toBe(false)
  })
  test("only the school's leader lists its badge in the directory, or not", () => {
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'leader' }]), 'school.badge.listing', lakeside)).toBe(true)
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'coordinator' }]), 'school.badge.listing', lakeside)).toBe(false)
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'leader' }]), 'school.badge.listing', hillcrest)).toBe(false)
  })
})

describe('badge actions', () => {
  test('only a school’s leader orders its badge; not its coordinator, another school’s leader, or the program team', () => {
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'leader' }]), 'badge.order', lakeside)).toBe(true)
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'coordinator' }]), 'badge.order', lakeside)).toBe(false)
    expect(can(person(null, [{ schoolId: 'hillcrest', role: 'leader' }]), 'badge.order', lakeside)).toBe(false)
    expect(can(person('admin'), 'badge.order', lakeside)).toBe(false)
  })
  test('the program admin manages offers and orders; analysts and schools do not', () => {
    expect(can(person('admin'), 'badge.manage')).toBe(true)
    expect(can(person('analyst'), 'badge.manage')).toBe(false)
    expect(can(person(null, [{ schoolId: 'lakeside', role: 'leader' }]), 'badge.manage')).toBe(false)
  })
})
