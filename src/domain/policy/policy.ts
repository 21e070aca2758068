import type { Actor, SchoolRole } from './roles'

/**
 * Every "may this user do X" in the product is answered here, and only here. Services call `assertCan` inside
 * their transaction; pages call `can` to decide what to show. Add an action to the union and the compiler
 * points at the switch below.
 */
export type ProgramAction =
  | 'admin.console' // program team pages: schools, cycles, mail, audit
  | 'accounts.manage'
  | 'audit.view'
  | 'mail.view' // the outbox and the dev mailbox
  | 'analytics.view' // aggregates only, never a named school's result
  | 'instrument.view' // instrument versions, previews and diffs
  | 'instrument.manage' // import instrument versions
  | 'instrument.print' // the paper copy of a questionnaire
  | 'inbox.manage' // nominations, badge inquiries and questions sent by the public
  | 'resources.manage' // toolkit pages and per-area resources
  | 'directory.manage' // the directory of schools: edit, import, export
  | 'cycles.manage' // assessment cycles, invitations, reminders and their monitoring

export type SchoolAction =
  | 'school.workspace' // open the school's response
  | 'school.team.manage'
  | 'school.results.view' // confidential scores and reports
  | 'school.response.carry-forward' // pre-fill this cycle's answers from an earlier submitted response

export type Action = ProgramAction | SchoolAction
export type Target = { schoolId: string }

const SCHOOL_ROLES_ALLOWED: Record<SchoolAction, readonly SchoolRole[]> = {
  'school.workspace': ['leader', 'coordinator', 'contributor'],
  'school.team.manage': ['leader', 'coordinator'],
  'school.results.view': ['leader'],
  'school.response.carry-forward': ['leader', 'coordinator'],
}

export function can(actor: Actor, action: ProgramAction): boolean
export function can(actor: Actor, action: SchoolAction, target: Target): boolean
export function can(actor: Actor, action: Action, target?: Target): boolean {
  if (actor.kind !== 'user') return false
  const admin = actor.programRole === 'admin'
  switch (action) {
    case 'admin.console':
    case 'accounts.manage':
    case 'audit.view':
    case 'mail.view':
    case 'inbox.manage':
    case 'resources.manage':
    case 'directory.manage':
    case 'cycles.manage':
      return admin
    case 'analytics.view':
    case 'instrument.view':
      return admin || actor.programRole === 'analyst'
    case 'instrument.manage':
      return admin
    case 'instrument.print':
      // The paper copy is no secret: program staff and anyone on a school's team may print it.
      return admin || actor.programRole === 'analyst' || actor.memberships.length > 0
    case 'school.workspace':
    case 'school.team.manage':
    case 'school.results.view':
    case 'school.response.carry-forward': {
      // The program team runs every school's response; analysts never see a named school.
      if (admin) return true
      const membership = actor.memberships.find((m) => m.schoolId === target?.schoolId)
      return membership !== undefined && SCHOOL_ROLES_ALLOWED[action].includes(membership.role)
    }
  }
}

export const isSignedIn = (actor: Actor): actor is Extract<Actor, { kind: 'user' }> => actor.kind === 'user'
