import type { SchoolRole } from '../../../domain/policy/roles'

export const TEAM_ROLE_LABELS: Record<SchoolRole, string> = {
  leader: 'Leader',
  coordinator: 'Primary respondent (coordinator)',
  contributor: 'Contributor',
}

export const personLabel = (m: { name: string | null; email: string }) => m.name ?? m.email

/** For the narrow role picker in each row of the people table. */
export const TEAM_ROLE_SHORT_LABELS: Record<SchoolRole, string> = { leader: 'Leader', coordinator: 'Coordinator', contributor: 'Contributor' }
