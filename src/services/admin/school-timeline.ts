import type { Db } from '../../db/client'
import { auditEventsOfSchool, type NamedAuditEvent } from '../../db/queries/audit'
import { findCycle } from '../../db/queries/cycles'
import { findParticipation } from '../../db/queries/participations'
import { answerActivity, mailOfParticipation } from '../../db/queries/school-timeline'
import type { Actor } from '../../domain/policy/roles'
import { assertCan, notFound } from '../errors'
import { recordAudit } from '../audit'

/** Reading the answers page by page is routine, not a milestone; sign-ins belong to people, not the school. */
const LEFT_OUT = ['response.viewed', 'team.viewed', 'school.timeline-viewed', 'auth.signed-in', 'auth.signed-out']
const MAX_EVENTS = 500

export type TimelineMail = Awaited<ReturnType<typeof mailOfParticipation>>[number]
export type TimelineEntry = { at: Date; event: NamedAuditEvent; mail?: undefined } | { at: Date; mail: TimelineMail; event?: undefined }

/**
 * One school's story in one cycle for the program team: invited, reminded, accepted, team formed, answers,
 * submitted, reopened, report released and viewed; from the audit log and the mail outbox, oldest first.
 */
export async function schoolTimeline(db: Db, actor: Actor, participationId: string) {
  assertCan(actor, 'cycles.manage')
  const p = (await findParticipation(db, participationId)) ?? notFound('school in this cycle')
  const cycle = (await findCycle(db, p.cycleId)) ?? notFound('cycle')
  const since = cycle.openedAt ?? cycle.createdAt
  const [events, mail, answers] = await Promise.all([
    auditEventsOfSchool(db, p.schoolId, since, LEFT_OUT, MAX_EVENTS),
    mailOfParticipation(db, p, since),
    answerActivity(db, p.id),
  ])
  const entries: TimelineEntry[] = [...events.map((event) => ({ at: event.at, event })), ...mail.map((m) => ({ at: m.at, mail: m }))]
  entries.sort((a, b) => a.at.getTime() - b.at.getTime())
  await recordAudit(db, actor, 'school.timeline-viewed', { schoolId: p.schoolId, subject: p.id })
  return { participation: p, entries, answers, truncated: events.length === MAX_EVENTS }
}

export type SchoolTimeline = Awaited<ReturnType<typeof schoolTimeline>>
