import { recordAudit } from '../audit'
import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { latestProgress } from '../../db/queries/job-progress'
import { participationsOfCycle } from '../../db/queries/participations'
import { dailyProgress, tally, tallyBy, type SummaryRow } from '../../domain/cycle/cycle-summary'
import { insideExtension } from '../../domain/cycle/cycle-calendar'
import { participationDeadline } from '../../domain/cycle/invitation-rules'
import type { Actor } from '../../domain/policy/roles'
import { csvWithBom } from '../csv-files'
import { assertCan, notFound } from '../errors'
import { SEND_INVITATIONS_KIND } from './send-invitations'

/** Everything the cycle dashboard shows: counts by status, discipline and state, daily progress, and the list. */
export async function cycleDashboard(db: Db, actor: Actor, cycleId: string, now = new Date()) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const schools = await participationsOfCycle(db, cycleId)
  const rows: SummaryRow[] = schools
  const from = cycle.openedAt ?? cycle.opensAt
  const to = now < cycle.deadlineAt ? now : cycle.deadlineAt
  return {
    cycle,
    schools: schools.map((s) => ({ ...s, deadlineAt: participationDeadline(cycle.deadlineAt, s.deadlineOverrideAt) })),
    total: tally(rows),
    byDiscipline: tallyBy(rows, (r) => r.discipline),
    byState: tallyBy(rows, (r) => r.state),
    daily: from <= to ? dailyProgress(rows, from, to) : [],
    progress: (await latestProgress(db, SEND_INVITATIONS_KIND, cycleId)) ?? null,
    /** Schools still answering on an extension past the cycle's deadline: closing does not stop them. */
    insideExtension: schools.filter((s) => s.status !== 'submitted' && s.status !== 'declined' && insideExtension(cycle.deadlineAt, s.deadlineOverrideAt, now)).length,
  }
}

export type CycleDashboard = Awaited<ReturnType<typeof cycleDashboard>>

/** The sending job's progress alone, for the page that refreshes while invitations are created. */
export async function invitationProgress(db: Db, actor: Actor, cycleId: string) {
  assertCan(actor, 'cycles.manage')
  return (await latestProgress(db, SEND_INVITATIONS_KIND, cycleId)) ?? null
}

/** The status list as CSV: who is where and when, never answers or scores. */
export async function cycleStatusCsv(db: Db, actor: Actor, cycleId: string, ip: string | null = null) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const rows = await participationsOfCycle(db, cycleId)
  // The list names every school of the cycle with its status: each download is audited (decision 135).
  await recordAudit(db, actor, 'cycle.status-exported', { subject: cycleId, details: { rows: rows.length } }, { ip })
  return csvWithBom(
    ['school', 'state', 'discipline', 'status', 'source', 'addressee', 'invitation_mail', 'invited_at', 'responded_at', 'submitted_at', 'last_activity_at', 'deadline_at', 'reminders_sent_days_before'],
    rows.map((r) => [
      r.schoolName, r.state, r.discipline, r.status, r.source, r.inviteeEmail, r.mailStatus, r.invitedAt, r.respondedAt, r.submittedAt,
      r.lastActivityAt, participationDeadline(cycle.deadlineAt, r.deadlineOverrideAt), r.remindersSent.join(' '),
    ]),
  )
}
