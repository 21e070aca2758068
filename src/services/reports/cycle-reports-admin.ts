import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { latestProgress } from '../../db/queries/job-progress'
import { countSubmittedResponses, scoredResponses, snapshotsOf } from '../../db/queries/scoring'
import type { Actor } from '../../domain/policy/roles'
import { assertCan, notFound } from '../errors'
import { BUILD_REPORTS_KIND } from './cycle-scoring'

/** The program team's view of a cycle's reports: build progress, norms snapshots and each school's report. */
export async function cycleReportsOverview(db: Db, actor: Actor, cycleId: string) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const snapshots = (await snapshotsOf(db, cycleId)).map(({ members, ...s }) => ({ ...s, schools: members.length }))
  return {
    cycle: { id: cycle.id, title: cycle.title, status: cycle.status, instrumentVersion: cycle.instrumentVersion, kind: cycle.kind },
    progress: (await latestProgress(db, BUILD_REPORTS_KIND, cycleId)) ?? null,
    submitted: await countSubmittedResponses(db, cycleId),
    snapshots,
    reports: await scoredResponses(db, cycleId),
  }
}
export type CycleReportsOverview = Awaited<ReturnType<typeof cycleReportsOverview>>
