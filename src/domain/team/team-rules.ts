import type { SchoolRole } from '../policy/roles'

// The rules of a school's team, free of I/O: who may hand out which role, who may be removed, and which area
// assignments make sense for an instrument.

/** Days a colleague's invitation link stays usable: long enough for a busy dean's office, short enough to lapse. */
export const TEAM_INVITATION_TTL_MS = 14 * 24 * 3_600_000

export type TeamInvitationState = 'valid' | 'expired' | 'used' | 'cancelled' | 'unknown'

/** Where a team invitation link stands; a used one says so even after it expired, so the person knows why. */
export function teamInvitationState(
  invitation: { expiresAt: Date; acceptedAt: Date | null; cancelledAt: Date | null } | undefined,
  now: Date,
): TeamInvitationState {
  if (!invitation) return 'unknown'
  if (invitation.acceptedAt) return 'used'
  if (invitation.cancelledAt) return 'cancelled'
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid'
}

/** Who is asking: a program admin, or a member of the school with a role. */
export type TeamManager = { admin: boolean; role: SchoolRole | null }

/** A coordinator runs the response but cannot crown a leader; leaders (and the program team) can. */
export function grantableRoles(manager: TeamManager): readonly SchoolRole[] {
  if (manager.admin || manager.role === 'leader') return ['leader', 'coordinator', 'contributor']
  if (manager.role === 'coordinator') return ['coordinator', 'contributor']
  return []
}

export type TeamChangeRefusal = { ok: false; message: string }
export type TeamChangeCheck = { ok: true } | TeamChangeRefusal

/**
 * Whether `manager` may move a member from `from` to `to`. A coordinator may not touch a leader either way, or
 * they could demote the people who appointed them.
 */
export function checkRoleChange(manager: TeamManager, from: SchoolRole, to: SchoolRole, leaders: number): TeamChangeCheck {
  const grantable = grantableRoles(manager)
  if (!grantable.includes(to)) return { ok: false, message: `You cannot make anyone a ${to}.` }
  if (from === 'leader' && !grantable.includes('leader')) return { ok: false, message: 'Only a leader can change another leader’s role.' }
  if (from === 'leader' && to !== 'leader' && leaders <= 1) return { ok: false, message: 'The school’s last leader cannot step down; name another leader first.' }
  return { ok: true }
}

/** Whether `manager` may take a member off the team. The last leader stays, so someone can always see results. */
export function checkRemoval(manager: TeamManager, role: SchoolRole, leaders: number): TeamChangeCheck {
  if (grantableRoles(manager).length === 0) return { ok: false, message: 'You cannot change this team.' }
  if (role === 'leader' && !grantableRoles(manager).includes('leader')) return { ok: false, message: 'Only a leader can remove a leader.' }
  if (role === 'leader' && leaders <= 1) return { ok: false, message: 'The school’s last leader cannot be removed; name another leader first.' }
  return { ok: true }
}

export type AreaAssignment = { areaId: string; userId: string }
export type AssignmentCheck = { ok: true; assignments: AreaAssignment[] } | { ok: false; message: string }

/** Assignments must name areas of the response's instrument and people on the school's team; duplicates collapse. */
export function checkAssignments(requested: readonly AreaAssignment[], areaIds: readonly string[], memberIds: readonly string[]): AssignmentCheck {
  const areas = new Set(areaIds)
  const members = new Set(memberIds)
  const unknownArea = requested.find((a) => !areas.has(a.areaId))
  if (unknownArea) return { ok: false, message: `There is no area “${unknownArea.areaId}” in this questionnaire.` }
  if (requested.some((a) => !members.has(a.userId))) return { ok: false, message: 'Someone in the list is no longer on the team. Reload the page and try again.' }
  const seen = new Map(requested.map((a) => [`${a.areaId}\u0000${a.userId}`, a]))
  return { ok: true, assignments: [...seen.values()] }
}

/** The pairs for "assign this whole domain to this person". */
export const domainAssignments = (areaIds: readonly string[], userId: string): AreaAssignment[] => areaIds.map((areaId) => ({ areaId, userId }))
