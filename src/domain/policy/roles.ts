// Who someone is to the program. Program roles span every school; school roles belong to one school.

export const PROGRAM_ROLES = ['admin', 'analyst'] as const
export type ProgramRole = (typeof PROGRAM_ROLES)[number]

export const SCHOOL_ROLES = ['leader', 'coordinator', 'contributor'] as const
export type SchoolRole = (typeof SCHOOL_ROLES)[number]

export type Membership = { schoolId: string; role: SchoolRole }

export type Actor =
  | { kind: 'anonymous' }
  /** The operator at the command line (migrations, imports, seeding): trusted, never a web request. */
  | { kind: 'system'; label: string }
  | {
      kind: 'user'
      userId: string
      email: string
      name: string | null
      programRole: ProgramRole | null
      memberships: readonly Membership[]
    }

export const ANONYMOUS: Actor = { kind: 'anonymous' }
export const CLI_OPERATOR: Actor = { kind: 'system', label: 'cli' }
/** The job that opens and closes cycles on their dates: it may do what an admin's open and close buttons do. */
export const CYCLE_CALENDAR: Actor = { kind: 'system', label: 'cycle-calendar' }
/** The job that issues paid badges: it may issue and nothing else (decision 127). */
export const BADGE_ISSUER_JOB: Actor = { kind: 'system', label: 'badge-issue' }
