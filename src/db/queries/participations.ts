import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { completionStatus } from './certified-responses'
import type { Db } from '../client'
import { cycleParticipations, cycles, type ParticipationStatus } from '../schema/cycles'
import { cycleInvitations, cycleRemindersSent } from '../schema/invitations'
import { mailMessages } from '../schema/operations'
import { schools } from '../schema/schools'

export type ParticipationInsert = typeof cycleParticipations.$inferInsert
const p = cycleParticipations

export async function insertParticipations(db: Db, rows: ParticipationInsert[]) {
  if (rows.length === 0) return []
  return db.insert(p).values(rows).onConflictDoNothing().returning({ id: p.id })
}

const invitationFacts = {
  id: p.id, cycleId: p.cycleId, schoolId: p.schoolId, status: p.status, source: p.source,
  inviteeEmail: p.inviteeEmail, inviteeName: p.inviteeName, deadlineOverrideAt: p.deadlineOverrideAt,
  schoolName: schools.name, cycleTitle: cycles.title, cycleStatus: cycles.status, deadlineAt: cycles.deadlineAt,
}

/** Participations with an addressee whose invitation has not been created yet, a batch at a time (safe to rerun). */
export function uninvitedParticipations(db: Db, cycleId: string, limit: number) {
  return db.select(invitationFacts).from(p).innerJoin(schools, eq(schools.id, p.schoolId)).innerJoin(cycles, eq(cycles.id, p.cycleId))
    .where(and(eq(p.cycleId, cycleId), isNull(p.invitationMailId), isNotNull(p.inviteeEmail))).orderBy(asc(p.id)).limit(limit)
}

// The receiving server's reason when it refused the latest invitation for good (decision 084), else null.
const invitationRejection = sql<string | null>`(select ${mailMessages.lastError} from ${mailMessages} where ${mailMessages.id} = ${p.invitationMailId} and ${mailMessages.rejectedAt} is not null)`

/** A participation with what its invitation and its page need about the school and the cycle. */
export async function findParticipation(db: Db, id: string) {
  const [row] = await findParticipations(db, [id])
  return row
}

/** Several participations at once (a bulk action's schools), in one statement, in no particular order. */
export function findParticipations(db: Db, ids: readonly string[]) {
  return db.select({ ...invitationFacts, invitationRejection }).from(p).innerJoin(schools, eq(schools.id, p.schoolId))
    .innerJoin(cycles, eq(cycles.id, p.cycleId)).where(inArray(p.id, [...ids]))
}

export async function countInvitable(db: Db, cycleId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(p).where(and(eq(p.cycleId, cycleId), isNotNull(p.inviteeEmail)))
  return row!.n
}

export async function countParticipations(db: Db, cycleId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(p).where(eq(p.cycleId, cycleId))
  return row!.n
}

export async function recordInvitationMail(db: Db, id: string, mailId: string, at: Date) {
  await db.update(p).set({ invitationMailId: mailId, invitedAt: at }).where(eq(p.id, id))
}

export async function setParticipationStatus(
  db: Db,
  id: string,
  status: ParticipationStatus,
  times: { respondedAt?: Date; submittedAt?: Date; lastActivityAt: Date },
) {
  await db.update(p).set({ status, ...times }).where(eq(p.id, id))
}

export async function setAddressee(db: Db, id: string, email: string, name: string | null) {
  await db.update(p).set({ inviteeEmail: email, inviteeName: name }).where(eq(p.id, id))
}

export async function setDeadlineOverride(db: Db, id: string, at: Date | null) {
  await db.update(p).set({ deadlineOverrideAt: at }).where(eq(p.id, id))
}

/** Everyone in a cycle (status as counted: submitted means certified), with school facts, the invitation mail's delivery state and reminders sent. */
export function participationsOfCycle(db: Db, cycleId: string) {
  return db
    .select({
      id: p.id, schoolId: p.schoolId, status: completionStatus, source: p.source, invitedAt: p.invitedAt, respondedAt: p.respondedAt,
      submittedAt: p.submittedAt, lastActivityAt: p.lastActivityAt, deadlineOverrideAt: p.deadlineOverrideAt,
      inviteeEmail: p.inviteeEmail, schoolName: schools.name, state: schools.state, discipline: schools.discipline,
      mailStatus: mailMessages.status, mailError: mailMessages.lastError, mailRejectedAt: mailMessages.rejectedAt,
      remindersSent: sql<number[]>`coalesce((select array_agg(r.days_before order by r.days_before desc) from ${cycleRemindersSent} r where r.participation_id = ${p.id}), '{}')`,
    })
    .from(p)
    .innerJoin(schools, eq(schools.id, p.schoolId))
    .leftJoin(mailMessages, eq(mailMessages.id, p.invitationMailId))
    .where(eq(p.cycleId, cycleId))
    .orderBy(asc(schools.state), asc(schools.name))
}

/** Open participations that may be owed a reminder: not declined, not submitted, invitation created. */
export function reminderCandidates(db: Db, cycleId: string) {
  return db
    .select({
      id: p.id, status: p.status, deadlineOverrideAt: p.deadlineOverrideAt, inviteeEmail: p.inviteeEmail, schoolName: schools.name,
      sent: sql<number[]>`coalesce((select array_agg(r.days_before) from ${cycleRemindersSent} r where r.participation_id = ${p.id}), '{}')`,
    })
    .from(p)
    .innerJoin(schools, eq(schools.id, p.schoolId))
    .where(and(eq(p.cycleId, cycleId), inArray(p.status, ['invited', 'accepted', 'in_progress']), isNotNull(p.invitationMailId)))
}

/** False if this reminder was already recorded: the unique key makes each go out once. */
export async function claimReminder(db: Db, participationId: string, daysBefore: number) {
  const rows = await db.insert(cycleRemindersSent).values({ participationId, daysBefore }).onConflictDoNothing().returning({ id: cycleRemindersSent.id })
  return rows[0]?.id
}

export async function setReminderMail(db: Db, id: string, mailId: string) {
  await db.update(cycleRemindersSent).set({ mailId }).where(eq(cycleRemindersSent.id, id))
}

export async function insertInvitation(db: Db, values: typeof cycleInvitations.$inferInsert) {
  await db.insert(cycleInvitations).values(values)
}

export async function revokeInvitations(db: Db, participationId: string, at: Date) {
  await db.update(cycleInvitations).set({ revokedAt: at })
    .where(and(eq(cycleInvitations.participationId, participationId), isNull(cycleInvitations.revokedAt), isNull(cycleInvitations.usedAt)))
}

export async function findInvitation(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: cycleInvitations.id, participationId: cycleInvitations.participationId, email: cycleInvitations.email,
      expiresAt: cycleInvitations.expiresAt, usedAt: cycleInvitations.usedAt, revokedAt: cycleInvitations.revokedAt,
    })
    .from(cycleInvitations).where(eq(cycleInvitations.tokenHash, tokenHash))
  return row
}

/** Marks the link used only once; false means it was used in the meantime. */
export async function consumeInvitation(db: Db, id: string, at: Date) {
  const rows = await db.update(cycleInvitations).set({ usedAt: at })
    .where(and(eq(cycleInvitations.id, id), isNull(cycleInvitations.usedAt), isNull(cycleInvitations.revokedAt)))
    .returning({ id: cycleInvitations.id })
  return rows.length === 1
}
