import { and, asc, eq, gte, inArray, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { users } from '../schema/accounts'
import { cycleInvitations, cycleRemindersSent } from '../schema/invitations'
import { mailMessages } from '../schema/operations'
import { answers, responses } from '../schema/responses'
import { schoolMemberships } from '../schema/schools'

/**
 * The messages a school got in one cycle: its invitations and reminders (tied to the participation), and the
 * report-ready e-mails to its leaders since the cycle opened.
 */
export function mailOfParticipation(db: Db, participation: { id: string; schoolId: string }, since: Date) {
  const invitationMails = db.select({ id: cycleInvitations.mailId }).from(cycleInvitations).where(eq(cycleInvitations.participationId, participation.id))
  const reminderMails = db.select({ id: cycleRemindersSent.mailId }).from(cycleRemindersSent).where(eq(cycleRemindersSent.participationId, participation.id))
  const leaders = db.select({ email: users.email }).from(schoolMemberships).innerJoin(users, eq(users.id, schoolMemberships.userId))
    .where(and(eq(schoolMemberships.schoolId, participation.schoolId), eq(schoolMemberships.role, 'leader')))
  return db
    .select({ id: mailMessages.id, kind: mailMessages.kind, to: mailMessages.toAddress, subject: mailMessages.subject, status: mailMessages.status, at: mailMessages.createdAt, sentAt: mailMessages.sentAt })
    .from(mailMessages)
    .where(or(
      inArray(mailMessages.id, invitationMails),
      inArray(mailMessages.id, reminderMails),
      and(eq(mailMessages.kind, 'report.released'), inArray(mailMessages.toAddress, leaders), gte(mailMessages.createdAt, since)),
    ))
    .orderBy(asc(mailMessages.createdAt))
}

/** How much of a participation's response is answered, and when an answer last changed. */
export async function answerActivity(db: Db, participationId: string) {
  const [row] = await db
    .select({ answered: sql<number>`count(${answers.id}) filter (where ${answers.value} is not null)::int`, lastAt: sql<Date | null>`max(${answers.updatedAt})` })
    .from(responses)
    .leftJoin(answers, eq(answers.responseId, responses.id))
    .where(eq(responses.participationId, participationId))
  return { answered: row?.answered ?? 0, lastAt: row?.lastAt ? new Date(row.lastAt) : null }
}
