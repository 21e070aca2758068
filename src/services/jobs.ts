import type { Db } from '../db/client'

/**
 * What services need from the job queue: to enqueue work in the same transaction as the change that caused it,
 * so a job exists exactly when its change committed. `src/jobs/queue.ts` implements it with pg-boss.
 */
export type JobQueue = {
  send(db: Db, name: string, data: Record<string, unknown>, options?: JobOptions): Promise<void>
}

/** `singletonKey`: while a job with this key waits or runs in an `exclusive` queue, another send adds nothing. */
export type JobOptions = { singletonKey?: string }

export const JOB_NAMES = {
  sendMail: 'mail.send',
  pruneRateLimits: 'maintenance.prune-rate-limits',
  sendInvitations: 'cycle.send-invitations',
  /** Hourly: scheduled sends, reminders and closing at the deadline. The queue keeps the name it had when it only
   * sent reminders, so the schedule stored in an installed database keeps pointing at it. */
  cycleCalendar: 'cycle.send-reminders',
  buildReports: 'cycle.build-reports',
  /** Issue the badge of one paid or waived order (`{ orderId }`); the worker lives with badge issuing. */
  badgeIssue: 'badge.issue',
  /** `{ cycleId, progressId }`: the console's "issue all" for a cycle. */
  badgeIssueAll: 'badge.issue-all',
  /** `{ cycleId, progressId }`: every scored report of a cycle as PDF, for the program team's zip (decision 170). */
  prepareReportPdfs: 'report.prepare-pdfs',
} as const
