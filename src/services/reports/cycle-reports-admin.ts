import type { Db } from '../../db/client'
import { scoredResponseCounts, scoredResponsesPage, snapshotSizes, type CycleReportFilter } from '../../db/queries/cycle-report-list'
import { findCycle } from '../../db/queries/cycles'
import { latestProgress } from '../../db/queries/job-progress'
import { countSubmittedResponses } from '../../db/queries/scoring'
import { pageSlice } from '../../domain/paging/page-slice'
import type { Actor } from '../../domain/policy/roles'
import { assertCan, notFound } from '../errors'
import { BUILD_REPORTS_KIND } from './cycle-scoring'

export type { CycleReportFilter }

/**
 * The program team's view of a cycle's reports: build progress, norms snapshots, how many reports are scored and
 * released, and one page of the schools' reports matching the filter (decision 163).
 */
export async function cycleReportsOverview(db: Db, actor: Actor, cycleId: string, list: { filter: CycleReportFilter; page: number }) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const [progress, submitted, snapshots, counts] = await Promise.all([
    latestProgress(db, BUILD_REPORTS_KIND, cycleId), countSubmittedResponses(db, cycleId), snapshotSizes(db, cycleId), scoredResponseCounts(db, cycleId, list.filter),
  ])
  const slice = pageSlice(list.page, counts.matching)
  return {
    cycle: { id: cycle.id, title: cycle.title, status: cycle.status, instrumentVersion: cycle.instrumentVersion, kind: cycle.kind },
    progress: progress ?? null,
    submitted,
    snapshots,
    counts,
    slice,
    reports: await scoredResponsesPage(db, cycleId, list.filter, slice),
  }
}
export type CycleReportsOverview = Awaited<ReturnType<typeof cycleReportsOverview>>
