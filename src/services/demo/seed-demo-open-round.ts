import type { Db } from '../../db/client'
import { insertUser } from '../../db/queries/accounts'
import { insertAuditEvent } from '../../db/queries/audit'
import { insertDemoParticipations, insertDemoResponse, markDemoMailSent } from '../../db/queries/demo-participations'
import { findParticipation } from '../../db/queries/participations'
import type { SchoolInsert } from '../../db/queries/schools'
import { insertMembership } from '../../db/queries/schools'
import type { Instrument } from '../../domain/instrument/instrument-model'
import { issueInvitation } from '../cycles/invitation-issue'
import type { JobQueue } from '../jobs'
import { demoAnswersAtLevel } from './demo-answers'

const DAY = 24 * 3_600_000

/** The stages the open round's schools are at, in turn, so the cycle page shows every one. */
const STAGES = ['invited', 'accepted', 'in_progress', 'submitted', 'declined', 'extended', 'invited', 'submitted', 'accepted', 'in_progress'] as const
type Stage = (typeof STAGES)[number]

/** Seeding queues no jobs: every seeded message is marked sent at the moment it stands for. */
const NO_JOBS: JobQueue = { send: async () => {} }

type Seeded = { id: string; name: string; discipline: string }

/**
 * The open demo round: every demo school invited by e-mail (real invitation links, in the dev mailbox), then
 * schools at every stage: no answer yet, accepted, in progress with answers, submitted, declined, and one with an
 * extended deadline. The demo dean's school is in progress with a team of three.
 */
export async function seedDemoOpenRound(
  db: Db,
  cycle: { id: string; title: string; deadlineAt: Date },
  schools: Seeded[],
  inserts: SchoolInsert[],
  demoDean: { id: string; email: string },
  instrument: Instrument,
  baseUrl: string,
  now: Date,
) {
  const invitedAt = new Date(now.getTime() - 14 * DAY)
  const stageOf = (i: number): Stage => (i === 0 ? 'in_progress' : STAGES[i % STAGES.length]!)
  const rows = await insertDemoParticipations(db, schools.map((school, i) => {
    const stage = stageOf(i)
    const status = stage === 'extended' ? 'invited' : stage
    return {
      cycleId: cycle.id, schoolId: school.id, status, source: 'all-eligible' as const,
      inviteeEmail: inserts[i]!.deanEmail ?? null, inviteeName: inserts[i]!.deanName ?? null,
      invitedAt,
      respondedAt: status === 'invited' ? null : new Date(invitedAt.getTime() + (2 + (i % 5)) * DAY),
      submittedAt: status === 'submitted' ? new Date(now.getTime() - (1 + (i % 3)) * DAY) : null,
      lastActivityAt: status === 'invited' ? null : new Date(now.getTime() - (i % 4) * DAY),
      deadlineOverrideAt: stage === 'extended' ? new Date(cycle.deadlineAt.getTime() + 21 * DAY) : null,
    }
  }))
  for (const [i, row] of rows.entries()) {
    const school = schools[i]!
    const stage = stageOf(i)
    const issued = await issueInvitation(db, NO_JOBS, baseUrl, (await findParticipation(db, row.id))!, invitedAt)
    if (issued) await markDemoMailSent(db, issued.mailId, invitedAt)
    if (stage === 'invited' || stage === 'extended') {
      if (stage === 'extended') await audit(db, 'cycle.deadline-extended', school.id, row.id, new Date(now.getTime() - 2 * DAY), null, { until: new Date(cycle.deadlineAt.getTime() + 21 * DAY) })
      continue
    }
    const respondedAt = new Date(invitedAt.getTime() + (2 + (i % 5)) * DAY)
    const email = inserts[i]!.deanEmail!
    if (stage === 'declined') {
      await audit(db, 'cycle.invitation-declined', school.id, row.id, respondedAt, { email: `system:invitation:${email}` })
      continue
    }
    // Accepting makes the dean the school's leader (the demo dean leads the first school).
    const leader = i === 0 ? demoDean : (await insertUser(db, { email, name: inserts[i]!.deanName ?? null }))!
    await insertMembership(db, { schoolId: school.id, userId: leader.id, role: 'leader' })
    await audit(db, 'cycle.invitation-accepted', school.id, row.id, respondedAt, { userId: leader.id, email: leader.email })
    if (stage === 'accepted') continue
    const share = stage === 'submitted' ? 1 : i === 0 ? 0.4 : 0.6
    const level = 0.3 + ((i * 37) % 60) / 100
    const submittedAt = stage === 'submitted' ? new Date(now.getTime() - (1 + (i % 3)) * DAY) : null
    const responseId = await insertDemoResponse(db, { participationId: row.id, cycleId: cycle.id, schoolId: school.id, instrumentVersion: instrument.id, submittedAt, certifiedByName: submittedAt ? 'Demo Dean' : null, updatedBy: leader.id }, demoAnswersAtLevel(instrument, level, share))
    if (submittedAt) await audit(db, 'response.submitted', school.id, responseId, submittedAt, { userId: leader.id, email: leader.email }, { certifiedBy: 'Demo Dean' })
  }
  await demoTeam(db, schools[0]!.id, rows[0]!.id, new Date(invitedAt.getTime() + 3 * DAY), demoDean)
}

/** The demo dean's colleagues: a coordinator and a contributor, invited by the dean. */
async function demoTeam(db: Db, schoolId: string, participationId: string, at: Date, dean: { id: string; email: string }) {
  const colleagues = [
    { email: 'coordinator@demo.socialmissionmetrics.test', name: 'Casey Coordinator', role: 'coordinator' as const },
    { email: 'contributor@demo.socialmissionmetrics.test', name: 'Pat Contributor', role: 'contributor' as const },
  ]
  for (const c of colleagues) {
    const user = await insertUser(db, { email: c.email, name: c.name })
    if (!user) continue
    await insertMembership(db, { schoolId, userId: user.id, role: c.role })
    await audit(db, 'team.member-invited', schoolId, user.id, at, { userId: dean.id, email: dean.email }, { email: c.email, role: c.role, participationId })
  }
}

async function audit(db: Db, action: string, schoolId: string, subject: string, at: Date, actor: { userId?: string; email: string } | null, details: Record<string, unknown> = {}) {
  await insertAuditEvent(db, { at, action, schoolId, subject, details, actorUserId: actor?.userId ?? null, actorEmail: actor?.email ?? 'system:demo' })
}
