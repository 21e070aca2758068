import type { Db } from '../../db/client'
import { findCycleForUpdate, moveCycleStatus } from '../../db/queries/cycles'
import { insertRelease, leadersOf, scoredResponses } from '../../db/queries/scoring'
import type { Actor } from '../../domain/policy/roles'
import { reportReleasedMail } from '../../mail/report-templates'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'
import { scoreLateSubmissions } from './cycle-scoring'

export const reportPath = (responseId: string) => `/school/reports/${responseId}`

/**
 * Releases reports: every school's (and the cycle becomes released) or one school's. Each newly released report
 * mails its school's leaders; releasing twice sends nothing twice, also when two admins release at the same moment
 * (the cycle's row lock makes the second wait and then find every report released; decision 154).
 */
export async function releaseReports(
  db: Db,
  jobs: JobQueue,
  baseUrl: string,
  actor: Actor,
  cycleId: string,
  only: { schoolId?: string } = {},
  ip: string | null = null,
) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'cycles.manage')
    const cycle = (await findCycleForUpdate(tx, cycleId)) ?? notFound('cycle')
    if (cycle.status !== 'scored' && cycle.status !== 'released') throw new AppError('cycle.not_scored', 'Reports can be released once the cycle is scored.', 409)
    if (cycle.kind === 'historical') throw new AppError('cycle.historical', 'A past round imported from its records has no reports to release: its results appear in the trend of later reports.', 409)
    await scoreLateSubmissions(tx, cycleId) // a school that submitted after the freeze is placed against it
    const targets = await scoredResponses(tx, cycleId, only.schoolId)
    if (only.schoolId && targets.length === 0) notFound('scored response of that school')
    let released = 0
    for (const target of targets) {
      if (target.released) continue
      // The unique release per response decides, whatever else runs: a report released meanwhile mails no one again.
      if (!(await insertRelease(tx, { responseId: target.responseId, cycleId, schoolId: target.schoolId, releasedBy: actor.kind === 'user' ? actor.userId : null }))) continue
      for (const leader of await leadersOf(tx, target.schoolId)) {
        const content = reportReleasedMail({ schoolName: target.schoolName, cycleTitle: cycle.title, leaderName: leader.name, link: `${baseUrl}${reportPath(target.responseId)}` })
        await queueMail(tx, jobs, 'report.released', leader.email, content)
      }
      await recordAudit(tx, actor, 'report.released', { schoolId: target.schoolId, subject: target.responseId }, { ip })
      released++
    }
    if (!only.schoolId && cycle.status === 'scored' && (await moveCycleStatus(tx, cycleId, 'scored', 'released'))) {
      await recordAudit(tx, actor, 'cycle.released', { subject: cycleId, details: { reports: released } }, { ip })
    }
    return { released }
  })
}
