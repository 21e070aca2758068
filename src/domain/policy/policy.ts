import type { Actor, SchoolRole } from './roles'

/**
 * Every "may this user do X" in the product is answered here, and only here. Services call `assertCan` inside
 * their transaction; pages call `can` to decide what to show. Add an action to the union and the compiler
 * points at the switch below.
 */
export type ProgramAction =
  | 'admin.console' // program team pages: schools, cycles, mail, audit
  | 'accounts.manage'
  | 'passkey.register' // add a passkey to one's own account, the second step after the e-mailed link (program staff)
  | 'passkeys.require' // require a passkey of every program role
  | 'audit.view'
  | 'mail.view' // the outbox and the dev mailbox
  | 'analytics.view' // aggregates only, never a named school's result
  | 'research.view' // the analyst area: closed cycles, aggregates and de-identified exports, never a named school
  | 'research.export.identified' // the program team's export naming schools beside their answers and study ids
  | 'instrument.view' // instrument versions, previews and diffs
  | 'instrument.manage' // import instrument versions
  | 'instrument.print' // the paper copy of a questionnaire
  | 'inbox.manage' // nominations, badge inquiries and questions sent by the public
  | 'resources.manage' // toolkit pages and per-area resources
  | 'directory.manage' // the directory of schools: edit, import, export
  | 'cycles.manage' // assessment cycles, invitations, reminders and their monitoring
  | 'response.reopen' // unlock a submitted response, with a reason
  | 'response.paper-entry' // type in a school's answers from a paper copy
  | 'badge.issue' // issue badges for paid or waived orders (the console's "issue all", the issue job)
  | 'badge.manage' // offers, orders, invoices, paid and waived; revoke, reissue an image, Inaugural Supporters

export type SchoolAction =
  | 'school.workspace' // open the school's response
  | 'school.team.manage'
  | 'school.results.view' // confidential scores and reports
  | 'school.invitation.accept' // take part in a cycle the school is invited to, from My school
  | 'school.response.carry-forward' // pre-fill this cycle's answers from an earlier submitted response
  | 'response.view' // open the school's response (answers, never scores)
  | 'response.area.edit' // answer the items of one area: target carries areaId and the actor's assignedAreaIds
  | 'response.history' // who changed which answer, when
  | 'response.submit' // certify and submit
  | 'school.badge.listing' // list the school's badge in the public directory, or not
  | 'badge.order' // order and pay for the school's badge: its leader only, never the program team on its behalf

export type Action = ProgramAction | SchoolAction
/** For `response.area.edit`, the area and the areas assigned to the actor (facts the service loads). */
export type Target = { schoolId: string; areaId?: string; assignedAreaIds?: readonly string[] }

const SCHOOL_ROLES_ALLOWED: Record<SchoolAction, readonly SchoolRole[]> = {
  'school.workspace': ['leader', 'coordinator', 'contributor'],
  'school.team.manage': ['leader', 'coordinator'],
  'school.results.view': ['leader'],
  'school.invitation.accept': ['leader'],
  'school.response.carry-forward': ['leader', 'coordinator'],
  'response.view': ['leader', 'coordinator', 'contributor'],
  'response.area.edit': ['leader', 'coordinator'], // contributors: only their assigned areas, below
  'response.history': ['leader', 'coordinator'],
  'response.submit': ['leader'],
  'school.badge.listing': ['leader'],
  'badge.order': ['leader'],
}

/** Trusted jobs acting on their own, by label, and the one thing each may do (decision 081). */
const SYSTEM_ACTIONS: Record<string, readonly Action[]> = { 'cycle-calendar': ['cycles.manage'], 'badge-issue': ['badge.issue'] }

export function can(actor: Actor, action: ProgramAction): boolean
export function can(actor: Actor, action: SchoolAction, target: Target): boolean
export function can(actor: Actor, action: Action, target?: Target): boolean {
  if (actor.kind === 'system') return SYSTEM_ACTIONS[actor.label]?.includes(action) ?? false
  if (actor.kind !== 'user') return false
  const admin = actor.programRole === 'admin'
  switch (action) {
    case 'admin.console':
    case 'accounts.manage':
    case 'passkeys.require':
    case 'audit.view':
    case 'mail.view':
    case 'inbox.manage':
    case 'resources.manage':
    case 'directory.manage':
    case 'cycles.manage':
    case 'badge.manage':
      return admin
    case 'passkey.register': // program staff see every school's data; a school's team signs in by link alone
    case 'analytics.view':
    case 'research.view':
    case 'instrument.view':
      return admin || actor.programRole === 'analyst'
    case 'badge.issue':
    case 'instrument.manage':
    case 'research.export.identified':
    case 'response.reopen':
    case 'response.paper-entry':
      return admin
    case 'instrument.print':
      // The paper copy is no secret: program staff and anyone on a school's team may print it.
      return admin || actor.programRole === 'analyst' || actor.memberships.length > 0
    case 'school.workspace':
    case 'school.team.manage':
    case 'school.results.view':
    case 'school.invitation.accept':
    case 'school.response.carry-forward':
    case 'school.badge.listing': {
      // The program team runs every school's response; analysts never see a named school.
      if (admin) return true
      const membership = actor.memberships.find((m) => m.schoolId === target?.schoolId)
      return membership !== undefined && SCHOOL_ROLES_ALLOWED[action].includes(membership.role)
    }
    case 'badge.order': {
      // The school buys its own badge: a program admin may settle an order, never place one for the school.
      const membership = actor.memberships.find((m) => m.schoolId === target?.schoolId)
      return membership !== undefined && SCHOOL_ROLES_ALLOWED[action].includes(membership.role)
    }
    case 'response.view':
    case 'response.history':
    case 'response.submit':
    case 'response.area.edit': {
      if (admin) return true // the program team runs every response (paper returns, corrections)
      const membership = actor.memberships.find((m) => m.schoolId === target?.schoolId)
      if (membership === undefined) return false
      if (SCHOOL_ROLES_ALLOWED[action].includes(membership.role)) return true
      return action === 'response.area.edit' && membership.role === 'contributor' && target?.areaId !== undefined && (target.assignedAreaIds ?? []).includes(target.areaId)
    }
  }
}

export const isSignedIn = (actor: Actor): actor is Extract<Actor, { kind: 'user' }> => actor.kind === 'user'
