import { and, asc, eq, gt, isNull } from 'drizzle-orm'
import type { SchoolRole } from '../../domain/policy/roles'
import type { Db } from '../client'
import { cycles } from '../schema/cycles'
import { responses } from '../schema/responses'
import { schools } from '../schema/schools'
import { teamInvitations } from '../schema/team-invitations'

const open = (now: Date) => and(isNull(teamInvitations.acceptedAt), isNull(teamInvitations.cancelledAt), gt(teamInvitations.expiresAt, now))

/** Replaces any open invitation of this address to this school with a new one. */
export async function replaceOpenInvitation(
  db: Db,
  invitation: { schoolId: string; responseId: string; email: string; name: string | null; role: SchoolRole; tokenHash: string; invitedBy: string | null; expiresAt: Date },
  now: Date,
) {
  await db.update(teamInvitations).set({ cancelledAt: now })
    .where(and(eq(teamInvitations.schoolId, invitation.schoolId), eq(teamInvitations.email, invitation.email), isNull(teamInvitations.acceptedAt), isNull(teamInvitations.cancelledAt)))
  const [row] = await db.insert(teamInvitations).values(invitation).returning({ id: teamInvitations.id })
  return row!.id
}

export async function findTeamInvitation(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: teamInvitations.id, schoolId: teamInvitations.schoolId, responseId: teamInvitations.responseId, email: teamInvitations.email,
      name: teamInvitations.name, role: teamInvitations.role, expiresAt: teamInvitations.expiresAt, acceptedAt: teamInvitations.acceptedAt,
      cancelledAt: teamInvitations.cancelledAt, schoolName: schools.name, cycleTitle: cycles.title,
    })
    .from(teamInvitations)
    .innerJoin(schools, eq(schools.id, teamInvitations.schoolId))
    .innerJoin(responses, eq(responses.id, teamInvitations.responseId))
    .innerJoin(cycles, eq(cycles.id, responses.cycleId))
    .where(eq(teamInvitations.tokenHash, tokenHash))
  return row
}

/** Marks the invitation accepted if it is still open; false when someone (or a second click) got there first. */
export async function acceptOpenInvitation(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db.update(teamInvitations).set({ acceptedAt: now }).where(and(eq(teamInvitations.id, id), open(now))).returning({ id: teamInvitations.id })
  return rows.length === 1
}

export function listOpenInvitations(db: Db, schoolId: string, now: Date) {
  return db
    .select({ id: teamInvitations.id, email: teamInvitations.email, name: teamInvitations.name, role: teamInvitations.role, createdAt: teamInvitations.createdAt, expiresAt: teamInvitations.expiresAt })
    .from(teamInvitations)
    .where(and(eq(teamInvitations.schoolId, schoolId), open(now)))
    .orderBy(asc(teamInvitations.createdAt))
}

export async function cancelOpenInvitation(db: Db, schoolId: string, id: string, now: Date) {
  const rows = await db.update(teamInvitations).set({ cancelledAt: now })
    .where(and(eq(teamInvitations.id, id), eq(teamInvitations.schoolId, schoolId), open(now))).returning({ email: teamInvitations.email })
  return rows[0]
}
