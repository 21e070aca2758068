import type { Db } from '../../db/client'
import { insertAuditEvent } from '../../db/queries/audit'
import { insertCycle, moveCycleStatus } from '../../db/queries/cycles'
import { insertDemoParticipations, insertDemoResponse } from '../../db/queries/demo-participations'
import { startProgress } from '../../db/queries/job-progress'
import { insertRelease, scoredResponses } from '../../db/queries/scoring'
import type { ParticipationStatus } from '../../db/schema/cycles'
import type { Instrument } from '../../domain/instrument/instrument-model'
import type { Discipline } from '../../domain/school/school-facts'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../reports/cycle-scoring'
import { demoAnswersAtLevel } from './demo-answers'

const DAY = 24 * 3_600_000

/** How the demo's past round ended for the n-th school of each discipline: mostly submitted, a few not. */
const OUTCOMES: Partial<Record<Discipline, ParticipationStatus[]>> = {
  md: ['submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'in_progress', 'declined', 'submitted'],
  do: ['submitted', 'submitted', 'declined', 'accepted', 'submitted', 'invited'],
  dental: ['submitted', 'declined', 'submitted', 'invited', 'submitted', 'declined'],
}

/**
 * Last year's round over the demo's medical, osteopathic and dental schools, run to the end: the submitted schools
 * have real answers (spread over the quartiles), the real scoring job scored them and froze the norms, and every
 * report is released (without e-mail), so the public participation page, the reports and the trend have content.
 */
export async function seedDemoPastCycle(db: Db, schools: { id: string; discipline: Discipline }[], instrument: Instrument, now: Date) {
  const opensAt = new Date(now.getTime() - 400 * DAY)
  const deadlineAt = new Date(now.getTime() - 250 * DAY)
  const cycle = await insertCycle(db, {
    title: `${opensAt.getUTCFullYear()} national round (demo)`,
    instrumentVersion: instrument.id,
    disciplines: ['md', 'do', 'dental'],
    status: 'closed',
    opensAt,
    deadlineAt,
    // Published a month after it closed: publishing is an admin's step (decision 092), done here for the demo.
    participationPublishedAt: new Date(deadlineAt.getTime() + 30 * DAY),
  })
  const seen: Partial<Record<Discipline, number>> = {}
  const rows = schools.flatMap((school) => {
    const outcomes = OUTCOMES[school.discipline]
    if (!outcomes) return []
    const i = seen[school.discipline] ?? 0
    seen[school.discipline] = i + 1
    const status = outcomes[i % outcomes.length]!
    return [{
      cycleId: cycle.id,
      schoolId: school.id,
      status,
      source: 'all-eligible' as const,
      invitedAt: opensAt,
      respondedAt: status === 'invited' ? null : new Date(opensAt.getTime() + 10 * DAY),
      submittedAt: status === 'submitted' ? new Date(deadlineAt.getTime() - 5 * DAY) : null,
    }]
  })
  const inserted = await insertDemoParticipations(db, rows)
  for (const [i, p] of inserted.entries()) {
    if (p.status !== 'submitted') continue
    // Levels spread over 0.2–0.94; the offset gives the first school (the demo dean's) a middling 0.63, so its
    // report shows strengths and weaknesses rather than a zero in every area.
    const level = 0.2 + (((i + 17) * 29) % 75) / 100
    await insertDemoResponse(db, { participationId: p.id, cycleId: cycle.id, schoolId: p.schoolId, instrumentVersion: instrument.id, submittedAt: rows[i]!.submittedAt!, certifiedByName: 'Demo Dean' }, demoAnswersAtLevel(instrument, level))
  }
  // The real scoring job, run here: scores every response and freezes the norms (the cycle becomes scored).
  const progressId = await startProgress(db, BUILD_REPORTS_KIND, cycle.id, inserted.filter((p) => p.status === 'submitted').length)
  await buildCycleReports(db, { cycleId: cycle.id, progressId }, () => new Date(deadlineAt.getTime() + 20 * DAY))
  const releasedAt = new Date(deadlineAt.getTime() + 30 * DAY)
  for (const target of await scoredResponses(db, cycle.id)) {
    await insertRelease(db, { responseId: target.responseId, cycleId: cycle.id, schoolId: target.schoolId, releasedBy: null })
    await insertAuditEvent(db, { at: releasedAt, action: 'report.released', schoolId: target.schoolId, subject: target.responseId, actorEmail: 'system:demo', details: {} })
  }
  await moveCycleStatus(db, cycle.id, 'scored', 'released')
  return { id: cycle.id, deadlineAt }
}
