import type { SchoolRole } from '../../../domain/policy/roles'

export const TEAM_ROLE_LABELS: Record<SchoolRole, string> = {
  leader: 'Leader',
  coordinator: 'Primary respondent (coordinator)',
  contributor: 'Contributor',
}

export const personLabel = (m: { name: string | null; email: string }) => m.name ?? m.email
