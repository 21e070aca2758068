import type { Db } from '../../db/client'
import { findCycle, remindableCycles } from '../../db/queries/cycles'
import { claimReminder, findParticipation, reminderCandidates, setReminderMail } from '../../db/queries/participations'
import { participationDeadline } from '../../domain/cycle/invitation-rules'
import { insideExtension } from '../../domain/cycle/cycle-calendar'
import type { CycleStatus } from '../../domain/cycle/cycle-states'
import { dueReminder } from '../../domain/cycle/reminders'
import type { Actor } from '../../domain/policy/roles'
import { reminderMail } from '../../mail/cycle-templates'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'
import { issueInvitation } from './invitation-issue'

type Cycle = { id: string; status: CycleStatus; title: string; deadlineAt: Date; reminderDays: number[] }

/**
 * Queues the reminders due now in one cycle, each (school, days-before) once. A school that has not answered its
 * invitation gets another invitation link (the first one keeps working); one that accepted is pointed to sign-in.
 * Once the cycle has closed, only schools that accepted and are inside an extension are still reminded.
 */
async function remindCycle(db: Db, jobs: JobQueue, baseUrl: string, cycle: Cycle, now: Date) {
  return db.transaction(async (tx) => {
    let sent = 0
    for (const c of await reminderCandidates(tx, cycle.id)) {
      const deadlineAt = participationDeadline(cycle.deadlineAt, c.deadlineOverrideAt)
      if (cycle.status !== 'open' && (c.status === 'invited' || !insideExtension(cycle.deadlineAt, c.deadlineOverrideAt, now))) continue
      const days = dueReminder({ status: c.status, deadlineAt, sent: c.sent }, cycle.reminderDays, now)
      if (days === null || !c.inviteeEmail) continue
      const claimId = await claimReminder(tx, c.id, days)
      if (!claimId) continue
      const facts = { schoolName: c.schoolName, cycleTitle: cycle.title, daysBefore: days, deadlineAt }
      const mailId =
        c.status === 'invited'
          ? (await issueInvitation(tx, jobs, baseUrl, (await findParticipation(tx, c.id))!, now, true))!.mailId
          : await queueMail(tx, jobs, 'reminder', c.inviteeEmail, reminderMail({ ...facts, link: `${baseUrl}/sign-in` }))
      await setReminderMail(tx, claimId, mailId)
      sent++
    }
    return sent
  })
}

/** The hourly job: every open cycle's due reminders, and those of schools inside an extension after the close. */
export async function sendDueReminders(db: Db, jobs: JobQueue, baseUrl: string, now = new Date()) {
  let sent = 0
  for (const cycle of await remindableCycles(db, now)) sent += await remindCycle(db, jobs, baseUrl, cycle, now)
  return sent
}

/** An admin sends one cycle's due reminders now rather than waiting for the hourly run. */
export async function sendDueRemindersNow(db: Db, jobs: JobQueue, baseUrl: string, actor: Actor, cycleId: string, ip: string | null, now = new Date()) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  if (cycle.status !== 'open') throw new AppError('cycle.not_open', 'Reminders go out only while the cycle is open.', 409)
  const sent = await remindCycle(db, jobs, baseUrl, cycle, now)
  await recordAudit(db, actor, 'cycle.reminders-sent', { subject: cycleId, details: { sent } }, { ip })
  return sent
}
