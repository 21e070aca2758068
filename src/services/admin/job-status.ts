import type { Db } from '../../db/client'
import { latestProgress } from '../../db/queries/job-progress'
import type { Actor } from '../../domain/policy/roles'
import { SEND_INVITATIONS_KIND } from '../cycles/send-invitations'
import { assertCan } from '../errors'
import { BUILD_REPORTS_KIND } from '../reports/cycle-scoring'
import { ISSUE_ALL_KIND } from '../badges/badge-issue'
import { REPORT_PDFS_KIND } from '../reports/report-pdf-pack'

/** The long jobs whose progress an admin page shows live, by the name used in their address. */
export const WATCHED_JOBS = { invitations: SEND_INVITATIONS_KIND, scoring: BUILD_REPORTS_KIND, badges: ISSUE_ALL_KIND, pdfs: REPORT_PDFS_KIND } as const
export type WatchedJob = keyof typeof WATCHED_JOBS

export type JobStatus = { status: 'none' | 'running' | 'done' | 'failed'; done: number; total: number; error: string | null; finishedAt: string | null }

/** How far the newest run of a job on this cycle has got, as the progress script polls it. */
export async function cycleJobStatus(db: Db, actor: Actor, job: WatchedJob, cycleId: string): Promise<JobStatus> {
  assertCan(actor, 'cycles.manage')
  const row = await latestProgress(db, WATCHED_JOBS[job], cycleId)
  if (!row) return { status: 'none', done: 0, total: 0, error: null, finishedAt: null }
  return { status: row.status, done: row.done, total: row.total, error: row.error, finishedAt: row.finishedAt?.toISOString() ?? null }
}
