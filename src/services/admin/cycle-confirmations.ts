import type { Db } from '../../db/client'
import { leadersOfSchools } from '../../db/queries/confirmation-counts'
import { findCycle } from '../../db/queries/cycles'
import { findDirectorySchool } from '../../db/queries/directory'
import { findParticipation, participationsOfCycle, reminderCandidates } from '../../db/queries/participations'
import { scoredResponses } from '../../db/queries/scoring'
import { insideExtension } from '../../domain/cycle/cycle-calendar'
import { participationDeadline } from '../../domain/cycle/invitation-rules'
import { dueReminder } from '../../domain/cycle/reminders'
import type { Actor } from '../../domain/policy/roles'
import { invitationMail, reminderMail } from '../../mail/cycle-templates'
import type { MailContent } from '../../mail/render'
import { reportReleasedMail } from '../../mail/report-templates'
import { AppError, assertCan, notFound } from '../errors'

// What an action that e-mails people or cannot be undone will do, counted before the officer confirms it. Nothing
// here writes; each preview is the real template filled with the first addressee's facts and a sample link.

/** A group of people who get the same message, and the message as the first of them would read it. */
export type MailGroup = { label: string; people: number; preview: MailContent | null }

const SAMPLE_TOKEN = 'personal-link-made-when-sent'

async function cycleOf(db: Db, actor: Actor, cycleId: string) {
  assertCan(actor, 'cycles.manage')
  return (await findCycle(db, cycleId)) ?? notFound('cycle')
}

/**
 * Opening: the deans of the schools drawn who have an address get the invitation; previewed as the first of them
 * would read it (the opening preview page shows it beside the counts per discipline).
 */
export async function invitationMailGroup(
  db: Db, baseUrl: string, cycle: { title: string; deadlineAt: Date }, chosen: readonly { id: string; deanName: string | null; deanEmail: string | null }[],
): Promise<MailGroup> {
  const addressed = chosen.filter((s) => s.deanEmail)
  const first = addressed[0]
  const firstName = first ? (await findDirectorySchool(db, first.id))?.name : undefined
  return {
    label: 'deans get the invitation',
    people: addressed.length,
    preview: first && firstName
      ? invitationMail({ schoolName: firstName, cycleTitle: cycle.title, deanName: first.deanName, link: `${baseUrl}/invitation?token=${SAMPLE_TOKEN}`, deadlineAt: cycle.deadlineAt })
      : null,
  }
}

/** Closing: nobody is e-mailed, but the schools that have not submitted can no longer answer. */
export async function confirmClose(db: Db, actor: Actor, cycleId: string, now = new Date()) {
  const cycle = await cycleOf(db, actor, cycleId)
  if (cycle.status !== 'open') throw new AppError('cycle.not_open', 'Only an open cycle can be closed.', 409)
  const rows = await participationsOfCycle(db, cycleId)
  const unfinished = rows.filter((r) => r.status === 'invited' || r.status === 'accepted' || r.status === 'in_progress')
  // Closing never cancels an extension (decision 080): those schools keep answering until their own deadline.
  const extended = unfinished.filter((r) => insideExtension(cycle.deadlineAt, r.deadlineOverrideAt, now)).length
  return { cycle, submitted: rows.filter((r) => r.status === 'submitted').length, locked: unfinished.length - extended, extended }
}

/** Releasing: the reports not yet released (all, or one school's), and every leader of those schools. */
export async function confirmRelease(db: Db, actor: Actor, baseUrl: string, cycleId: string, schoolId?: string) {
  const cycle = await cycleOf(db, actor, cycleId)
  if (cycle.status !== 'scored' && cycle.status !== 'released') throw new AppError('cycle.not_scored', 'Reports can be released once the cycle is scored.', 409)
  const targets = (await scoredResponses(db, cycleId, schoolId)).filter((t) => !t.released)
  if (schoolId && targets.length === 0) throw new AppError('report.released', 'This school’s report is already released.', 409)
  const leaders = await leadersOfSchools(db, targets.map((t) => t.schoolId))
  const first = leaders[0]
  const firstTarget = targets.find((t) => t.schoolId === first?.schoolId)
  const group: MailGroup = {
    label: 'school leaders get “Your confidential report is ready”',
    people: leaders.length,
    preview: first && firstTarget
      ? reportReleasedMail({ schoolName: firstTarget.schoolName, cycleTitle: cycle.title, leaderName: first.name, link: `${baseUrl}/school/reports/${firstTarget.responseId}` })
      : null,
  }
  return { cycle, reports: targets.length, schoolName: schoolId ? (targets[0]?.schoolName ?? null) : null, withoutLeader: targets.filter((t) => !leaders.some((l) => l.schoolId === t.schoolId)).length, groups: [group] }
}

/** Reminders now: the same rule the hourly job applies, counted without claiming anything. */
export async function confirmReminders(db: Db, actor: Actor, baseUrl: string, cycleId: string, now = new Date()) {
  const cycle = await cycleOf(db, actor, cycleId)
  if (cycle.status !== 'open') throw new AppError('cycle.not_open', 'Reminders go out only while the cycle is open.', 409)
  const due = []
  for (const c of await reminderCandidates(db, cycleId)) {
    const deadlineAt = participationDeadline(cycle.deadlineAt, c.deadlineOverrideAt)
    const days = dueReminder({ status: c.status, deadlineAt, sent: c.sent }, cycle.reminderDays, now)
    if (days !== null && c.inviteeEmail) due.push({ ...c, days, deadlineAt })
  }
  const unanswered = due.filter((d) => d.status === 'invited')
  const started = due.filter((d) => d.status !== 'invited')
  const firstDean = unanswered[0] ? await findParticipation(db, unanswered[0].id) : undefined
  const groups: MailGroup[] = [
    {
      label: 'deans who have not answered get their invitation again, with a new link',
      people: unanswered.length,
      preview: unanswered[0] && firstDean
        ? invitationMail({ schoolName: unanswered[0].schoolName, cycleTitle: cycle.title, deanName: firstDean.inviteeName, link: `${baseUrl}/invitation?token=${SAMPLE_TOKEN}`, deadlineAt: unanswered[0].deadlineAt, reminder: true })
        : null,
    },
    {
      label: 'schools that accepted get a reminder of the deadline',
      people: started.length,
      preview: started[0]
        ? reminderMail({ schoolName: started[0].schoolName, cycleTitle: cycle.title, daysBefore: started[0].days, deadlineAt: started[0].deadlineAt, link: `${baseUrl}/sign-in` })
        : null,
    },
  ]
  return { cycle, due: due.length, groups }
}
