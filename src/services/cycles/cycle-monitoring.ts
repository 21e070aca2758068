import { recordAudit } from '../audit'
import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { latestProgress } from '../../db/queries/job-progress'
import { participationsOfCycle } from '../../db/queries/participations'
import { PARTICIPATION_STATUSES, dailyProgress, tally, tallyBy } from '../../domain/cycle/cycle-summary'
import { pageSlice } from '../../domain/paging/page-slice'
import {
  countCycleSchools, cycleDayCounts, cycleSchoolsPage, cycleStatusCounts, openExtensions, type CycleSchoolFilter,
} from '../../db/queries/cycle-school-list'
import { insideExtension } from '../../domain/cycle/cycle-calendar'
import { participationDeadline } from '../../domain/cycle/invitation-rules'
import type { Actor } from '../../domain/policy/roles'
import { csvWithBom } from '../csv-files'
import { assertCan, notFound } from '../errors'
import { SEND_INVITATIONS_KIND } from './send-invitations'

export type { CycleSchoolFilter }

/**
 * Everything the cycle dashboard shows: counts by status, discipline and state and daily progress, all from SQL
 * aggregates, and one page of the schools matching the filter (decision 163), so the page does not grow with the cycle.
 */
export async function cycleDashboard(db: Db, actor: Actor, cycleId: string, list: { filter: CycleSchoolFilter; page: number }, now = new Date()) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const [counts, days, extensions, progress, matching] = await Promise.all([
    cycleStatusCounts(db, cycleId), cycleDayCounts(db, cycleId), openExtensions(db, cycleId),
    latestProgress(db, SEND_INVITATIONS_KIND, cycleId), countCycleSchools(db, cycleId, list.filter),
  ])
  const slice = pageSlice(list.page, matching)
  const schools = await cycleSchoolsPage(db, cycleId, list.filter, slice)
  const from = cycle.openedAt ?? cycle.opensAt
  const to = now < cycle.deadlineAt ? now : cycle.deadlineAt
  return {
    cycle,
    filter: list.filter,
    slice,
    schools: schools.map((s) => ({ ...s, deadlineAt: participationDeadline(cycle.deadlineAt, s.deadlineOverrideAt) })),
    total: tally(counts),
    byStatus: new Map(PARTICIPATION_STATUSES.map((status) => [status, counts.reduce((n, c) => (c.status === status ? n + c.n : n), 0)])),
    byDiscipline: tallyBy(counts, (r) => r.discipline),
    byState: tallyBy(counts, (r) => r.state),
    daily: from <= to ? dailyProgress(days, from, to) : [],
    invitationsCreated: counts.reduce((n, c) => n + c.invitationsCreated, 0),
    progress: progress ?? null,
    /** Schools still answering on an extension past the cycle's deadline: closing does not stop them. */
    insideExtension: extensions.filter((at) => insideExtension(cycle.deadlineAt, at, now)).length,
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
